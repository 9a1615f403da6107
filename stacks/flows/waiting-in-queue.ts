import { InQueueFlowProps } from '../../constructs';
import { HoldMusic, PlayAudio, PlayEstimatedWaitTime, Prompt } from '../../flow';

/**
 * What the seed's callers hear while they wait for an agent: a short message, their estimated wait
 * time, then the flow's hold music (Architect's system hold music). Architect runs the task again from
 * the top when it ends, until an agent answers.
 */
export function waitingInQueueFlow(options: { flowName: string; division: string; message: string }): InQueueFlowProps {
  return {
    name: options.flowName,
    division: options.division,
    description: 'Played to callers waiting in the IVR queues.',
    actions: [
      new PlayAudio('Waiting message', { prompt: Prompt.tts(options.message) }),
      new PlayEstimatedWaitTime('Estimated wait time'),
      new HoldMusic('Hold music'),
    ],
  };
}
