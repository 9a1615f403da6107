import { propsOf } from '../arguments';
import { optionalActions } from './action-lists';
import { FlowTarget, requireFlowTarget } from '../flow-target';
import { Prompt } from '../prompt';
import { Action, ActionBase, Branch } from './action';

export interface TransferToFlowProps {
  /** The inbound call flow that takes the call (Architect's "Transfer to Flow" targets inbound call flows only). */
  readonly flow: FlowTarget;
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
   * Runs when the transfer fails; control then continues after the action.
   * @default - the actions that follow this one in its list
   */
  readonly onFailure?: readonly Action[];
}

/**
 * Hands the call to another inbound call flow, which starts from its beginning with the call's
 * participant data (a transfer to the flow itself restarts it). The call leaves this flow unless the
 * transfer fails: then `onFailure` runs and control continues after the action.
 */
export class TransferToFlow extends ActionBase {
  readonly kind = 'transferToFlow';
  readonly flow: FlowTarget;
  readonly preTransferPrompt?: Prompt;
  readonly failurePrompt?: Prompt;
  readonly onFailure: readonly Action[];

  constructor(id: string, props: TransferToFlowProps) {
    super(id);
    const p = propsOf(props, id);
    this.flow = requireFlowTarget(p.flow, id, 'the target flow', "pass flow: a CallFlow construct or flowNamed('Name', 'inboundcall')");
    this.preTransferPrompt = p.preTransferPrompt;
    this.failurePrompt = p.failurePrompt;
    this.onFailure = optionalActions(p.onFailure, id, 'onFailure');
  }

  override branches(): Branch[] {
    return [{ label: 'failure', actions: this.onFailure }];
  }

  override references(): readonly object[] {
    return [this.flow];
  }
}

declare module './action' {
  interface ActionsByKind {
    transferToFlow: TransferToFlow;
  }
}
