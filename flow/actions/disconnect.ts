import { Action, ActionControl } from './action';

/** Ends the call. */
export class Disconnect extends Action {
  readonly kind = 'disconnect';
  override control(): ActionControl {
    return 'terminal';
  }
}
