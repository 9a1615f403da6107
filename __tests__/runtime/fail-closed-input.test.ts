import { FLOWS_PER_VARIABLE } from '../../constructs/flow-check-contract';
import { MAX_POLL_MS, pollMs } from '../../runtime/architect/architect-ops';
import { CheckedFlow, stackCheckEnvironment } from '../../runtime/flow-check/flow-check-input';
import { emulatorEnv } from '../support/emulator';
import { Via, failClosedWorld, run, runHandlerInProcess } from '../support/fail-closed';

/**
 * Issue 9, part 5: the flow check handler refuses an input or a setting of the wrong shape (exit 2,
 * before the login). Cases marked (compiled) run the shipped bundle in a child process, one at least per
 * path (header, slice, flow entry, each wait variable); the others the handler's source in-process (see
 * `Via` in ../support/fail-closed.ts).
 */
describe('fail closed on answers that are not what the Genesys API promises', () => {
  const w = failClosedWorld();

  describe('flow check (handler) refuses an input of the wrong shape: exit 2, before the login', () => {
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
      const flows = w.stackFlows();
      return Array.from({ length: count }, (_, i) => ({ ...flows[i % flows.length], flowName: `${flows[i % flows.length].flowName} ${i}` }));
    };
    const refused = async (env: Record<string, string>, says: RegExp | string, via: Via = 'in-process') => {
      const logins = w.emulator.tokenRequests;
      const result = await w.checkWith(env, {}, via);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^flow check could not complete: /);
      if (typeof says === 'string') expect(result.stderr).toContain(says);
      else expect(result.stderr).toMatch(says);
      expect(result.code).toBe(2);
      expect(w.emulator.tokenRequests).toBe(logins);
    };

    it('reads a stack of 250 flows from its slices (control, compiled: FLOW_CHECK_SKIP=1 parses the input, then skips)', async () => {
      const env = stackCheckEnvironment(w.stackInput(manyFlows(250)));
      expect(Object.keys(env).sort()).toEqual(
        [...Array.from({ length: Math.ceil(250 / FLOWS_PER_VARIABLE) }, (_, i) => `FLOW_CHECK_FLOWS_${i}`), 'FLOW_CHECK_INPUT'].sort(),
      );
      const result = await w.checkWith(env, { FLOW_CHECK_SKIP: '1' }, 'compiled');
      expect(result.stdout.trim()).toBe('250 flow(s): flow check skipped (FLOW_CHECK_SKIP=1)');
      expect(result.code).toBe(0);
    });

    // Each flow entry is checked where it is, and named by its variable and index.
    it.each<{ name: string; change: Record<string, unknown>; says: RegExp; via: Via }>([
      {
        name: 'substitutions as a list',
        change: { substitutions: ['a'] },
        says: /FLOW_CHECK_FLOWS_0\[1\]\.substitutions is not an object of strings/,
        via: 'in-process',
      },
      {
        name: 'substitutions holding a number',
        change: { substitutions: { queue_Sales: 7 } },
        says: /FLOW_CHECK_FLOWS_0\[1\]\.substitutions is not an object of strings/,
        via: 'in-process',
      },
      { name: 'flowName missing', change: { flowName: undefined }, says: /FLOW_CHECK_FLOWS_0\[1\]\.flowName is missing/, via: 'compiled' },
      { name: 'flowType not a string', change: { flowType: 1 }, says: /FLOW_CHECK_FLOWS_0\[1\]\.flowType is missing/, via: 'in-process' },
      { name: 'payloadPath empty', change: { payloadPath: '' }, says: /FLOW_CHECK_FLOWS_0\[1\]\.payloadPath is missing/, via: 'in-process' },
    ])('refuses a flow entry with $name ($via)', async ({ change, says, via }) => {
      const flows = w.stackFlows();
      const bad = { ...flows[1], ...change } as unknown as CheckedFlow;
      await refused(stackCheckEnvironment(w.stackInput([flows[0], bad, ...flows.slice(2)])), says, via);
    });

    it('refuses a flow entry that is not an object', async () => {
      const [first] = w.stackFlows();
      await refused(
        { FLOW_CHECK_INPUT: JSON.stringify({ region: 'us-east-1', flowCount: 2 }), FLOW_CHECK_FLOWS_0: JSON.stringify([first, 'TEST Sales IVR']) },
        'FLOW_CHECK_FLOWS_0[1] is not a JSON object',
      );
    });

    it('names a bad entry of a later slice by its own variable and index', async () => {
      const flows = manyFlows(FLOWS_PER_VARIABLE + 1);
      const env = stackCheckEnvironment(w.stackInput(flows));
      const second = JSON.parse(env.FLOW_CHECK_FLOWS_1) as Array<Record<string, unknown>>;
      expect(second).toHaveLength(1);
      second[0].substitutions = ['TEST Sales IVR'];
      await refused(withEnv(env, { FLOW_CHECK_FLOWS_1: JSON.stringify(second) }), 'FLOW_CHECK_FLOWS_1[0].substitutions is not an object of strings');
    });

    it.each<{ name: string; header: Record<string, unknown> | unknown[] | undefined; says: string; via: Via }>([
      { name: 'missing', header: undefined, says: 'FLOW_CHECK_INPUT is not set', via: 'compiled' },
      { name: 'a list', header: [{ flowCount: 1 }], says: 'FLOW_CHECK_INPUT is not a JSON object', via: 'in-process' },
      {
        name: 'without flowCount',
        header: { region: 'us-east-1', republishExternalCallers: false },
        says: 'FLOW_CHECK_INPUT.flowCount is not a positive whole number',
        via: 'in-process',
      },
      { name: 'with flowCount 0', header: { flowCount: 0 }, says: 'FLOW_CHECK_INPUT.flowCount is not a positive whole number', via: 'in-process' },
      { name: 'with flowCount -1', header: { flowCount: -1 }, says: 'FLOW_CHECK_INPUT.flowCount is not a positive whole number', via: 'in-process' },
      {
        name: 'with flowCount 1.5',
        header: { flowCount: 1.5 },
        says: 'FLOW_CHECK_INPUT.flowCount is not a positive whole number',
        via: 'in-process',
      },
      {
        name: 'with flowCount "many"',
        header: { flowCount: 'many' },
        says: 'FLOW_CHECK_INPUT.flowCount is not a positive whole number',
        via: 'in-process',
      },
      {
        name: 'with flowCount null',
        header: { flowCount: null },
        says: 'FLOW_CHECK_INPUT.flowCount is not a positive whole number',
        via: 'in-process',
      },
      {
        name: 'with a region that is not a string',
        header: { flowCount: 1, region: 7 },
        says: 'FLOW_CHECK_INPUT.region is not a string',
        via: 'in-process',
      },
    ])('refuses a header (FLOW_CHECK_INPUT) $name ($via)', async ({ header, says, via }) => {
      const env = stackCheckEnvironment(w.stackInput([w.flowFor('TEST Sales IVR', 'INBOUNDCALL')]));
      await refused(withEnv(env, { FLOW_CHECK_INPUT: header === undefined ? undefined : JSON.stringify(header) }), says, via);
    });

    it('refuses a missing slice: the flows of FLOW_CHECK_FLOWS_1 are not checked as "fewer flows"', async () => {
      const count = FLOWS_PER_VARIABLE + 1;
      const env = stackCheckEnvironment(w.stackInput(manyFlows(count)));
      await refused(
        withEnv(env, { FLOW_CHECK_FLOWS_1: undefined }),
        `FLOW_CHECK_FLOWS_1 is not set: FLOW_CHECK_INPUT.flowCount (${count}) needs FLOW_CHECK_FLOWS_0 to FLOW_CHECK_FLOWS_1`,
      );
      await refused(
        withEnv(env, { FLOW_CHECK_FLOWS_0: undefined }),
        `FLOW_CHECK_FLOWS_0 is not set: FLOW_CHECK_INPUT.flowCount (${count}) needs FLOW_CHECK_FLOWS_0 to FLOW_CHECK_FLOWS_1`,
      );
    });

    it('refuses a flowCount that does not match the flows the slices hold', async () => {
      const flows = w.stackFlows();
      expect(flows.length).toBeGreaterThan(2);
      // More flows than the count: the extra flows would otherwise go unchecked.
      await refused(
        withEnv(stackCheckEnvironment(w.stackInput(flows)), {
          FLOW_CHECK_INPUT: JSON.stringify({ region: 'us-east-1', flowCount: flows.length - 1 }),
        }),
        `FLOW_CHECK_FLOWS_0 holds ${flows.length} flow(s), but FLOW_CHECK_INPUT.flowCount (${flows.length - 1}) puts ${flows.length - 1} in it`,
      );
      // Fewer flows than the count: the next slice is missing.
      await refused(
        withEnv(stackCheckEnvironment(w.stackInput(flows)), {
          FLOW_CHECK_INPUT: JSON.stringify({ region: 'us-east-1', flowCount: flows.length + 1 }),
        }),
        `FLOW_CHECK_FLOWS_0 holds ${flows.length} flow(s), but FLOW_CHECK_INPUT.flowCount (${flows.length + 1}) puts ${flows.length + 1} in it`,
      );
      // A slice beyond what the count accounts for.
      await refused(
        withEnv(stackCheckEnvironment(w.stackInput(flows)), { FLOW_CHECK_FLOWS_1: JSON.stringify([flows[0]]) }),
        `FLOW_CHECK_FLOWS_1 set, but FLOW_CHECK_INPUT.flowCount (${flows.length}) needs only FLOW_CHECK_FLOWS_0 to FLOW_CHECK_FLOWS_0`,
      );
      // A stray slice far beyond the count, or a flowCount that is not a JSON number.
      await refused(
        withEnv(stackCheckEnvironment(w.stackInput(flows)), { FLOW_CHECK_FLOWS_5: JSON.stringify([flows[0]]) }),
        'FLOW_CHECK_FLOWS_5 set, but',
      );
      await refused(
        withEnv(stackCheckEnvironment(w.stackInput(flows)), {
          FLOW_CHECK_INPUT: JSON.stringify({ region: 'us-east-1', flowCount: String(flows.length) }),
        }),
        'FLOW_CHECK_INPUT.flowCount is not a positive whole number',
      );
    });

    it.each<{ name: string; slice: string; via: Via }>([
      { name: 'an object', slice: JSON.stringify({ 0: { flowName: 'TEST Sales IVR' } }), via: 'compiled' },
      { name: 'a string', slice: JSON.stringify('TEST Sales IVR'), via: 'in-process' },
      { name: 'null', slice: 'null', via: 'in-process' },
    ])('refuses a slice that is $name, not a list of flows ($via)', async ({ slice, via }) => {
      const env = stackCheckEnvironment(w.stackInput([w.flowFor('TEST Sales IVR', 'INBOUNDCALL')]));
      await refused(withEnv(env, { FLOW_CHECK_FLOWS_0: slice }), 'FLOW_CHECK_FLOWS_0 is not a list of flows', via);
    });

    it('refuses a slice holding fewer flows than the count puts in it (an empty list too)', async () => {
      const env = stackCheckEnvironment(w.stackInput([w.flowFor('TEST Sales IVR', 'INBOUNDCALL')]));
      await refused(
        withEnv(env, { FLOW_CHECK_FLOWS_0: '[]' }),
        'FLOW_CHECK_FLOWS_0 holds 0 flow(s), but FLOW_CHECK_INPUT.flowCount (1) puts 1 in it',
      );
    });

    it('refuses a slice that is not JSON', async () => {
      const env = stackCheckEnvironment(w.stackInput([w.flowFor('TEST Sales IVR', 'INBOUNDCALL')]));
      await refused(withEnv(env, { FLOW_CHECK_FLOWS_0: '[{"flowName": "TEST Sales' }), /JSON/);
    });
  });

  describe('FLOW_CHECK_WAIT_SECONDS (handler)', () => {
    /** The handler, compiled (killed after 20 s) or in-process. */
    const create = (extra: Record<string, string>, via: Via, input = w.stackInput(w.stackFlows())) => {
      const env = { ...emulatorEnv(w.emulator), ...stackCheckEnvironment(input), ...extra };
      return via === 'compiled' ? run('dist/handlers/flow-check.js', ['create'], env, w.work, 20_000) : runHandlerInProcess(['create'], env, w.work);
    };

    it.each<[string, Via]>([
      ['abc', 'compiled'],
      ['-5', 'in-process'],
      ['0', 'in-process'],
      ['1e12', 'in-process'],
      ['Infinity', 'in-process'],
      ['3601', 'in-process'],
    ])(
      'exits 2 promptly, naming the variable, the value and the fix, for %s (%s)',
      async (value, via) => {
        // A stack with a flow that never gets published: a NaN or absurd wait would poll for it forever.
        const input = w.stackInput([...w.stackFlows(), { ...w.flowFor('TEST Sales IVR', 'INBOUNDCALL'), flowName: 'TEST Never Published' }]);
        const started = Date.now();
        const result = await create({ FLOW_CHECK_WAIT_SECONDS: value }, via, input);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(
          `flow check could not complete: GC4007 [FLOW_CHECK_WAIT_SECONDS] must be a number of seconds greater than 0 and at most 3600 (value: ${JSON.stringify(value)}). Fix: set FLOW_CHECK_WAIT_SECONDS to the seconds to wait for the publish (e.g. 120), or unset it for the default of 120`,
        );
        expect(Date.now() - started).toBeLessThan(10_000);
      },
      30_000,
    );

    it.each<[string, Via]>([
      ['abc', 'compiled'],
      ['-1', 'in-process'],
      ['1.5', 'in-process'],
      ['600001', 'in-process'],
      ['Infinity', 'in-process'],
    ])('FLOW_CHECK_EXPORT_FIRST_POLL_MS=%s exits 2 naming the variable, the value and the fix (%s)', async (value, via) => {
      const result = await create({ FLOW_CHECK_EXPORT_FIRST_POLL_MS: value }, via);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `flow check could not complete: GC4007 [FLOW_CHECK_EXPORT_FIRST_POLL_MS] must be a whole number of milliseconds from 0 to 600000 (value: ${JSON.stringify(value)}).`,
      );
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
      const [flow] = [...w.emulator.org.flows.values()].filter((f) => f.publishedVersionId);
      const exported = await w.ops.exportVersions([{ id: flow.id, version: flow.publishedVersionId! }], {
        timeoutMs: Number('abc'),
        intervalMs: Number('abc'),
        firstPollMs: -1,
      });
      expect(exported.get(flow.id)).toContain('name:');
    });
  });
});
