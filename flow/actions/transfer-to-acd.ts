import { propsOf, requireQueueTarget } from '../arguments';
import { optionalActions } from './action-lists';
import { invalid } from '../errors';
import { FlowTarget, requireFlowTarget } from '../flow-target';
import { Prompt } from '../prompt';
import { QueueTarget } from '../queue-target';
import { Action, ActionBase, Branch } from './action';

export interface TransferToAcdProps {
  readonly queue: QueueTarget;
  /**
   * Played before the transfer.
   * @default - nothing is played
   */
  readonly preTransferPrompt?: Prompt;
  /**
   * Played when the transfer fails.
   * @default - nothing is played
   */
  readonly failurePrompt?: Prompt;
  /**
   * Routing priority of the interaction in the queue.
   * @default 0
   */
  readonly priority?: number;
  /**
   * Runs when the transfer fails (Architect continues after the action).
   * @default - the actions that follow this one in its list
   */
  readonly onFailure?: readonly Action[];
  /**
   * The in-queue call flow the caller hears while waiting in this queue (Architect's "Override default
   * in-queue handling"); must be an `inqueuecall` flow.
   * @default - the queue's own in-queue handling
   */
  readonly inQueueFlow?: FlowTarget;
}

/** Transfers the call to an ACD queue; on failure, control continues with `onFailure`. */
export class TransferToAcd extends ActionBase {
  readonly kind = 'transferToAcd';
  readonly queue: QueueTarget;
  readonly preTransferPrompt?: Prompt;
  readonly failurePrompt?: Prompt;
  readonly priority: number;
  readonly onFailure: readonly Action[];
  readonly inQueueFlow?: FlowTarget;

  constructor(id: string, props: TransferToAcdProps) {
    super(id);
    const at = `TransferToAcd ${id}`;
    const p = propsOf(props, at);
    this.queue = requireQueueTarget(p.queue, at, 'queue');
    this.preTransferPrompt = p.preTransferPrompt;
    this.failurePrompt = p.failurePrompt;
    this.priority = p.priority ?? 0;
    if (!Number.isInteger(this.priority)) {
      throw invalid('GC1016', `TransferToAcd ${id}`, 'priority must be an integer', this.priority, 'use e.g. 0');
    }
    this.onFailure = optionalActions(p.onFailure, at, 'onFailure');
    this.inQueueFlow =
      p.inQueueFlow === undefined
        ? undefined
        : requireFlowTarget(p.inQueueFlow, at, 'inQueueFlow', "name an InQueueCallFlow (or flowNamed(name, 'inqueuecall'))");
  }

  override references(): readonly object[] {
    return this.inQueueFlow ? [this.inQueueFlow] : [];
  }

  override branches(): Branch[] {
    return [{ label: 'failure', actions: this.onFailure }];
  }
}

declare module './action' {
  interface ActionsByKind {
    transferToAcd: TransferToAcd;
  }
}
