import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { InboundCallFlow, InboundCallFlowProps, ProblemError } from '../flow';
import { bareFlowDefinitionProblems } from './bare-flow-definitions';
import { childPath } from './construct-input';
import { checkFlowProps } from './flow-construct-input';
import { FlowPublication, FlowPublishingOptions } from './flow-publication';
import { referencedDependables } from './referenced-resources';
import { ISharedFlow, isSharedFlow } from './i-shared-flow';
import { ICallFlow } from './i-flow';
import { ImportedFlow } from './imported-flow';
import { checkPublishOrder } from './publish-order';
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
    checkFlowProps(childPath(scope, id), props);
    const definition = new InboundCallFlow(props); // before super: a refused definition leaves no node behind
    super(scope, id);
    this.definition = definition;
    const called = this.definition.sharedFlowsCalled();
    const notConstructs = called.filter((flow) => !isSharedFlow(flow));
    if (notConstructs.length > 0) {
      throw new ProblemError(
        notConstructs.map((flow) => ({
          code: 'GC2010',
          path: this.node.path,
          message: 'a called shared flow must be a SharedFlow construct or a SharedFlow.fromName reference, so Terraform can order and republish',
          value: flow.flowName,
          fix: 'pass the SharedFlow (not its definition)',
        })),
      );
    }
    this.sharedFlows = called.filter(isSharedFlow);
    const bare = bareFlowDefinitionProblems(this.node.path, this.definition);
    if (bare.length > 0) throw new ProblemError(bare);
    checkPublishOrder(this.node.path, this.definition.name, this.flowType, this.definition);
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
