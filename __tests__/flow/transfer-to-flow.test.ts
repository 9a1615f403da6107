/**
 * The TransferToFlow action (issue 15): validation (an inbound call flow target, GC1026), its Archy shape
 * (that of the GenesysCloudBlueprints automated-callback-blueprint export "Proactive callback offer.yaml"),
 * simulation (a target of this app is followed, with the call's participant data) and plan review.
 */
import { parse } from 'yaml';
import {
  Action,
  CommonModuleFlow,
  Decision,
  Disconnect,
  EndSharedFlow,
  Expr,
  FlowTarget,
  GetParticipantData,
  InboundCallFlow,
  Prompt,
  SetParticipantData,
  TransferToFlow,
  UNVERIFIED_SHAPES,
  Variable,
  flowNamed,
} from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, mermaid, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { inboundFlowOf, say } from '../support/flow-builders';

const PATH = 'dev/X';
const tier = Variable.string('Flow.Tier');
const targetOf = (definition: InboundCallFlow): FlowTarget => ({ flowName: definition.name, flowType: 'inboundcall', definition });

/** The flow that takes the call: reads `tier` from participant data and greets by it. */
const vipDesk = (): InboundCallFlow =>
  inboundFlowOf(
    'VIP Desk',
    [
      new GetParticipantData('Get tier', [{ attribute: 'tier', into: tier }]),
      new Decision('Gold?', { condition: tier.ref().equals('gold'), yes: [say('Gold welcome')], no: [say('Welcome')] }),
      new Disconnect('Desk bye'),
    ],
    [tier],
  );

const transfer = (flow: FlowTarget, failureText = 'Sorry.') =>
  new TransferToFlow('Transfer to Flow', {
    flow,
    preTransferPrompt: Prompt.tts('One moment.'),
    failurePrompt: Prompt.tts('That did not work.'),
    onFailure: [say('Failed', failureText)],
  });

/** Marks the caller gold, then transfers to `flow`; a failed transfer disconnects. */
const front = (flow: FlowTarget = targetOf(vipDesk()), failureText?: string, variables?: Variable[]) =>
  inboundFlowOf(
    'Front IVR',
    [new SetParticipantData('Mark gold', [{ attribute: 'tier', value: Expr.string('gold') }]), transfer(flow, failureText), new Disconnect('Bye')],
    variables,
  );

describe('TransferToFlow validation', () => {
  it('accepts an inbound call flow target, by name or with its definition', () => {
    expect(front().validate(PATH)).toEqual([]);
    expect(front(flowNamed('Elsewhere IVR', 'inboundcall')).validate(PATH)).toEqual([]);
  });

  it('continues after a failed transfer: a path without a terminal action after it is GC1005', () => {
    expect(inboundFlowOf('F', [transfer(flowNamed('T', 'inboundcall'))]).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1005' })]);
  });

  it('refuses a target that is not an inbound call flow (GC1026), with the target name and a fix', () => {
    const module = new CommonModuleFlow({ name: 'Lookup', outcomes: ['done'], actions: [new EndSharedFlow('End', 'done')] });
    const byType = front(flowNamed('Lookup', 'commonmodule')).validate(PATH);
    const byDefinition = front({ flowName: 'Lookup', flowType: 'inboundcall', definition: module }).validate(PATH);
    for (const problems of [byType, byDefinition]) {
      expect(problems).toEqual([
        expect.objectContaining({
          code: 'GC1026',
          path: `${PATH} > tasks > Main > Transfer to Flow`,
          value: 'Lookup',
          fix: expect.stringContaining('inbound call flow'),
        }),
      ]);
    }
  });

  it('refuses an invalid target name (GC1014) and a name that differs from its definition (GC1016)', () => {
    expect(front(flowNamed(' ', 'inboundcall')).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1014', value: ' ' })]);
    expect(front({ flowName: 'VIP', flowType: 'inboundcall', definition: vipDesk() }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1016', value: 'VIP' }),
    ]);
  });

  it('is refused in a shared flow (GC1017): only call flows have it', () => {
    const module = new CommonModuleFlow({
      name: 'M',
      outcomes: ['done'],
      actions: [new TransferToFlow('Out', { flow: flowNamed('T', 'inboundcall') }), new EndSharedFlow('End', 'done')],
    });
    expect(module.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1017', value: 'Out' })]);
  });

  it('names its target among the references of the flow (a construct target becomes a Terraform dependency)', () => {
    const target = targetOf(vipDesk());
    expect(front(target).references()).toEqual([target]);
  });
});

describe('TransferToFlow Archy shape', () => {
  const actionsOf = (flow: InboundCallFlow) => parse(flow.render().yaml).inboundCall.tasks[0].task.actions;

  it('is the real export shape: the target by name, audio, failure outputs; the failure actions follow it', () => {
    expect(actionsOf(front()).slice(1)).toEqual([
      {
        transferToFlow: {
          name: 'Transfer to Flow',
          targetFlow: { name: 'VIP Desk' },
          preTransferAudio: { tts: 'One moment.' },
          failureTransferAudio: { tts: 'That did not work.' },
          failureOutputs: { errorType: { noValue: true }, errorMessage: { noValue: true } },
        },
      },
      { playAudio: { name: 'Failed', audio: { tts: 'Sorry.' } } },
      { disconnect: { name: 'Bye' } },
    ]);
  });

  it('leaves out audio it was not given', () => {
    const bare = inboundFlowOf('F', [new TransferToFlow('Out', { flow: flowNamed('T', 'inboundcall') }), new Disconnect('Bye')]);
    expect(Object.keys(actionsOf(bare)[0].transferToFlow)).toEqual(['name', 'targetFlow', 'failureOutputs']);
  });

  it('is modelled, and its use in an inbound call flow is listed as unverified', () => {
    expect(MODELLED_ARCHY_ACTIONS).toContain('transferToFlow');
    expect(UNVERIFIED_SHAPES.map((s) => s.id)).toContain('transferToFlow-in-inboundCall');
  });
});

describe('TransferToFlow simulation', () => {
  it('follows a target of this app: the call goes on there with its participant data, and ends where that flow ends', () => {
    const result = simulateCall(front());
    expect(result.prompts).toEqual(['Hello.', 'One moment.', 'Hello.', 'Gold welcome']);
    expect(result.outcome).toEqual({ kind: 'disconnect' });
    const kinds = result.transcript.map((e) => [e.kind, e.nodeId, e.branch]);
    expect(kinds).toContainEqual(['transferToFlow', 'Transfer to Flow', 'flow VIP Desk']);
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'flow', nodeId: 'VIP Desk', path: 'VIP Desk' }));
    expect(result.transcript).toContainEqual(
      expect.objectContaining({ kind: 'set', nodeId: 'Get tier', variable: 'Flow.Tier', value: 'gold', path: 'VIP Desk > tasks > Main > Get tier' }),
    );
  });

  it('takes an inbound call flow definition itself as the target (a definition is its own FlowTarget)', () => {
    const desk = vipDesk();
    expect(desk).toMatchObject({ flowName: 'VIP Desk', flowType: 'inboundcall', definition: desk });
    expect(front(desk).validate(PATH)).toEqual([]);
    expect(simulateCall(front(desk)).prompts).toEqual(['Hello.', 'One moment.', 'Hello.', 'Gold welcome']);
  });

  it('starts the target with its own variables: a value of the calling flow does not leak into it', () => {
    const readsVariable = inboundFlowOf(
      'Plain Desk',
      [new Decision('Gold?', { condition: tier.ref().equals('gold'), yes: [say('Gold welcome')], no: [say('Welcome')] }), new Disconnect('Desk bye')],
      [tier],
    );
    const caller = inboundFlowOf('Front IVR', [transfer(targetOf(readsVariable)), new Disconnect('Bye')], [tier]);
    const result = simulateCall(caller, { variables: { 'Flow.Tier': 'gold' } });
    // Flow.Tier is gold in the caller only: in the target it is NOT_SET, so the comparison fails as in Architect.
    expect(result.outcome).toEqual(expect.objectContaining({ kind: 'error', nodeId: 'Gold?', path: 'Plain Desk > tasks > Main > Gold?' }));
  });

  it('ends the call at a target defined elsewhere with a flow outcome', () => {
    const result = simulateCall(front(flowNamed('Elsewhere IVR', 'inboundcall')));
    expect(result.outcome).toEqual({ kind: 'flow', flowName: 'Elsewhere IVR' });
    expect(result.prompts).toEqual(['Hello.', 'One moment.']);
  });

  it('takes the failure branch when transfers fail, then continues after the action', () => {
    const result = simulateCall(front(), { failTransfers: true });
    expect(result.transcript.filter((e) => e.kind === 'transferToFlow' && e.branch !== undefined).map((e) => e.branch)).toEqual(['failure']);
    expect(result.prompts).toEqual(['Hello.', 'One moment.', 'That did not work.', 'Sorry.']);
    expect(result.outcome).toEqual({ kind: 'disconnect' });
  });

  it('bounds a loop of transfers by maxSteps', () => {
    const loopTarget: { flowName: string; flowType: 'inboundcall'; definition?: InboundCallFlow } = { flowName: 'Loop IVR', flowType: 'inboundcall' };
    const loop = inboundFlowOf('Loop IVR', [new TransferToFlow('Again', { flow: loopTarget }), new Disconnect('Bye')]);
    loopTarget.definition = loop;
    const result = simulateCall(loop, { maxSteps: 20 });
    expect(result.outcome).toEqual(expect.objectContaining({ kind: 'error', message: expect.stringMatching(/step limit of 20/) }));
    expect(result.transcript.filter((e) => e.kind === 'flow').length).toBeGreaterThan(5);
  });
});

describe('TransferToFlow in plan review', () => {
  const actions = (target: string): Action[] => [new TransferToFlow('Out', { flow: flowNamed(target, 'inboundcall') }), new Disconnect('Bye')];

  it('is a node with its target as a fact; a changed target is a change of that node', () => {
    const before = outlineFlow(inboundFlowOf('F', actions('Sales IVR')).render().yaml);
    const node = before.nodes.find((n) => n.kind === 'transferToFlow')!;
    expect(node.facts).toEqual(expect.objectContaining({ 'targetFlow.name': 'Sales IVR' }));
    expect(diffOutlines(before, outlineFlow(inboundFlowOf('F', actions('Support IVR')).render().yaml))).toEqual([
      expect.objectContaining({
        id: 'task "Main" > transferToFlow "Out"',
        change: 'changed',
        facts: { 'targetFlow.name': ['Sales IVR', 'Support IVR'] },
      }),
    ]);
  });

  it('draws the transfer as an end of the path, the failure actions after it', () => {
    const chart = mermaid(front().render().yaml);
    expect(chart).toMatch(/n\d+\(\["transferToFlow: Transfer to Flow"\]\)/);
    expect(chart).toMatch(/\["playAudio: Failed"\]/);
  });
});
