import { Construct } from 'constructs';
import { DataGenesyscloudRoutingQueue } from '../.gen/providers/genesyscloud/data-genesyscloud-routing-queue';
import { RoutingQueue } from '../.gen/providers/genesyscloud/routing-queue';
import { InQueueCallFlow, inQueueFlowProblem, isFlowTarget, QueueTarget, ProblemError } from '../flow';
import { IInQueueFlow } from './i-flow';
import { childPath, refuseProblems, safeNameProblems } from './construct-input';
import { substitutionKey } from './substitution';
import { terraformText } from './terraform-text';

/**
 * A queue a flow can transfer to. Flows write `{{substitutionKey}}` where the queue name goes, and the
 * flow resource maps that key to `nameAttribute`, so Terraform orders the queue before the flow.
 */
export interface IQueue extends QueueTarget {
  /** Provider substitution key (without braces). */
  readonly substitutionKey: string;
  /** Terraform reference to the queue's name. */
  readonly nameAttribute: string;
}

export interface QueueProps {
  /** Queue name in Genesys Cloud. */
  readonly name: string;
  /**
   * @default - no description
   */
  readonly description?: string;
  /**
   * Division id of the queue.
   * @default - the home division
   */
  readonly divisionId?: string;
  /**
   * The in-queue call flow callers hear while waiting in this queue (the queue's `queue_flow_id`); the
   * queue is then created or updated after the flow is published. A transfer can still override it
   * (`TransferToAcd.inQueueFlow`).
   * @default - the org's default in-queue flow
   */
  readonly inQueueFlow?: IInQueueFlow;
}

function checkQueueName(path: string, name: unknown): void {
  refuseProblems(safeNameProblems('GC2004', path, name, { what: 'queue name', fix: 'rename the queue' }));
}

/**
 * What a queue of this stack and an imported one share, as aws-cdk's `XBase` classes: the name check,
 * the substitution key flows write, and the Terraform name attribute flow resources map it to.
 */
export abstract class QueueBase extends Construct implements IQueue {
  readonly queueName: string;
  readonly nameInFlow: string;
  readonly substitutionKey: string;
  /** Terraform reference to the queue's name: the managed resource's or the data source's. */
  abstract readonly nameAttribute: string;

  protected constructor(scope: Construct, id: string, name: string) {
    checkQueueName(childPath(scope, id), name);
    super(scope, id);
    this.queueName = name;
    this.substitutionKey = substitutionKey('queue', this);
    this.nameInFlow = `{{${this.substitutionKey}}}`;
  }
}

/** An ACD queue managed by this stack (`genesyscloud_routing_queue`). */
export class Queue extends QueueBase {
  /**
   * A queue that already exists in the org, looked up by name (`data.genesyscloud_routing_queue`). It is
   * not managed here, so its in-queue flow cannot be set; a transfer to it can override the in-queue
   * handling instead (`TransferToAcd.inQueueFlow`, or an `InboundIvr` route's `inQueueFlow`).
   */
  static fromName(scope: Construct, id: string, name: string): IQueue {
    return new ImportedQueue(scope, id, name);
  }

  readonly resource: RoutingQueue;
  readonly nameAttribute: string;
  /** The queue's in-queue flow: published before the queue, and so before every flow transferring to the queue. */
  readonly inQueueFlow?: IInQueueFlow;

  constructor(scope: Construct, id: string, props: QueueProps) {
    // Checked before the node is added: a refused queue leaves nothing behind.
    checkInQueueFlow(childPath(scope, id), props?.name, props?.inQueueFlow);
    super(scope, id, props?.name);
    this.inQueueFlow = props.inQueueFlow;
    this.resource = new RoutingQueue(this, 'Resource', {
      name: terraformText(props.name),
      description: terraformText(props.description),
      divisionId: terraformText(props.divisionId),
      queueFlowId: props.inQueueFlow?.flowId,
    });
    this.nameAttribute = this.resource.name;
  }

  /** The queue's id (for routing settings of other resources). */
  get queueId(): string {
    return this.resource.id;
  }
}

/**
 * The flow bound as a queue's in-queue flow must be one (a caller without types could pass any flow), and
 * must not name the queue by name: it is published before the queue exists (the queue binds its id).
 */
function checkInQueueFlow(path: string, queueName: string, flow: IInQueueFlow | undefined): void {
  if (flow === undefined) return;
  if (!isFlowTarget(flow)) {
    throw new ProblemError([
      {
        code: 'GC2014',
        path: `${path} > inQueueFlow`,
        message: 'not a flow: a queue binds an in-queue flow construct by its id',
        value: flow,
        fix: 'pass an InQueueFlow construct or InQueueFlow.fromName(...)',
      },
    ]);
  }
  const problem = inQueueFlowProblem(flow);
  if (problem !== undefined) {
    throw new ProblemError([
      {
        code: 'GC2014',
        path: `${path} > inQueueFlow`,
        message: `${problem}; a queue's in-queue flow must be an in-queue call flow`,
        value: flow.flowName,
        fix: 'pass an InQueueFlow construct or InQueueFlow.fromName(...)',
      },
    ]);
  }
  if (typeof flow.flowId !== 'string') {
    throw new ProblemError([
      {
        code: 'GC2014',
        path: `${path} > inQueueFlow`,
        message: `'${flow.flowName}' is a bare in-queue flow definition: it has no flow id to bind, and this stack never publishes it`,
        value: flow.flowName,
        fix: 'pass the InQueueFlow construct (not its definition), or InQueueFlow.fromName(...) for one deployed elsewhere',
      },
    ]);
  }
  const definition = flow.definition;
  const namesQueue = InQueueCallFlow.isInQueueCallFlow(definition) && definition.queueTargets().some((q) => q.queueName === queueName);
  if (namesQueue) {
    throw new ProblemError([
      {
        code: 'GC2015',
        path: `${path} > inQueueFlow`,
        message: `in-queue flow '${flow.flowName}' transfers to this queue by name; it is published before the queue exists (the queue binds the flow's id), so a first deploy fails`,
        value: queueName,
        fix: 'its callers already wait in this queue: remove the transfer, or override the in-queue flow on the transfers that reach the queue (TransferToAcd.inQueueFlow) instead',
      },
    ]);
  }
}

class ImportedQueue extends QueueBase {
  readonly nameAttribute: string;

  constructor(scope: Construct, id: string, name: string) {
    super(scope, id, name);
    this.nameAttribute = new DataGenesyscloudRoutingQueue(this, 'Lookup', { name: terraformText(name) }).name;
  }
}

/** True when a queue target comes from a construct (and needs a substitution). */
export function isQueueConstruct(target: QueueTarget): target is IQueue {
  return typeof (target as IQueue).substitutionKey === 'string' && typeof (target as IQueue).nameAttribute === 'string';
}
