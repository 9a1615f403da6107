import AdmZip from 'adm-zip';
import type * as platformClient from 'purecloud-platform-client-v2';
import { GenesysApis, GenesysClient } from '../genesys/genesys-client';
import { GenesysError } from '../genesys/genesys-error';

type Flow = platformClient.Models.Flow;
type JobMessage = platformClient.Models.ArchitectJobMessage;

export interface PollOptions {
  /** Give up after this long. @default 120000 */
  readonly timeoutMs?: number;
  /** Wait between polls. @default 1000 */
  readonly intervalMs?: number;
  /** Wait before the first poll of an export job (most finish within it: one poll per job). @default intervalMs */
  readonly firstPollMs?: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Architect operations built on the Genesys client, shared by the custom resource, drift and the demo. */
export class ArchitectOps {
  constructor(readonly client: GenesysClient) {}

  /** The flow with exactly this name and type, or undefined. */
  async findFlow(name: string, type: string): Promise<Flow | undefined> {
    const listing = await this.client.call<platformClient.Models.FlowEntityListing>('GET /api/v2/flows', (a) =>
      a.architect.getFlows({ name, type: [type.toLowerCase()], pageSize: 500, includeSchemas: false }),
    );
    return (listing.entities ?? []).find((f) => f.name === name && (f.type ?? '').toUpperCase() === type.toUpperCase());
  }

  async getFlow(id: string): Promise<Flow> {
    return this.client.call<Flow>('GET /api/v2/flows/{id}', (a) => a.architect.getFlow(id));
  }

  /** Waits until the flow exists with a published version (publishing is asynchronous). */
  async waitForPublished(name: string, type: string, poll: PollOptions = {}): Promise<Flow> {
    const deadline = Date.now() + (poll.timeoutMs ?? 120_000);
    for (;;) {
      const flow = await this.findFlow(name, type);
      if (flow?.publishedVersion?.id) return flow;
      if (Date.now() >= deadline) {
        throw new GenesysError('GC4003', `flow ${type} '${name}'`, flow ? 'the flow exists but has no published version' : 'no flow with this name and type exists', name, 'check the apply of its genesyscloud_flow resource (the import job may have failed)');
      }
      await pause(poll.intervalMs ?? 1000);
    }
  }

  /**
   * Exports flow versions with one export job (many versions per job keeps API calls low) and returns
   * the YAML of each, keyed by flow id.
   */
  async exportVersions(refs: ReadonlyArray<{ id: string; version: string }>, poll: PollOptions = {}): Promise<Map<string, string>> {
    const job = await this.client.call<platformClient.Models.RegisterArchitectExportJobResponse>('POST /api/v2/flows/export/jobs', (a) =>
      a.architect.postFlowsExportJobs({ flows: refs.map((r, i) => ({ flow: { id: r.id, version: r.version }, fileName: exportFileName(r.id, i), exportType: 'Yaml' })) }),
    );
    const deadline = Date.now() + (poll.timeoutMs ?? 120_000);
    let state: platformClient.Models.ArchitectExportJobStateResponse;
    for (let attempt = 0; ; attempt++) {
      await pause(attempt === 0 ? (poll.firstPollMs ?? poll.intervalMs ?? 500) : (poll.intervalMs ?? 500));
      state = await this.client.call('GET /api/v2/flows/export/jobs/{id}', (a) => a.architect.getFlowsExportJob(job.id!));
      if (state.status !== 'Started' && state.status !== 'Registered') break;
      if (Date.now() >= deadline) throw new GenesysError('GC4004', 'export job', 'the export job did not finish in time', job.id, 'retry later');
    }
    if (state.status !== 'Success' || !state.downloadUrl) {
      throw new GenesysError('GC4003', 'export job', `the export failed: ${plainMessages(state.messages)}`, job.id, 'retry; if it persists, export the flow in Architect to see why');
    }
    const data = await this.client.download(state.downloadUrl);
    if (!isZip(data)) {
      if (refs.length !== 1) throw new GenesysError('GC4003', 'export job', `expected a zip of ${refs.length} files, got one file`, job.id, 'retry the check');
      return new Map([[refs[0].id, data.toString('utf8')]]);
    }
    // Each file carries the name we asked for plus the extension the platform appends; match by name, not by position.
    const byName = new Map(new AdmZip(data).getEntries().filter((e) => !e.isDirectory).map((e) => [withoutExtension(e.entryName.split('/').pop()!), e.getData().toString('utf8')]));
    const result = new Map<string, string>();
    for (const [i, r] of refs.entries()) {
      const yaml = byName.get(exportFileName(r.id, i));
      if (yaml === undefined) throw new GenesysError('GC4003', 'export job', `the export has no file for flow ${r.id}`, [...byName.keys()].join(', '), 'retry the check');
      result.set(r.id, yaml);
    }
    return result;
  }

  /** Published flows that call a common module: id, name, type and the consumer's version. */
  async consumersOf(moduleId: string): Promise<platformClient.Models.Dependency[]> {
    return this.allPages('GET consumingresources', (a, page) =>
      a.architect.getArchitectDependencytrackingConsumingresources(moduleId, 'COMMONMODULEFLOW', { flowFilter: 'published', pageSize: 100, pageNumber: page }),
    );
  }

  /** Every flow of the given types, in pages of 500 (the API's largest). */
  async listFlows(types: string[]): Promise<Flow[]> {
    return this.allPages('GET /api/v2/flows', (a, page) => a.architect.getFlows({ type: types, pageSize: 500, pageNumber: page }));
  }

  /** Every IVR configuration. */
  async listIvrs(): Promise<platformClient.Models.IVR[]> {
    return this.allPages('GET /api/v2/architect/ivrs', (a, page) => a.architect.getArchitectIvrs({ pageSize: 100, pageNumber: page }));
  }

  /** Follows a paged listing to its last page. */
  private async allPages<T>(label: string, fetchPage: (apis: GenesysApis, page: number) => Promise<unknown>): Promise<T[]> {
    const found: T[] = [];
    for (let page = 1; ; page++) {
      const listing = await this.client.call<{ entities?: T[]; pageCount?: number }>(label, (a) => fetchPage(a, page));
      found.push(...(listing.entities ?? []));
      if (!listing.pageCount || page >= listing.pageCount) return found;
    }
  }

  /** Version of `moduleName` bound into the consumer's published version (undefined when it does not call it). */
  async boundModuleVersion(consumer: platformClient.Models.Dependency, moduleName: string): Promise<string | undefined> {
    const listing = await this.client.call<platformClient.Models.ConsumedResourcesEntityListing>('GET consumedresources', (a) =>
      a.architect.getArchitectDependencytrackingConsumedresources(consumer.id!, consumer.version!, consumer.type ?? 'INBOUNDCALLFLOW', { pageSize: 100 }),
    );
    return (listing.entities ?? []).find((d) => d.name === moduleName && d.type === 'COMMONMODULEFLOW')?.version;
  }

  /** Publishes the flow's latest configuration again (rebinding the modules it calls). */
  async publish(flowId: string): Promise<platformClient.Models.Operation> {
    const operation = await this.client.call<platformClient.Models.Operation>('POST /api/v2/flows/actions/publish', (a) => a.architect.postFlowsActionsPublish(flowId));
    if (operation.errorMessage) {
      throw new GenesysError('GC4003', `publish ${flowId}`, `publishing failed: ${operation.errorMessage}`, flowId, 'open the flow in Architect to see the validation errors');
    }
    return operation;
  }

  /**
   * Imports and publishes a flow file the way the provider does: register a job, PUT the YAML to the
   * presigned URL, poll the job. Returns the job's messages; throws with them in plain words on failure.
   */
  async importFlow(yaml: string, poll: PollOptions = {}): Promise<{ flowId?: string; messages: string[] }> {
    const job = await this.client.call<platformClient.Models.RegisterArchitectJobResponse>('POST /api/v2/flows/jobs', (a) => a.architect.postFlowsJobs());
    await this.client.upload(job.presignedUrl!, job.headers ?? {}, yaml);
    const deadline = Date.now() + (poll.timeoutMs ?? 16 * 60_000);
    for (;;) {
      await pause(poll.intervalMs ?? 1000);
      const state = await this.client.call<platformClient.Models.ArchitectJobStateResponse>('GET /api/v2/flows/jobs/{id}', (a) => a.architect.getFlowsJob(job.id!, { expand: ['messages'] }));
      if (state.status === 'Success') return { flowId: state.flow?.id, messages: (state.messages ?? []).map((m) => m.text ?? '') };
      if (state.status === 'Failure') {
        throw new GenesysError('GC4003', 'import job', `the platform rejected the flow: ${plainMessages(state.messages)}`, job.id, 'fix the flow definition (see the messages) and apply again');
      }
      if (Date.now() >= deadline) throw new GenesysError('GC4004', 'import job', 'the import job did not finish in time', job.id, 'apply again later');
    }
  }
}

/** Job messages as one readable sentence list. */
export function plainMessages(messages: readonly JobMessage[] | undefined): string {
  const texts = (messages ?? []).filter((m) => m.type !== 'info').map((m) => (m.text ?? '').trim()).filter(Boolean);
  return texts.length > 0 ? texts.join(' | ') : 'no message from the platform';
}

/** Who holds a lock on the flow, in words, or undefined when it is not locked. */
export function lockHolder(flow: Flow, ourClientId: string): string | undefined {
  if (flow.lockedUser) return `user ${flow.lockedUser.name ?? flow.lockedUser.id}`;
  if (flow.lockedClient && flow.lockedClient.id !== ourClientId) return `OAuth client ${flow.lockedClient.name ?? flow.lockedClient.id}`;
  return undefined;
}

/**
 * `ExportDetails.fileName`: "Must contain only alphanumeric characters, underscores, or hyphens"; the
 * platform appends the extension (Genesys SDK model docs, ExportDetails). The index keeps names unique.
 */
export function exportFileName(flowId: string, index: number): string {
  return `flow_${index}_${flowId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** `flow_0_abc.yaml` → `flow_0_abc`: the platform's extension is not part of the name we gave. */
function withoutExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

function isZip(data: Buffer): boolean {
  return data.length > 3 && data[0] === 0x50 && data[1] === 0x4b;
}
