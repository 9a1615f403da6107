import { ITerraformDependable } from 'cdktf';
import { FlowTarget } from '../flow';

/**
 * A flow other flows name (a transfer's target, an in-queue override) and resources bind by id: a flow
 * construct of this app, or one looked up by name. Flows that name it depend on `dependable`.
 */
export interface IFlow extends FlowTarget {
  /** What the flows and resources that name it are ordered after (the flow resource, or the look-up). */
  readonly dependable: ITerraformDependable;
  /** The flow id (a Terraform reference). */
  readonly flowId: string;
}

/** An inbound call flow: a `TransferToFlow` target. */
export interface ICallFlow extends IFlow {
  readonly flowType: 'inboundcall';
}

/** An in-queue call flow: a queue's in-queue flow, or a `TransferToAcd` override. */
export interface IInQueueFlow extends IFlow {
  readonly flowType: 'inqueuecall';
}
