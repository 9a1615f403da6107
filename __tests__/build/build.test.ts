import * as fs from 'fs';
import { BuildCopy, HANDLER_INPUT, HANDLER_INPUT_OUTPUT, PIPELINE_INPUT, makeBuildCopy } from './build-copy';

// scripts/build.js in a temporary copy of the project (see build-copy.ts): the first build, nothing
// stale, one bundle's input changed, a failing compile, deleted outputs, --force. The other cases are in
// build-sources, build-outside-include, build-lock and build-tsc-inputs (own copies, run in parallel).

let copy: BuildCopy;
const OUTPUTS = [
  'dist/config/closest.js',
  HANDLER_INPUT_OUTPUT,
  'dist/handlers/flow-check.js',
  'dist/pipeline/drift.js',
  'dist/pipeline/plan-review.js',
  'dist/pipeline/pipeline-preflight.js',
  'dist/.tsbuildinfo',
  'dist/.build-stamp.json',
];
const mtimes = () => Object.fromEntries(OUTPUTS.map((o) => [o, copy.mtime(o)]));

beforeAll(async () => {
  copy = await makeBuildCopy();
}, 120_000);

afterAll(() => copy?.remove());

describe('scripts/build.js (in a temporary copy of the project)', () => {
  it('first build: runs tsc and both esbuild bundles, prints one line per step on stderr only', () => {
    const { first, file, metaInputs, stamp } = copy;
    expect(first.stderr).not.toMatch(/FAILED/);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.steps).toEqual(['esbuild flow-check', 'esbuild pipeline', 'tsc']);
    expect(first.stderr).toMatch(/^build: tsc \(no previous build\) \d+\.\d s$/m);
    for (const o of OUTPUTS) expect(fs.existsSync(file(o))).toBe(true);
    // The premise of the next tests: each bundle's inputs, from esbuild's metafile.
    expect(metaInputs('flow-check')).toContain(HANDLER_INPUT);
    expect(metaInputs('flow-check')).not.toContain(PIPELINE_INPUT);
    expect(metaInputs('pipeline')).toContain(PIPELINE_INPUT);
    expect(metaInputs('pipeline')).not.toContain(HANDLER_INPUT);
    expect(metaInputs('flow-check').some((i) => i.includes('node_modules/'))).toBe(true);
    expect(Object.keys(stamp().steps['flow-check'].inputs)).toEqual(expect.arrayContaining(metaInputs('flow-check')));
  });

  it('nothing changed: runs nothing, prints nothing, rewrites nothing, even when mtimes moved', async () => {
    const { build, file } = copy;
    const before = mtimes();
    const quiet = await build();
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
    // Same contents with new mtimes (a git checkout, a CI cache restore): still nothing to do.
    const later = new Date(Date.now() + 3600_000);
    for (const rel of [HANDLER_INPUT, PIPELINE_INPUT, 'package.json', 'tsconfig.json']) {
      fs.writeFileSync(file(rel), fs.readFileSync(file(rel)));
      fs.utimesSync(file(rel), later, later);
    }
    expect(await build()).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(mtimes()).toEqual(before);
  });

  it('a changed source that only the pipeline bundles read: tsc and the pipeline bundles run, not the handler bundle', async () => {
    const { build, edit, file, mtime } = copy;
    const handler = mtime('dist/handlers/flow-check.js');
    edit(PIPELINE_INPUT, (t) => `${t}\n// edited by the build test\n`);
    const result = await build();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.steps).toEqual(['esbuild pipeline', 'tsc']);
    expect(result.stderr).toMatch(new RegExp(`^build: tsc \\(changed: ${PIPELINE_INPUT}\\) \\d+\\.\\d s$`, 'm'));
    expect(fs.readFileSync(file('dist/config/closest.js'), 'utf8')).toContain('// edited by the build test');
    expect(mtime('dist/handlers/flow-check.js')).toBe(handler);
    expect((await build()).stderr).toBe('');
  });

  it("a failing compile: exits with tsc's code, records no success, and the next run tries again", async () => {
    const { build, edit, file, stamp } = copy;
    const original = fs.readFileSync(file(HANDLER_INPUT), 'utf8');
    // A type error: tsc fails, esbuild (which does not type-check) bundles the handler.
    edit(HANDLER_INPUT, (t) => `${t}\nexport const brokenByTheBuildTest: number = 'not a number';\n`);
    const failed = await build();
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain('error TS2322');
    expect(failed.failed).toEqual(['tsc']);
    expect(failed.steps).toEqual(['esbuild flow-check', 'tsc']);
    expect(stamp().steps.tsc.failed).toBe(true);
    expect(stamp().steps['flow-check'].failed).toBeUndefined();

    const again = await build();
    expect(again.code).toBe(2);
    expect(again.steps).toEqual(['tsc']);
    expect(again.stderr).toMatch(/^build: tsc \(failed or interrupted last time\) FAILED/m);

    fs.writeFileSync(file(HANDLER_INPUT), original);
    const fixed = await build();
    expect(fixed.code).toBe(0);
    expect(fixed.steps).toEqual(['esbuild flow-check', 'tsc']);
    expect((await build()).stderr).toBe('');
  });

  it('a deleted output is built again (tsc re-emits every file, not only changed ones)', async () => {
    const { build, file, mtime } = copy;
    const pipeline = mtime('dist/pipeline/drift.js');
    fs.rmSync(file('dist/config/closest.js'));
    fs.rmSync(file('dist/handlers/flow-check.js'));
    const result = await build();
    expect(result.code).toBe(0);
    expect(result.steps).toEqual(['esbuild flow-check', 'tsc']);
    expect(result.stderr).toMatch(/^build: tsc \(missing: dist\/config\/closest\.js\)/m);
    expect(fs.existsSync(file('dist/config/closest.js'))).toBe(true);
    expect(fs.existsSync(file('dist/handlers/flow-check.js'))).toBe(true);
    expect(mtime('dist/pipeline/drift.js')).toBe(pipeline);

    // A missing metafile means unknown inputs: that bundle is built again.
    fs.rmSync(file('dist/.build/pipeline.meta.json'));
    expect((await build()).steps).toEqual(['esbuild pipeline']);
    expect((await build()).stderr).toBe('');
  });

  it('--force rebuilds everything, then nothing is stale', async () => {
    const { build, mtime } = copy;
    const before = mtimes();
    const forced = await build(['--force']);
    expect(forced.code).toBe(0);
    expect(forced.steps).toEqual(['esbuild flow-check', 'esbuild pipeline', 'tsc']);
    expect(forced.stderr.match(/\(forced\)/g)).toHaveLength(3);
    for (const o of ['dist/config/closest.js', 'dist/handlers/flow-check.js', 'dist/pipeline/drift.js']) expect(mtime(o)).toBeGreaterThan(before[o]);
    expect((await build()).stderr).toBe('');
  });
});
