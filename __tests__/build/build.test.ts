import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// scripts/build.js rebuilds only what is stale. These tests run it in one temporary copy of the project
// (sources, tsconfig, package files, scripts/build.js, a node_modules symlink), never in the repository's
// dist/, which other test files read meanwhile. The tests run in order and share that copy.
//
// To keep each tsc run near one second, the copy's tsconfig compiles two files (and what they import)
// instead of the whole project: runtime/flow-check/payload-file.ts (an input of the flow-check handler
// bundle, not of the pipeline bundles) and config/closest.ts (an input of the pipeline bundles, not of
// the handler), plus whatever config/build-test-*.ts a test creates. The esbuild bundles are the real ones. The last describe checks, against the real
// tsconfig, that the script hashes exactly the project files tsc compiles.

const root = path.resolve(__dirname, '..', '..');
const COPIED = ['main.ts', 'simulator', 'emulator', 'runtime', 'config', 'constructs', 'stacks', 'flow', 'tools', 'bench', '.gen', 'tsconfig.json', 'package.json', 'package-lock.json', 'scripts/build.js'];
const HANDLER_INPUT = 'runtime/flow-check/payload-file.ts';
const PIPELINE_INPUT = 'config/closest.ts';
/** Matched by a glob of the copy's tsconfig, so a new file there is a new input of tsc (of no bundle). */
const EXTRA_SOURCE = 'config/build-test-extra.ts';

interface Build {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The steps that ran (or failed), e.g. ['esbuild flow-check', 'tsc'], sorted. */
  steps: string[];
  failed: string[];
}

let work: string;
let project: string;
let first: Build;

const file = (rel: string) => path.join(project, rel);
const mtime = (rel: string) => fs.statSync(file(rel)).mtimeMs;
const metaInputs = (bundle: string) => Object.keys(JSON.parse(fs.readFileSync(file(`dist/.build/${bundle}.meta.json`), 'utf8')).inputs);
const stamp = () => JSON.parse(fs.readFileSync(file('dist/.build-stamp.json'), 'utf8'));

function build(args: string[] = []): Promise<Build> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file('scripts/build.js'), ...args], { cwd: project });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const lines = [...stderr.matchAll(/^build: (tsc|esbuild [\w-]+) \(.*\) (FAILED)?/gm)];
      resolve({
        code,
        stdout,
        stderr,
        steps: lines.map((m) => m[1]).sort(),
        failed: lines.filter((m) => m[2]).map((m) => m[1]).sort(),
      });
    });
  });
}

function edit(rel: string, change: (text: string) => string) {
  fs.writeFileSync(file(rel), change(fs.readFileSync(file(rel), 'utf8')));
}

const OUTPUTS = ['dist/config/closest.js', 'dist/runtime/flow-check/payload-file.js', 'dist/handlers/flow-check.js', 'dist/pipeline/drift.js', 'dist/pipeline/plan-review.js', 'dist/pipeline/pipeline-preflight.js', 'dist/.tsbuildinfo', 'dist/.build-stamp.json'];
const mtimes = () => Object.fromEntries(OUTPUTS.map((o) => [o, mtime(o)]));

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'build-once-'));
  project = path.join(work, 'project');
  for (const entry of COPIED) fs.cpSync(path.join(root, entry), file(entry), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), file('node_modules'), 'dir');
  const tsconfig = JSON.parse(fs.readFileSync(file('tsconfig.json'), 'utf8'));
  tsconfig.include = [HANDLER_INPUT, PIPELINE_INPUT, 'config/build-test-*.ts'];
  tsconfig.compilerOptions.types = ['node'];
  fs.writeFileSync(file('tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  first = await build();
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('scripts/build.js (in a temporary copy of the project)', () => {
  it('first build: runs tsc and both esbuild bundles, prints one line per step on stderr only', () => {
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

  it('a failing compile: exits with tsc\'s code, records no success, and the next run tries again', async () => {
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
    const before = mtimes();
    const forced = await build(['--force']);
    expect(forced.code).toBe(0);
    expect(forced.steps).toEqual(['esbuild flow-check', 'esbuild pipeline', 'tsc']);
    expect(forced.stderr.match(/\(forced\)/g)).toHaveLength(3);
    for (const o of ['dist/config/closest.js', 'dist/handlers/flow-check.js', 'dist/pipeline/drift.js']) expect(mtime(o)).toBeGreaterThan(before[o]);
    expect((await build()).stderr).toBe('');
  });

  it('two concurrent runs: one builds, the other waits for the lock and finds nothing stale', async () => {
    // A new file matched by tsconfig's include is a new input of tsc (and of no bundle).
    fs.writeFileSync(file(EXTRA_SOURCE), 'export const extra = 1;\n');
    const both = await Promise.all([build(), build()]);
    for (const b of both) expect(b).toMatchObject({ code: 0, stdout: '', failed: [] });
    expect(both.flatMap((b) => b.steps)).toEqual(['tsc']);
    expect(both.map((b) => b.stderr).join('')).toContain(`(changed: ${EXTRA_SOURCE})`);
    expect(fs.existsSync(file('dist/config/build-test-extra.js'))).toBe(true);
    expect(fs.existsSync(file('dist/.build.lock'))).toBe(false);
    expect((await build()).stderr).toBe('');
  });

  it('a deleted source: tsc runs and its stale output is removed', async () => {
    fs.rmSync(file(EXTRA_SOURCE));
    const result = await build();
    expect(result).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(result.stderr).toContain('removing dist/config/build-test-extra.js');
    expect(fs.existsSync(file('dist/config/build-test-extra.js'))).toBe(false);
    expect(fs.existsSync(file('dist/config/closest.js'))).toBe(true);
  });

  it('waits while a live process holds the lock, takes over a lock whose process is gone', async () => {
    const lock = file('dist/.build.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid }));
    let done = false;
    const waiting = build().then((b) => ((done = true), b));
    await new Promise((r) => setTimeout(r, 1000));
    expect(done).toBe(false);
    fs.rmSync(lock);
    expect(await waiting).toMatchObject({ code: 0, stderr: '' });

    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => gone.on('close', r));
    fs.writeFileSync(lock, JSON.stringify({ pid: gone.pid }));
    expect(await build()).toMatchObject({ code: 0, stderr: '' });
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe('scripts/build.js inputs of tsc (the real tsconfig)', () => {
  it('hashes exactly the project files that tsc compiles', () => {
    const listed = execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--listFilesOnly'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.includes('/node_modules/'))
      .map((f) => path.relative(root, f).split(path.sep).join('/'))
      .sort();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { tscSourceFiles } = require(path.join(root, 'scripts', 'build.js'));
    expect(tscSourceFiles()).toEqual(listed);
  });
});
