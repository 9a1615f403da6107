import { QueueTarget } from '../flow';
import { isQueueConstruct } from './queue';

/** Provider substitutions for the queue constructs a flow transfers to: key → the queue's Terraform name attribute. */
export function queueSubstitutions(queues: readonly QueueTarget[]): Record<string, string> {
  const substitutions: Record<string, string> = {};
  for (const queue of queues) {
    if (isQueueConstruct(queue)) substitutions[queue.substitutionKey] = queue.nameAttribute;
  }
  return substitutions;
}
