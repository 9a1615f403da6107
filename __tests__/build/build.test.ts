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
// the handler), plus whatever config/build-test-*.ts a test creates (and what those import from outside
// `include`, e.g. a new top-level lib/; resolveJsonModule is on in the copy so .json imports compile too).
// The esbuild bundles are the real ones. The last describe checks, against the real tsconfig, that the
// script hashes exactly the project files tsc compiles.

const root = path.resolve(__dirname, '..', '..');
const COPIED = ['main.ts', 'simulator', 'emulator', 'runtime', 'config', 'constructs', 'stacks', 'flow', 'tools', 'bench', '.gen', 'tsconfig.json', 'package.json', 'package-lock.json', 'scripts/build.js'];
const HANDLER_INPUT = 'runtime/flow-check/payload-file.ts';
const PIPELINE_INPUT = 'config/closest.ts';
/** Matched by a glob of the copy's tsconfig, so a new file there is a new input of tsc (of no bundle). */
const EXTRA_SOURCE = 'config/build-test-extra.ts';
/** Matched by the include glob; imports files that no include glob matches (a top-level lib/ folder). */
const IMPORTER = 'config/build-test-importer.ts';
const OUTSIDE = {
  ts: 'lib/build-test-msg.ts',
  cts: 'lib/build-test-cjs.cts',
  mts: 'lib/build-test-esm.mts',
  json: 'lib/build-test-data.json',
};
const OUTSIDE_OUTPUTS = ['dist/lib/build-test-msg.js', 'dist/lib/build-test-cjs.cjs', 'dist/lib/build-test-esm.mjs', 'dist/lib/build-test-data.json'];
const tscPath = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
/** The project files (no node_modules) tsc compiles with a tsconfig, by tsc's own account. */
const listFilesOnly = (cwd: string) =>
  execFileSync(process.execPath, [tscPath, '-p', 'tsconfig.json', '--listFilesOnly'], { cwd, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.includes('/node_modules/'))
    .map((f) => path.relative(fs.realpathSync(cwd), f).split(path.sep).join('/'))
    .sort();
/** Every file under dir (project-relative), recursively. */
const filesUnder = (dir: string): string[] =>
  fs.readdirSync(file(dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));

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
  tsconfig.compilerOptions.resolveJsonModule = true;
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

  it('files imported from outside include (a new lib/, .cts, .mts, .json): compiled, tracked, rebuilt when they change', async () => {
    fs.mkdirSync(file('lib'));
    fs.writeFileSync(file(OUTSIDE.ts), "export const message = 'first message';\n");
    fs.writeFileSync(file(OUTSIDE.cts), 'export const cjs = 1;\n');
    fs.writeFileSync(file(OUTSIDE.mts), 'export const esm = 1;\n');
    fs.writeFileSync(file(OUTSIDE.json), '{ "value": "first value" }\n');
    fs.writeFileSync(
      file(IMPORTER),
      [
        "import { message } from '../lib/build-test-msg';",
        "import { cjs } from '../lib/build-test-cjs.cjs';",
        "import data from '../lib/build-test-data.json';",
        'export const all = [message, cjs, data.value];',
        "export const loadEsm = () => import('../lib/build-test-esm.mjs');",
        '',
      ].join('\n'),
    );
    const added = await build();
    expect(added).toMatchObject({ code: 0, steps: ['tsc'], failed: [] });
    expect(added.stderr).toContain(`(changed: ${IMPORTER})`);
    for (const o of OUTSIDE_OUTPUTS) expect(fs.existsSync(file(o))).toBe(true);
    // The stamp records what tsc really read (its .tsbuildinfo), node_modules left to package-lock.json…
    const program = stamp().steps.tsc.program;
    expect(program).toEqual(listFilesOnly(project));
    expect(program).toEqual(expect.arrayContaining(Object.values(OUTSIDE)));
    expect(Object.keys(stamp().steps.tsc.inputs)).toEqual(expect.arrayContaining(Object.values(OUTSIDE)));
    // …and exactly the files tsc wrote (the bundles, tsc's state and the stamp aside).
    const written = filesUnder('dist').filter((f) => !/^dist\/(?:handlers|pipeline|\.build)\/|^dist\/\.[^/]*$/.test(f));
    expect([...stamp().steps.tsc.outputs].sort()).toEqual(written.sort());
    expect((await build()).stderr).toBe('');

    edit(OUTSIDE.ts, (t) => t.replace('first message', 'second message'));
    const ts = await build();
    expect(ts).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(ts.stderr).toContain(`(changed: ${OUTSIDE.ts})`);
    expect(fs.readFileSync(file('dist/lib/build-test-msg.js'), 'utf8')).toContain('second message');

    edit(OUTSIDE.json, (t) => t.replace('first value', 'second value'));
    const json = await build();
    expect(json).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(json.stderr).toContain(`(changed: ${OUTSIDE.json})`);
    expect(fs.readFileSync(file('dist/lib/build-test-data.json'), 'utf8')).toContain('second value');

    edit(OUTSIDE.cts, (t) => t.replace('= 1', '= 2'));
    edit(OUTSIDE.mts, (t) => t.replace('= 1', '= 2'));
    const modules = await build();
    expect(modules).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(modules.stderr).toContain('(changed: 2 files)');
    expect(fs.readFileSync(file('dist/lib/build-test-cjs.cjs'), 'utf8')).toContain('cjs = 2');
    expect(fs.readFileSync(file('dist/lib/build-test-esm.mjs'), 'utf8')).toContain('esm = 2');
    expect((await build()).stderr).toBe('');
  });

  it('a file outside include no longer imported, then deleted: its output is removed, it is no longer an input', async () => {
    edit(IMPORTER, (t) => t.replace("import { message } from '../lib/build-test-msg';\n", '').replace('[message, ', '['));
    const unused = await build();
    expect(unused).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(unused.stderr).toContain(`(changed: ${IMPORTER}, removing dist/lib/build-test-msg.js)`);
    expect(fs.existsSync(file('dist/lib/build-test-msg.js'))).toBe(false);
    expect(fs.existsSync(file(OUTSIDE.ts))).toBe(true);
    expect(Object.keys(stamp().steps.tsc.inputs)).not.toContain(OUTSIDE.ts);
    // tsc no longer reads it: editing it rebuilds nothing.
    edit(OUTSIDE.ts, (t) => `${t}// unused now\n`);
    expect((await build()).stderr).toBe('');

    fs.rmSync(file('lib'), { recursive: true });
    fs.rmSync(file(IMPORTER));
    const deleted = await build();
    expect(deleted).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(deleted.stderr).toContain('removing 4 stale outputs');
    for (const o of [...OUTSIDE_OUTPUTS, 'dist/config/build-test-importer.js']) expect(fs.existsSync(file(o))).toBe(false);
    expect(fs.existsSync(file('dist/lib'))).toBe(false);
    expect(fs.existsSync(file('dist/config/closest.js'))).toBe(true);
    expect(stamp().steps.tsc.program).toEqual(listFilesOnly(project));
    expect((await build()).stderr).toBe('');
  });

  it('a stamp from the earlier script (no record of what tsc read): tsc runs once to record it', async () => {
    const old = stamp();
    delete old.steps.tsc.program;
    fs.writeFileSync(file('dist/.build-stamp.json'), JSON.stringify(old));
    const result = await build();
    expect(result).toMatchObject({ code: 0, steps: ['tsc'] });
    expect(result.stderr).toContain('(the files tsc reads are not recorded yet)');
    expect((await build()).stderr).toBe('');
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

    // A live holder older than any build (its pid reused after a SIGKILL?): waits, and says so at once.
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, since: new Date(Date.now() - 25 * 60_000).toISOString() }));
    const old = build();
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(lock);
    const waited = await old;
    expect(waited.code).toBe(0);
    expect(waited.stderr).toMatch(new RegExp(`^build: waiting for another build \\(pid ${process.pid}, dist/\\.build\\.lock\\); it has held the lock for 25 minutes, longer than a build takes: if pid ${process.pid} is not a build, delete dist/\\.build\\.lock$`, 'm'));
  });

  it('SIGTERM while tsc runs: tsc is killed too, the lock released, and the step runs again next time', async () => {
    edit(PIPELINE_INPUT, (t) => `${t}\n// edited again by the build test\n`);
    const child = spawn(process.execPath, [file('scripts/build.js')], { cwd: project, stdio: 'ignore' });
    const tscPids = () =>
      execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(child.pid)], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('tsc')).map((l) => Number(l.trim().split(/\s+/)[0]));
    let pids: number[] = [];
    for (let i = 0; i < 100 && !pids.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        pids = tscPids();
      } catch {
        /* ps exits 1 when there is no child yet */
      }
    }
    expect(pids).toHaveLength(1);
    const closed = new Promise((r) => child.on('close', (code, signal) => r({ code, signal })));
    child.kill('SIGTERM');
    expect(await closed).toEqual({ code: 128 + 15, signal: null });
    // Gone, or a zombie its new parent has not reaped yet.
    const alive = (pid: number) => {
      try {
        return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    // Dead at once (tsc needs more than a second here to check and emit, and it never did).
    for (let i = 0; i < 10 && alive(pids[0]); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pids[0])).toBe(false);
    expect(fs.readFileSync(file('dist/config/closest.js'), 'utf8')).not.toContain('edited again by the build test');
    expect(fs.existsSync(file('dist/.build.lock'))).toBe(false);
    expect(stamp().steps.tsc.failed).toBe(true);
    const next = await build();
    expect(next).toMatchObject({ code: 0, failed: [] });
    expect(next.stderr).toMatch(/^build: tsc \(failed or interrupted last time\)/m);
    expect((await build()).stderr).toBe('');
  });
});

describe('scripts/build.js inputs of tsc (the real tsconfig)', () => {
  it('hashes exactly the project files that tsc compiles', () => {
    const listed = listFilesOnly(root);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { tscSourceFiles } = require(path.join(root, 'scripts', 'build.js'));
    expect(tscSourceFiles()).toEqual(listed);
  });
});
