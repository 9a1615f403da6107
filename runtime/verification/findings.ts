import type { FlowDifference } from '../flow-compare';

/** What kind of difference a finding is. Stable: part of the drift JSON output schema. */
export type FindingKind =
  | 'flow-missing'
  | 'flow-never-published'
  | 'flow-published-by-other'
  | 'flow-content-differs'
  | 'flow-locked'
  | 'flow-draft-pending'
  | 'flow-embeds-old-module'
  | 'flow-orphan'
  | 'ivr-missing'
  | 'ivr-dnis-differs'
  | 'ivr-flow-binding-differs'
  | 'ivr-schedule-group-differs';

/** One way the org differs from a synthesized stack (found by drift detection or the post-apply check). */
export interface Finding {
  readonly kind: FindingKind;
  readonly resource: 'flow' | 'ivr';
  /** Flow or IVR name. */
  readonly name: string;
  /** One readable sentence. */
  readonly detail: string;
  /** Node-level differences of `flow-content-differs`. */
  readonly differences?: readonly FlowDifference[];
}
