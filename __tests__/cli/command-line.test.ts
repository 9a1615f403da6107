import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Run, run } from '../support/processes';

// Every CLI of the project, compiled, as users and pipelines run it: `--help` answers and does nothing
// else; a bad command line exits with the CLI's usage code, naming the argument. Each run gets its own
// empty working directory, which must stay empty. All runs start at once (they mostly wait on Node's start-up).

const root = path.resolve(__dirname, '..', '..');

interface Cli {
  readonly script: string;
  /** Arguments before the ones under test (bench's `drift` sub-command). */
  readonly prefix?: readonly string[];
  readonly usageExitCode: number;
  /** Every exit code its help must name. */
  readonly exitCodes: readonly number[];
}

const CLIS: Readonly<Record<string, Cli>> = {
  synth: { script: 'dist/tools/synth.js', usageExitCode: 1, exitCodes: [0, 1, 2] },
  drift: { script: 'dist/tools/drift.js', usageExitCode: 1, exitCodes: [0, 1, 2] },
  'drift (pipeline bundle)': { script: 'dist/pipeline/drift.js', usageExitCode: 1, exitCodes: [0, 1, 2] },
  'plan-review': { script: 'dist/tools/plan-review.js', usageExitCode: 1, exitCodes: [0, 1] },
  'plan-review (pipeline bundle)': { script: 'dist/pipeline/plan-review.js', usageExitCode: 1, exitCodes: [0, 1] },
  simulate: { script: 'dist/tools/simulate.js', usageExitCode: 1, exitCodes: [0, 1, 3] },
  demo: { script: 'dist/tools/demo.js', usageExitCode: 2, exitCodes: [0, 1, 2] },
  preflight: { script: 'dist/tools/pipeline-preflight.js', usageExitCode: 2, exitCodes: [0, 1, 2] },
  'preflight (pipeline bundle)': { script: 'dist/pipeline/pipeline-preflight.js', usageExitCode: 2, exitCodes: [0, 1, 2] },
  'providers:lock': { script: 'dist/tools/providers-lock.js', usageExitCode: 1, exitCodes: [0, 1, 2] },
  bindings: { script: 'dist/tools/generate-bindings.js', usageExitCode: 64, exitCodes: [0, 1, 64] },
  emulator: { script: 'dist/emulator/main.js', usageExitCode: 64, exitCodes: [0, 1, 64] },
  bench: { script: 'dist/bench/run.js', usageExitCode: 1, exitCodes: [0, 1] },
  'bench drift': { script: 'dist/bench/run.js', prefix: ['drift'], usageExitCode: 1, exitCodes: [0, 1] },
  'flow-check handler': { script: 'dist/handlers/flow-check.js', usageExitCode: 64, exitCodes: [0, 1, 2, 64] },
  build: { script: 'scripts/build.js', usageExitCode: 2, exitCodes: [0, 1, 2] },
};

interface CliRun extends Run {
  /** What the run left in its working directory. */
  readonly left: string[];
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-command-line-'));
let runs = 0;

/** Runs a compiled CLI in a fresh empty working directory, with no credentials and no reachable gateway. */
async function runIn(script: string, args: readonly string[]): Promise<CliRun> {
  const cwd = path.join(work, String(runs++));
  fs.mkdirSync(cwd);
  const noApi = {
    GENESYSCLOUD_OAUTHCLIENT_ID: '',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: '',
    GENESYSCLOUD_GATEWAY_HOST: '127.0.0.1',
    GENESYSCLOUD_GATEWAY_PORT: '9',
    GENESYSCLOUD_GATEWAY_PROTOCOL: 'http',
  };
  const result = await run(script, [...args], noApi, cwd);
  return { ...result, left: fs.readdirSync(cwd) };
}

const entries = Object.entries(CLIS);
let help: Record<string, CliRun[]>;
let unknown: Record<string, CliRun>;
let extra: Record<string, CliRun>;

beforeAll(async () => {
  const byName = async <T>(make: (cli: Cli) => Promise<T>) =>
    Object.fromEntries(await Promise.all(entries.map(async ([name, cli]) => [name, await make(cli)] as const)));
  const extras = {
    'synth -- -out': runIn('dist/tools/synth.js', ['--', '-out']),
    'synth two folders': runIn('dist/tools/synth.js', ['a', 'b']),
    'bench stray argument': runIn('dist/bench/run.js', ['stray']),
    'bench a drift option': runIn('dist/bench/run.js', ['--batch', '5']),
    'flow-check create extra': runIn('dist/handlers/flow-check.js', ['create', 'extra']),
    'build --then tool --help': runIn('scripts/build.js', ['--then', path.join(root, 'dist/tools/synth.js'), '--help']),
  };
  [help, unknown, extra] = await Promise.all([
    byName((cli) => Promise.all([runIn(cli.script, [...(cli.prefix ?? []), '--help']), runIn(cli.script, [...(cli.prefix ?? []), '-h'])])),
    byName((cli) => runIn(cli.script, [...(cli.prefix ?? []), '--nope'])),
    Promise.all(Object.entries(extras).map(async ([name, p]) => [name, await p] as const)).then(Object.fromEntries),
  ]);
}, 60_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe.each(entries)('%s', (name, cli) => {
  it('--help and -h: usage, options and exit codes on stdout, exit 0, nothing else done', () => {
    for (const r of help[name]) {
      expect({ code: r.code, stderr: r.stderr, left: r.left }).toEqual({ code: 0, stderr: '', left: [] });
      expect(r.stdout).toMatch(/^usage: \S/);
      expect(r.stdout).toMatch(/^ {2}-h, --help +print this help and exit$/m);
      const codes = r.stdout.slice(r.stdout.indexOf('\nexit codes:\n'));
      for (const code of cli.exitCodes) expect(codes).toMatch(new RegExp(`^ {2}${code} +\\S`, 'm'));
    }
  });

  it('an unknown option: the usage exit code, a message naming it and the usage line on stderr', () => {
    const r = unknown[name];
    expect({ code: r.code, stdout: r.stdout, left: r.left }).toEqual({ code: cli.usageExitCode, stdout: '', left: [] });
    expect(r.stderr).toMatch(/unknown option '--nope'/i);
    expect(r.stderr).toMatch(/usage: \S/);
  });
});

describe('arguments of one CLI', () => {
  it('synth refuses an output folder starting with - and a second folder, writing nothing', () => {
    expect(extra['synth -- -out']).toMatchObject({ code: 1, stdout: '', left: [] });
    expect(extra['synth -- -out'].stderr).toContain("synth: '-out' is not an output folder");
    expect(extra['synth two folders']).toMatchObject({ code: 1, stdout: '', left: [] });
    expect(extra['synth two folders'].stderr).toContain("unexpected argument 'b'");
    for (const r of help.synth) expect(r.left).not.toContain('--help');
  });

  it('bench refuses a stray argument and an option of its drift mode', () => {
    expect(extra['bench stray argument']).toMatchObject({ code: 1, stdout: '' });
    expect(extra['bench stray argument'].stderr).toContain("unexpected argument 'stray'");
    expect(extra['bench a drift option']).toMatchObject({ code: 1, stdout: '' });
    expect(extra['bench a drift option'].stderr).toContain("unknown option '--batch'");
  });

  it('the flow check handler refuses a second argument (64)', () => {
    expect(extra['flow-check create extra']).toMatchObject({ code: 64, stdout: '' });
    expect(extra['flow-check create extra'].stderr).toContain("unexpected argument 'extra'");
  });

  it("build.js leaves the arguments after --then to the tool: --help there is the tool's help", () => {
    const r = extra['build --then tool --help'];
    expect({ code: r.code, left: r.left }).toEqual({ code: 0, left: [] });
    expect(r.stdout).toMatch(/^usage: npm run synth /);
  });
});

// `script` (util-linux) gives the child a terminal; stdout is redirected to a file, so what the terminal
// shows is stderr alone.
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
(hasScript ? it : it.skip)('synth at a terminal says what it is doing on stderr; its stdout keeps the one result line', () => {
  const cwd = fs.mkdtempSync(path.join(work, 'tty-'));
  const command = `'${process.execPath}' '${path.join(root, 'dist/tools/synth.js')}' out > stdout.txt`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', timeout: 30_000 });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('synth: synthesizing every environment into out');
  expect(fs.readFileSync(path.join(cwd, 'stdout.txt'), 'utf8')).toMatch(
    /^synthesized contact-center-dev, contact-center-test, contact-center-prod into out in \d+ ms\n$/,
  );
});
