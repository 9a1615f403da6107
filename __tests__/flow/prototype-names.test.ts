/**
 * Names that are also members of Object.prototype (`constructor`, `toString`, `__proto__`) are names like
 * any other: a contract input so named must be passed, and an entry so named is written, not dropped.
 */
import { parse } from 'yaml';
import { CallData, Disconnect, Expr, SetScreenPop, dataActionNamed } from '../../flow';
import { inboundFlowOf } from '../support/flow-builders';

/** An object whose own `__proto__` entry holds `value` (a literal `{ __proto__: x }` would set the prototype). */
function defineProto<T>(value: T): Record<string, T> {
  const o: Record<string, T> = {};
  Object.defineProperty(o, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  return o;
}

const actionsOf = (yaml: string) => parse(yaml).inboundCall.tasks[0].task.actions;

describe('names of Object.prototype members', () => {
  it('reports contract inputs named constructor, valueOf and toString that are not passed (GC1020)', () => {
    const action = dataActionNamed('CRM', 'Lookup', { inputs: { constructor: 'string', valueOf: 'string', toString: 'string' }, outputs: {} });
    const problems = inboundFlowOf('F', [new CallData('Look up', { action, inputs: {} as never }), new Disconnect('End')]).validate();
    expect(problems.map((p) => [p.code, p.value])).toEqual([
      ['GC1020', 'constructor'],
      ['GC1020', 'valueOf'],
      ['GC1020', 'toString'],
    ]);
  });

  it('writes a script input named __proto__ as an entry of the screen pop inputs', () => {
    const inputs = { ...defineProto(Expr.string('x')), Other: Expr.string('y') };
    const flow = inboundFlowOf('F', [new SetScreenPop('Pop', { script: 'S', inputs }), new Disconnect('End')]);
    expect(flow.validate()).toEqual([]);
    const written = actionsOf(flow.render().yaml)[0].setScreenPop.screenPopScript.S.inputs;
    expect(Object.hasOwn(written, '__proto__')).toBe(true);
    expect(Object.keys(written).sort()).toEqual(['Other', '__proto__']);
  });

  it('writes a data action input named __proto__ as an entry of the call inputs', () => {
    const action = dataActionNamed('CRM', 'Lookup', { inputs: defineProto<'string'>('string'), outputs: {} });
    const flow = inboundFlowOf('F', [new CallData('Look up', { action, inputs: defineProto(Expr.string('v')) }), new Disconnect('End')]);
    expect(flow.validate()).toEqual([]);
    const call = actionsOf(flow.render().yaml)[0].callData.category.CRM.dataAction.Lookup;
    expect(Object.hasOwn(call.inputs, '__proto__')).toBe(true);
    expect(call.inputs.__proto__).toEqual({ exp: '"v"' });
  });
});
