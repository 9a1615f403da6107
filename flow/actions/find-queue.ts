import { propsOf, requireExpression } from '../arguments';
import { optionalActions, requireActions } from './action-lists';
import { Expression } from '../expression';
import { QueueTarget, queueFoundBy } from '../queue-target';
import { Action, ActionBase, Branch } from './action';

export interface FindQueueProps {
  /** The queue's name, computed at run time (e.g. from participant data). */
  readonly queueName: Expression<'string'>;
  /**
   * Runs when a queue of that name exists; the found queue is usable here, e.g.
   * `onFound: (queue) => [new TransferToAcd('To it', { queue })]`.
   */
  readonly onFound: readonly Action[] | ((foundQueue: QueueTarget) => readonly Action[]);
  /**
   * Runs when no queue has that name.
   * @default - nothing; control continues after the action
   */
  readonly onNotFound?: readonly Action[];
}

/**
 * Looks up a queue by a name computed at run time (only in in-queue call flows). Its `foundQueue` is a
 * queue target for the actions of `onFound`: the YAML names the variable that holds the found queue.
 */
export class FindQueue extends ActionBase {
  readonly kind = 'findQueue';
  readonly queueName: Expression<'string'>;
  readonly onFound: readonly Action[];
  readonly onNotFound: readonly Action[];
  /** The queue this action found; only valid inside `onFound` (validated). */
  readonly foundQueue: QueueTarget;

  constructor(id: string, props: FindQueueProps) {
    super(id);
    const at = `FindQueue ${id}`;
    const p = propsOf(props, at);
    this.queueName = requireExpression(p.queueName, at, 'queueName', 'give it a string expression (e.g. a Variable.ref())');
    this.foundQueue = queueFoundBy(id);
    const found = typeof p.onFound === 'function' ? p.onFound(this.foundQueue) : p.onFound;
    this.onFound = requireActions(found, at, 'onFound', 'pass the actions (or a function of the found queue returning them)');
    this.onNotFound = optionalActions(p.onNotFound, at, 'onNotFound');
  }

  override branches(): Branch[] {
    return [
      { label: 'found', actions: this.onFound },
      { label: 'notFound', actions: this.onNotFound },
    ];
  }

  override reads() {
    return [{ what: 'queueName', expression: this.queueName as Expression, expected: 'string' as const }];
  }
}

declare module './action' {
  interface ActionsByKind {
    findQueue: FindQueue;
  }
}
