import { Action, InboundCallFlow, PlayAudio, Prompt, Task, Variable } from '../../flow';

/** A PlayAudio whose TTS text is its id unless given. */
export const say = (id: string, text = id): PlayAudio => new PlayAudio(id, { prompt: Prompt.tts(text) });

/** An inbound call flow named `name` whose one task, `Main`, runs `actions` (greeting `Hello.`). */
export function inboundFlowOf(name: string, actions: Action[], variables?: Variable[]): InboundCallFlow {
  const main = new Task('Main', actions);
  return new InboundCallFlow({ name, initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main], ...(variables ? { variables } : {}) });
}
