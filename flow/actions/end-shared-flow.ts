import { Action, ActionControl } from './action';

/**
 * Ends a shared flow with one of its declared outcomes. A common module has no exits of its own, so
 * the outcome is returned in an output variable the caller branches on.
 */
export class EndSharedFlow extends Action {
  readonly kind = 'endSharedFlow';
  constructor(
    id: string,
    readonly outcome: string,
  ) {
    super(id);
  }
  override control(): ActionControl {
    return 'terminal';
  }
}
