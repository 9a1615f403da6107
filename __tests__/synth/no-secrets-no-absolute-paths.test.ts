import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ENVIRONMENTS } from '../../config';
import { addEnvironments } from '../../stacks';

const root = path.resolve(__dirname, '..', '..');
const MARKER_ID = `marker-client-id-${process.pid}-5f1c0e`;
const MARKER_SECRET = `marker-client-secret-${process.pid}-a93b7d`;
const SECRET_VARS = { GENESYSCLOUD_OAUTHCLIENT_ID: MARKER_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET: MARKER_SECRET, GENESYSCLOUD_REGION: 'us-east-1' };

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('synthesized output holds no secrets and no absolute machine paths', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'no-secrets-'));
  const outdir = path.join(work, 'cdktf.out');
  const saved: Record<string, string | undefined> = {};
  let written: string[] = [];

  beforeAll(() => {
    for (const [k, v] of Object.entries(SECRET_VARS)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    try {
      const app = new App({ outdir });
      addEnvironments(app, ENVIRONMENTS);
      app.synth();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    written = files(outdir);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('writes every environment (sanity check for the scans below)', () => {
    for (const name of ENVIRONMENTS.map((e) => e.name)) {
      expect(written).toContain(path.join(outdir, 'stacks', `contact-center-${name}`, 'cdk.tf.json'));
    }
    expect(written.filter((f) => f.endsWith('.yaml')).length).toBeGreaterThanOrEqual(3 * ENVIRONMENTS.length);
  });

  it('no file contains the credentials or a machine path', () => {
    const forbidden = [MARKER_ID, MARKER_SECRET, work, outdir, os.tmpdir(), process.cwd(), root, os.homedir(), '/home/', '/root/', '/work/'];
    const hits: string[] = [];
    for (const file of written) {
      const text = fs.readFileSync(file, 'utf8');
      for (const needle of forbidden) if (text.includes(needle)) hits.push(`${path.relative(outdir, file)} contains ${JSON.stringify(needle)}`);
    }
    expect(hits).toEqual([]);
  });

  it('no Terraform configuration, manifest or flow file mentions oauthclient (credentials stay in the environment)', () => {
    // Bundled handler code (*.js assets) may name the credential variables it reads at run time and
    // carries the Genesys SDK (getOauthClient, ...): it is scanned for secret values above, not for the word.
    const config = written.filter((f) => !f.endsWith('.js'));
    expect(config.some((f) => f.endsWith('cdk.tf.json'))).toBe(true);
    expect(config.some((f) => f.endsWith('.yaml'))).toBe(true);
    const hits = config.filter((f) => /oauthclient/i.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(outdir, f));
    expect(hits).toEqual([]);
  });

  it('no file or folder name contains a secret', () => {
    for (const file of written) {
      const rel = path.relative(outdir, file);
      expect(rel).not.toContain(MARKER_ID);
      expect(rel).not.toContain(MARKER_SECRET);
    }
  });

  describe.each(ENVIRONMENTS.map((e) => e.name))('%s', (name) => {
    const stackDir = () => path.join(outdir, 'stacks', `contact-center-${name}`);
    const json = () => JSON.parse(fs.readFileSync(path.join(stackDir(), 'cdk.tf.json'), 'utf8'));

    it('every flow filepath is relative, stays inside the stack folder and exists there', () => {
      const flows = Object.values(json().resource.genesyscloud_flow) as Array<{ filepath: string }>;
      expect(flows.length).toBeGreaterThanOrEqual(3);
      for (const { filepath } of flows) {
        expect(path.isAbsolute(filepath)).toBe(false);
        expect(filepath).toMatch(/^assets\//);
        const resolved = path.resolve(stackDir(), filepath);
        expect(resolved.startsWith(stackDir() + path.sep)).toBe(true);
        expect(fs.statSync(resolved).isFile()).toBe(true);
        expect(fs.readFileSync(resolved, 'utf8')).toMatch(/^(inboundCall|commonModule|inqueueCall):\n/);
      }
    });

    it('the local backend path is relative', () => {
      const backend = json().terraform.backend;
      expect(Object.keys(backend)).toEqual(['local']);
      expect(path.isAbsolute(backend.local.path)).toBe(false);
      expect(backend.local.path).toBe(`terraform.contact-center-${name}.tfstate`);
    });

    it('the provider block carries only the region', () => {
      expect(json().provider.genesyscloud).toEqual([{ aws_region: ENVIRONMENTS.find((e) => e.name === name)!.region }]);
    });
  });

  it('the manifest refers to stacks by relative paths', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    for (const stack of Object.values(manifest.stacks) as Array<Record<string, string>>) {
      for (const key of ['synthesizedStackPath', 'workingDirectory']) expect(path.isAbsolute(stack[key])).toBe(false);
    }
  });
});
