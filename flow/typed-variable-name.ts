import { DataType } from './data-type';

/**
 * A variable as an expression reads it: its full name and its type. `Variable` implements it; expressions
 * refer to this instead of `Variable`, which builds expressions (`ref()`), so the two modules need not
 * import each other.
 */
export interface TypedVariableName<T extends DataType = DataType> {
  /** Full Architect name, e.g. `Flow.Pin`. */
  readonly name: string;
  readonly type: T;
}
