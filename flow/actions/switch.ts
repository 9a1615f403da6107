import { propsOf, requireExpression, requireList, requireRecord } from '../arguments';
import { Expression } from '../expression';
import { Action, ActionBase, Branch } from './action';
import { requireActions } from './action-lists';

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
    const at = `Switch ${id}`;
    const p = propsOf(props, at);
    const cases = requireList(p.cases, at, 'cases', 'pass a list of { condition, actions } cases');
    this.cases = cases.map((c, i) => {
      const caseAt = `${at} > ${Switch.caseLabel(i)}`;
      const fix = 'write the case as { condition: Expr.boolean(...), actions: [...] }';
      const { condition, actions } = requireRecord(c, caseAt, 'the case', fix);
      return {
        condition: requireExpression(condition, caseAt, 'condition', fix),
        actions: requireActions(actions, caseAt, 'actions', 'pass the actions the case runs (an empty list for none)'),
      };
    });
    this.default = requireActions(p.default, at, 'default', 'pass the actions run when no case is true (an empty list for none)');
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
