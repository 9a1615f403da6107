import { Expression } from '../expression';
import { propsOf } from '../arguments';
import { Action, ActionBase, Branch } from './action';
import { requireActions } from './action-lists';

export interface DecisionProps {
  readonly condition: Expression<'boolean'>;
  readonly yes: readonly Action[];
  readonly no: readonly Action[];
}

/** Branches on a boolean expression; control continues after it unless both branches end. */
export class Decision extends ActionBase {
  readonly kind = 'decision';
  readonly condition: Expression<'boolean'>;
  readonly yes: readonly Action[];
  readonly no: readonly Action[];

  constructor(id: string, props: DecisionProps) {
    super(id);
    const at = `Decision ${id}`;
    const p = propsOf(props, at);
    this.condition = p.condition!;
    this.yes = requireActions(p.yes, at, 'yes', 'pass the actions run when the condition is true (an empty list for none)');
    this.no = requireActions(p.no, at, 'no', 'pass the actions run when the condition is false (an empty list for none)');
  }

  override branches(): Branch[] {
    return [
      { label: 'yes', actions: this.yes },
      { label: 'no', actions: this.no },
    ];
  }

  override reads() {
    return [{ what: 'condition', expression: this.condition, expected: 'boolean' as const }];
  }
}

declare module './action' {
  interface ActionsByKind {
    decision: Decision;
  }
}
