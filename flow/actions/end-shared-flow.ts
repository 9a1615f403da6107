import { Action, ActionControl } from './action';

/**
 * Ends a shared flow. A common module has no exits of its own: its outcome is returned in an output
 * variable the caller branches on. With an outcome, it sets that outcome and ends; without one, it ends
 * with the outcome an earlier `SetOutcome` set. Real module exports show the end (`endTask`) only as the
 * last action of the module, so prefer `SetOutcome` inside branches and one trailing `EndSharedFlow()`.
 */
export class EndSharedFlow extends Action {
  readonly kind = 'endSharedFlow';
  constructor(
    id: string,
    /** @default - the outcome set by an earlier SetOutcome */
    readonly outcome?: string,
  ) {
    super(id);
  }
  override control(): ActionControl {
    return 'terminal';
  }
}
