/**
 * The TransferToVoicemail action (issue 15): validation, its Archy shape (as the GenesysCloudBlueprints
 * dr-fallback-ivr exports write it), simulation and how plan review outlines it.
 */
import { parse } from 'yaml';
import {
  Action,
  CommonModuleFlow,
  Disconnect,
  EndSharedFlow,
  HoldMusic,
  InQueueCallFlow,
  InboundCallFlow,
  Prompt,
  TransferToVoicemail,
  UNVERIFIED_SHAPES,
  queueNamed,
} from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, mermaid, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { inboundFlowOf, say } from '../support/flow-builders';

const PATH = 'dev/X';
const flowOf = (...actions: Action[]): InboundCallFlow => inboundFlowOf('Voicemail IVR', actions);
const toVoicemail = (greeting?: string, failureText = 'Sorry, try again later.') =>
  flowOf(
    new TransferToVoicemail('Transfer to Voicemail', {
      queue: queueNamed('General Help'),
      greeting: greeting === undefined ? undefined : Prompt.tts(greeting),
      onFailure: [say('Play Audio', failureText)],
    }),
    new Disconnect('Disconnect'),
  );

describe('TransferToVoicemail validation', () => {
  it('accepts a transfer whose failure path continues to a disconnect', () => {
    expect(toVoicemail().validate(PATH)).toEqual([]);
  });

  it('reports a path that does not end after a failed transfer (GC1005)', () => {
    const flow = flowOf(new TransferToVoicemail('VM', { queue: queueNamed('Q') }));
    expect(flow.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1005' })]);
  });

  it('checks ids inside the failure branch, naming it in the path', () => {
    const flow = flowOf(new TransferToVoicemail('VM', { queue: queueNamed('Q'), onFailure: [new Disconnect('Bad/id')] }));
    expect(flow.validate(PATH)).toEqual([expect.objectContaining({ path: `${PATH} > tasks > Main > VM > failure > Bad/id` })]);
  });

  it('is refused in a shared flow (GC1017): Genesys offers it in inbound, outbound and in-queue flows only', () => {
    const module = new CommonModuleFlow({
      name: 'M',
      outcomes: ['done'],
      actions: [new TransferToVoicemail('VM', { queue: queueNamed('Q') }), new EndSharedFlow('End', 'done')],
    });
    expect(module.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1017', value: 'VM' })]);
  });

  it('is allowed in an in-queue flow (Genesys help: inbound, outbound and in-queue flow types), listed as unverified there', () => {
    const inQueue = new InQueueCallFlow({
      name: 'Hold',
      actions: [new TransferToVoicemail('VM', { queue: queueNamed('Q') }), new HoldMusic('Music')],
    });
    expect(inQueue.validate(PATH)).toEqual([]);
    expect(parse(inQueue.render().yaml).inqueueCall.startUpTaskActions[0]).toHaveProperty('transferToVoicemail.name', 'VM');
    expect(UNVERIFIED_SHAPES.find((s) => s.id === 'actions-in-inqueueCall')?.shape).toContain('transferToVoicemail');
  });

  it('counts a failed transfer in an in-queue flow as a path that continues: without hold music after it, GC1030', () => {
    const inQueue = new InQueueCallFlow({
      name: 'Hold',
      actions: [new TransferToVoicemail('VM', { queue: queueNamed('Q'), onFailure: [say('Sorry')] })],
    });
    expect(inQueue.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1030', path: `${PATH} > startUpTaskActions > VM`, value: 'VM' })]);
    const held = new InQueueCallFlow({
      name: 'Hold',
      actions: [new TransferToVoicemail('VM', { queue: queueNamed('Q'), onFailure: [say('Sorry')] }), new HoldMusic('Music')],
    });
    const failed = simulateCall(held, { failTransfers: true, inQueuePasses: 1 });
    expect(failed.transcript.filter((e) => e.kind === 'transferToVoicemail').map((e) => e.branch)).toEqual(['failure']);
    expect(failed.prompts).toEqual(['Sorry']);
    expect(failed.outcome).toEqual({ kind: 'queue', queueName: 'the waiting queue', inQueueFlow: 'Hold' });
  });

  it('lists its queue among the queues the flow transfers to', () => {
    expect(toVoicemail().queueTargets()).toEqual([queueNamed('General Help')]);
  });
});

describe('TransferToVoicemail Archy shape', () => {
  const actionsOf = (flow: InboundCallFlow) => parse(flow.render().yaml).inboundCall.tasks[0].task.actions;

  it('is the DR-Fallback-Ivr.yaml shape without a greeting: the system voicemail greeting', () => {
    expect(actionsOf(toVoicemail())).toEqual([
      {
        transferToVoicemail: {
          name: 'Transfer to Voicemail',
          destination: {
            queue: {
              targetQueue: { lit: { name: 'General Help' } },
              callbackNumber: { exp: 'ToPhoneNumber(Call.Ani)' },
              calleeName: { noValue: true },
              voicemailGreeting: { prompt: 'PromptSystem.voicemail_greeting' },
            },
          },
          failureOutputs: { errorType: { noValue: true }, errorMessage: { noValue: true } },
          outputs: { failure: { actions: [{ playAudio: { name: 'Play Audio', audio: { tts: 'Sorry, try again later.' } } }] } },
        },
      },
      { disconnect: { name: 'Disconnect' } },
    ]);
  });

  it('is the DR-Emergency-IVR.yaml shape with a TTS greeting (quotes escaped)', () => {
    const vm = actionsOf(toVoicemail('Leave a "short" message.'))[0].transferToVoicemail;
    expect(vm.destination.queue.voicemailGreeting).toEqual({ exp: 'AudioPlaybackOptions(ToAudioTTS("Leave a \\"short\\" message."), false)' });
  });

  it('is a modelled Archy action (a RawAction may not write it)', () => {
    expect(MODELLED_ARCHY_ACTIONS).toContain('transferToVoicemail');
  });
});

describe('TransferToVoicemail simulation', () => {
  it('ends the call at the queue (its voicemail), playing the greeting', () => {
    const result = simulateCall(toVoicemail('Leave a message.'));
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'General Help' });
    expect(result.prompts).toEqual(['Hello.', 'Leave a message.']);
    expect(result.transcript).toContainEqual(
      expect.objectContaining({
        kind: 'transferToVoicemail',
        nodeId: 'Transfer to Voicemail',
        branch: 'voicemail of queue General Help',
        path: 'Voicemail IVR > tasks > Main > Transfer to Voicemail',
      }),
    );
  });

  it('runs the failure branch when transfers fail, then continues after the action', () => {
    const result = simulateCall(toVoicemail(), { failTransfers: true });
    expect(result.transcript.find((e) => e.kind === 'transferToVoicemail')?.branch).toBe('failure');
    expect(result.prompts).toEqual(['Hello.', 'Sorry, try again later.']);
    expect(result.outcome).toEqual({ kind: 'disconnect' });
  });
});

describe('TransferToVoicemail in plan review', () => {
  it('is a node with its queue and greeting as facts, its failure actions as child nodes', () => {
    const outline = outlineFlow(toVoicemail().render().yaml);
    const node = outline.nodes.find((n) => n.kind === 'transferToVoicemail')!;
    expect(node.facts).toEqual(
      expect.objectContaining({
        'destination.queue.targetQueue.lit.name': 'General Help',
        'destination.queue.callbackNumber.exp': 'ToPhoneNumber(Call.Ani)',
        'destination.queue.voicemailGreeting.prompt': 'PromptSystem.voicemail_greeting',
      }),
    );
    expect(outline.nodes.map((n) => n.id)).toContain('task "Main" > transferToVoicemail "Transfer to Voicemail" [failure] > playAudio "Play Audio"');
  });

  it('shows a changed greeting and a change in the failure branch as node changes', () => {
    const changes = diffOutlines(outlineFlow(toVoicemail().render().yaml), outlineFlow(toVoicemail('Leave a message.', 'Goodbye.').render().yaml));
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'task "Main" > transferToVoicemail "Transfer to Voicemail"', change: 'changed' }),
        expect.objectContaining({
          id: 'task "Main" > transferToVoicemail "Transfer to Voicemail" [failure] > playAudio "Play Audio"',
          facts: { 'audio.tts': ['Sorry, try again later.', 'Goodbye.'] },
        }),
      ]),
    );
  });

  it('draws the failure branch as a labelled edge', () => {
    expect(mermaid(toVoicemail().render().yaml)).toMatch(/-->\|failure\|/);
  });
});

describe('TransferToVoicemail greeting', () => {
  it('refuses a line break in the greeting (written inside an Archy string literal): GC1016', () => {
    expect(toVoicemail('Line one.\nLine two.').validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1016' })]);
    expect(toVoicemail('One line, "quoted".').validate(PATH)).toEqual([]);
  });
});
