import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { InQueueCallFlow, InQueueCallFlowProps, ProblemError } from '../flow';
import { childPath } from './construct-input';
import { checkFlowProps, checkNamedFlows, removeFailedConstruct } from './flow-construct-input';
import { FlowPublication, FlowPublishingOptions } from './flow-publication';
import { IInQueueFlow } from './i-flow';
import { ImportedFlow } from './imported-flow';
import { queueSubstitutions } from './queue-substitutions';
import { referencedDependables } from './referenced-resources';

export interface InQueueFlowProps extends InQueueCallFlowProps, FlowPublishingOptions {}

/**
 * An in-queue call flow (what a caller hears while waiting for an agent) published with
 * `genesyscloud_flow`. A `Queue`'s `inQueueFlow` binds it by id; a `TransferToAcd`'s `inQueueFlow` (or an
 * `InboundIvr` route) names it, and the calling flow is then published after it.
 */
export class InQueueFlow extends Construct implements IInQueueFlow {
  /**
   * An in-queue flow that exists elsewhere (another stack, or the org), looked up by name at plan time
   * (`data.genesyscloud_flow` of type INQUEUECALL).
   */
  static fromName(scope: Construct, id: string, flowName: string): IInQueueFlow {
    return new ImportedFlow(scope, id, flowName, 'inqueuecall');
  }

  readonly flowType = 'inqueuecall' as const;
  readonly definition: InQueueCallFlow;
  readonly publication: FlowPublication;

  constructor(scope: Construct, id: string, props: InQueueFlowProps) {
    const path = childPath(scope, id);
    checkFlowProps(path, props);
    if (!Array.isArray(props.actions)) {
      throw new ProblemError([
        {
          code: 'GC1016',
          path: `${path}.actions`,
          message: 'an in-queue flow needs its list of actions',
          value: props.actions,
          fix: "give e.g. [new HoldMusic('hold')]",
        },
      ]);
    }
    const definition = new InQueueCallFlow(props);
    checkNamedFlows(path, definition, 'inqueuecall');
    super(scope, id);
    this.definition = definition;
    try {
      this.publication = new FlowPublication(this, 'Publication', {
        definition,
        path: this.node.path,
        substitutions: queueSubstitutions(definition.queueTargets()),
        sharedFlows: [],
        dependsOn: [...(props.dependsOn ?? []), ...referencedDependables(definition)],
        forceUnlock: props.forceUnlock,
      });
    } catch (error) {
      // The definition is checked as it renders: a refused flow leaves no node behind.
      removeFailedConstruct(scope, this);
      throw error;
    }
  }

  get flowName(): string {
    return this.definition.name;
  }

  /** The flow resource: flows that name this one, and queues bound to it, are published after it. */
  get dependable(): ITerraformDependable {
    return this.publication.resource;
  }

  /** The flow id (a Terraform reference). */
  get flowId(): string {
    return this.publication.flowId;
  }
}
