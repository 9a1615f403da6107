import type { FlowDefinition } from './flow-definition';
import { FlowType } from './flow-type';

/**
 * Another flow an action names: the target of a transfer to a flow, or the in-queue flow of a transfer
 * to ACD. Architect YAML names flows, so the name is what reaches the YAML; a flow of this app also
 * carries its definition (which the simulator follows) and, as a construct, what Terraform orders on.
 */
export interface FlowTarget {
  readonly flowName: string;
  /** The target's flow type (what a transfer may reach is checked against it). */
  readonly flowType: FlowType;
  /** The target's definition, when this app defines it. */
  readonly definition?: FlowDefinition;
}

/** A flow referred to by name only (it must be published in the org when the calling flow publishes). */
export function flowNamed(flowName: string, flowType: FlowType): FlowTarget {
  return { flowName, flowType };
}
