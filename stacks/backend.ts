import { CloudBackend, LocalBackend, NamedCloudWorkspace, RemoteBackend, S3Backend, TerraformStack } from 'cdktf';
import { BackendConfig } from '../config';

/** Declares the environment's state backend (always one: without it synth writes an absolute path). */
export function addBackend(stack: TerraformStack, backend: BackendConfig): void {
  switch (backend.type) {
    case 'local':
      new LocalBackend(stack, { path: backend.path });
      break;
    case 's3':
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: backend.key,
        region: backend.region,
        dynamodbTable: backend.dynamodbTable,
        encrypt: backend.encrypt ?? true,
      });
      break;
    case 'remote':
      new RemoteBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: { name: backend.workspace },
      });
      break;
    case 'cloud':
      new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: new NamedCloudWorkspace(backend.workspace),
      });
      break;
  }
}
