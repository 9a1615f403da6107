import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENVIRONMENTS, EnvironmentConfig } from '../../config';
import { synthToDirectory } from '../../tools/synth';
import { run } from '../support/processes';

const PREFLIGHT = 'dist/tools/pipeline-preflight.js';
const LOCK =
  'provider "registry.terraform.io/mypurecloud/genesyscloud" {\n  version     = "1.84.1"\n  constraints = "~> 1.84"\n  hashes = [\n    "h1:AAAA",\n  ]\n}\n';

let work: string;
beforeEach(() => (work = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-'))));
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Synthesizes dev with `backend` into `<work>/out`, with or without the provider lock file in the stack. */
function synthDev(backend: EnvironmentConfig['backend'], withLock = true): string {
  const dev = ENVIRONMENTS.find((e) => e.name === 'dev')!;
  const outdir = path.join(work, 'out');
  synthToDirectory(outdir, [{ ...dev, backend }]);
  const lockFile = path.join(outdir, 'stacks', 'contact-center-dev', '.terraform.lock.hcl');
  if (withLock) fs.writeFileSync(lockFile, LOCK);
  else fs.rmSync(lockFile, { force: true });
  return outdir;
}

const preflight = (outdir: string, stack = 'contact-center-dev') => run(PREFLIGHT, ['--stack', stack, '--outdir', outdir], {}, work);

describe('pipeline preflight (npm run preflight)', () => {
  it('refuses the local backend: every run would start from empty state', async () => {
    const outdir = synthDev({ type: 'local', path: 'terraform.contact-center-dev.tfstate' });
    const r = await preflight(outdir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^GC6002 \[.*cdk\.tf\.json terraform\.backend\] the stack uses the local backend: the state would stay on the runner and be lost with it\. Fix: set this environment's backend in config\/environments\.ts to s3/m,
    );
  });

  it('passes an S3 backend with the lock file and tells the workflow which credentials to set', async () => {
    const outdir = synthDev({ type: 's3', bucket: 'acme-tf-state', key: 'genesys/dev.tfstate', region: 'eu-west-1', dynamodbTable: 'tf-locks' });
    const r = await preflight(outdir);
    expect(r).toMatchObject({ code: 0, stdout: 'backend=s3\n', stderr: '' });
  });

  it('names the Terraform Cloud token variable of the backend host', async () => {
    const cloud = await preflight(synthDev({ type: 'cloud', organization: 'acme', workspace: 'genesys-dev' }));
    expect(cloud).toMatchObject({ code: 0, stdout: 'backend=cloud\ntf_token_variable=TF_TOKEN_app_terraform_io\n' });
    const remote = await preflight(synthDev({ type: 'remote', organization: 'acme', workspace: 'genesys-dev', hostname: 'tfe.my-corp.example' }));
    expect(remote).toMatchObject({ code: 0, stdout: 'backend=remote\ntf_token_variable=TF_TOKEN_tfe_my__corp_example\n' });
  });

  it('refuses a host no TF_TOKEN_ variable can name', async () => {
    const r = await preflight(synthDev({ type: 'remote', organization: 'acme', workspace: 'genesys-dev', hostname: 'tfe.example:8443' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^GC6004 .*"tfe\.example:8443"/m);
  });

  it('refuses a stack without the provider lock file, and lists it with the backend problem', async () => {
    const r = await preflight(synthDev({ type: 'local', path: 'terraform.contact-center-dev.tfstate' }, false));
    expect(r.code).toBe(1);
    expect(
      r.stderr
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, 6)),
    ).toEqual(['GC6002', 'GC6003']);
    expect(r.stderr).toContain('run `npm run providers:lock`');
  });

  it('refuses a lock file that does not lock the Genesys provider', async () => {
    const outdir = synthDev({ type: 's3', bucket: 'acme-tf-state', key: 'genesys/dev.tfstate', region: 'eu-west-1' });
    fs.writeFileSync(
      path.join(outdir, 'stacks', 'contact-center-dev', '.terraform.lock.hcl'),
      'provider "registry.terraform.io/hashicorp/null" {\n}\n',
    );
    const r = await preflight(outdir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^GC6003 .*does not lock registry\.terraform\.io\/mypurecloud\/genesyscloud/m);
  });

  it('names a stack that was not synthesized, and a bad invocation exits 2', async () => {
    const missing = await preflight(path.join(work, 'nothing'), 'contact-center-qa');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^GC6001 .*contact-center-qa.*cdk\.tf\.json does not exist\. Fix: run `npm run synth` first/m);
    expect((await run(PREFLIGHT, [], {}, work)).code).toBe(2);
    expect((await run(PREFLIGHT, ['--stack', '../etc'], {}, work)).code).toBe(2);
    expect((await run(PREFLIGHT, ['--stak', 'x'], {}, work)).code).toBe(2);
  });

  it('refuses an S3 backend without state locking', async () => {
    const r = await preflight(synthDev({ type: 's3', bucket: 'acme-tf-state', key: 'genesys/dev.tfstate', region: 'eu-west-1' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^GC6005 .*no state locking.*Fix: add dynamodbTable/m);
  });

  it('reads only what Terraform reads: a provider named in a comment locks nothing; a backend without settings is refused', async () => {
    const outdir = synthDev({ type: 's3', bucket: 'acme-tf-state', key: 'genesys/dev.tfstate', region: 'eu-west-1', dynamodbTable: 'tf-locks' });
    const stack = path.join(outdir, 'stacks', 'contact-center-dev');
    fs.writeFileSync(path.join(stack, '.terraform.lock.hcl'), '# provider "registry.terraform.io/mypurecloud/genesyscloud" {\n');
    expect((await preflight(outdir)).stderr).toMatch(/^GC6003 /m);
    fs.writeFileSync(path.join(stack, '.terraform.lock.hcl'), LOCK);
    fs.writeFileSync(path.join(stack, 'cdk.tf.json'), JSON.stringify({ terraform: { backend: { remote: null } } }));
    const r = await preflight(outdir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `GC6002 [${path.join(stack, 'cdk.tf.json')} terraform.backend] the remote backend has no settings. Fix: set this environment's backend in config/environments.ts to s3 (with dynamodbTable), cloud or remote; see "Deploying from GitHub Actions" in README.md\n`,
    );
  });

  it('runs as one bundled file with Node alone (the credentialed jobs install nothing)', async () => {
    const outdir = synthDev({ type: 's3', bucket: 'acme-tf-state', key: 'genesys/dev.tfstate', region: 'eu-west-1', dynamodbTable: 'tf-locks' });
    const alone = path.join(work, 'alone', 'pipeline-preflight.js');
    fs.mkdirSync(path.dirname(alone));
    fs.copyFileSync(path.resolve(__dirname, '..', '..', 'dist', 'pipeline', 'pipeline-preflight.js'), alone);
    const r = await run(
      path.relative(path.resolve(__dirname, '..', '..'), alone),
      ['--stack', 'contact-center-dev', '--outdir', outdir],
      { NODE_PATH: '' },
      path.dirname(alone),
    );
    expect(r).toMatchObject({ code: 0, stdout: 'backend=s3\n' });
  });
});
