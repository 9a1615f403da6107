import { DataType } from './data-type';
import { Expression } from './expression';
import { TypedVariableName } from './typed-variable-name';

/** Variable scopes: `Flow.` in inbound call flows, `Common.` in shared flows (common modules), `Task.` in in-queue call flows. */
export type VariableScope = 'Flow' | 'Common' | 'Task';

/**
 * A typed Architect variable such as `Flow.Pin`. Declare it in a flow's `variables` (or as a shared
 * flow's input/output) before actions use it.
 */
export class Variable<T extends DataType = DataType> implements TypedVariableName<T> {
  static string(name: string): Variable<'string'> {
    return new Variable(name, 'string');
  }
  static integer(name: string): Variable<'integer'> {
    return new Variable(name, 'integer');
  }
  static decimal(name: string): Variable<'decimal'> {
    return new Variable(name, 'decimal');
  }
  static boolean(name: string): Variable<'boolean'> {
    return new Variable(name, 'boolean');
  }

  /** The part after the scope, e.g. `Pin` of `Flow.Pin`. */
  readonly localName: string;
  /** The scope prefix, or undefined when the name has none (reported by validation). */
  readonly scope: string | undefined;

  private constructor(
    /** Full Architect name, e.g. `Flow.Pin`. */
    readonly name: string,
    readonly type: T,
  ) {
    const dot = name.indexOf('.');
    this.scope = dot > 0 ? name.slice(0, dot) : undefined;
    this.localName = dot > 0 ? name.slice(dot + 1) : name;
  }

  /** The variable's value as an expression. */
  ref(): Expression<T> {
    return new Expression(this.type, { kind: 'variable', variable: this });
  }
}
