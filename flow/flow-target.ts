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

/** Whether `value` is a flow target (a flow construct, a definition, flowNamed): its name and type are strings. */
export function isFlowTarget(value: unknown): value is FlowTarget {
  const target = value as Partial<FlowTarget> | null;
  return typeof target === 'object' && target !== null && typeof target.flowName === 'string' && typeof target.flowType === 'string';
}

/** A flow target, or GC1016 naming what was given instead. */
export function requireFlowTarget(value: FlowTarget | undefined, path: string, what: string, fix: string): FlowTarget {
  if (!isFlowTarget(value)) {
    throw invalid('GC1016', path, `${what} is ${value === undefined ? 'missing' : 'not a flow'}`, describeValue(value), fix);
  }
  return value;
}

/**
 * Why `flow` is no in-queue call flow ("'Name' is a <type> flow"), or undefined when it is one. Its
 * definition's type counts too: a JavaScript caller can pair a definition with another flow type.
 */
export function inQueueFlowProblem(flow: FlowTarget): string | undefined {
  const type = flow.definition?.type ?? flow.flowType;
  return flow.flowType === 'inqueuecall' && type === 'inqueuecall' ? undefined : `'${flow.flowName}' is a ${type} flow`;
}
