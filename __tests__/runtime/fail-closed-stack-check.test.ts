import { TEST_CLIENT_ID } from '../support/emulator';
import { LISTING_ANOMALIES, exportAnomalies, failClosedWorld, listing, run, runEach } from '../support/fail-closed';
import { stackCheckEnvironment } from '../../runtime/flow-check/flow-check-input';
import { emulatorEnv } from '../support/emulator';

/**
 * Issue 9, part 5: any answer that is not what the Genesys API contract promises means "could not
 * check" (GC4006): the stack's flow check exits 2. Cases marked (compiled) run the shipped bundle in a
 * child process, the others the handler's source in-process (see `Via` in ../support/fail-closed.ts).
 */
describe('fail closed on answers that are not what the Genesys API promises', () => {
  const w = failClosedWorld();

  describe('flow check (handler, every flow of the stack at once) exits 2 when the flow listing cannot be read', () => {
    it('passes when the answers are readable (control, compiled)', async () => {
      const flows = w.stackFlows();
      const result = await w.check(flows, {}, 'compiled');
      expect(result.stderr).toBe('');
      for (const f of flows)
        expect(result.stdout).toContain(`${f.flowType} '${f.flowName}': published version 1.0 matches the synthesized flow (abc123def456)`);
      expect(result.code).toBe(0);
    });

    it.each(runEach(LISTING_ANOMALIES, ['HTML 200']))('$name ($via)', async (anomaly) => {
      w.fault(anomaly, '/api/v2/flows');
      const result = await w.check(undefined, {}, anomaly.via);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^flow check could not complete: GC4006 \[GET \/api\/v2\/flows\]/);
      expect(result.stderr).toMatch(anomaly.says);
      expect(result.stderr).toContain('Fix: retry; if it persists, the API or a proxy in between answers something other than the Genesys API');
      expect(result.code).toBe(2);
    });
  });

  describe('flow check (handler, every flow of the stack at once) exits 2 on export job anomalies', () => {
    // The compiled proof of this path (report lines on stderr, exit 2) is the next test.
    it.each(runEach(exportAnomalies('http://storage.invalid'), []))('$name ($via)', async (anomaly) => {
      const served = anomaly.body.replace('http://storage.invalid', w.storageUrl);
      w.emulator.faults.add({
        kind: 'body',
        body: served,
        contentType: 'application/json',
        status: 200,
        count: 1,
        path: '/api/v2/flows/export/jobs/',
      });
      const result = await w.check(undefined, {}, anomaly.via);
      // Nothing could be compared: no flow is said to match, none to differ.
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/matches the synthesized flow|differs from the synthesized flow/);
      expect(result.stderr).toMatch(/^could not check: exporting flows failed: GC4006/m);
      expect(result.stderr).toMatch(anomaly.says);
      expect(result.code).toBe(2);
    });

    it('never echoes tokens or presigned signatures from a bad download (compiled)', async () => {
      w.fault(
        {
          name: '',
          body: JSON.stringify({ id: 'job-1', status: 'Success', downloadUrl: `${w.storageUrl}/html?X-Amz-Signature=s3cr3tsig` }),
          says: /./,
        },
        '/api/v2/flows/export/jobs/',
      );
      const result = await w.check(undefined, {}, 'compiled');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^could not check: exporting flows failed: GC4006/m);
      expect(result.stderr).toContain('Bearer [redacted]');
      expect(result.stderr).not.toContain('abc.def.ghi');
      expect(result.stderr).not.toContain('s3cr3tsig');
    });
  });

  // Scrubbing in what the handler prints is the point here: the shipped bundle, once per path the client id
  // could take (a report line, the excerpt of an unreadable answer, a failed login); in-process the same print.
  describe("this deployment's OAuth client id never reaches the handler's output", () => {
    it('reports a version our client published that differs without naming the client by id (compiled)', async () => {
      const sales = w.stack.flows.find((f) => f.name === 'TEST Sales IVR')!;
      w.emulator.seedFlow(sales.yaml.replace('Welcome to Sales.', 'Welcome to Sales!'), { kind: 'client', id: TEST_CLIENT_ID });
      try {
        const result = await w.check([w.flowFor('TEST Sales IVR', 'INBOUNDCALL')], {}, 'compiled');
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^INBOUNDCALL 'TEST Sales IVR': published version \S+ differs from the synthesized flow in 1 place\(s\)$/m);
        expect(result.stderr).toContain('expected "Welcome to Sales.", published "Welcome to Sales!"');
        // Published by our own client: not reported as another publisher.
        expect(result.stderr).not.toContain('was published by');
        expect(result.stdout + result.stderr).not.toContain(TEST_CLIENT_ID);
      } finally {
        w.emulator.seedFlow(sales.yaml, { kind: 'client', id: TEST_CLIENT_ID });
      }
    });

    it('names another OAuth client that published a version by its id, and ours in words (in-process)', async () => {
      const sales = w.stack.flows.find((f) => f.name === 'TEST Sales IVR')!;
      w.emulator.seedFlow(sales.yaml, { kind: 'client', id: 'partner-client-77' });
      try {
        const result = await w.check([w.flowFor('TEST Sales IVR', 'INBOUNDCALL')], {}, 'in-process');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(
          /^INBOUNDCALL 'TEST Sales IVR': published version \S+ was published by OAuth client partner-client-77, not by this deployment's OAuth client$/m,
        );
        expect(result.stdout + result.stderr).not.toContain(TEST_CLIENT_ID);
      } finally {
        w.emulator.seedFlow(sales.yaml, { kind: 'client', id: TEST_CLIENT_ID });
      }
    });

    it('scrubs it from the excerpt of an answer that cannot be read (compiled)', async () => {
      w.fault(
        {
          name: '',
          body: listing({
            total: 1,
            pageCount: 1,
            entities: [{ id: 'f-1', type: 'INBOUNDCALL', lockedClient: { id: TEST_CLIENT_ID, name: TEST_CLIENT_ID } }],
          }),
          says: /./,
        },
        '/api/v2/flows',
      );
      const result = await w.check(undefined, {}, 'compiled');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/GC4006 .*a flow has no name/);
      expect(result.stderr).toContain("this deployment's OAuth client");
      expect(result.stdout + result.stderr).not.toContain(TEST_CLIENT_ID);
    });

    it('login failures do not name it (compiled)', async () => {
      const result = await run(
        'dist/handlers/flow-check.js',
        ['create'],
        { ...emulatorEnv(w.emulator), GENESYSCLOUD_OAUTHCLIENT_SECRET: 'wrong-secret-5501', ...stackCheckEnvironment(w.stackInput(w.stackFlows())) },
        w.work,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("GC4005 [POST /oauth/token] login failed for this deployment's OAuth client");
      expect(result.stdout + result.stderr).not.toContain(TEST_CLIENT_ID);
      expect(result.stdout + result.stderr).not.toContain('wrong-secret-5501');
    });
  });
});
