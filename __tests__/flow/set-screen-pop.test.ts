/**
 * The SetScreenPop action (issue 15): validation, its Archy shape (unverified: no public export shows it),
 * simulation (recorded; the call goes on) and plan review.
 */
import { parse } from 'yaml';
import {
  Builtin,
  CommonModuleFlow,
  Disconnect,
  EndSharedFlow,
  Expr,
  InboundCallFlow,
  SetScreenPop,
  SetScreenPopProps,
  UNVERIFIED_SHAPES,
} from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { inboundFlowOf, say } from '../support/flow-builders';

const PATH = 'dev/X';
const pop = (props: Partial<SetScreenPopProps> = {}) =>
  new SetScreenPop('Pop account', { script: 'Account Script', inputs: { caller: Builtin.callAni, source: Expr.string('IVR') }, ...props });
const flowOf = (props?: Partial<SetScreenPopProps>): InboundCallFlow => inboundFlowOf('Pop IVR', [pop(props), say('Thanks'), new Disconnect('Bye')]);

describe('SetScreenPop validation', () => {
  it('accepts a script by name with string inputs, continuing after the action', () => {
    expect(flowOf().validate(PATH)).toEqual([]);
  });

  it('refuses an empty script or input name (GC1014) and an input that is not a string (GC1008)', () => {
    const problems = flowOf({ script: ' ', inputs: { '': Expr.string('x'), count: Expr.integer(1) } }).validate(PATH);
    expect(problems.map((p) => p.code).sort()).toEqual(['GC1008', 'GC1014', 'GC1014']);
    expect(problems.every((p) => p.path === `${PATH} > tasks > Main > Pop account`)).toBe(true);
  });

  it('is refused in a shared flow (GC1017)', () => {
    const module = new CommonModuleFlow({
      name: 'M',
      outcomes: ['done'],
      actions: [pop({ inputs: {} }), new EndSharedFlow('End', 'done')],
    });
    expect(module.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1017', value: 'Pop account' })]);
  });
});

describe('SetScreenPop Archy shape', () => {
  it('writes the script as the key of screenPopScript, its inputs sorted by name (unverified)', () => {
    const actions = parse(flowOf().render().yaml).inboundCall.tasks[0].task.actions;
    expect(actions[0]).toEqual({
      setScreenPop: {
        name: 'Pop account',
        screenPopScript: { 'Account Script': { inputs: { caller: { exp: 'Call.Ani' }, source: { exp: '"IVR"' } } } },
      },
    });
    expect(UNVERIFIED_SHAPES.map((s) => s.id)).toContain('setScreenPop');
    expect(MODELLED_ARCHY_ACTIONS).toContain('setScreenPop');
  });
});

describe('SetScreenPop simulation', () => {
  it('records the script and goes on with the call', () => {
    const result = simulateCall(flowOf());
    expect(result.transcript).toContainEqual(
      expect.objectContaining({ kind: 'setScreenPop', nodeId: 'Pop account', branch: 'script Account Script' }),
    );
    expect(result.prompts).toEqual(['Hello.', 'Thanks']);
    expect(result.outcome).toEqual({ kind: 'disconnect' });
  });
});

describe('SetScreenPop in plan review', () => {
  it('shows a changed input as a change of its node', () => {
    const changes = diffOutlines(outlineFlow(flowOf().render().yaml), outlineFlow(flowOf({ inputs: { source: Expr.string('Web') } }).render().yaml));
    expect(changes).toEqual([
      expect.objectContaining({
        id: 'task "Main" > setScreenPop "Pop account"',
        change: 'changed',
        facts: expect.objectContaining({ 'screenPopScript.Account Script.inputs.source.exp': ['"IVR"', '"Web"'] }),
      }),
    ]);
  });
});
