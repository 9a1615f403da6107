import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { InboundCallFlow, InboundCallFlowProps, ProblemError } from '../flow';
import { FlowPublication } from './flow-publication';
import { isQueueConstruct } from './queue';
import { referencedDependables } from './referenced-resources';
import { ISharedFlow, isSharedFlow } from './i-shared-flow';

export interface CallFlowProps extends InboundCallFlowProps {
  /**
   * Unlock the flow if a user holds a lock on it when publishing.
   * @default false
   */
  readonly forceUnlock?: boolean;
  /**
   * Resources the flow must be published after (besides the queues and shared flows it uses).
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * An inbound call flow published with `genesyscloud_flow`. Queues from `Queue` constructs reach the
 * YAML through provider substitutions of their name attribute; every shared flow it calls is a
 * dependency and part of its update trigger hash.
 */
export class CallFlow extends Construct {
  readonly definition: InboundCallFlow;
  readonly publication: FlowPublication;
  /** The shared flows this flow calls. */
  readonly sharedFlows: readonly ISharedFlow[];

  constructor(scope: Construct, id: string, props: CallFlowProps) {
    super(scope, id);
    this.definition = new InboundCallFlow(props);
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
    const substitutions: Record<string, string> = {};
    for (const queue of this.definition.queueTargets()) {
      if (isQueueConstruct(queue)) substitutions[queue.substitutionKey] = queue.nameAttribute;
    }
    this.publication = new FlowPublication(this, 'Publication', {
      definition: this.definition,
      path: this.node.path,
      substitutions,
      sharedFlows: this.sharedFlows,
      dependsOn: [...(props.dependsOn ?? []), ...referencedDependables(this.definition)],
      forceUnlock: props.forceUnlock,
    });
  }

  get flowName(): string {
    return this.definition.name;
  }

  /** The flow id (a Terraform reference). */
  get flowId(): string {
    return this.publication.flowId;
  }
}
