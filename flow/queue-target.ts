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
}

/** A queue referred to by its literal name (must already exist in the org when the flow publishes). */
export function queueNamed(name: string): QueueTarget {
  return { queueName: name, nameInFlow: name };
}
