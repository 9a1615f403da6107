import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import { ENVIRONMENTS } from '../../config';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps } from '../../runtime/architect/architect-ops';
import { detectDrift } from '../../runtime/drift/drift-check';
import { CheckedFlow, FlowCheckInput, StackCheckInput, stackCheckEnvironment } from '../../runtime/flow-check/flow-check-input';
import { applyLikeProvider } from '../../runtime/synth-output/apply-like-provider';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { synthToDirectory } from '../../tools/synth';
import { connect, emulatorEnv, startEmulator } from './emulator';

/**
 * Shared by __tests__/runtime/fail-closed-*.test.ts (issue 9, part 5: any answer that is not what the
 * Genesys API contract promises means "could not check"). Split in several files so that jest's workers
 * run them side by side.
 */

export const root = path.resolve(__dirname, '..', '..');
export const poll = { intervalMs: 20, timeoutMs: 5000 };
export const env = ENVIRONMENTS.find((e) => e.name === 'test')!;
export const STACK = 'contact-center-test';

/** A raw answer the emulator gives instead of serving the request. */
export interface Anomaly {
  readonly name: string;
  readonly body: string;
  readonly contentType?: string;
  /** What the GC4006 message must say. */
  readonly says: RegExp;
}

export const listing = (fields: Record<string, unknown>) => JSON.stringify({ entities: [], pageSize: 500, pageNumber: 1, ...fields });

/** Answers to a listing that cannot be read. */
export const LISTING_ANOMALIES: Anomaly[] = [
  {
    name: 'HTML 200',
    body: '<html><head><title>Error: 503</title></head><body><h1>Service Unavailable</h1></body></html>',
    contentType: 'text/html',
    says: /an HTML\/XML page \(HTTP 200 text\/html\) where JSON was expected/,
  },
  { name: 'empty 200', body: '', says: /an empty answer \(HTTP 200 application\/json\)/ },
  { name: 'malformed JSON', body: '{"entities": [{"id": "3b6f', says: /malformed JSON/ },
  {
    name: 'listing without entities',
    body: JSON.stringify({ pageSize: 500, pageNumber: 1, total: 0, pageCount: 1 }),
    says: /the listing has no entities array/,
  },
  { name: 'pageCount 1e9', body: listing({ pageCount: 1e9 }), says: /pageCount 1000000000 is beyond the bound of 100 pages of 500/ },
  { name: 'pageCount "NaN"', body: listing({ total: 0, pageCount: 'NaN' }), says: /pageCount "NaN" is not a non-negative integer/ },
  { name: 'pageCount -1', body: listing({ total: 0, pageCount: -1 }), says: /pageCount -1 is not a non-negative integer/ },
  { name: 'pageCount 2.5', body: listing({ pageCount: 2.5 }), says: /pageCount 2.5 is not a non-negative integer/ },
  {
    name: 'pageCount inconsistent with total',
    body: listing({ total: 3, pageCount: 7 }),
    says: /pageCount 7 does not match total 3 at 500 per page \(1 pages\)/,
  },
  {
    name: 'fewer entities than total promises',
    body: listing({ total: 3, pageCount: 1 }),
    says: /0 entities on page 1, but total 3 at 500 per page puts 3 there/,
  },
  {
    name: 'a flow without id',
    body: listing({ total: 1, pageCount: 1, entities: [{ name: 'TEST Sales IVR', type: 'INBOUNDCALL' }] }),
    says: /a flow has no id/,
  },
];

/** Export job answers that cannot be right; `downloadUrl` points at the test's own storage server. */
export const exportAnomalies = (storage: string): Anomaly[] => [
  {
    name: 'an unknown job status',
    body: JSON.stringify({ id: 'job-1', status: 'Exploded' }),
    says: /the export job status "Exploded" is none of Registered, Started, Success, Failure/,
  },
  {
    name: 'a job status missing',
    body: JSON.stringify({ id: 'job-1', downloadUrl: `${storage}/html` }),
    says: /the export job status undefined is none of/,
  },
  {
    name: 'Success without downloadUrl',
    body: JSON.stringify({ id: 'job-1', status: 'Success' }),
    says: /the downloadUrl of a successful export job is not an http\(s\) URL/,
  },
  { name: 'an empty 200 status', body: '', says: /an empty answer/ },
  {
    name: 'a download that is an HTML page',
    body: JSON.stringify({ id: 'job-1', status: 'Success', downloadUrl: `${storage}/html?X-Amz-Signature=s3cr3tsig` }),
    says: /download of the export\].*(HTML\/XML page, not YAML|expected a zip of \d+ files)/,
  },
];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * How a case runs the flow check handler:
 * - `compiled`: the shipped bundle (`dist/handlers/flow-check.js`) in a child process, as Terraform runs it;
 * - `in-process`: the handler's own source (runtime/flow-check/main.ts, what the bundle is built from)
 *   loaded afresh in this process with the same argv, environment and working directory: the same parser,
 *   engine, exit codes and printed lines, without a node start and a 5 MB bundle to parse (~300 ms each).
 * Each table keeps at least one compiled case per path (listing, export, input header/slice/entry,
 * wait variables) to prove the bundle behaves as its source.
 */
export type Via = 'compiled' | 'in-process';

/** The environment a run gets: this process's, without the check's own switches, plus `extraEnv`. */
function childEnvironment(extraEnv: Record<string, string>): NodeJS.ProcessEnv {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.FLOW_CHECK_SKIP;
  delete childEnv.FLOW_CHECK_WAIT_SECONDS;
  return Object.assign(childEnv, extraEnv);
}

/** Runs a compiled tool; after `killAfterMs` (if given) the child is killed and its code is null. */
export function run(script: string, args: string[], extraEnv: Record<string, string>, cwd = root, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, script), ...args], { cwd, env: childEnvironment(extraEnv) });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', () => clearTimeout(timer));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let inProcessBusy = false;

/**
 * Runs runtime/flow-check/main.ts in this process as `node flow-check.js <args>` would run its bundle:
 * a fresh module registry (no state of an earlier run: registered credentials, tokens), `process.argv`,
 * `process.env` (built as for {@link run}) and `process.cwd()` (the stack folder) as a child would see
 * them, console output captured as stdout/stderr, and the code `process.exit` is called with.
 */
export async function runHandlerInProcess(args: string[], extraEnv: Record<string, string>, cwd: string): Promise<Run> {
  if (inProcessBusy) throw new Error('runHandlerInProcess: one run at a time (it swaps process.env and process.argv)');
  inProcessBusy = true;
  const savedEnv = process.env;
  const savedArgv = process.argv;
  let stdout = '';
  let stderr = '';
  let exited!: (code: number) => void;
  const done = new Promise<number>((resolve) => (exited = resolve));
  /** Files the run's SDK watches (its config file): a child's watchers end with it, so do the run's. */
  const watched: Array<[fs.PathLike, (curr: fs.Stats, prev: fs.Stats) => void]> = [];
  // Node's own module object (an `import * as` namespace is a copy whose properties cannot be replaced).
  const nodeFs = require('fs') as typeof fs;
  const watchFile = nodeFs.watchFile;
  const spies = [
    jest.spyOn(nodeFs, 'watchFile').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      const listener = rest[rest.length - 1] as (curr: fs.Stats, prev: fs.Stats) => void;
      watched.push([file, listener]);
      return (watchFile as (...a: unknown[]) => fs.StatWatcher)(file, ...rest);
    }) as typeof fs.watchFile),
    jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (stdout += `${util.format(...a)}\n`)),
    jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (stderr += `${util.format(...a)}\n`)),
    jest.spyOn(process, 'cwd').mockReturnValue(cwd),
    jest.spyOn(process, 'exit').mockImplementation(((code?: number) => exited(code ?? 0)) as never),
  ];
  try {
    process.env = childEnvironment(extraEnv);
    process.argv = [savedArgv[0], path.join(root, 'dist/handlers/flow-check.js'), ...args];
    jest.isolateModules(() => {
      require('../../runtime/flow-check/main');
    });
    const code = await done;
    return { code, stdout, stderr };
  } finally {
    process.env = savedEnv;
    process.argv = savedArgv;
    spies.forEach((s) => s.mockRestore());
    for (const [file, listener] of watched) nodeFs.unwatchFile(file, listener);
    // A child's keep-alive sockets end with it: so do the run's (axios adds a listener per request to a reused socket).
    http.globalAgent.destroy();
    https.globalAgent.destroy();
    inProcessBusy = false;
  }
}

/** Everything the fail-closed tests share: one synthesized stack, applied to one emulator, and a storage server. */
export interface FailClosedWorld {
  /** The stack folder: the handler's working directory, where the payloads are written. */
  readonly work: string;
  stack: SynthesizedStack;
  emulator: GenesysEmulator;
  ops: ArchitectOps;
  /** Stands in for the storage behind presigned download URLs (the emulator's cannot be faulted). */
  storageUrl: string;
  /** What the storage server answers on /zip. */
  zipServed: Buffer;
  /** Requests the storage server received. */
  storageRequests: number;
  /** One flow of the stack check's input; its rendered YAML is written to the stack folder. */
  flowFor(flowName: string, flowType: string): CheckedFlow;
  /** Every flow of the synthesized stack: what the stack's one post-apply check is given. */
  stackFlows(): CheckedFlow[];
  stackInput(flows: CheckedFlow[]): StackCheckInput;
  /** The destroy guard's input for one shared flow. */
  inputFor(flowName: string, flowType: string): FlowCheckInput;
  /** The destroy guard (`destroy`) for `input`. */
  handler(mode: 'destroy', input: FlowCheckInput, via: Via): Promise<Run>;
  /** The stack's post-apply check (`create`), once for all these flows; `env` as Terraform would set it. */
  checkWith(env: Record<string, string>, extra: Record<string, string>, via: Via): Promise<Run>;
  check(flows: CheckedFlow[] | undefined, extra: Record<string, string>, via: Via): Promise<Run>;
  fault(anomaly: Anomaly, apiPath: string): void;
  drift(): ReturnType<typeof detectDrift>;
}

/** Sets up the world for the enclosing describe (beforeAll/afterEach/afterAll); its fields are there from beforeAll on. */
export function failClosedWorld(): FailClosedWorld {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fail-closed-'));
  let storage: http.Server;
  const runHandler = (args: string[], extra: Record<string, string>, via: Via) =>
    via === 'compiled' ? run('dist/handlers/flow-check.js', args, extra, work) : runHandlerInProcess(args, extra, work);
  const w: FailClosedWorld = {
    work,
    stack: undefined as unknown as SynthesizedStack,
    emulator: undefined as unknown as GenesysEmulator,
    ops: undefined as unknown as ArchitectOps,
    storageUrl: '',
    zipServed: Buffer.alloc(0),
    storageRequests: 0,
    flowFor(flowName, flowType) {
      // Relative to the stack folder (the handler's working directory, `work`), as Terraform's input is.
      const payloadPath = `${flowName.replace(/\W+/g, '-')}.yaml`;
      fs.writeFileSync(path.join(work, payloadPath), w.stack.flows.find((f) => f.name === flowName)!.yaml);
      return { flowName, flowType, contentHash: 'abc123def4567890', payloadPath, substitutions: {} };
    },
    stackFlows: () => w.stack.flows.map((f) => w.flowFor(f.name, f.type)),
    stackInput: (flows) => ({ header: { region: 'us-east-1', republishExternalCallers: false, flowCount: flows.length }, flows }),
    inputFor: (flowName, flowType) => ({
      ...w.flowFor(flowName, flowType),
      stackCallers: ['TEST Sales IVR', 'TEST Support IVR'],
      region: 'us-east-1',
      republishExternalCallers: false,
      allowDestroyWithExternalCallers: false,
    }),
    handler: (mode, input, via) =>
      runHandler([mode], { ...emulatorEnv(w.emulator), FLOW_CHECK_INPUT: JSON.stringify(input), FLOW_CHECK_WAIT_SECONDS: '10' }, via),
    checkWith: (env, extra, via) => runHandler(['create'], { ...emulatorEnv(w.emulator), ...env, FLOW_CHECK_WAIT_SECONDS: '10', ...extra }, via),
    check: (flows, extra, via) => w.checkWith(stackCheckEnvironment(w.stackInput(flows ?? w.stackFlows())), extra, via),
    fault: (anomaly, apiPath) =>
      w.emulator.faults.add({
        kind: 'body',
        body: anomaly.body,
        contentType: anomaly.contentType ?? 'application/json',
        status: 200,
        count: 1,
        path: apiPath,
      }),
    drift: () => detectDrift(w.ops, w.stack, STACK, { namePrefix: env.namePrefix, poll }),
  };

  beforeAll(async () => {
    synthToDirectory(path.join(work, 'out'), [env]);
    w.stack = SynthesizedStack.read(path.join(work, 'out', 'stacks', STACK));
    storage = http.createServer((req, res) => {
      w.storageRequests++;
      if (req.url?.startsWith('/zip')) {
        res.writeHead(200, { 'Content-Type': 'application/zip' });
        return res.end(w.zipServed);
      }
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html>\n<html><body>Sign in to continue: Bearer abc.def.ghi</body></html>');
    });
    await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
    w.storageUrl = `http://127.0.0.1:${(storage.address() as AddressInfo).port}`;
    w.emulator = await startEmulator({ rateLimitPerMinute: 100_000 });
    w.ops = new ArchitectOps(await connect(w.emulator));
    await applyLikeProvider(w.ops, w.stack, poll);
  });
  afterEach(() => w.emulator.faults.clear());
  afterAll(async () => {
    await w.emulator?.stop();
    await new Promise<void>((resolve) => (storage ? storage.close(() => resolve()) : resolve()));
    fs.rmSync(work, { recursive: true, force: true });
  });
  return w;
}

/** The cases of `table`, each with how it runs: those named in `compiled` through the bundle, the others in-process. */
export function runEach<T extends { name: string }>(table: T[], compiled: string[]): Array<T & { via: Via }> {
  for (const name of compiled) if (!table.some((c) => c.name === name)) throw new Error(`no case named ${name}`);
  return table.map((c) => ({ ...c, via: compiled.includes(c.name) ? 'compiled' : 'in-process' }));
}
