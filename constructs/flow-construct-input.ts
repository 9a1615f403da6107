import { IConstruct } from 'constructs';
import { ProblemError } from '../flow';
import { isRecord, refuseProblems, safeNameProblems } from './construct-input';

/** Refuses flow construct props that are not an object (a JavaScript caller may pass none). */
export function checkFlowProps(path: string, props: unknown): void {
  if (isRecord(props)) return;
  throw new ProblemError([{ code: 'GC1016', path, message: 'a flow construct needs its props', value: props, fix: 'pass { name, division, … }' }]);
}

/** Refuses a flow name to look up that is not text, or not safe to write into Terraform and flows. */
export function checkFlowNameToLookUp(path: string, flowName: unknown): void {
  refuseProblems(safeNameProblems('GC1014', `${path}.flowName`, flowName, { what: 'flow name', fix: 'give the flow name as Architect shows it' }));
}

/** Removes the construct `node` added under `scope` (its constructor failed after adding it), so a retry with its id works. */
export function removeFailedConstruct(scope: IConstruct, node: IConstruct): void {
  scope.node.tryRemoveChild(node.node.id);
}
