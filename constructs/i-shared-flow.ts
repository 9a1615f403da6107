import { ITerraformDependable } from 'cdktf';
import { SharedFlowInterface } from '../flow';

/**
 * Marks the constructs that implement {@link ISharedFlow}. A bare flow definition has the interface's
 * other members too (`flowName`, `outcomes`…), so a symbol, not their names, tells the two apart; a
 * registered symbol, so two copies of this library still recognize each other's shared flows.
 */
export const SHARED_FLOW_MARKER: unique symbol = Symbol.for('@genesys-cdktf:shared-flow');

/** A shared flow callers can use: its interface plus what Terraform needs to order and republish them. */
export interface ISharedFlow<O extends string = string> extends SharedFlowInterface<O> {
  readonly [SHARED_FLOW_MARKER]: true;
  /**
   * sha256 of the module's rendered content, or undefined for a module this app does not render
   * (callers then republish only when their own content changes).
   */
  readonly contentHash: string | undefined;
  /** What callers' flow resources depend on. */
  readonly dependable: ITerraformDependable | undefined;
  /** The flow id (a Terraform reference). */
  readonly flowId: string;
}

/** Whether `x` is a SharedFlow construct or a `SharedFlow.fromName` reference (not a bare definition). */
export function isSharedFlow(x: object): x is ISharedFlow {
  return (x as Partial<ISharedFlow>)[SHARED_FLOW_MARKER] === true;
}
