import { Expression } from '../expression';
import { Action, ActionBase, Branch } from './action';

/** One case of a {@link Switch}: its actions run when its condition is the first true one. */
export interface SwitchCase {
  readonly condition: Expression<'boolean'>;
  readonly actions: readonly Action[];
}

export interface SwitchProps {
  /** Evaluated in order; the first true one runs its actions (at least one case). */
  readonly cases: readonly SwitchCase[];
  /** Runs when no case is true. */
  readonly default: readonly Action[];
}

/**
 * Runs the actions of the first case whose condition is true, else the default; control continues
 * after it unless every case and the default end.
 */
export class Switch extends ActionBase {
  readonly kind = 'switch';
  readonly cases: readonly SwitchCase[];
  readonly default: readonly Action[];

  constructor(id: string, props: SwitchProps) {
    super(id);
    this.cases = props.cases;
    this.default = props.default;
  }

  /** Label of the case at `index` (0-based) in paths and transcripts: `case 1`, `case 2`, ... */
  static caseLabel(index: number): string {
    return `case ${index + 1}`;
  }

  override branches(): Branch[] {
    return [...this.cases.map((c, i) => ({ label: Switch.caseLabel(i), actions: c.actions })), { label: 'default', actions: this.default }];
  }

  override reads() {
    return this.cases.map((c, i) => ({ what: `${Switch.caseLabel(i)} condition`, expression: c.condition, expected: 'boolean' as const }));
  }
}

declare module './action' {
  interface ActionsByKind {
    switch: Switch;
  }
}
