import AdmZip from 'adm-zip';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { ENVIRONMENTS } from '../../config';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps, MAX_POLL_MS, exportFileName, pollMs } from '../../runtime/architect/architect-ops';
import { detectDrift } from '../../runtime/drift/drift-check';
import { exitCodeOf } from '../../runtime/drift/drift-format';
import { CheckedFlow, FlowCheckInput, StackCheckInput, stackCheckEnvironment } from '../../runtime/flow-check/flow-check-input';
import { GenesysError, MAX_LISTED_ENTITIES, maxPages, readFlow, readListing } from '../../runtime/genesys';
import { applyLikeProvider } from '../../runtime/synth-output/apply-like-provider';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { synthToDirectory } from '../../tools/synth';
import { TEST_CLIENT_ID, connect, emulatorEnv, startEmulator } from '../support/emulator';
import { FLOWS_PER_VARIABLE } from '../../constructs/flow-check-contract';

/**
 * Issue 9, part 5: any answer that is not what the Genesys API contract promises means "could not
 * check" (GC4006): the flow check exits 2, the destroy guard refuses (exit 2), drift is incomplete
 * (CLI exit 1). Never "ok", "already gone", "flow-missing" or "in sync" on data we could not read.
 */

const root = path.resolve(__dirname, '..', '..');
const poll = { intervalMs: 20, timeoutMs: 5000 };
const env = ENVIRONMENTS.find((e) => e.name === 'test')!;
const STACK = 'contact-center-test';

/** A raw answer the emulator gives instead of serving the request. */
interface Anomaly {
  readonly name: string;
  readonly body: string;
  readonly contentType?: string;
  /** What the GC4006 message must say. */
  readonly says: RegExp;
}

const listing = (fields: Record<string, unknown>) => JSON.stringify({ entities: [], pageSize: 500, pageNumber: 1, ...fields });

/** Answers to a listing that cannot be read. */
const LISTING_ANOMALIES: Anomaly[] = [
  { name: 'HTML 200', body: '<html><head><title>Error: 503</title></head><body><h1>Service Unavailable</h1></body></html>', contentType: 'text/html', says: /an HTML\/XML page \(HTTP 200 text\/html\) where JSON was expected/ },
  { name: 'empty 200', body: '', says: /an empty answer \(HTTP 200 application\/json\)/ },
  { name: 'malformed JSON', body: '{"entities": [{"id": "3b6f', says: /malformed JSON/ },
  { name: 'listing without entities', body: JSON.stringify({ pageSize: 500, pageNumber: 1, total: 0, pageCount: 1 }), says: /the listing has no entities array/ },
  { name: 'pageCount 1e9', body: listing({ pageCount: 1e9 }), says: /pageCount 1000000000 is beyond the bound of 100 pages of 500/ },
  { name: 'pageCount "NaN"', body: listing({ total: 0, pageCount: 'NaN' }), says: /pageCount "NaN" is not a non-negative integer/ },
  { name: 'pageCount -1', body: listing({ total: 0, pageCount: -1 }), says: /pageCount -1 is not a non-negative integer/ },
  { name: 'pageCount 2.5', body: listing({ pageCount: 2.5 }), says: /pageCount 2.5 is not a non-negative integer/ },
  { name: 'pageCount inconsistent with total', body: listing({ total: 3, pageCount: 7 }), says: /pageCount 7 does not match total 3 at 500 per page \(1 pages\)/ },
  { name: 'fewer entities than total promises', body: listing({ total: 3, pageCount: 1 }), says: /0 entities on page 1, but total 3 at 500 per page puts 3 there/ },
  { name: 'a flow without id', body: listing({ total: 1, pageCount: 1, entities: [{ name: 'TEST Sales IVR', type: 'INBOUNDCALL' }] }), says: /a flow has no id/ },
];

/** Export job answers that cannot be right; `downloadUrl` points at the test's own storage server. */
const exportAnomalies = (storage: string): Anomaly[] => [
  { name: 'an unknown job status', body: JSON.stringify({ id: 'job-1', status: 'Exploded' }), says: /the export job status "Exploded" is none of Registered, Started, Success, Failure/ },
  { name: 'a job status missing', body: JSON.stringify({ id: 'job-1', downloadUrl: `${storage}/html` }), says: /the export job status undefined is none of/ },
  { name: 'Success without downloadUrl', body: JSON.stringify({ id: 'job-1', status: 'Success' }), says: /the downloadUrl of a successful export job is not an http\(s\) URL/ },
  { name: 'an empty 200 status', body: '', says: /an empty answer/ },
  { name: 'a download that is an HTML page', body: JSON.stringify({ id: 'job-1', status: 'Success', downloadUrl: `${storage}/html?X-Amz-Signature=s3cr3tsig` }), says: /download of the export\].*(HTML\/XML page, not YAML|expected a zip of 4 files)/ },
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a compiled tool; after `killAfterMs` (if given) the child is killed and its code is null. */
function run(script: string, args: string[], extraEnv: Record<string, string>, cwd = root, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
    delete childEnv.FLOW_CHECK_SKIP;
    delete childEnv.FLOW_CHECK_WAIT_SECONDS;
    Object.assign(childEnv, extraEnv);
    const child = spawn(process.execPath, [path.join(root, script), ...args], { cwd, env: childEnv });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', () => clearTimeout(timer));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('fail closed on answers that are not what the Genesys API promises', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fail-closed-'));
  let stack: SynthesizedStack;
  let emulator: GenesysEmulator;
  let ops: ArchitectOps;
  /** Stands in for the storage behind presigned download URLs (the emulator's cannot be faulted). */
  let storage: http.Server;
  let storageUrl: string;
  let zipServed = Buffer.alloc(0);
  /** Requests the storage server received. */
  let storageRequests = 0;

  /** One flow of the stack check's input; its rendered YAML is written to the stack folder. */
  const flowFor = (flowName: string, flowType: string): CheckedFlow => {
    // Relative to the stack folder (the handler's working directory, `work`), as Terraform's input is.
    const payloadPath = `${flowName.replace(/\W+/g, '-')}.yaml`;
    fs.writeFileSync(path.join(work, payloadPath), stack.flows.find((f) => f.name === flowName)!.yaml);
    return { flowName, flowType, contentHash: 'abc123def4567890', payloadPath, substitutions: {} };
  };
  /** Every flow of the synthesized stack: what the stack's one post-apply check is given. */
  const stackFlows = () => stack.flows.map((f) => flowFor(f.name, f.type));
  const stackInput = (flows: CheckedFlow[]): StackCheckInput => ({ header: { region: 'us-east-1', republishExternalCallers: false, flowCount: flows.length }, flows });
  /** The destroy guard's input for one shared flow. */
  const inputFor = (flowName: string, flowType: string): FlowCheckInput => ({
    ...flowFor(flowName, flowType),
    stackCallers: ['TEST Sales IVR', 'TEST Support IVR'],
    region: 'us-east-1',
    republishExternalCallers: false,
    allowDestroyWithExternalCallers: false,
  });
  const handler = (mode: 'destroy', input: FlowCheckInput) =>
    run('dist/handlers/flow-check.js', [mode], { ...emulatorEnv(emulator), FLOW_CHECK_INPUT: JSON.stringify(input), FLOW_CHECK_WAIT_SECONDS: '10' }, work);
  /** The stack's post-apply check (compiled handler, `create`), once for all these flows; `env` as Terraform would set it. */
  const checkWith = (env: Record<string, string>, extra: Record<string, string> = {}) =>
    run('dist/handlers/flow-check.js', ['create'], { ...emulatorEnv(emulator), ...env, FLOW_CHECK_WAIT_SECONDS: '10', ...extra }, work);
  const check = (flows: CheckedFlow[] = stackFlows(), extra: Record<string, string> = {}) => checkWith(stackCheckEnvironment(stackInput(flows)), extra);
  const fault = (anomaly: Anomaly, apiPath: string) =>
    emulator.faults.add({ kind: 'body', body: anomaly.body, contentType: anomaly.contentType ?? 'application/json', status: 200, count: 1, path: apiPath });
  const drift = () => detectDrift(ops, stack, STACK, { namePrefix: env.namePrefix, poll });

  beforeAll(async () => {
    synthToDirectory(path.join(work, 'out'), [env]);
    stack = SynthesizedStack.read(path.join(work, 'out', 'stacks', STACK));
    storage = http.createServer((req, res) => {
      storageRequests++;
      if (req.url?.startsWith('/zip')) {
        res.writeHead(200, { 'Content-Type': 'application/zip' });
        return res.end(zipServed);
      }
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html>\n<html><body>Sign in to continue: Bearer abc.def.ghi</body></html>');
    });
    await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
    storageUrl = `http://127.0.0.1:${(storage.address() as AddressInfo).port}`;
    emulator = await startEmulator({ rateLimitPerMinute: 100_000 });
    ops = new ArchitectOps(await connect(emulator));
    await applyLikeProvider(ops, stack, poll);
  });
  afterEach(() => emulator.faults.clear());
  afterAll(async () => {
    await emulator.stop();
    await new Promise<void>((resolve) => storage.close(() => resolve()));
    fs.rmSync(work, { recursive: true, force: true });
  });

  describe('flow check (compiled handler, every flow of the stack at once) exits 2 when the flow listing cannot be read', () => {
    it('passes when the answers are readable (control)', async () => {
      const flows = stackFlows();
      const result = await check(flows);
      expect(result.stderr).toBe('');
      for (const f of flows) expect(result.stdout).toContain(`${f.flowType} '${f.flowName}': published version 1.0 matches the synthesized flow (abc123def456)`);
      expect(result.code).toBe(0);
    });

    it.each(LISTING_ANOMALIES)('$name', async (anomaly) => {
      fault(anomaly, '/api/v2/flows');
      const result = await check();
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^flow check could not complete: GC4006 \[GET \/api\/v2\/flows\]/);
      expect(result.stderr).toMatch(anomaly.says);
      expect(result.stderr).toContain('Fix: retry; if it persists, the API or a proxy in between answers something other than the Genesys API');
      expect(result.code).toBe(2);
    });
  });

  describe('flow check (compiled handler, every flow of the stack at once) exits 2 on export job anomalies', () => {
    it.each(exportAnomalies('http://storage.invalid'))('$name', async (anomaly) => {
      const served = anomaly.body.replace('http://storage.invalid', storageUrl);
      emulator.faults.add({ kind: 'body', body: served, contentType: 'application/json', status: 200, count: 1, path: '/api/v2/flows/export/jobs/' });
      const result = await check();
      // Nothing could be compared: no flow is said to match, none to differ.
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/matches the synthesized flow|differs from the synthesized flow/);
      expect(result.stderr).toMatch(/^could not check: exporting flows failed: GC4006/m);
      expect(result.stderr).toMatch(anomaly.says);
      expect(result.code).toBe(2);
    });

    it('never echoes tokens or presigned signatures from a bad download', async () => {
      fault({ name: '', body: JSON.stringify({ id: 'job-1', status: 'Success', downloadUrl: `${storageUrl}/html?X-Amz-Signature=s3cr3tsig` }), says: /./ }, '/api/v2/flows/export/jobs/');
      const result = await check();
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^could not check: exporting flows failed: GC4006/m);
      expect(result.stderr).toContain('Bearer [redacted]');
      expect(result.stderr).not.toContain('abc.def.ghi');
      expect(result.stderr).not.toContain('s3cr3tsig');
    });
  });

  describe('destroy guard (compiled handler) refuses when it cannot read who calls the shared flow', () => {
    const module = () => inputFor('TEST Shared PIN Auth', 'COMMONMODULE');

    it('lets the destroy proceed when the answers are readable (control)', async () => {
      const result = await handler('destroy', module());
      expect(result.stdout).toContain('no published flow outside this stack calls it; destroy may proceed');
      expect(result.code).toBe(0);
    });

    it.each(LISTING_ANOMALIES)('flow listing: $name', async (anomaly) => {
      fault(anomaly, '/api/v2/flows');
      const result = await handler('destroy', module());
      expect(result.stdout).not.toContain('already gone');
      expect(result.stderr).toMatch(/refusing to destroy: the destroy guard could not check the shared flow's callers: GC4006/);
      expect(result.stderr).toMatch(anomaly.says);
      expect(result.code).toBe(2);
    });

    it('looks the shared flow up by the id in its input: a failed GET of that id is "could not check", never "already gone"', async () => {
      const id = (await ops.findFlow('TEST Shared PIN Auth', 'COMMONMODULE'))!.id!;
      emulator.faults.add({ kind: 'status', status: 403, count: 1, path: `/api/v2/flows/${id}` });
      const refused = await handler('destroy', { ...module(), flowId: id });
      expect(refused.stdout).not.toContain('already gone');
      expect(refused.stderr).toMatch(new RegExp(`refusing to destroy: the destroy guard could not check the shared flow's callers: GC4005 \\[GET /api/v2/flows/\\{id\\}\\] Genesys answered 403`));
      expect(refused.code).toBe(2);
      const unknownId = await handler('destroy', { ...module(), flowId: '00000000-0000-4000-8000-000000000000' });
      expect(unknownId.stdout).toContain("COMMONMODULE 'TEST Shared PIN Auth': already gone (no flow with id 00000000-0000-4000-8000-000000000000)");
      expect(unknownId.code).toBe(0);
    });

    it('without an id, refuses when the name listing is empty but states no total', async () => {
      fault({ name: '', body: listing({ pageCount: 1 }), says: /./ }, '/api/v2/flows');
      const result = await handler('destroy', module());
      expect(result.stdout).not.toContain('already gone');
      expect(result.stderr).toContain('refusing to destroy: the flow listing found no shared flow by this name but stated no total');
      expect(result.code).toBe(2);
    });

    it.each([
      ['stackCallers as a string (a substring match would pass callers outside the stack)', { stackCallers: 'TEST Sales IVR, Partner IVR' }, /FLOW_CHECK_INPUT\.stackCallers is not a list of flow names/],
      ['stackCallers holding a number', { stackCallers: ['TEST Sales IVR', 7] }, /FLOW_CHECK_INPUT\.stackCallers is not a list of flow names/],
      ['flowId that is not a string', { flowId: 42 }, /FLOW_CHECK_INPUT\.flowId is not a flow id/],
      ['flowId empty', { flowId: '' }, /FLOW_CHECK_INPUT\.flowId is not a flow id/],
      ['substitutions as a list', { substitutions: ['a'] }, /FLOW_CHECK_INPUT\.substitutions is not an object of strings/],
    ])('refuses an input with %s', async (_name, change, says) => {
      const result = await handler('destroy', { ...module(), ...change } as unknown as FlowCheckInput);
      expect(result.stderr).toMatch(/refusing to destroy: the destroy guard could not check the shared flow's callers: /);
      expect(result.stderr).toMatch(says);
      expect(result.code).toBe(2);
    });

    it.each<Anomaly>([
      { name: 'a consumer without a name', body: listing({ pageSize: 100, total: 1, pageCount: 1, entities: [{ id: 'f-1', type: 'INBOUNDCALLFLOW', version: '3.0' }] }), says: /a consuming flow has no name/ },
      { name: 'HTML 200', body: '<html><body>Gateway Timeout</body></html>', contentType: 'text/html', says: /an HTML\/XML page/ },
      { name: 'listing without entities', body: JSON.stringify({ pageSize: 100, pageNumber: 1, total: 2, pageCount: 1 }), says: /the listing has no entities array/ },
    ])('consumer listing: $name', async (anomaly) => {
      fault(anomaly, '/dependencytracking/consumingresources');
      const result = await handler('destroy', module());
      expect(result.stdout).not.toContain('destroy may proceed');
      expect(result.stderr).toMatch(/refusing to destroy: .*GC4006 \[GET \/api\/v2\/architect\/dependencytracking\/consumingresources\]/);
      expect(result.stderr).toMatch(anomaly.says);
      expect(result.code).toBe(2);
    });
  });

  describe('flow check (compiled handler) refuses an input of the wrong shape: exit 2, before the login', () => {
    /** `env` with these variables replaced (a value of undefined removes the variable). */
    const withEnv = (env: Record<string, string>, changes: Record<string, string | undefined>) => {
      const out = { ...env };
      for (const [name, value] of Object.entries(changes)) {
        if (value === undefined) delete out[name];
        else out[name] = value;
      }
      return out;
    };
    /** `count` flows (the stack's, repeated under other names), as Terraform slices them: 100 per FLOW_CHECK_FLOWS_n. */
    const manyFlows = (count: number) => {
      const flows = stackFlows();
      return Array.from({ length: count }, (_, i) => ({ ...flows[i % flows.length], flowName: `${flows[i % flows.length].flowName} ${i}` }));
    };
    const refused = async (env: Record<string, string>, says: RegExp | string) => {
      const logins = emulator.tokenRequests;
      const result = await checkWith(env);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^flow check could not complete: /);
      if (typeof says === 'string') expect(result.stderr).toContain(says);
      else expect(result.stderr).toMatch(says);
      expect(result.code).toBe(2);
      expect(emulator.tokenRequests).toBe(logins);
    };

    it('reads a stack of 250 flows from its slices (control: FLOW_CHECK_SKIP=1 parses the input, then skips)', async () => {
      const env = stackCheckEnvironment(stackInput(manyFlows(250)));
      expect(Object.keys(env).sort()).toEqual([...Array.from({ length: Math.ceil(250 / FLOWS_PER_VARIABLE) }, (_, i) => `FLOW_CHECK_FLOWS_${i}`), 'FLOW_CHECK_INPUT'].sort());
      const result = await checkWith(env, { FLOW_CHECK_SKIP: '1' });
      expect(result.stdout.trim()).toBe('250 flow(s): flow check skipped (FLOW_CHECK_SKIP=1)');
      expect(result.code).toBe(0);
    });

    // Each flow entry is checked where it is, and named by its variable and index.
    it.each<[string, Record<string, unknown>, RegExp]>([
      ['substitutions as a list', { substitutions: ['a'] }, /FLOW_CHECK_FLOWS_0\[1\]\.substitutions is not an object of strings/],
      ['substitutions holding a number', { substitutions: { queue_Sales: 7 } }, /FLOW_CHECK_FLOWS_0\[1\]\.substitutions is not an object of strings/],
      ['flowName missing', { flowName: undefined }, /FLOW_CHECK_FLOWS_0\[1\]\.flowName is missing/],
      ['flowType not a string', { flowType: 1 }, /FLOW_CHECK_FLOWS_0\[1\]\.flowType is missing/],
      ['payloadPath empty', { payloadPath: '' }, /FLOW_CHECK_FLOWS_0\[1\]\.payloadPath is missing/],
    ])('refuses a flow entry with %s', async (_name, change, says) => {
      const flows = stackFlows();
      const bad = { ...flows[1], ...change } as unknown as CheckedFlow;
      await refused(stackCheckEnvironment(stackInput([flows[0], bad, ...flows.slice(2)])), says);
    });

    it('refuses a flow entry that is not an object', async () => {
      const [first] = stackFlows();
      await refused({ FLOW_CHECK_INPUT: JSON.stringify({ region: 'us-east-1', flowCount: 2 }), FLOW_CHECK_FLOWS_0: JSON.stringify([first, 'TEST Sales IVR']) }, 'FLOW_CHECK_FLOWS_0[1] is not a JSON object');
    });

    it('names a bad entry of a later slice by its own variable and index', async () => {
      const flows = manyFlows(FLOWS_PER_VARIABLE + 1);
      const env = stackCheckEnvironment(stackInput(flows));
      const second = JSON.parse(env.FLOW_CHECK_FLOWS_1) as Array<Record<string, unknown>>;
      expect(second).toHaveLength(1);
      second[0].substitutions = ['TEST Sales IVR'];
      await refused(withEnv(env, { FLOW_CHECK_FLOWS_1: JSON.stringify(second) }), 'FLOW_CHECK_FLOWS_1[0].substitutions is not an object of strings');
    });

    it.each<[string, Record<string, unknown> | unknown[] | undefined, string]>([
      ['missing', undefined, 'FLOW_CHECK_INPUT is not set'],
      ['a list', [{ flowCount: 1 }], 'FLOW_CHECK_INPUT is not a JSON object'],
      ['without flowCount', { region: 'us-east-1', republishExternalCallers: false }, 'FLOW_CHECK_INPUT.flowCount is not a positive whole number'],
      ['with flowCount 0', { flowCount: 0 }, 'FLOW_CHECK_INPUT.flowCount is not a positive whole number'],
      ['with flowCount -1', { flowCount: -1 }, 'FLOW_CHECK_INPUT.flowCount is not a positive whole number'],
      ['with flowCount 1.5', { flowCount: 1.5 }, 'FLOW_CHECK_INPUT.flowCount is not a positive whole number'],
      ['with flowCount "many"', { flowCount: 'many' }, 'FLOW_CHECK_INPUT.flowCount is not a positive whole number'],
      ['with flowCount null', { flowCount: null }, 'FLOW_CHECK_INPUT.flowCount is not a positive whole number'],
      ['with a region that is not a string', { flowCount: 1, region: 7 }, 'FLOW_CHECK_INPUT.region is not a string'],
    ])('refuses a header (FLOW_CHECK_INPUT) %s', async (_name, header, says) => {
      const env = stackCheckEnvironment(stackInput([flowFor('TEST Sales IVR', 'INBOUNDCALL')]));
      await refused(withEnv(env, { FLOW_CHECK_INPUT: header === undefined ? undefined : JSON.stringify(header) }), says);
    });

    it('refuses a missing slice: the flows of FLOW_CHECK_FLOWS_1 are not checked as "fewer flows"', async () => {
      const count = FLOWS_PER_VARIABLE + 1;
      const env = stackCheckEnvironment(stackInput(manyFlows(count)));
      await refused(withEnv(env, { FLOW_CHECK_FLOWS_1: undefined }), `FLOW_CHECK_FLOWS_1 is not set: FLOW_CHECK_INPUT.flowCount (${count}) needs FLOW_CHECK_FLOWS_0 to FLOW_CHECK_FLOWS_1`);
      await refused(withEnv(env, { FLOW_CHECK_FLOWS_0: undefined }), `FLOW_CHECK_FLOWS_0 is not set: FLOW_CHECK_INPUT.flowCount (${count}) needs FLOW_CHECK_FLOWS_0 to FLOW_CHECK_FLOWS_1`);
    });

    it('refuses a flowCount that does not match the flows the slices hold', async () => {
      const flows = stackFlows();
      expect(flows.length).toBeGreaterThan(2);
      // More flows than the count: the extra flows would otherwise go unchecked.
      await refused(withEnv(stackCheckEnvironment(stackInput(flows)), { FLOW_CHECK_INPUT: JSON.stringify({ region: 'us-east-1', flowCount: flows.length - 1 }) }), `FLOW_CHECK_FLOWS_0 holds ${flows.length} flow(s), but FLOW_CHECK_INPUT.flowCount (${flows.length - 1}) puts ${flows.length - 1} in it`);
      // Fewer flows than the count: the next slice is missing.
      await refused(withEnv(stackCheckEnvironment(stackInput(flows)), { FLOW_CHECK_INPUT: JSON.stringify({ region: 'us-east-1', flowCount: flows.length + 1 }) }), `FLOW_CHECK_FLOWS_0 holds ${flows.length} flow(s), but FLOW_CHECK_INPUT.flowCount (${flows.length + 1}) puts ${flows.length + 1} in it`);
      // A slice beyond what the count accounts for.
      await refused(withEnv(stackCheckEnvironment(stackInput(flows)), { FLOW_CHECK_FLOWS_1: JSON.stringify([flows[0]]) }), `FLOW_CHECK_FLOWS_1 set, but FLOW_CHECK_INPUT.flowCount (${flows.length}) needs only FLOW_CHECK_FLOWS_0 to FLOW_CHECK_FLOWS_0`);
      // A stray slice far beyond the count, or a flowCount that is not a JSON number.
      await refused(withEnv(stackCheckEnvironment(stackInput(flows)), { FLOW_CHECK_FLOWS_5: JSON.stringify([flows[0]]) }), 'FLOW_CHECK_FLOWS_5 set, but');
      await refused(withEnv(stackCheckEnvironment(stackInput(flows)), { FLOW_CHECK_INPUT: JSON.stringify({ region: 'us-east-1', flowCount: String(flows.length) }) }), 'FLOW_CHECK_INPUT.flowCount is not a positive whole number');
    });

    it.each<[string, string]>([
      ['an object', JSON.stringify({ 0: { flowName: 'TEST Sales IVR' } })],
      ['a string', JSON.stringify('TEST Sales IVR')],
      ['null', 'null'],
    ])('refuses a slice that is %s, not a list of flows', async (_name, slice) => {
      const env = stackCheckEnvironment(stackInput([flowFor('TEST Sales IVR', 'INBOUNDCALL')]));
      await refused(withEnv(env, { FLOW_CHECK_FLOWS_0: slice }), 'FLOW_CHECK_FLOWS_0 is not a list of flows');
    });

    it('refuses a slice holding fewer flows than the count puts in it (an empty list too)', async () => {
      const env = stackCheckEnvironment(stackInput([flowFor('TEST Sales IVR', 'INBOUNDCALL')]));
      await refused(withEnv(env, { FLOW_CHECK_FLOWS_0: '[]' }), 'FLOW_CHECK_FLOWS_0 holds 0 flow(s), but FLOW_CHECK_INPUT.flowCount (1) puts 1 in it');
    });

    it('refuses a slice that is not JSON', async () => {
      const env = stackCheckEnvironment(stackInput([flowFor('TEST Sales IVR', 'INBOUNDCALL')]));
      await refused(withEnv(env, { FLOW_CHECK_FLOWS_0: '[{"flowName": "TEST Sales' }), /JSON/);
    });
  });

  describe('drift is incomplete, never "flow-missing" or "in sync", on data it cannot read', () => {
    it.each(LISTING_ANOMALIES)('flow listing: $name', async (anomaly) => {
      fault(anomaly, '/api/v2/flows');
      const report = await drift();
      expect(report.findings).toEqual([]);
      expect(report.complete).toBe(false);
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatch(/^listing flows failed: GC4006 \[GET \/api\/v2\/flows\]/);
      expect(report.errors[0]).toMatch(anomaly.says);
      expect(exitCodeOf([report])).toBe(1);
    });

    it.each(LISTING_ANOMALIES.filter((a) => a.name !== 'a flow without id'))('IVR listing: $name', async (anomaly) => {
      fault({ ...anomaly, body: anomaly.body.replace('"pageSize":500', '"pageSize":100').replace('of 500', 'of 100') }, '/api/v2/architect/ivrs');
      const report = await drift();
      expect(report.findings.filter((f) => f.resource === 'ivr')).toEqual([]);
      expect(report.complete).toBe(false);
      expect(report.errors.find((e) => e.startsWith('listing IVRs failed'))).toMatch(/^listing IVRs failed: GC4006 \[GET \/api\/v2\/architect\/ivrs\]/);
      expect(exitCodeOf([report])).toBe(1);
    });

    it('IVR listing: an IVR without a name', async () => {
      fault({ name: '', body: listing({ pageSize: 100, total: 1, pageCount: 1, entities: [{ id: 'ivr-1', dnis: [] }] }), says: /./ }, '/api/v2/architect/ivrs');
      const report = await drift();
      expect(report.findings.filter((f) => f.resource === 'ivr')).toEqual([]);
      expect(report.errors.join('\n')).toMatch(/listing IVRs failed: GC4006 .*an IVR has no name/);
      expect(report.complete).toBe(false);
    });

    it.each(exportAnomalies('http://storage.invalid'))('export job: $name', async (anomaly) => {
      emulator.faults.add({ kind: 'body', body: anomaly.body.replace('http://storage.invalid', storageUrl), contentType: 'application/json', status: 200, count: 1, path: '/api/v2/flows/export/jobs/' });
      const report = await drift();
      expect(report.findings.filter((f) => f.kind === 'flow-content-differs' || f.kind === 'flow-missing')).toEqual([]);
      expect(report.complete).toBe(false);
      expect(report.errors.join('\n')).toMatch(/exporting flows failed: GC4006/);
      expect(report.errors.join('\n')).toMatch(anomaly.says);
      expect(exitCodeOf([report])).toBe(1);
    });

    it.each([
      ['HTML 200', LISTING_ANOMALIES[0]],
      ['pageCount 1e9', LISTING_ANOMALIES[4]],
    ])('npm run drift (compiled) exits 1, status incomplete, on a flow listing with %s', async (_name, anomaly) => {
      fault(anomaly, '/api/v2/flows');
      const result = await run('dist/tools/drift.js', ['--env', 'test', '--format', 'json'], emulatorEnv(emulator));
      const json = JSON.parse(result.stdout);
      expect(json.status).toBe('incomplete');
      expect(json.stacks[0]).toMatchObject({ complete: false, findings: [] });
      expect(json.stacks[0].errors[0]).toMatch(anomaly.says);
      expect(result.code).toBe(1);
    }, 60000);
  });

  describe('exports and paging, read through ArchitectOps', () => {
    const refs = () =>
      [...emulator.org.flows.values()]
        .filter((f) => f.publishedVersionId)
        .slice(0, 2)
        .map((f) => ({ id: f.id, version: f.publishedVersionId! }));
    const successAt = (url: string) => emulator.faults.add({ kind: 'body', body: JSON.stringify({ id: 'job-1', status: 'Success', downloadUrl: url }), status: 200, count: 1, path: '/api/v2/flows/export/jobs/' });

    it('rejects a zip whose file for a flow is an HTML page', async () => {
      const [a, b] = refs();
      const zip = new AdmZip();
      zip.addFile(`${exportFileName(a.id, 0)}.yaml`, Buffer.from('inboundCall:\n  name: A\n'));
      zip.addFile(`${exportFileName(b.id, 1)}.yaml`, Buffer.from('<html><body>Expired</body></html>'));
      zipServed = zip.toBuffer();
      successAt(`${storageUrl}/zip`);
      await expect(ops.exportVersions([a, b], poll)).rejects.toMatchObject({ code: 'GC4006', message: expect.stringMatching(new RegExp(`file for flow ${b.id}\\] the answer is not what the Genesys API promises: the exported file is an HTML/XML page`)) });
    });

    it('rejects a zip that cannot be read', async () => {
      zipServed = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]);
      successAt(`${storageUrl}/zip`);
      await expect(ops.exportVersions(refs(), poll)).rejects.toMatchObject({ code: 'GC4006', message: expect.stringContaining('the zip cannot be read') });
    });

    it('rejects a page that only repeats the previous one, instead of following it to the bound', async () => {
      const flow = readFlow('seed', JSON.parse(JSON.stringify((await ops.listFlows(['inboundcall']))[0])));
      emulator.faults.add({ kind: 'body', body: JSON.stringify({ entities: [flow], pageSize: 1, total: 2, pageCount: 2 }), status: 200, count: 2, path: '/api/v2/flows' });
      const calls = ops.client.apiCalls;
      await expect(ops.listFlows(['inboundcall'])).rejects.toMatchObject({ code: 'GC4006', message: expect.stringContaining('[GET /api/v2/flows (page 2)] the answer is not what the Genesys API promises: page 2 only repeats entities of earlier pages') });
      expect(ops.client.apiCalls - calls).toBe(2);
    });

    it('rejects a server that answers page 1 again when page 2 is asked for', async () => {
      const flow = readFlow('seed', JSON.parse(JSON.stringify((await ops.listFlows(['inboundcall']))[0])));
      emulator.faults.add({ kind: 'body', body: JSON.stringify({ entities: [flow], pageSize: 1, pageNumber: 1, total: 2, pageCount: 2 }), status: 200, count: 2, path: '/api/v2/flows' });
      await expect(ops.listFlows(['inboundcall'])).rejects.toMatchObject({ code: 'GC4006', message: expect.stringContaining('answered page 1 when page 2 was asked for') });
    });

    it('rejects a page before the last that holds fewer entities than a page (no total given)', async () => {
      const flow = readFlow('seed', JSON.parse(JSON.stringify((await ops.listFlows(['inboundcall']))[0])));
      emulator.faults.add({ kind: 'body', body: JSON.stringify({ entities: [flow], pageSize: 2, pageNumber: 1, pageCount: 3 }), status: 200, count: 1, path: '/api/v2/flows' });
      await expect(ops.listFlows(['inboundcall'])).rejects.toMatchObject({ code: 'GC4006', message: expect.stringContaining('only 1 entities on page 1 of 3 (pages before the last hold 2)') });
    });

    it('bounds paging: at most MAX_LISTED_ENTITIES / pageSize pages', () => {
      expect(MAX_LISTED_ENTITIES).toBe(50_000);
      expect(maxPages(500)).toBe(100);
      expect(maxPages(100)).toBe(500);
      // The last page of the largest listing allowed, then one page more than allowed.
      const last = { entities: [], pageSize: 500, pageNumber: 100, pageCount: 100 };
      expect(readListing('GET /api/v2/flows', last, { pageNumber: 100, pageSize: 500 }, readFlow).pageCount).toBe(100);
      const first = { entities: [], pageSize: 500, pageNumber: 1, pageCount: 101 };
      expect(() => readListing('GET /api/v2/flows', first, { pageNumber: 1, pageSize: 500 }, readFlow)).toThrow(/GC4006 .*pageCount 101 is beyond the bound of 100 pages of 500 \(50000 entities\)/);
    });
  });

  describe('paged listings must add up across pages', () => {
    const stackCaller = (i: number) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: 'TEST Sales IVR', type: 'INBOUNDCALLFLOW', version: '1.0' });

    it('destroy guard (compiled handler) refuses when page 2 states another total than page 1 and is empty', async () => {
      // Page 1: 100 stack callers of 101, 2 pages; page 2: "100 in all, 1 page", nothing on it. The 101st
      // consumer (possibly outside the stack) is on no page we read.
      const page1 = { entities: Array.from({ length: 100 }, (_, i) => stackCaller(i)), pageSize: 100, pageNumber: 1, total: 101, pageCount: 2 };
      const page2 = { entities: [], pageSize: 100, pageNumber: 2, total: 100, pageCount: 1 };
      emulator.faults.add({ kind: 'body', body: JSON.stringify(page1), count: 1, path: '/dependencytracking/consumingresources' });
      emulator.faults.add({ kind: 'body', body: JSON.stringify(page2), count: 1, path: '/dependencytracking/consumingresources' });
      const result = await handler('destroy', inputFor('TEST Shared PIN Auth', 'COMMONMODULE'));
      expect(result.stdout).not.toContain('destroy may proceed');
      expect(result.stderr).toMatch(/refusing to destroy: .*GC4006 \[GET \/api\/v2\/architect\/dependencytracking\/consumingresources \(page 2\)\].*page 2 states total 100 but page 1 stated 101/);
      expect(result.code).toBe(2);
    });

    it('rejects pages whose distinct entities fall short of the total they state (an entity counted twice)', async () => {
      const [a, b, c] = (await ops.listFlows(['inboundcall'])).map((f) => readFlow('seed', JSON.parse(JSON.stringify(f))));
      emulator.faults.add({ kind: 'body', body: JSON.stringify({ entities: [a, b], pageSize: 2, pageNumber: 1, total: 4, pageCount: 2 }), count: 1, path: '/api/v2/flows' });
      emulator.faults.add({ kind: 'body', body: JSON.stringify({ entities: [b, c], pageSize: 2, pageNumber: 2, total: 4, pageCount: 2 }), count: 1, path: '/api/v2/flows' });
      await expect(ops.listFlows(['inboundcall'])).rejects.toMatchObject({ code: 'GC4006', message: expect.stringContaining('the pages hold 3 distinct entities but every page states a total of 4') });
    });

    it('rejects a listing without total whose pageCount changes between pages', async () => {
      const [a, b] = (await ops.listFlows(['inboundcall'])).map((f) => readFlow('seed', JSON.parse(JSON.stringify(f))));
      emulator.faults.add({ kind: 'body', body: JSON.stringify({ entities: [a], pageSize: 1, pageNumber: 1, pageCount: 3 }), count: 1, path: '/api/v2/flows' });
      emulator.faults.add({ kind: 'body', body: JSON.stringify({ entities: [b], pageSize: 1, pageNumber: 2, pageCount: 2 }), count: 1, path: '/api/v2/flows' });
      await expect(ops.listFlows(['inboundcall'])).rejects.toMatchObject({ code: 'GC4006', message: expect.stringContaining('page 2 states pageCount 2 but page 1 stated 3') });
    });

    it('reads a listing whose pages add up (control)', async () => {
      const [a, b, c] = (await ops.listFlows(['inboundcall'])).map((f) => readFlow('seed', JSON.parse(JSON.stringify(f))));
      emulator.faults.add({ kind: 'body', body: JSON.stringify({ entities: [a, b], pageSize: 2, pageNumber: 1, total: 3, pageCount: 2 }), count: 1, path: '/api/v2/flows' });
      emulator.faults.add({ kind: 'body', body: JSON.stringify({ entities: [c], pageSize: 2, pageNumber: 2, total: 3, pageCount: 2 }), count: 1, path: '/api/v2/flows' });
      expect((await ops.listFlows(['inboundcall'])).map((f) => f.id)).toEqual([a.id, b.id, c.id]);
    });
  });

  describe('FLOW_CHECK_WAIT_SECONDS (compiled handler)', () => {
    it.each(['abc', '-5', '0', '1e12', 'Infinity', '3601'])('exits 2 promptly, naming the variable, the value and the fix, for %s', async (value) => {
      // A stack with a flow that never gets published: a NaN or absurd wait would poll for it forever.
      const input = stackInput([...stackFlows(), { ...flowFor('TEST Sales IVR', 'INBOUNDCALL'), flowName: 'TEST Never Published' }]);
      const started = Date.now();
      const result = await run('dist/handlers/flow-check.js', ['create'], { ...emulatorEnv(emulator), ...stackCheckEnvironment(input), FLOW_CHECK_WAIT_SECONDS: value }, work, 20_000);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`flow check could not complete: GC4007 [FLOW_CHECK_WAIT_SECONDS] must be a number of seconds greater than 0 and at most 3600 (value: ${JSON.stringify(value)}). Fix: set FLOW_CHECK_WAIT_SECONDS to the seconds to wait for the publish (e.g. 120), or unset it for the default of 120`);
      expect(Date.now() - started).toBeLessThan(10_000);
    }, 30_000);

    it.each(['abc', '-1', '1.5', '600001', 'Infinity'])('FLOW_CHECK_EXPORT_FIRST_POLL_MS=%s exits 2 naming the variable, the value and the fix', async (value) => {
      const result = await run('dist/handlers/flow-check.js', ['create'], { ...emulatorEnv(emulator), ...stackCheckEnvironment(stackInput(stackFlows())), FLOW_CHECK_EXPORT_FIRST_POLL_MS: value }, work, 20_000);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`flow check could not complete: GC4007 [FLOW_CHECK_EXPORT_FIRST_POLL_MS] must be a whole number of milliseconds from 0 to 600000 (value: ${JSON.stringify(value)}).`);
    });

    it('bounds ArchitectOps polls: a NaN, infinite, negative or too long poll option falls back to the default', () => {
      expect(pollMs(Number('abc'), 120_000)).toBe(120_000);
      expect(pollMs(Infinity, 120_000)).toBe(120_000);
      expect(pollMs(-1, 1000)).toBe(1000);
      expect(pollMs(1e12, 1000)).toBe(1000);
      expect(pollMs(MAX_POLL_MS + 1, 500)).toBe(500);
      expect(pollMs(undefined, 500)).toBe(500);
      expect(pollMs(0, 500)).toBe(0);
      expect(pollMs(2500, 500)).toBe(2500);
    });

    it('an export with NaN poll options still ends (bounded by the default timeout, polled at the default interval)', async () => {
      const [flow] = [...emulator.org.flows.values()].filter((f) => f.publishedVersionId);
      const exported = await ops.exportVersions([{ id: flow.id, version: flow.publishedVersionId! }], { timeoutMs: Number('abc'), intervalMs: Number('abc'), firstPollMs: -1 });
      expect(exported.get(flow.id)).toContain('name:');
    });
  });

  describe("this deployment's OAuth client id never reaches the handler's output", () => {
    it('reports a version our client published that differs without naming the client by id', async () => {
      const sales = stack.flows.find((f) => f.name === 'TEST Sales IVR')!;
      emulator.seedFlow(sales.yaml.replace('Welcome to Sales.', 'Welcome to Sales!'), { kind: 'client', id: TEST_CLIENT_ID });
      try {
        const result = await check([flowFor('TEST Sales IVR', 'INBOUNDCALL')]);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^INBOUNDCALL 'TEST Sales IVR': published version \S+ differs from the synthesized flow in 1 place\(s\)$/m);
        expect(result.stderr).toContain('expected "Welcome to Sales.", published "Welcome to Sales!"');
        // Published by our own client: not reported as another publisher.
        expect(result.stderr).not.toContain('was published by');
        expect(result.stdout + result.stderr).not.toContain(TEST_CLIENT_ID);
      } finally {
        emulator.seedFlow(sales.yaml, { kind: 'client', id: TEST_CLIENT_ID });
      }
    });

    it('names another OAuth client that published a version by its id, and ours in words', async () => {
      const sales = stack.flows.find((f) => f.name === 'TEST Sales IVR')!;
      emulator.seedFlow(sales.yaml, { kind: 'client', id: 'partner-client-77' });
      try {
        const result = await check([flowFor('TEST Sales IVR', 'INBOUNDCALL')]);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^INBOUNDCALL 'TEST Sales IVR': published version \S+ was published by OAuth client partner-client-77, not by this deployment's OAuth client$/m);
        expect(result.stdout + result.stderr).not.toContain(TEST_CLIENT_ID);
      } finally {
        emulator.seedFlow(sales.yaml, { kind: 'client', id: TEST_CLIENT_ID });
      }
    });

    it('scrubs it from the excerpt of an answer that cannot be read', async () => {
      fault({ name: '', body: listing({ total: 1, pageCount: 1, entities: [{ id: 'f-1', type: 'INBOUNDCALL', lockedClient: { id: TEST_CLIENT_ID, name: TEST_CLIENT_ID } }] }), says: /./ }, '/api/v2/flows');
      const result = await check();
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/GC4006 .*a flow has no name/);
      expect(result.stderr).toContain("this deployment's OAuth client");
      expect(result.stdout + result.stderr).not.toContain(TEST_CLIENT_ID);
    });

    it('login failures do not name it', async () => {
      const result = await run('dist/handlers/flow-check.js', ['create'], { ...emulatorEnv(emulator), GENESYSCLOUD_OAUTHCLIENT_SECRET: 'wrong-secret-5501', ...stackCheckEnvironment(stackInput(stackFlows())) }, work);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("GC4005 [POST /oauth/token] login failed for this deployment's OAuth client");
      expect(result.stdout + result.stderr).not.toContain(TEST_CLIENT_ID);
      expect(result.stdout + result.stderr).not.toContain('wrong-secret-5501');
    });
  });

  describe('presigned URLs never leak their credentials', () => {
    const successAt = (url: string, count = 1) => emulator.faults.add({ kind: 'body', body: JSON.stringify({ id: 'job-1', status: 'Success', downloadUrl: url }), status: 200, count, path: '/api/v2/flows/export/jobs/' });
    const ref = () => {
      const flow = [...emulator.org.flows.values()].find((f) => f.publishedVersionId)!;
      return [{ id: flow.id, version: flow.publishedVersionId! }];
    };

    it('refuses a download URL with user:password@ up front (GC4006, no request, no retry), printing neither password nor signature', async () => {
      const before = storageRequests;
      const url = `${storageUrl.replace('http://', 'http://svc:Pa55w0rd@')}/zip?X-Amz-Signature=s3cr3tsig&X-Amz-Credential=AKIAEXAMPLE`;
      successAt(url, 5);
      const error = await ops.exportVersions(ref(), poll).catch((e) => e);
      expect(error).toBeInstanceOf(GenesysError);
      expect(error.code).toBe('GC4006');
      expect(error.message).toContain('the download URL carries credentials (user:password@)');
      expect(storageRequests).toBe(before);
      const everything = error.message + JSON.stringify(error) + String(error.stack);
      for (const secret of ['Pa55w0rd', 'svc:', 's3cr3tsig', 'AKIAEXAMPLE']) expect(everything).not.toContain(secret);
    });

    it('a network error on a signed URL carries neither the signature nor the credential of the query', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const client = await connect(emulator, { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
      const error = await client.download(`http://127.0.0.1:${port}/dl?X-Amz-Signature=s3cr3tsig&X-Amz-Credential=AKIAEXAMPLE%2F20240501`).catch((e) => e);
      expect(error).toMatchObject({ code: 'GC4004' });
      expect(error.message).toMatch(/network error: fetch failed \(ECONNREFUSED\)/);
      const everything = error.message + JSON.stringify(error) + String(error.stack);
      for (const secret of ['s3cr3tsig', 'AKIAEXAMPLE', 'X-Amz-Signature=']) expect(everything).not.toContain(secret);
    });
  });

  describe('the client', () => {
    it('fails a non-JSON 200 with GC4006 at once (no retry), with a bounded, scrubbed excerpt', async () => {
      const client = ops.client;
      const page = `<html><body>${'x'.repeat(5000)} Authorization: Bearer eyJhbGciOi.secret-part access_token=tok123</body></html>`;
      emulator.faults.add({ kind: 'body', body: page.replace(/x{5000}/, ''), contentType: 'text/html', status: 200, count: 1, path: '/organizations/me' });
      const calls = client.apiCalls;
      const error = await client.call('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe()).catch((e) => e);
      expect(error).toBeInstanceOf(GenesysError);
      expect(error).toMatchObject({ code: 'GC4006', where: 'GET /api/v2/organizations/me' });
      expect(client.apiCalls - calls).toBe(1);
      const everything = error.message + JSON.stringify(error);
      expect(everything).not.toContain('secret-part');
      expect(everything).not.toContain('tok123');

      emulator.faults.add({ kind: 'body', body: page, contentType: 'text/html', status: 200, count: 1, path: '/organizations/me' });
      const long = await client.call('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe()).catch((e) => e);
      expect(long.code).toBe('GC4006');
      expect(String(long.value).length).toBeLessThanOrEqual(121);
      expect(long.message.length).toBeLessThan(600);
    });

    it.each<[string, string]>([
      ['JSON null', 'null'],
      ['a JSON string', '"ok"'],
      ['a JSON number', '42'],
    ])('fails a 200 carrying %s instead of an object', async (_name, body) => {
      emulator.faults.add({ kind: 'body', body, status: 200, count: 1, path: '/organizations/me' });
      await expect(ops.client.call('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe())).rejects.toMatchObject({ code: 'GC4006' });
    });

    it('still retries 5xx and 429 and then reads the answer', async () => {
      emulator.faults.add({ kind: 'status', status: 503, count: 1, path: '/organizations/me' });
      emulator.faults.add({ kind: 'status', status: 429, count: 1, retryAfterSeconds: 0, path: '/organizations/me' });
      const org = await ops.client.call<{ name: string }>('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe());
      expect(org.name).toBe('Emulated Org');
    });
  });
});
