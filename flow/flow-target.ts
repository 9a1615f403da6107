import { describeValue } from './arguments';
import { invalid } from './errors';
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

/** A flow target (a flow construct, a definition, flowNamed): its name and type are strings. */
export function requireFlowTarget(value: FlowTarget | undefined, path: string, what: string, fix: string): FlowTarget {
  if (typeof value !== 'object' || value === null || typeof value.flowName !== 'string' || typeof value.flowType !== 'string') {
    throw invalid('GC1016', path, `${what} is ${value === undefined ? 'missing' : 'not a flow'}`, describeValue(value), fix);
  }
  return value;
}
