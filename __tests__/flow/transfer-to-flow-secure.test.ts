/**
 * The TransferToFlowSecure action (issue 15): validation, its Archy shape (unverified: real exports show
 * only its action defaults), simulation (the call ends at the secure flow, or the failure branch runs) and
 * plan review.
 */
import { parse } from 'yaml';
import {
  CommonModuleFlow,
  Disconnect,
  EndSharedFlow,
  Expr,
  InboundCallFlow,
  TransferToFlowSecure,
  TransferToFlowSecureProps,
  UNVERIFIED_SHAPES,
} from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { inboundFlowOf, say } from '../support/flow-builders';

const PATH = 'dev/X';
const secure = (props: Partial<TransferToFlowSecureProps> = {}) =>
  new TransferToFlowSecure('Take payment', { secureFlowName: 'Card Payment', onFailure: [say('Failed', 'Payment is not available.')], ...props });
const flowOf = (props?: Partial<TransferToFlowSecureProps>): InboundCallFlow => inboundFlowOf('Billing IVR', [secure(props), new Disconnect('Bye')]);

describe('TransferToFlowSecure validation', () => {
  it('accepts a secure flow by name, with string invocation data', () => {
    expect(flowOf({ invocationData: Expr.string('order-42') }).validate(PATH)).toEqual([]);
  });

  it('refuses an invalid secure flow name (GC1014) and invocation data that is not a string (GC1008)', () => {
    expect(flowOf({ secureFlowName: '' }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1014', path: `${PATH} > tasks > Main > Take payment` }),
    ]);
    expect(flowOf({ invocationData: Expr.integer(42) }).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1008' })]);
  });

  it('continues after a failed transfer (GC1005 without a terminal action after it) and is refused in a shared flow (GC1017)', () => {
    expect(inboundFlowOf('F', [secure()]).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1005' })]);
    const module = new CommonModuleFlow({ name: 'M', outcomes: ['done'], actions: [secure(), new EndSharedFlow('End', 'done')] });
    expect(module.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1017', value: 'Take payment' })]);
  });
});

describe('TransferToFlowSecure Archy shape', () => {
  it('writes the secure flow by name, the invocation data (noValue without it), failure outputs; failure actions follow (unverified)', () => {
    const actions = parse(flowOf({ invocationData: Expr.string('order-42') }).render().yaml).inboundCall.tasks[0].task.actions;
    expect(actions).toEqual([
      {
        transferToFlowSecure: {
          name: 'Take payment',
          targetFlow: { name: 'Card Payment' },
          invocationData: { exp: '"order-42"' },
          failureOutputs: { errorType: { noValue: true }, errorMessage: { noValue: true } },
        },
      },
      { playAudio: { name: 'Failed', audio: { tts: 'Payment is not available.' } } },
      { disconnect: { name: 'Bye' } },
    ]);
    expect(parse(flowOf().render().yaml).inboundCall.tasks[0].task.actions[0].transferToFlowSecure.invocationData).toEqual({ noValue: true });
    expect(UNVERIFIED_SHAPES.map((s) => s.id)).toContain('transferToFlowSecure');
    expect(MODELLED_ARCHY_ACTIONS).toContain('transferToFlowSecure');
  });
});

describe('TransferToFlowSecure simulation', () => {
  it('ends the call at the secure flow (a flow outcome)', () => {
    const result = simulateCall(flowOf());
    expect(result.outcome).toEqual({ kind: 'flow', flowName: 'Card Payment' });
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'transferToFlowSecure', branch: 'secure flow Card Payment' }));
  });

  it('runs the failure branch when transfers fail, then continues after the action', () => {
    const result = simulateCall(flowOf(), { failTransfers: true });
    expect(result.prompts).toEqual(['Hello.', 'Payment is not available.']);
    expect(result.outcome).toEqual({ kind: 'disconnect' });
  });
});

describe('TransferToFlowSecure in plan review', () => {
  it('shows a changed secure flow as a change of its node', () => {
    const changes = diffOutlines(outlineFlow(flowOf().render().yaml), outlineFlow(flowOf({ secureFlowName: 'Card Payment v2' }).render().yaml));
    expect(changes).toEqual([
      expect.objectContaining({
        id: 'task "Main" > transferToFlowSecure "Take payment"',
        change: 'changed',
        facts: { 'targetFlow.name': ['Card Payment', 'Card Payment v2'] },
      }),
    ]);
  });
});
