import { Expr, queueNamed } from '../../flow';
import { CallFlow, InboundIvr, Queue, SharedFlow } from '../../constructs';
import { messageFlow, resourceAt, simpleModule, synthJson, testStack } from '../support/fixtures';

/** Two modules, three IVRs (two call A, one calls B) and an unrelated flow; `greetingA` varies module A. */
function build(greetingA: string, salesQueueName = 'Sales') {
  const stack = testStack();
  const a = new SharedFlow(stack, 'ModuleA', simpleModule('Module A', greetingA));
  const b = new SharedFlow(stack, 'ModuleB', simpleModule('Module B'));
  const sales = new Queue(stack, 'SalesQueue', { name: salesQueueName });
  const ivr = (id: string, module: SharedFlow<'ok' | 'failed'>, dnis: string) =>
    new InboundIvr(stack, id, {
      name: `${id} IVR`,
      dnis: [dnis],
      sharedFlow: module,
      sharedFlowInputs: { Account: Expr.string('x') },
      routes: { ok: sales, failed: queueNamed('Operator') },
    });
  ivr('CallerA1', a, '+13175550001');
  ivr('CallerA2', a, '+13175550002');
  ivr('CallerB', b, '+13175550003');
  new CallFlow(stack, 'Unrelated', messageFlow('Unrelated'));
  const json = synthJson(stack);
  const hash = (path: string) => resourceAt(json, 'genesyscloud_flow', path).update_trigger_hash as string;
  return {
    json,
    hashes: {
      a: hash('ModuleA/Publication/Resource'),
      b: hash('ModuleB/Publication/Resource'),
      a1: hash('CallerA1/Flow/Publication/Resource'),
      a2: hash('CallerA2/Flow/Publication/Resource'),
      callerB: hash('CallerB/Flow/Publication/Resource'),
      unrelated: hash('Unrelated/Publication/Resource'),
    },
  };
}

describe('republishing callers of a shared flow', () => {
  it('changes the trigger hash of the module and every caller of it, and of nothing else', () => {
    const before = build('Hello.').hashes;
    const after = build('Hello again.').hashes;
    expect(after.a).not.toBe(before.a);
    expect(after.a1).not.toBe(before.a1);
    expect(after.a2).not.toBe(before.a2);
    expect(after.b).toBe(before.b);
    expect(after.callerB).toBe(before.callerB);
    expect(after.unrelated).toBe(before.unrelated);
  });

  it('is stable: the same code gives the same hashes', () => {
    expect(build('Hello.').hashes).toEqual(build('Hello.').hashes);
  });

  it('makes each caller depend on the flow resource of the module it calls', () => {
    const { json } = build('Hello.');
    const moduleA = resourceAt(json, 'genesyscloud_flow', 'ModuleA/Publication/Resource').address;
    const moduleB = resourceAt(json, 'genesyscloud_flow', 'ModuleB/Publication/Resource').address;
    expect(resourceAt(json, 'genesyscloud_flow', 'CallerA1/Flow/Publication/Resource').depends_on).toEqual([moduleA]);
    expect(resourceAt(json, 'genesyscloud_flow', 'CallerA2/Flow/Publication/Resource').depends_on).toEqual([moduleA]);
    expect(resourceAt(json, 'genesyscloud_flow', 'CallerB/Flow/Publication/Resource').depends_on).toEqual([moduleB]);
    expect(resourceAt(json, 'genesyscloud_flow', 'Unrelated/Publication/Resource').depends_on).toBeUndefined();
  });

  it('includes the module content hash, so a module change alone moves the caller hash', () => {
    // Callers' own YAML is identical before and after (they name the module, not its content).
    const before = build('Hello.');
    const after = build('Hello again.');
    const filepath = (j: typeof before.json) => resourceAt(j, 'genesyscloud_flow', 'CallerA1/Flow/Publication/Resource').filepath;
    expect(filepath(after.json)).toBe(filepath(before.json));
    expect(after.hashes.a1).not.toBe(before.hashes.a1);
  });

  it('follows the substitutions: a caller whose queue reference changes gets a new hash', () => {
    const stackHashes = (useLookup: boolean) => {
      const stack = testStack();
      const a = new SharedFlow(stack, 'ModuleA', simpleModule('Module A'));
      const queue = useLookup ? Queue.fromName(stack, 'SalesQueue', 'Sales') : new Queue(stack, 'SalesQueue', { name: 'Sales' });
      new InboundIvr(stack, 'Caller', { name: 'Caller', dnis: ['+13175550001'], sharedFlow: a, sharedFlowInputs: { Account: Expr.string('x') }, routes: { ok: queue, failed: queueNamed('Operator') } });
      new CallFlow(stack, 'Unrelated', messageFlow('Unrelated'));
      const json = synthJson(stack);
      return {
        caller: resourceAt(json, 'genesyscloud_flow', 'Caller/Flow/Publication/Resource').update_trigger_hash,
        unrelated: resourceAt(json, 'genesyscloud_flow', 'Unrelated/Publication/Resource').update_trigger_hash,
        module: resourceAt(json, 'genesyscloud_flow', 'ModuleA/Publication/Resource').update_trigger_hash,
      };
    };
    const managed = stackHashes(false);
    const lookedUp = stackHashes(true);
    expect(lookedUp.caller).not.toBe(managed.caller);
    expect(lookedUp.unrelated).toBe(managed.unrelated);
    expect(lookedUp.module).toBe(managed.module);
  });
});
