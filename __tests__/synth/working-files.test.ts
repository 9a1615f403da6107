import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { carryOverWorkingFiles } from '../../runtime/synth/terraform-working-files';
import { makeTempProject } from '../support/temp-project';

const root = path.resolve(__dirname, '..', '..');
const dist = (...parts: string[]) => path.join(root, 'dist', ...parts);
const STACKS = ['contact-center-dev', 'contact-center-test', 'contact-center-prod'];
// The project lock file cases are in working-files-lock.test.ts.

/** Every path under `dir` (symlinks listed, not followed) with its content or link target. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = path.join(rel, e.name);
      if (e.isSymbolicLink()) out[p] = `-> ${fs.readlinkSync(path.join(dir, p))}`;
      else if (e.isDirectory()) walk(p);
      else out[p] = fs.readFileSync(path.join(dir, p), 'utf8');
    }
  };
  walk('');
  return out;
}

describe('synth keeps Terraform working files', () => {
  let work: string;
  /** A project folder (cdktf.json, no lock file) that the compiled tools run in. */
  let project: string;
  /** What a first `node dist/tools/synth.js` writes there: synthesized once, copied for each test's previous output. */
  let baseline: { work: string; out: string };
  beforeAll(() => {
    const { work: baseWork, project: baseProject } = makeTempProject('working-files-baseline');
    baseline = { work: baseWork, out: path.join(baseWork, 'cdktf.out') };
    synth(baseline.out, baseProject);
  });
  afterAll(() => baseline && fs.rmSync(baseline.work, { recursive: true, force: true }));
  beforeEach(() => ({ work, project } = makeTempProject('working-files')));
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  const node = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
    spawnSync(process.execPath, args, { cwd: options.cwd ?? project, encoding: 'utf8', env: { ...process.env, ...options.env }, timeout: 60000 });
  const synth = (out: string, cwd?: string) => {
    const run = node([dist('tools', 'synth.js'), out], { cwd });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  };
  const stackDir = (out: string, stack: string) => path.join(out, 'stacks', stack);
  /** The output of a first synth into `out` (a copy of the baseline: the same files). */
  const synthesized = (out: string) => fs.cpSync(baseline.out, out, { recursive: true, verbatimSymlinks: true });

  it('state, .terraform/, a saved plan and other entries survive two synths; what synth writes is rewritten', () => {
    const out = path.join(work, 'cdktf.out');
    const outside = path.join(work, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'keep.txt'), 'outside the output folder');
    synthesized(out);
    const dev = stackDir(out, 'contact-center-dev');
    const written = fs.readFileSync(path.join(dev, 'cdk.tf.json'), 'utf8');
    const working = {
      'terraform.contact-center-dev.tfstate': '{"version":4}',
      'terraform.contact-center-dev.tfstate.backup': '{"version":4,"serial":1}',
      tfplan: 'saved plan',
      '.terraform.lock.hcl': 'lock written by terraform init',
      '.terraform/providers/marker': 'installed provider',
      'state/nested.tfstate': '{}',
    };
    for (const [file, text] of Object.entries(working)) {
      fs.mkdirSync(path.dirname(path.join(dev, file)), { recursive: true });
      fs.writeFileSync(path.join(dev, file), text);
    }
    fs.symlinkSync(outside, path.join(dev, 'cache-link'));
    fs.writeFileSync(path.join(dev, 'cdk.tf.json'), 'edited by hand');

    synth(out);
    synth(out);

    const after = snapshot(dev);
    for (const [file, text] of Object.entries(working)) expect(after[file]).toBe(text);
    expect(after['cache-link']).toBe(`-> ${outside}`);
    expect(after['cdk.tf.json']).toBe(written);
    expect(snapshot(outside)).toEqual({ 'keep.txt': 'outside the output folder' });
    expect(fs.readdirSync(work).filter((f) => /\.(partial|previous)-/.test(f))).toEqual([]);
  });

  it('keeps a stack folder that is no longer synthesized when it holds anything besides synth output, drops the others', () => {
    const out = path.join(work, 'cdktf.out');
    synthesized(out);
    const outside = path.join(work, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'keep.txt'), 'outside the output folder');
    const kept = {
      'contact-center-retired': { 'terraform.contact-center-retired.tfstate': '{"serial":7}' },
      'contact-center-initialized': { '.terraform/providers/marker': 'installed provider' },
      // A local backend accepts any state file name.
      'contact-center-renamed': { 'dev.state': '{"serial":4}', 'cdk.tf.json': '{}' },
      'contact-center-nested': { 'state/prod.json': '{"serial":5}', 'assets/x/main.tf': '' },
      'contact-center-plan': { tfplan: 'saved plan', '.terraform.lock.hcl': 'lock' },
    };
    const removed = {
      'contact-center-old': { 'cdk.tf.json': '{}' },
      'contact-center-synth-only': { 'cdk.tf.json': '{}', 'assets/flows/flow.yaml': 'flow', '.terraform.lock.hcl': 'lock' },
      'contact-center-empty': {},
    };
    for (const [stack, files] of Object.entries({ ...kept, ...removed })) {
      fs.mkdirSync(stackDir(out, stack), { recursive: true });
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(stackDir(out, stack), file)), { recursive: true });
        fs.writeFileSync(path.join(stackDir(out, stack), file), text);
      }
    }
    // Symlinks are not followed: a link is not synth output, even under a synth output name.
    fs.mkdirSync(stackDir(out, 'contact-center-linked'));
    fs.symlinkSync(outside, path.join(stackDir(out, 'contact-center-linked'), 'assets'));

    synth(out);

    expect(fs.readdirSync(path.join(out, 'stacks')).sort()).toEqual([...STACKS, ...Object.keys(kept), 'contact-center-linked'].sort());
    for (const [stack, files] of Object.entries(kept)) {
      for (const [file, text] of Object.entries(files)) expect(fs.readFileSync(path.join(stackDir(out, stack), file), 'utf8')).toBe(text);
    }
    expect(fs.readlinkSync(path.join(stackDir(out, 'contact-center-linked'), 'assets'))).toBe(outside);
    expect(snapshot(outside)).toEqual({ 'keep.txt': 'outside the output folder' });
  });

  it('removing an environment keeps its stack folder when its local state has another name (dev.state)', () => {
    const out = path.join(work, 'cdktf.out');
    synthesized(out);
    const dev = stackDir(out, 'contact-center-dev');
    fs.writeFileSync(path.join(dev, 'dev.state'), '{"serial":11}');
    const preload = path.join(work, 'drop-dev.js');
    fs.writeFileSync(
      preload,
      `const { ENVIRONMENTS } = require(${JSON.stringify(dist('config', 'index.js'))});\nENVIRONMENTS.splice(ENVIRONMENTS.findIndex((e) => e.name === 'dev'), 1);\n`,
    );

    const run = node(['-r', preload, dist('tools', 'synth.js'), out]);

    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(fs.readFileSync(path.join(dev, 'dev.state'), 'utf8')).toBe('{"serial":11}');
  });

  it('a failed synth (invalid configuration) leaves the previous output, state included, as it was', () => {
    const out = path.join(work, 'cdktf.out');
    synthesized(out);
    fs.writeFileSync(path.join(stackDir(out, 'contact-center-dev'), 'terraform.contact-center-dev.tfstate'), '{"serial":3}');
    fs.mkdirSync(path.join(stackDir(out, 'contact-center-dev'), '.terraform'));
    const before = snapshot(out);
    const preload = path.join(work, 'break-config.js');
    fs.writeFileSync(
      preload,
      `const { ENVIRONMENTS } = require(${JSON.stringify(dist('config', 'index.js'))});\nENVIRONMENTS[0] = { ...ENVIRONMENTS[0], region: 'mars-1' };\n`,
    );

    const run = node(['-r', preload, dist('tools', 'synth.js'), out]);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('GC3001');
    expect(snapshot(out)).toEqual(before);
    expect(fs.existsSync(path.join(stackDir(out, 'contact-center-dev'), '.terraform'))).toBe(true);
    expect(fs.readdirSync(work).filter((f) => /\.(partial|previous)-/.test(f))).toEqual([]);
  });

  it('moveBack returns every carried entry to the previous output (used when the swap fails)', () => {
    const previous = path.join(work, 'previous');
    const staging = path.join(work, 'staging');
    fs.mkdirSync(path.join(previous, 'stacks', 'a'), { recursive: true });
    fs.mkdirSync(path.join(previous, 'stacks', 'gone'), { recursive: true });
    fs.mkdirSync(path.join(staging, 'stacks', 'a'), { recursive: true });
    fs.writeFileSync(path.join(previous, 'stacks', 'a', 'a.tfstate'), 'a');
    fs.writeFileSync(path.join(previous, 'stacks', 'gone', 'gone.tfstate'), 'gone');
    const before = snapshot(previous);

    const carried = carryOverWorkingFiles(previous, staging);
    expect(snapshot(staging)).toEqual({ [path.join('stacks', 'a', 'a.tfstate')]: 'a', [path.join('stacks', 'gone', 'gone.tfstate')]: 'gone' });
    carried.moveBack();

    expect(snapshot(previous)).toEqual(before);
    expect(snapshot(staging)).toEqual({});
  });
});
