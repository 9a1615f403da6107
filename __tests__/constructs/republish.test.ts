import { CallFlow, InboundIvr, IQueue, Queue, SharedFlow, SharedFlowProps } from '../../constructs';
import { CallSharedFlow, Disconnect, Expr, Task, queueNamed, Prompt } from '../../flow';
import { messageFlow, resourceAt, simpleModule, synthJson, testStack } from '../support/fixtures';

type Outcome = 'ok' | 'failed';
type Json = ReturnType<typeof synthJson>;

interface Variant {
  /** Prompt text of module A / module B. */
  greetingA?: string;
  greetingB?: string;
  /** Queue CallerA1 routes `ok` to: the stack's Sales or Other queue. */
  a1Queue?: 'sales' | 'other';
  /** How the Sales queue is declared. */
  salesLookup?: boolean;
}

const FLOW_PATHS = {
  a: 'ModuleA/Publication/Resource',
  b: 'ModuleB/Publication/Resource',
  a1: 'CallerA1/Flow/Publication/Resource',
  a2: 'CallerA2/Flow/Publication/Resource',
  callerB: 'CallerB/Flow/Publication/Resource',
  both: 'CallerBoth/Publication/Resource',
  unrelated: 'Unrelated/Publication/Resource',
} as const;
type FlowKey = keyof typeof FLOW_PATHS;

/**
 * Two shared flows A and B; IVRs CallerA1 and CallerA2 call A, CallerB calls B; CallerBoth (a plain
 * CallFlow) calls both; Unrelated calls neither. Everything else is fixed, so two variants differ only
 * where the variant says.
 */
function build(variant: Variant = {}) {
  const stack = testStack();
  const a = new SharedFlow(stack, 'ModuleA', simpleModule('Module A', variant.greetingA ?? 'Hello from A.'));
  const b = new SharedFlow(stack, 'ModuleB', simpleModule('Module B', variant.greetingB ?? 'Hello from B.'));
  const sales: IQueue = variant.salesLookup ? Queue.fromName(stack, 'SalesQueue', 'Sales') : new Queue(stack, 'SalesQueue', { name: 'Sales' });
  const other = new Queue(stack, 'OtherQueue', { name: 'Other' });
  const ivr = (id: string, module: SharedFlow<Outcome>, dnis: string, ok: IQueue) =>
    new InboundIvr(stack, id, {
      greeting: Prompt.tts('Welcome.'),
      name: `${id} IVR`,
      dnis: [dnis],
      sharedFlow: module,
      sharedFlowInputs: { Account: Expr.string('x') },
      routes: { ok, failed: queueNamed('Operator') },
    });
  ivr('CallerA1', a, '+13175550001', variant.a1Queue === 'other' ? other : sales);
  ivr('CallerA2', a, '+13175550002', sales);
  ivr('CallerB', b, '+13175550003', sales);
  const call = (id: string, module: SharedFlow<Outcome>, then: CallSharedFlow<Outcome>['props']['outcomes']['ok']) =>
    new CallSharedFlow(id, { flow: module, inputs: { Account: Expr.string('y') }, outcomes: { ok: then, failed: [new Disconnect(`${id} failed`)] } });
  const main = new Task('Main', [call('Call A', a, [call('Call B', b, [new Disconnect('Done')])])]);
  new CallFlow(stack, 'CallerBoth', { name: 'Caller Both', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] });
  new CallFlow(stack, 'Unrelated', messageFlow('Unrelated'));
  const json = synthJson(stack);
  const flow = (key: FlowKey) => resourceAt(json, 'genesyscloud_flow', FLOW_PATHS[key]);
  const hashes = Object.fromEntries(Object.keys(FLOW_PATHS).map((k) => [k, flow(k as FlowKey).update_trigger_hash as string])) as Record<
    FlowKey,
    string
  >;
  return { json, flow, hashes };
}

/** Addresses of every resource and data source whose configuration differs between two synths. */
function changedAddresses(before: Json, after: Json): string[] {
  const changed: string[] = [];
  for (const block of ['resource', 'data'] as const) {
    const types = new Set([...Object.keys(before[block] ?? {}), ...Object.keys(after[block] ?? {})]);
    for (const type of types) {
      const names = new Set([...Object.keys(before[block]?.[type] ?? {}), ...Object.keys(after[block]?.[type] ?? {})]);
      for (const name of names) {
        if (JSON.stringify(before[block]?.[type]?.[name]) !== JSON.stringify(after[block]?.[type]?.[name])) {
          changed.push(`${block === 'data' ? 'data.' : ''}${type}.${name}`);
        }
      }
    }
  }
  return changed.sort();
}

describe('republishing the callers of a shared flow', () => {
  const base = build();
  const aChanged = build({ greetingA: 'Hello again from A.' });

  it('every flow has a sha256 trigger hash, and the same code gives the same hashes', () => {
    for (const hash of Object.values(base.hashes)) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Object.values(base.hashes)).size).toBe(Object.keys(FLOW_PATHS).length);
    expect(build().hashes).toEqual(base.hashes);
  });

  it('a change to A alone changes the trigger hash of A and of both A callers', () => {
    expect(aChanged.hashes.a).not.toBe(base.hashes.a);
    expect(aChanged.hashes.a1).not.toBe(base.hashes.a1);
    expect(aChanged.hashes.a2).not.toBe(base.hashes.a2);
    expect(aChanged.hashes.both).not.toBe(base.hashes.both);
  });

  it('a change to A does not change the trigger hash of B, B’s caller or the unrelated flow', () => {
    expect(aChanged.hashes.b).toBe(base.hashes.b);
    expect(aChanged.hashes.callerB).toBe(base.hashes.callerB);
    expect(aChanged.hashes.unrelated).toBe(base.hashes.unrelated);
  });

  it('a change to A changes exactly A, its callers’ flows and nothing else in the stack', () => {
    const expected = (['a', 'a1', 'a2', 'both'] as const).map((k) => base.flow(k).address).sort();
    expect(changedAddresses(base.json, aChanged.json)).toEqual(expected);
  });

  it('the callers move only through A’s content hash: their own YAML file is unchanged', () => {
    for (const key of ['a1', 'a2', 'both'] as const) expect(aChanged.flow(key).filepath).toBe(base.flow(key).filepath);
    expect(aChanged.flow('a').filepath).not.toBe(base.flow('a').filepath);
  });

  it('a change to B changes exactly B and its callers', () => {
    const bChanged = build({ greetingB: 'Hello again from B.' });
    const expected = (['b', 'callerB', 'both'] as const).map((k) => base.flow(k).address).sort();
    expect(changedAddresses(base.json, bChanged.json)).toEqual(expected);
  });

  it('each caller depends on the genesyscloud_flow of the shared flow it calls', () => {
    const a = base.flow('a').address;
    const b = base.flow('b').address;
    expect(a).toMatch(/^genesyscloud_flow\.ModuleA_Publication_[0-9A-F]{8}$/);
    expect(base.flow('a1').depends_on).toContain(a);
    expect(base.flow('a2').depends_on).toContain(a);
    expect(base.flow('callerB').depends_on).toContain(b);
    expect([...base.flow('both').depends_on].sort()).toEqual([a, b].sort());
    expect(base.flow('callerB').depends_on).not.toContain(a);
    expect(base.flow('a1').depends_on).not.toContain(b);
    expect(base.flow('unrelated')).not.toHaveProperty('depends_on');
    expect(base.flow('a')).not.toHaveProperty('depends_on');
  });

  it('pointing one caller at another queue changes that caller’s substitution and trigger hash only', () => {
    const moved = build({ a1Queue: 'other' });
    expect(moved.flow('a1').substitutions).not.toEqual(base.flow('a1').substitutions);
    expect(moved.hashes.a1).not.toBe(base.hashes.a1);
    expect(changedAddresses(base.json, moved.json)).toEqual([base.flow('a1').address]);
  });

  it('replacing a managed queue with a look-up changes the trigger hash of exactly the flows that use it', () => {
    const lookedUp = build({ salesLookup: true });
    for (const key of ['a1', 'a2', 'callerB'] as const) expect(lookedUp.hashes[key]).not.toBe(base.hashes[key]);
    for (const key of ['a', 'b', 'both', 'unrelated'] as const) expect(lookedUp.hashes[key]).toBe(base.hashes[key]);
  });
});

describe('republishing the callers of a SharedFlow.fromName module', () => {
  const signature = { inputs: { Account: { type: 'string' as const, required: true } }, outcomes: ['ok', 'failed'] as Outcome[] };
  const callerHash = (contentHash: string | undefined) => {
    const stack = testStack();
    const external = SharedFlow.fromName(stack, 'Auth', 'Org Auth', { ...signature, contentHash });
    new InboundIvr(stack, 'Caller', {
      greeting: Prompt.tts('Welcome.'),
      name: 'Caller',
      dnis: ['+13175550001'],
      sharedFlow: external,
      sharedFlowInputs: { Account: Expr.string('x') },
      routes: { ok: queueNamed('Sales'), failed: queueNamed('Operator') },
    });
    new CallFlow(stack, 'Unrelated', messageFlow('Unrelated'));
    const json = synthJson(stack);
    return {
      caller: resourceAt(json, 'genesyscloud_flow', 'Caller/Flow/Publication/Resource').update_trigger_hash as string,
      unrelated: resourceAt(json, 'genesyscloud_flow', 'Unrelated/Publication/Resource').update_trigger_hash as string,
    };
  };

  it('follows the content hash it is given, and only for its callers', () => {
    const v1 = callerHash('1111');
    const v2 = callerHash('2222');
    expect(v2.caller).not.toBe(v1.caller);
    expect(v2.unrelated).toBe(v1.unrelated);
    expect(callerHash('1111')).toEqual(v1);
  });

  it('is stable when no content hash is known', () => {
    expect(callerHash(undefined)).toEqual(callerHash(undefined));
  });

  it('a module in another stack passes its content hash along', () => {
    const props = (greeting: string): SharedFlowProps<Outcome> => simpleModule('Org Auth', greeting);
    const hashFor = (greeting: string) => {
      const moduleStack = testStack('modules');
      const module = new SharedFlow(moduleStack, 'Auth', props(greeting));
      return callerHash(module.contentHash).caller;
    };
    expect(hashFor('Hello.')).toBe(hashFor('Hello.'));
    expect(hashFor('Hello again.')).not.toBe(hashFor('Hello.'));
  });
});
