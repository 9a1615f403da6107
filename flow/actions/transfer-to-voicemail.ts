import { Prompt } from '../prompt';
import { QueueTarget } from '../queue-target';
import { Action, ActionBase, Branch } from './action';
import { optionalActions } from './action-lists';

export interface TransferToVoicemailProps {
  /** The queue whose voicemail takes the message (the callback goes to this queue). */
  readonly queue: QueueTarget;
  /**
   * Played to the caller before the recording starts.
   * @default - Architect's system voicemail greeting (`PromptSystem.voicemail_greeting`)
   */
  readonly greeting?: Prompt;
  /**
   * Runs when the transfer fails; control then continues after the action.
   * @default - the actions that follow this one in its list
   */
  readonly onFailure?: readonly Action[];
}

/**
 * Sends the caller to a queue's voicemail, with the caller's number (`Call.Ani`) as the callback
 * number. The call leaves the flow unless the transfer fails: then `onFailure` runs and control
 * continues after the action.
 */
export class TransferToVoicemail extends ActionBase {
  readonly kind = 'transferToVoicemail';
  readonly queue: QueueTarget;
  readonly greeting?: Prompt;
  readonly onFailure: readonly Action[];

  constructor(id: string, props: TransferToVoicemailProps) {
    super(id);
    this.queue = props.queue;
    this.greeting = props.greeting;
    this.onFailure = optionalActions(props.onFailure, `TransferToVoicemail ${id}`, 'onFailure');
  }

  override branches(): Branch[] {
    return [{ label: 'failure', actions: this.onFailure }];
  }
}

declare module './action' {
  interface ActionsByKind {
    transferToVoicemail: TransferToVoicemail;
  }
}
