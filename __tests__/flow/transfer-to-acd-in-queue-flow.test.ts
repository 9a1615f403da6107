/**
 * TransferToAcd's in-queue flow override (Architect "Override default in-queue handling", issue 15): it
 * must be an in-queue call flow (GC1032), it is a reference of the flow (a Terraform dependency once a
 * construct), it is written as the unverified `overrideInQueueFlow`, and the simulated outcome names it.
 */
import { parse } from 'yaml';
import { Disconnect, HoldMusic, InQueueCallFlow, TransferToAcd, UNVERIFIED_SHAPES, flowNamed, queueNamed, FlowTarget } from '../../flow';
import { diffOutlines, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { inboundFlowOf } from '../support/flow-builders';

const PATH = 'dev/Sales';
const holding = new InQueueCallFlow({ name: 'Sales Hold', actions: [new HoldMusic('Hold Music')] });
const ivr = (inQueueFlow?: FlowTarget) =>
  inboundFlowOf('Sales IVR', [new TransferToAcd('To Sales', { queue: queueNamed('Sales'), inQueueFlow }), new Disconnect('Bye')]);

describe('TransferToAcd inQueueFlow validation', () => {
  it('accepts an in-queue call flow, defined here or by name', () => {
    expect(ivr(holding).validate(PATH)).toEqual([]);
    expect(ivr(flowNamed('Partner Hold', 'inqueuecall')).validate(PATH)).toEqual([]);
  });

  it('refuses a flow of another type (GC1032), naming the type and the fix', () => {
    expect(ivr(flowNamed('Main IVR', 'inboundcall')).validate(PATH)).toEqual([
      expect.objectContaining({
        code: 'GC1032',
        path: `${PATH} > tasks > Main > To Sales`,
        value: 'inboundcall',
        fix: expect.stringContaining('InQueueCallFlow'),
      }),
    ]);
  });
});

describe('TransferToAcd inQueueFlow references', () => {
  it('is among the references of the transfer and of its flow, once', () => {
    const flow = inboundFlowOf('Sales IVR', [
      new TransferToAcd('First', { queue: queueNamed('Sales'), inQueueFlow: holding }),
      new TransferToAcd('Second', { queue: queueNamed('Sales'), inQueueFlow: holding }),
      new Disconnect('Bye'),
    ]);
    expect(flow.references()).toEqual([holding]);
    expect(new TransferToAcd('Plain', { queue: queueNamed('Sales') }).references()).toEqual([]);
  });
});

describe('TransferToAcd inQueueFlow Archy shape (unverified)', () => {
  it('writes overrideInQueueFlow: {name} after the verified fields; nothing without an override', () => {
    const transferOf = (flow: ReturnType<typeof ivr>) => parse(flow.render().yaml).inboundCall.tasks[0].task.actions[0].transferToAcd;
    expect(transferOf(ivr(holding))).toEqual({
      name: 'To Sales',
      targetQueue: { lit: { name: 'Sales' } },
      priority: { lit: 0 },
      languageSkill: { noValue: true },
      overrideInQueueFlow: { name: 'Sales Hold' },
      failureOutputs: { errorType: { noValue: true }, errorMessage: { noValue: true } },
    });
    expect(transferOf(ivr())).not.toHaveProperty('overrideInQueueFlow');
    expect(UNVERIFIED_SHAPES.map((u) => u.id)).toContain('transferToAcd-overrideInQueueFlow');
  });
});

describe('TransferToAcd inQueueFlow simulation', () => {
  it('names the in-queue flow in the outcome and the transcript', () => {
    const result = simulateCall(ivr(holding));
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'Sales', inQueueFlow: 'Sales Hold' });
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'transferToAcd', branch: 'queue Sales (in-queue flow Sales Hold)' }));
  });

  it('keeps the outcome without inQueueFlow when there is no override', () => {
    expect(simulateCall(ivr()).outcome).toEqual({ kind: 'queue', queueName: 'Sales' });
  });
});

describe('TransferToAcd inQueueFlow in plan review', () => {
  it('shows a new override as a changed fact of the transfer', () => {
    expect(diffOutlines(outlineFlow(ivr().render().yaml), outlineFlow(ivr(holding).render().yaml))).toEqual([
      expect.objectContaining({
        id: 'task "Main" > transferToAcd "To Sales"',
        change: 'changed',
        facts: expect.objectContaining({ 'overrideInQueueFlow.name': [undefined, 'Sales Hold'] }),
      }),
    ]);
  });
});
