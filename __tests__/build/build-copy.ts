import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// scripts/build.js rebuilds only what is stale. Its tests run it in small temporary projects (the
// package files, scripts/build.js unchanged, a node_modules symlink, and a handful of sources), never in
// the repository's dist/, which other test files read meanwhile. Each test file makes its own project
// (so the files run in parallel on jest's workers); the tests of one file run in order and share it.
//
// What keeps each build short:
// - tsc compiles two files (and what they import) instead of the whole project, with no typings from
//   node_modules (`types: []`; a one-line declaration of the `NodeJS.ProcessEnv` the handler input names
//   stands in for @types/node, which alone doubles tsc's time): runtime/flow-check/flow-check-input.ts
//   (an input of the flow-check handler bundle, not of the pipeline bundles) and config/closest.ts (an
//   input of the pipeline bundles, not of the handler), plus whatever config/build-test-*.ts a test
//   creates (and what those import from outside `include`, e.g. a new top-level lib/; resolveJsonModule
//   is on so .json imports compile too). A project made with `slowTsc` compiles
//   runtime/flow-check/payload-file.ts with @types/node instead (tsc then needs more than a second, long
//   enough to be killed half-way).
// - The bundles are the script's own esbuild steps (same entry points, same options, same outputs), but
//   the entry points are small stand-ins: the handler's (runtime/flow-check/main.ts) imports the handler
//   inputs and one package from node_modules (adm-zip), the three pipeline tools' import config/closest.ts.
//   The real entry points pull in the Genesys SDK and cdktf (a 2.6 MB handler bundle, ~770 inputs to
//   hash on every run); which bundle reads which file is all these tests need, and the real bundles
//   are built and checked by jest's global setup and __tests__/pipelines/bundles.test.ts.

export const root = path.resolve(__dirname, '..', '..');
/** What the copied sources import (besides node's own modules). */
const COPIED = [
  'runtime/flow-check/flow-check-input.ts',
  'runtime/flow-check/payload-file.ts',
  'runtime/genesys/genesys-error.ts',
  'runtime/genesys/map-strings.ts',
  'flow/problems.ts',
  'flow/problem-codes.ts',
  'constructs/flow-check-contract.ts',
  'config/closest.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'scripts/build.js',
];
/** The bundles' entry points (scripts/build.js's BUNDLES), as small stand-ins. */
const ENTRY_POINTS: Record<string, string> = {
  'runtime/flow-check/main.ts': [
    "import AdmZip from 'adm-zip';",
    "import { parseStackCheckInput } from './flow-check-input';",
    "import { readPayloadFile } from './payload-file';",
    'console.log(typeof AdmZip, typeof parseStackCheckInput, typeof readPayloadFile);',
    '',
  ].join('\n'),
  ...Object.fromEntries(
    ['drift', 'plan-review', 'pipeline-preflight'].map((tool) => [
      `tools/${tool}.ts`,
      `import { closest } from '../config/closest';\nconsole.log(closest('${tool}', ['${tool}']));\n`,
    ]),
  ),
};
export const HANDLER_INPUT = 'runtime/flow-check/flow-check-input.ts';
export const HANDLER_INPUT_OUTPUT = 'dist/runtime/flow-check/flow-check-input.js';
const SLOW_HANDLER_INPUT = 'runtime/flow-check/payload-file.ts';
export const PIPELINE_INPUT = 'config/closest.ts';
/** Stands in for @types/node in the light copy (matched by no bundle, compiled to nothing). */
const NODE_ENV_DECLARATION = 'build-test-node-env.d.ts';

const tscPath = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
/** The project files (no node_modules) tsc compiles with a tsconfig, by tsc's own account. */
export const listFilesOnly = (cwd: string) =>
  execFileSync(process.execPath, [tscPath, '-p', 'tsconfig.json', '--listFilesOnly'], { cwd, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.includes('/node_modules/'))
    .map((f) => path.relative(fs.realpathSync(cwd), f).split(path.sep).join('/'))
    .sort();

export interface Build {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The steps that ran (or failed), e.g. ['esbuild flow-check', 'tsc'], sorted. */
  steps: string[];
  failed: string[];
}

export interface BuildCopy {
  work: string;
  project: string;
  /** The result of the copy's first `node scripts/build.js`. */
  first: Build;
  file: (rel: string) => string;
  mtime: (rel: string) => number;
  metaInputs: (bundle: string) => string[];

  stamp: () => any;
  build: (args?: string[]) => Promise<Build>;
  edit: (rel: string, change: (text: string) => string) => void;
  /** Every file under dir (project-relative), recursively. */
  filesUnder: (dir: string) => string[];
  remove: () => void;
}

/** Copies the project into a new temporary folder and runs the first build there. */
export async function makeBuildCopy(options: { slowTsc?: boolean } = {}): Promise<BuildCopy> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'build-once-'));
  const project = path.join(work, 'project');
  const file = (rel: string) => path.join(project, rel);
  for (const entry of COPIED) fs.cpSync(path.join(root, entry), file(entry), { recursive: true });
  for (const [entry, text] of Object.entries(ENTRY_POINTS)) {
    fs.mkdirSync(path.dirname(file(entry)), { recursive: true });
    fs.writeFileSync(file(entry), text);
  }
  fs.symlinkSync(path.join(root, 'node_modules'), file('node_modules'), 'dir');
  const tsconfig = JSON.parse(fs.readFileSync(file('tsconfig.json'), 'utf8'));
  if (options.slowTsc) {
    tsconfig.include = [SLOW_HANDLER_INPUT, PIPELINE_INPUT, 'config/build-test-*.ts'];
    tsconfig.compilerOptions.types = ['node'];
  } else {
    fs.writeFileSync(
      file(NODE_ENV_DECLARATION),
      'declare namespace NodeJS {\n  interface ProcessEnv {\n    [key: string]: string | undefined;\n  }\n}\n',
    );
    tsconfig.include = [HANDLER_INPUT, PIPELINE_INPUT, 'config/build-test-*.ts', NODE_ENV_DECLARATION];
    tsconfig.compilerOptions.types = [];
  }
  tsconfig.compilerOptions.resolveJsonModule = true;
  fs.writeFileSync(file('tsconfig.json'), JSON.stringify(tsconfig, null, 2));

  const build = (args: string[] = []): Promise<Build> =>
    new Promise((resolve) => {
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
          failed: lines
            .filter((m) => m[2])
            .map((m) => m[1])
            .sort(),
        });
      });
    });
  const filesUnder = (dir: string): string[] =>
    fs.readdirSync(file(dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));

  return {
    work,
    project,
    first: await build(),
    file,
    mtime: (rel) => fs.statSync(file(rel)).mtimeMs,
    metaInputs: (bundle) => Object.keys(JSON.parse(fs.readFileSync(file(`dist/.build/${bundle}.meta.json`), 'utf8')).inputs),
    stamp: () => JSON.parse(fs.readFileSync(file('dist/.build-stamp.json'), 'utf8')),
    build,
    edit: (rel, change) => fs.writeFileSync(file(rel), change(fs.readFileSync(file(rel), 'utf8'))),
    filesUnder,
    remove: () => fs.rmSync(work, { recursive: true, force: true }),
  };
}

/**
 * The build copy of a test file: made (its first build asserted to pass) before the file's tests and
 * removed after them. Read it inside tests: it is filled in by `beforeAll`.
 */
export function useBuildCopy(options: { slowTsc?: boolean } = {}): BuildCopy {
  let copy: BuildCopy | undefined;
  beforeAll(async () => {
    copy = await makeBuildCopy(options);
    expect(copy.first).toMatchObject({ code: 0, failed: [] });
  }, 120_000);
  afterAll(() => copy?.remove());
  // A stand-in that reads the real copy once it exists.
  return new Proxy({} as BuildCopy, { get: (_, key) => copy![key as keyof BuildCopy] });
}
