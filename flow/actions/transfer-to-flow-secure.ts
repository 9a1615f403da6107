import { propsOf, requireExpression, requireString } from '../arguments';
import { optionalActions } from './action-lists';
import { Expression } from '../expression';
import { Action, ActionBase, Branch } from './action';

export interface TransferToFlowSecureProps {
  /** Name of the published secure call flow that takes the call (this project does not define secure flows). */
  readonly secureFlowName: string;
  /**
   * A string the secure flow reads as `Flow.InvocationData`. Never put sensitive data in it.
   * @default - none (NOT_SET)
   */
  readonly invocationData?: Expression;
  /**
   * Runs when the transfer fails; control then continues after the action.
   * @default - the actions that follow this one in its list
   */
  readonly onFailure?: readonly Action[];
}

/**
 * Hands the call to a secure call flow (e.g. to collect card numbers out of reach of recordings). The call
 * leaves this flow unless the transfer fails: then `onFailure` runs and control continues after the action.
 */
export class TransferToFlowSecure extends ActionBase {
  readonly kind = 'transferToFlowSecure';
  readonly secureFlowName: string;
  readonly invocationData?: Expression;
  readonly onFailure: readonly Action[];

  constructor(id: string, props: TransferToFlowSecureProps) {
    super(id);
    const at = `TransferToFlowSecure ${id}`;
    const p = propsOf(props, at);
    this.secureFlowName = requireString(p.secureFlowName, at, 'secureFlowName', 'name the published secure call flow');
    this.invocationData =
      p.invocationData === undefined
        ? undefined
        : requireExpression(p.invocationData, at, 'invocationData', 'give it a string expression (Expr.string)');
    this.onFailure = optionalActions(p.onFailure, at, 'onFailure');
  }

  override branches(): Branch[] {
    return [{ label: 'failure', actions: this.onFailure }];
  }

  override reads() {
    return this.invocationData ? [{ what: 'invocationData', expression: this.invocationData, expected: 'string' as const }] : [];
  }
}

declare module './action' {
  interface ActionsByKind {
    transferToFlowSecure: TransferToFlowSecure;
  }
}
