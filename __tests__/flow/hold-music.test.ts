/**
 * HoldMusic (issue 15): only in in-queue call flows; its Archy shape as the real in-queue exports write it
 * (and the unverified prompt / duration forms), the transcript entry and how plan review shows a change.
 */
import { parse } from 'yaml';
import { Disconnect, HoldMusic, InQueueCallFlow, ProblemError, UNVERIFIED_SHAPES, systemPrompt, userPromptNamed } from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { inboundFlowOf } from '../support/flow-builders';

const PATH = 'dev/Hold';
const holdFlow = (music: HoldMusic) => new InQueueCallFlow({ name: 'Hold', actions: [music] });
const shapeOf = (music: HoldMusic) => parse(holdFlow(music).render().yaml).inqueueCall.startUpTaskActions[0].holdMusic;

describe('HoldMusic validation', () => {
  it('is accepted in an in-queue call flow', () => {
    expect(holdFlow(new HoldMusic('Hold Music')).validate(PATH)).toEqual([]);
  });

  it('is refused in an inbound call flow (GC1017): the action exists only in in-queue flows', () => {
    const flow = inboundFlowOf('IVR', [new HoldMusic('Hold Music'), new Disconnect('Bye')]);
    expect(flow.validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1017', value: 'Hold Music', path: `${PATH} > tasks > Main > Hold Music` }),
    ]);
  });

  it('refuses a duration that is not a whole number of seconds (GC1016), where it is written', () => {
    for (const bad of [0, 1.5, -3]) {
      let thrown: unknown;
      try {
        new HoldMusic('Hold', { durationSeconds: bad });
      } catch (e) {
        thrown = e;
      }
      expect((thrown as ProblemError).problems).toEqual([expect.objectContaining({ code: 'GC1016', path: 'HoldMusic Hold', value: String(bad) })]);
    }
  });

  it('refuses a prompt without a name (GC1016)', () => {
    expect(holdFlow(new HoldMusic('Hold Music', { prompt: userPromptNamed(' ') })).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1016', value: 'Prompt. ' }),
    ]);
  });
});

describe('HoldMusic Archy shape', () => {
  it('is the shape of the real exports by default: the flow hold prompt, no barge-in, the entire prompt', () => {
    expect(shapeOf(new HoldMusic('Hold Music'))).toEqual({
      name: 'Hold Music',
      prompt: { exp: 'Flow.HoldPrompt' },
      bargeInEnabled: { lit: false },
      playStyle: { entirePrompt: true },
    });
  });

  it('names its own prompt and a duration in the unverified forms', () => {
    expect(shapeOf(new HoldMusic('Hold', { prompt: systemPrompt('jazz'), durationSeconds: 90 }))).toEqual({
      name: 'Hold',
      prompt: { lit: { name: 'PromptSystem.jazz' } },
      bargeInEnabled: { lit: false },
      playStyle: { duration: { lit: { seconds: 90 } } },
    });
    expect(UNVERIFIED_SHAPES.map((u) => u.id)).toEqual(expect.arrayContaining(['holdMusic-prompt', 'holdMusic-duration']));
  });

  it('is a modelled Archy action (a RawAction may not write it)', () => {
    expect(MODELLED_ARCHY_ACTIONS).toContain('holdMusic');
  });
});

describe('HoldMusic simulation', () => {
  it('records the prompt and how long it plays; control continues', () => {
    const flow = new InQueueCallFlow({
      name: 'Hold',
      actions: [new HoldMusic('Jazz', { prompt: userPromptNamed('Jazz'), durationSeconds: 60 }), new HoldMusic('Default')],
    });
    const result = simulateCall(flow);
    expect(result.transcript.filter((t) => t.kind === 'holdMusic')).toEqual([
      expect.objectContaining({ nodeId: 'Jazz', prompt: 'Prompt.Jazz', branch: '60 seconds', path: 'Hold > startUpTaskActions > Jazz' }),
      expect.objectContaining({ nodeId: 'Default', prompt: 'PromptSystem.on_hold_music', branch: 'entire prompt' }),
    ]);
  });
});

describe('HoldMusic in plan review', () => {
  it('shows a changed prompt as a changed node with the fact that changed', () => {
    const before = outlineFlow(holdFlow(new HoldMusic('Hold Music')).render().yaml);
    const after = outlineFlow(holdFlow(new HoldMusic('Hold Music', { prompt: systemPrompt('jazz') })).render().yaml);
    expect(diffOutlines(before, after)).toEqual([
      expect.objectContaining({
        id: 'holdMusic "Hold Music"',
        change: 'changed',
        facts: expect.objectContaining({ 'prompt.lit.name': [undefined, 'PromptSystem.jazz'] }),
      }),
    ]);
  });

  it('shows a changed flow hold prompt as a change of the flow settings', () => {
    const flow = (prompt: string) => new InQueueCallFlow({ name: 'Hold', holdMusic: systemPrompt(prompt), actions: [new HoldMusic('Hold Music')] });
    expect(diffOutlines(outlineFlow(flow('on_hold_music').render().yaml), outlineFlow(flow('jazz').render().yaml))).toEqual([
      expect.objectContaining({ id: 'flow settings', change: 'changed' }),
    ]);
  });
});

describe('HoldMusic prompts are references of the flow', () => {
  it("the action's prompt and the flow's hold music are what the flow names outside itself (a UserPrompt construct becomes a dependency)", () => {
    const greeting = userPromptNamed('Queue_Greeting');
    const music = userPromptNamed('Jazz');
    const flow = new InQueueCallFlow({
      name: 'Hold',
      holdMusic: music,
      actions: [new HoldMusic('Greet', { prompt: greeting }), new HoldMusic('Hold')],
    });
    expect(flow.references()).toEqual([music, greeting]);
    expect(new HoldMusic('Hold').references()).toEqual([]);
  });
});
