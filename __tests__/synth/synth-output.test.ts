import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const FAKE_ID = 'fake-client-id-7f3a9c';
const FAKE_SECRET = 'fake-client-secret-b81d44';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Runs node with a script in a child process, from the compiled app. */
function node(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('npm run synth (compiled app)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-test-'));
  const outA = path.join(work, 'out-a');
  const outB = path.join(work, 'out-b');

  beforeAll(() => {
    const env = { GENESYSCLOUD_OAUTHCLIENT_ID: FAKE_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET: FAKE_SECRET };
    for (const out of [outA, outB]) {
      const run = node(['dist/tools/synth.js', out], env);
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    }
  }, 60000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('writes the three stacks with their flow YAML', () => {
    for (const env of ['dev', 'test', 'prod']) {
      const stackDir = path.join(outA, 'stacks', `contact-center-${env}`);
      const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
      const flows = Object.values(json.resource.genesyscloud_flow) as Array<{ filepath: string }>;
      expect(flows.length).toBeGreaterThanOrEqual(3);
      for (const flow of flows) {
        expect(path.isAbsolute(flow.filepath)).toBe(false);
        expect(fs.readFileSync(path.join(stackDir, flow.filepath), 'utf8')).toMatch(/^(inboundCall|commonModule):\n/);
      }
    }
  });

  it('is deterministic: two runs give byte-identical output', () => {
    const a = files(outA).map((f) => path.relative(outA, f)).sort();
    const b = files(outB).map((f) => path.relative(outB, f)).sort();
    expect(b).toEqual(a);
    for (const f of a) expect(fs.readFileSync(path.join(outB, f), 'utf8')).toBe(fs.readFileSync(path.join(outA, f), 'utf8'));
  });

  it('holds no secrets and no absolute machine paths', () => {
    const forbidden = [FAKE_ID, FAKE_SECRET, 'oauthclient', work, os.tmpdir(), root, os.homedir(), '/root/', '/home/', '/work/'];
    for (const file of files(outA)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const needle of forbidden) {
        if (text.includes(needle)) throw new Error(`${path.relative(outA, file)} contains ${JSON.stringify(needle)}`);
      }
    }
  });

  it('exits 1 on invalid configuration, lists every problem and writes nothing', () => {
    const out = path.join(work, 'bad-out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'keep.txt'), 'previous output');
    const script = `
      const { synthToDirectory } = require('./dist/tools/synth');
      const { runSynth } = require('./dist/tools/synth-runner');
      const { ENVIRONMENTS } = require('./dist/config');
      const dev = ENVIRONMENTS[0];
      const bad = { ...dev, region: 'mars-1', backend: { type: 'local', path: '/abs/state' },
        ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, dnis: ['555-0100'], didPool: undefined } } };
      runSynth(() => synthToDirectory(${JSON.stringify(out)}, [bad, ENVIRONMENTS[1]]));`;
    const run = node(['-e', script]);
    expect(run.status).toBe(1);
    for (const code of ['GC3001', 'GC3002', 'GC3004']) expect(run.stderr).toContain(code);
    expect(fs.readdirSync(out)).toEqual(['keep.txt']);
    expect(fs.readdirSync(work).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('exits 1 on an invalid flow definition, naming the construct path', () => {
    const out = path.join(work, 'bad-flow');
    const script = `
      const { synthToDirectory } = require('./dist/tools/synth');
      const { runSynth } = require('./dist/tools/synth-runner');
      const { ENVIRONMENTS } = require('./dist/config');
      runSynth(() => synthToDirectory(${JSON.stringify(out)}, [{ ...ENVIRONMENTS[0], namePrefix: 'D'.repeat(190) }]));`;
    const run = node(['-e', script]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/GC1014 \[contact-center-dev\/PinAuth\] flow name is longer than 200 characters/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('exits 2 on an internal error', () => {
    const run = node(['-e', `require('./dist/tools/synth-runner').runSynth(() => { throw new TypeError('boom'); });`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('internal error');
  });
});
