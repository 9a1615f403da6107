import { DataType } from '../data-type';
import { Expression } from '../expression';
import { Variable } from '../variable';
import { ActionBase } from './action';

/** One `variable = value` statement of an UpdateData action. */
export interface Assignment<T extends DataType = DataType> {
  readonly variable: Variable<T>;
  readonly value: Expression<T>;
}

/** Typed helper: `assign(attempts, Expr.plus(attempts.ref(), 1))`. */
export function assign<T extends DataType>(variable: Variable<T>, value: Expression<T>): Assignment<T> {
  return { variable, value };
}

/** Sets variables from expressions (Architect's Update Data). */
export class UpdateData extends ActionBase {
  readonly kind = 'updateData';
  constructor(
    id: string,
    readonly assignments: readonly Assignment[],
  ) {
    super(id);
  }

  override reads() {
    return this.assignments.map((a) => ({ what: `value of ${a.variable.name}`, expression: a.value, expected: a.variable.type }));
  }

  override writes() {
    // The value's type is checked once, as a read against the variable's type.
    return this.assignments.map((a) => ({ what: 'statement', variable: a.variable, valueType: a.variable.type }));
  }
}

declare module './action' {
  interface ActionsByKind {
    updateData: UpdateData;
  }
}
