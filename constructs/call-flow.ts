import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { InboundCallFlow, InboundCallFlowProps, ProblemError } from '../flow';
import { childPath } from './construct-input';
import { checkFlowProps, checkNamedFlows } from './flow-construct-input';
import { FlowPublication, FlowPublishingOptions } from './flow-publication';
import { referencedDependables } from './referenced-resources';
import { ISharedFlow, isSharedFlow } from './i-shared-flow';
import { ICallFlow } from './i-flow';
import { ImportedFlow } from './imported-flow';
import { queueSubstitutions } from './queue-substitutions';

export interface CallFlowProps extends InboundCallFlowProps, FlowPublishingOptions {}

/**
 * An inbound call flow published with `genesyscloud_flow`. Queues from `Queue` constructs reach the
 * YAML through provider substitutions of their name attribute; every shared flow it calls is a
 * dependency and part of its update trigger hash. A `TransferToFlow` to it makes the calling flow
 * depend on it.
 */
export class CallFlow extends Construct implements ICallFlow {
  /**
   * An inbound call flow that exists elsewhere (another stack, or the org), looked up by name at plan
   * time (`data.genesyscloud_flow` of type INBOUNDCALL), e.g. as a `TransferToFlow` target.
   */
  static fromName(scope: Construct, id: string, flowName: string): ICallFlow {
    return new ImportedFlow(scope, id, flowName, 'inboundcall');
  }

  readonly flowType = 'inboundcall' as const;
  readonly definition: InboundCallFlow;
  readonly publication: FlowPublication;
  /** The shared flows this flow calls. */
  readonly sharedFlows: readonly ISharedFlow[];

  constructor(scope: Construct, id: string, props: CallFlowProps) {
    // Every check runs before super: a refused flow leaves no node behind.
    const path = childPath(scope, id);
    checkFlowProps(path, props);
    const definition = new InboundCallFlow(props);
    const called = definition.sharedFlowsCalled();
    const notConstructs = called.filter((flow) => !isSharedFlow(flow));
    if (notConstructs.length > 0) {
      throw new ProblemError(
        notConstructs.map((flow) => ({
          code: 'GC2010',
          path,
          message: 'a called shared flow must be a SharedFlow construct or a SharedFlow.fromName reference, so Terraform can order and republish',
          value: flow.flowName,
          fix: 'pass the SharedFlow (not its definition)',
        })),
      );
    }
    checkNamedFlows(path, definition, 'inboundcall');
    super(scope, id);
    this.definition = definition;
    this.sharedFlows = called.filter(isSharedFlow);
    this.publication = new FlowPublication(this, 'Publication', {
      definition: this.definition,
      path: this.node.path,
      substitutions: queueSubstitutions(this.definition.queueTargets()),
      sharedFlows: this.sharedFlows,
      dependsOn: [...(props.dependsOn ?? []), ...referencedDependables(this.definition)],
      forceUnlock: props.forceUnlock,
    });
  }

  get flowName(): string {
    return this.definition.name;
  }

  /** The flow resource: flows that transfer to this one are published after it. */
  get dependable(): ITerraformDependable {
    return this.publication.resource;
  }

  /** The flow id (a Terraform reference). */
  get flowId(): string {
    return this.publication.flowId;
  }
}
