import { OUTCOME_OUTPUT } from '../shared-flow-interface';
import { Variable } from '../variable';
import { ActionBase } from './action';

/**
 * Sets the outcome a shared flow returns, without ending it: the module goes on, and a later
 * `EndSharedFlow()` returns it. Every path to a bare `EndSharedFlow()` must pass one (GC1012): set a
 * default at the start of the module and override it in branches. The form real module exports show
 * (`updateData` of the outcome, one trailing `endTask`).
 */
export class SetOutcome extends ActionBase {
  readonly kind = 'setOutcome';
  constructor(
    id: string,
    readonly outcome: string,
  ) {
    super(id);
  }
}

declare module './action' {
  interface ActionsByKind {
    setOutcome: SetOutcome;
  }
}

/** The `Common.` output a shared flow returns its outcome in, for conditions such as `outcome == "success"`. */
export function sharedFlowOutcome(): Variable<'string'> {
  return Variable.string(`Common.${OUTCOME_OUTPUT}`);
}
