import {
  Disconnect,
  Expr,
  GetParticipantData,
  HoldMusic,
  InQueueCallFlow,
  InboundCallFlow,
  PlayAudio,
  Prompt,
  SetParticipantData,
  Task,
  TransferToFlow,
  Variable,
} from '../../flow';
import { simulateCall } from '../../simulator';

const say = (id: string) => new PlayAudio(id, { prompt: Prompt.tts(id) });
const heard = Variable.string('Flow.Heard');
const target = new InboundCallFlow({
  name: 'Callback offer',
  initialGreeting: Prompt.tts('Welcome to callbacks.'),
  startUp: 'Main',
  variables: [heard],
  tasks: [
    new Task('Main', [new GetParticipantData('Read reason', [{ attribute: 'reason', into: heard }]), say('Offer a callback'), new Disconnect('End')]),
  ],
});
const toTarget = { flowName: 'Callback offer', flowType: 'inboundcall' as const, definition: target };
const waiting = new InQueueCallFlow({
  name: 'Sales hold',
  actions: [
    new SetParticipantData('Mark', [{ attribute: 'reason', value: Expr.string('long wait') }]),
    new TransferToFlow('Offer callback', { flow: toTarget }),
    new HoldMusic('Hold'),
  ],
});

describe('a TransferToFlow from an in-queue flow', () => {
  it('is followed into the inbound flow of this app, as from an inbound flow', () => {
    const call = simulateCall(waiting);
    expect(call.outcome).toEqual({ kind: 'disconnect' });
    expect(call.prompts).toEqual(['Welcome to callbacks.', 'Offer a callback']);
    expect(call.transcript.map((t) => t.kind)).toEqual([
      'flow',
      'setParticipantData',
      'transferToFlow',
      'flow',
      'initialGreeting',
      'set',
      'playAudio',
      'disconnect',
    ]);
    expect(call.transcript[3]).toEqual(expect.objectContaining({ kind: 'flow', nodeId: 'Callback offer' }));
  });

  it('carries the participant data into the flow it follows', () => {
    const call = simulateCall(waiting);
    expect(call.transcript).toContainEqual(expect.objectContaining({ kind: 'set', variable: 'Flow.Heard', value: 'long wait' }));
  });

  it('ends with the transfer when the target has no definition here', () => {
    const elsewhere = new InQueueCallFlow({
      name: 'Sales hold',
      actions: [new TransferToFlow('Offer callback', { flow: { flowName: 'Elsewhere', flowType: 'inboundcall' } }), new HoldMusic('Hold')],
    });
    expect(simulateCall(elsewhere).outcome).toEqual({ kind: 'flow', flowName: 'Elsewhere' });
  });
});
