/**
 * An ACD queue a flow transfers to. Architect YAML names queues, so a target carries the name to
 * write into the YAML (which the constructs make a provider substitution such as `{{queue_sales}}`,
 * so Terraform sees the dependency) and the queue's configured name for people and tools.
 */
export interface QueueTarget {
  /** The queue's name as configured (what a reader or a call simulation reports). */
  readonly queueName: string;
  /** The text written into the flow YAML; equal to `queueName` unless a substitution stands in. */
  readonly nameInFlow: string;
  /** Set for a queue found at run time by a FindQueue: the YAML names its variable, not a queue. */
  readonly foundBy?: FoundQueue;
}

/** Whether `value` is a queue target (a Queue construct, queueNamed, a FindQueue's foundQueue): its names are strings. */
export function isQueueTarget(value: unknown): value is QueueTarget {
  const target = value as Partial<QueueTarget> | null;
  return typeof target === 'object' && target !== null && typeof target.queueName === 'string' && typeof target.nameInFlow === 'string';
}

/** A queue referred to by its literal name (must already exist in the org when the flow publishes). */
export function queueNamed(name: string): QueueTarget {
  return { queueName: name, nameInFlow: name };
}

/** The variable and action behind a queue found at run time (`FindQueue.foundQueue`). */
export interface FoundQueue {
  /** Id of the FindQueue action that finds it. */
  readonly actionId: string;
  /** The `Task.` variable that holds the found queue (what the YAML names). */
  readonly variable: string;
}

/** What `FindQueue` finds: a target the YAML names by its variable, known only at run time. */
export function queueFoundBy(actionId: string): QueueTarget & { readonly foundBy: FoundQueue } {
  const variable = `Task.FoundQueue_${actionId.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return { queueName: `queue found by '${actionId}'`, nameInFlow: variable, foundBy: { actionId, variable } };
}
