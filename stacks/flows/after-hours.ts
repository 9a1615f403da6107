import { CallFlowProps } from '../../constructs';
import { Disconnect, PlayAudio, Prompt, Task } from '../../flow';

/** Closed-hours flow: tell callers when to call back, then hang up. */
export function afterHoursFlow(options: { flowName: string; division: string; message: string }): CallFlowProps {
  const main = new Task('Closed', [new PlayAudio('Closed message', { prompt: Prompt.tts(options.message) }), new Disconnect('Hang up')]);
  return { name: options.flowName, division: options.division, description: 'Played outside business hours.', startUp: main, tasks: [main] };
}
