import { Expression } from '../expression';
import { Action, Branch } from './action';

export interface DecisionProps {
  readonly condition: Expression<'boolean'>;
  readonly yes: readonly Action[];
  readonly no: readonly Action[];
}

/** Branches on a boolean expression; control continues after it unless both branches end. */
export class Decision extends Action {
  readonly kind = 'decision';
  constructor(
    id: string,
    readonly props: DecisionProps,
  ) {
    super(id);
  }

  override branches(): Branch[] {
    return [
      { label: 'yes', actions: this.props.yes },
      { label: 'no', actions: this.props.no },
    ];
  }

  override reads() {
    return [{ what: 'condition', expression: this.props.condition, expected: 'boolean' as const }];
  }
}
