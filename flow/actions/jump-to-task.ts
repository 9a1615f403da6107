import type { Task } from '../task';
import { ActionBase, ActionControl } from './action';

/**
 * Continues the call in another task of the same inbound call flow (given as the Task or its id): Architect's
 * "Jump to Reusable Task". Control does not come back: the target task ends the call or moves it on.
 */
export class JumpToTask extends ActionBase {
  readonly kind = 'jumpToTask';
  constructor(
    id: string,
    readonly target: Task | string,
  ) {
    super(id);
  }
  override control(): ActionControl {
    return 'terminal';
  }
}

declare module './action' {
  interface ActionsByKind {
    jumpToTask: JumpToTask;
  }
}
