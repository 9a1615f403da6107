/**
 * Property tests (fast-check) of the DTMF script parser and of simulated calls on the real dev/test
 * stacks with random keypresses. Bounded runs: ~100 cases each.
 */
import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import { ENVIRONMENTS } from '../../config';
import { CallScript, DTMF_KEYS, ScriptError, parseDtmf, parseDtmfScript, simulateCall } from '../../simulator';
import { addEnvironments } from '../../stacks';

const [dev, test] = addEnvironments(Testing.app(), ENVIRONMENTS.slice(0, 2));
const NUM_RUNS = 100;

/** Runs `f`; returns what it returned, or the error it threw. */
function attempt<T>(f: () => T): { value: T } | { error: unknown } {
  try {
    return { value: f() };
  } catch (error) {
    return { error };
  }
}

const key = fc.constantFrom(...DTMF_KEYS.split(''));
const dtmfString = (maxLength: number) => fc.string({ unit: key, minLength: 1, maxLength });
/** Strings near DTMF: keys with a few intruders (letters, spaces, look-alikes, control characters). */
const nearDtmf = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: key },
    { weight: 1, arbitrary: fc.constantFrom('a', 'A', ' ', '\n', '\t', '+', '-', '０', '٣', 'n', 'o', 'e', '\u0000') },
  ),
  maxLength: 12,
});
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  nearDtmf,
  fc.constantFrom('none', 'None', 'NONE', ' none', 'none ', '', '#', '*', '12a4'),
);

describe('the DTMF script parser (--dtmf values and script entries)', () => {
  it('never crashes: accepts exactly 0-9 * # and none, and reports anything else as a bad argument', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const result = attempt(() => parseDtmf(text));
        const valid = text === 'none' || /^[0-9*#]+$/.test(text);
        if ('value' in result) {
          expect(valid).toBe(true);
          expect(result.value).toBe(text === 'none' ? null : text);
        } else {
          expect(valid).toBe(false);
          expect(result.error).toBeInstanceOf(ScriptError);
          expect((result.error as Error).message).toMatch(/(is not DTMF|is empty): valid keys are 0-9, \*, # \(none for no input\)$/);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a script: null, empty and none are no input; a bad entry is a ScriptError naming its index; nothing else is thrown', () => {
    const entry = fc.oneof(fc.constant(null), anyString);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const result = attempt(() => parseDtmfScript(entries));
        const bad = entries.findIndex((e) => !(e === null || e === '' || e === 'none' || /^[0-9*#]+$/.test(e)));
        if ('value' in result) {
          expect(bad).toBe(-1);
          expect(result.value).toEqual(entries.map((e) => (e === null || e === '' || e === 'none' ? null : e)));
        } else {
          expect(result.error).toBeInstanceOf(ScriptError);
          expect((result.error as Error).message).toMatch(new RegExp(`^dtmf\\[${bad}\\]: `));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('values that are not strings (from JavaScript callers) are ScriptErrors too', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const one = attempt(() => parseDtmf(value as string));
        if ('error' in one) expect(one.error).toBeInstanceOf(ScriptError);
        else expect(value).toBe(typeof value === 'string' ? value : 'never');
        const list = attempt(() => parseDtmfScript(value as string[]));
        if ('error' in list) expect(list.error).toBeInstanceOf(ScriptError);
        else expect(value === undefined || Array.isArray(value)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

/**
 * Reference model of the PIN module (exactly 4 digits, `maxAttempts` tries) for scripts of digits only:
 * each try hears the typed-ahead keys first, continued by the next entry when they are fewer than 4.
 */
function pinAccepted(entries: ReadonlyArray<string | null>, pin: string, attempts: number): boolean {
  let typedAhead = '';
  let next = 0;
  const entry = () => entries[next++] ?? '';
  for (let i = 0; i < attempts; i++) {
    let keys = typedAhead || entry();
    if (typedAhead !== '' && typedAhead.length < 4) keys += entry();
    typedAhead = keys.length >= 4 ? keys.slice(4) : '';
    if (keys.length >= 4 && keys.slice(0, 4) === pin) return true;
  }
  return false;
}

describe('random keypresses on the real dev and test stacks', () => {
  // Each caller is known to the account service, with the PIN its scripted lookup answers.
  const stacks = [
    { stack: dev, env: ENVIRONMENTS[0], pin: '1234' },
    { stack: test, env: ENVIRONMENTS[1], pin: '4321' },
  ];
  const knownCaller = ({ stack, pin }: (typeof stacks)[number]): CallScript['dataActions'] => ({
    [stack.accountLookup.actionName]: { success: { found: true, accountNumber: '70012345', pin } },
  });
  const entry = (pins: string[]) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(null, '', 'none') },
      { weight: 2, arbitrary: fc.constantFrom(...pins) },
      { weight: 4, arbitrary: dtmfString(10) },
    );

  it('every call ends in a queue, a disconnect or a clean not-modelled stop, within the step limit', () => {
    const scenario = fc.record({
      which: fc.constantFrom(0, 1),
      ivr: fc.constantFrom('salesIvr' as const, 'supportIvr' as const),
      dtmf: fc.array(entry(['1234', '4321', '12345', '4321#', '1234#9']), { maxLength: 8 }),
      schedule: fc.constantFrom<CallScript['schedule']>('open', 'closed', 'holiday', undefined),
      failTransfers: fc.boolean(),
    });
    fc.assert(
      fc.property(scenario, ({ which, ivr, dtmf, schedule, failTransfers }) => {
        const { stack, env } = stacks[which];
        const target = stack[ivr];
        const script: CallScript = { dtmf, schedule, failTransfers, dataActions: knownCaller(stacks[which]) };
        if (schedule && schedule !== 'open' && !target.schedule) {
          expect(() => simulateCall(target, script)).toThrow(ScriptError);
          return;
        }
        const call = simulateCall(target, script);
        const { outcome } = call;
        const queues = [env.operatorQueueName, env.ivrs.sales.queueName, env.ivrs.support.queueName];
        if (outcome.kind === 'queue') expect(queues).toContain(outcome.queueName);
        else if (outcome.kind === 'error') {
          expect(outcome.message).toMatch(/not modelled/);
          expect(outcome.nodeId).toBe('Collect PIN');
        } else expect(outcome.kind).toBe('disconnect');
        expect(call.transcript.length).toBeLessThan(200);
        // A PIN the module accepted is always four digits.
        for (const t of call.transcript) if (t.variable === 'Common.Pin') expect(t.value).toMatch(/^[0-9]{4}$/);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("with digits only, the IVR's queue is reached exactly when the reference model accepts the PIN", () => {
    const digitsOnly = fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('1234', '4321', '43214321', '123', '1') },
      { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom('1', '2', '3', '4'), minLength: 1, maxLength: 9 }) },
    );
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.array(digitsOnly, { maxLength: 6 }), (which, dtmf) => {
        const { stack, env, pin } = stacks[which];
        const call = simulateCall(stack.salesIvr, { dtmf, dataActions: knownCaller(stacks[which]) });
        const accepted = pinAccepted(dtmf, pin, env.pinAuth.maxAttempts);
        expect(call.outcome).toMatchObject({ kind: 'queue', queueName: accepted ? env.ivrs.sales.queueName : env.operatorQueueName });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('entries that are not text at all', () => {
  it('reports objects whose toString is broken as a bad entry, not a crash', () => {
    for (const entry of [
      { toString: '' },
      Object.create(null),
      {
        toString: () => {
          throw new Error('boom');
        },
      },
      Symbol('x'),
    ]) {
      expect(() => parseDtmf(entry as never)).toThrow(ScriptError);
    }
  });
});
