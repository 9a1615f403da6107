import { ActionBase, ActionControl } from './action';

/**
 * Ends a shared flow. A common module has no exits of its own: its outcome is returned in an output
 * variable the caller branches on. With an outcome, it sets that outcome and ends; without one, it ends
 * with the outcome an earlier `SetOutcome` set, which must have run on every path to it (validation
 * reports GC1012 otherwise; a `SetOutcome` inside a loop body does not count after the loop). Real module
 * exports show the end (`endTask`) only as the last action of the module, so start the module with a
 * default `SetOutcome`, set others inside branches, and end with one trailing `EndSharedFlow()`.
 */
export class EndSharedFlow extends ActionBase {
  readonly kind = 'endSharedFlow';
  constructor(
    id: string,
    /** @default - the outcome set by an earlier SetOutcome on every path to this action */
    readonly outcome?: string,
  ) {
    super(id);
  }
  override control(): ActionControl {
    return 'terminal';
  }
}

declare module './action' {
  interface ActionsByKind {
    endSharedFlow: EndSharedFlow;
  }
}
