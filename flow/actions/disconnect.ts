import { ActionBase, ActionControl } from './action';

/** Ends the call. */
export class Disconnect extends ActionBase {
  readonly kind = 'disconnect';
  override control(): ActionControl {
    return 'terminal';
  }
}

declare module './action' {
  interface ActionsByKind {
    disconnect: Disconnect;
  }
}
