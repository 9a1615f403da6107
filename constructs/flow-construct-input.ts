import { IConstruct } from 'constructs';
import { FlowDefinition, FlowType, ProblemError } from '../flow';
import { bareFlowDefinitionProblems } from './bare-flow-definitions';
import { isRecord, refuseProblems, safeNameProblems } from './construct-input';
import { checkPublishOrder } from './publish-order';

/** Refuses flow construct props that are not an object (a JavaScript caller may pass none). */
export function checkFlowProps(path: string, props: unknown): void {
  if (isRecord(props)) return;
  throw new ProblemError([{ code: 'GC1016', path, message: 'a flow construct needs its props', value: props, fix: 'pass { name, division, … }' }]);
}

/** Refuses a flow name to look up that is not text, or not safe to write into Terraform and flows. */
export function checkFlowNameToLookUp(path: string, flowName: unknown): void {
  refuseProblems(safeNameProblems('GC1014', `${path}.flowName`, flowName, { what: 'flow name', fix: 'give the flow name as Architect shows it' }));
}

/**
 * Refuses a flow whose definition names a bare flow definition (GC2024), or a flow published before it
 * that names it back (GC2013). Run before the construct adds its node, so a refused flow leaves none.
 */
export function checkNamedFlows(path: string, definition: FlowDefinition, flowType: FlowType): void {
  refuseProblems(bareFlowDefinitionProblems(path, definition));
  checkPublishOrder(path, definition.name, flowType, definition);
}

/** Removes the construct `node` added under `scope` (its constructor failed after adding it), so a retry with its id works. */
export function removeFailedConstruct(scope: IConstruct, node: IConstruct): void {
  scope.node.tryRemoveChild(node.node.id);
}
