import { CallFlowProps } from '../../constructs';
import { Disconnect, Prompt, Task } from '../../flow';

/** Closed-hours flow: tell callers when to call back, then hang up. */
export function afterHoursFlow(options: { flowName: string; division: string; message: string }): CallFlowProps {
  const main = new Task('Closed', [new Disconnect('Hang up')]);
  return {
    name: options.flowName,
    division: options.division,
    description: 'Played outside business hours.',
    initialGreeting: Prompt.tts(options.message),
    startUp: main,
    tasks: [main],
  };
}
