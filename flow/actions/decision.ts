import { Expression } from '../expression';
import { Action, ActionBase, Branch } from './action';

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
    this.condition = props.condition;
    this.yes = props.yes;
    this.no = props.no;
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
