import { Expression } from '../expression';
import { Variable } from '../variable';

/** A nested list of actions an action runs in one of its outcomes (e.g. a decision's `yes`). */
export interface Branch {
  /** Label used in paths and YAML outputs, e.g. `yes`, `success`, `outcome success`. */
  readonly label: string;
  readonly actions: readonly Action[];
}

/** How control leaves an action when it does not continue with the next action in its list. */
export type ActionControl =
  /** Continues with the next action (after any branch that falls through). */
  | 'continues'
  /** Ends the interaction or the flow: disconnect, jump, end of a shared flow. */
  | 'terminal'
  /** Ends the current loop iteration or the loop: `loopNext` / `loopExit`. */
  | 'loopControl';

/**
 * One Architect action. `id` is unique in its flow, names the action in Architect and in errors, and
 * must be free of `[ ] # ~ /`. Subclasses describe themselves as data; YAML is written by the emitter.
 */
export abstract class Action {
  abstract readonly kind: string;

  constructor(readonly id: string) {}

  /** Nested action lists, in YAML order. */
  branches(): Branch[] {
    return [];
  }

  /** How control leaves this action once its branches are accounted for. */
  control(): ActionControl {
    return 'continues';
  }

  /** Expressions the action evaluates, with the type each must have. */
  reads(): Array<{ what: string; expression: Expression; expected?: Expression['type'] }> {
    return [];
  }

  /** Variables the action writes, with the type the written value has. */
  writes(): Array<{ what: string; variable: Variable; valueType: Variable['type'] }> {
    return [];
  }
}
