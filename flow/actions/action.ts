import { requireString } from '../arguments';
import { Expression } from '../expression';
import { Variable } from '../variable';

/**
 * Every action class, by its `kind`. Each action's own file adds its entry (declaration merging), so this
 * module imports none of them (no import cycle) and yet `Action` is exactly the set of action classes:
 * a new one is part of the union, and every handler table (`ActionHandlers`) misses it until it is handled.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the action files
export interface ActionsByKind {}

/** The `kind` of an action, e.g. `playAudio`. */
export type ActionKind = keyof ActionsByKind;

/** One Architect action: the closed union of the action classes, discriminated by `kind`. */
export type Action = ActionsByKind[ActionKind];

/** The action class whose `kind` is `K`. */
export type ActionOfKind<K extends ActionKind> = Extract<Action, { readonly kind: K }>;

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
 * What every action class shares. `id` is unique in its flow, names the action in Architect and in
 * errors, and must be free of `[ ] # ~ /`. Subclasses describe themselves as data; YAML is written by
 * the emitter. A subclass registers itself in `ActionsByKind` under its `kind`.
 */
export abstract class ActionBase {
  abstract readonly kind: ActionKind;

  readonly id: string;

  constructor(id: string) {
    // Checked once for every kind: validation reads the id as text (a JavaScript caller may leave it out).
    this.id = requireString(id, new.target.name, 'the action id', `give the ${new.target.name} an id, e.g. new ${new.target.name}('Step 1', ...)`);
  }

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

  /**
   * What outside the flow the action names (data actions, data tables, other flows). A construct among
   * them is a Terraform dependency of the flow resource (its `dependable`).
   */
  references(): readonly object[] {
    return [];
  }

  /** Variables the action writes, with the type the written value has. */
  writes(): Array<{ what: string; variable: Variable; valueType: Variable['type'] }> {
    return [];
  }
}

/** Visits each action of `actions` and of their branches, depth first, in YAML order. */
export function forEachActionIn(actions: readonly Action[], visit: (action: Action) => void): void {
  for (const a of actions) {
    visit(a);
    for (const b of a.branches()) forEachActionIn(b.actions, visit);
  }
}
