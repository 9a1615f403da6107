import { DataType } from './data-type';
import { invalid } from './errors';
import { TypedVariableName } from './typed-variable-name';

/** Architect functions the expression builder offers; each has a documented Architect meaning. */
export type FunctionName = 'Len' | 'ToInt' | 'ToString' | 'IsSet' | 'IsNotSetOrEmpty' | 'Append' | 'Right';
export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOperator = '+' | '-';

/**
 * The typed syntax tree of an expression. Kept as plain data so that validation, the YAML emitter and
 * an evaluator can all walk it; `raw` is the explicit escape hatch for Architect text we do not model.
 */
export type ExpressionNode =
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'variable'; readonly variable: TypedVariableName }
  | { readonly kind: 'builtin'; readonly name: string }
  | { readonly kind: 'compare'; readonly op: CompareOperator; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'logical'; readonly op: 'and' | 'or'; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'not'; readonly operand: Expression }
  | { readonly kind: 'arithmetic'; readonly op: ArithmeticOperator; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly Expression[] }
  | { readonly kind: 'raw'; readonly text: string };

/** A typed Architect expression. Build with `Expr`, `Variable.ref()`, `Builtin` and the methods below. */
export class Expression<T extends DataType = DataType> {
  constructor(
    readonly type: T,
    readonly node: ExpressionNode,
  ) {}

  equals(other: Expression<T> | LiteralOf<T>): Expression<'boolean'> {
    return this.compare('==', other);
  }
  notEquals(other: Expression<T> | LiteralOf<T>): Expression<'boolean'> {
    return this.compare('!=', other);
  }
  lessThan(other: Expression<T> | LiteralOf<T>): Expression<'boolean'> {
    return this.compare('<', other);
  }
  lessThanOrEqual(other: Expression<T> | LiteralOf<T>): Expression<'boolean'> {
    return this.compare('<=', other);
  }
  greaterThan(other: Expression<T> | LiteralOf<T>): Expression<'boolean'> {
    return this.compare('>', other);
  }
  greaterThanOrEqual(other: Expression<T> | LiteralOf<T>): Expression<'boolean'> {
    return this.compare('>=', other);
  }

  private compare(op: CompareOperator, other: Expression<T> | LiteralOf<T>): Expression<'boolean'> {
    return new Expression('boolean', { kind: 'compare', op, left: this, right: toExpression(this.type, other) });
  }

  /** This expression and every expression inside it, outermost first. */
  subexpressions(): Expression[] {
    const found: Expression[] = [];
    walk(this, (e) => found.push(e));
    return found;
  }

  /** Variables this expression reads (for declaration checks). */
  variables(): TypedVariableName[] {
    return this.subexpressions().flatMap((e) => (e.node.kind === 'variable' ? [e.node.variable] : []));
  }

  /** True when the expression contains a raw (unmodelled) part. */
  hasRaw(): boolean {
    return this.subexpressions().some((e) => e.node.kind === 'raw');
  }

  /** Architect expression text. */
  render(): string {
    return renderNode(this.node, this.type);
  }
}

export type LiteralOf<T extends DataType> = T extends 'string' ? string : T extends 'boolean' ? boolean : number;

function toExpression<T extends DataType>(type: T, value: Expression<T> | LiteralOf<T>): Expression<T> {
  if (value instanceof Expression) return value;
  if (typeof value === 'number') checkNumber('literal', value, type === 'integer');
  return literal(type, value as string | number | boolean);
}

/** Architect number literals: finite, written without exponent; integers whole and safe. */
function checkNumber(where: string, value: number, integer: boolean): number {
  const ok = Number.isFinite(value) && !/e/i.test(String(value)) && (!integer || Number.isSafeInteger(value));
  if (!ok)
    throw invalid(
      'GC1016',
      where,
      integer ? 'not a whole number Architect can write' : 'not a finite number Architect can write without an exponent',
      value,
      'use a plain number such as 3 or 2.5',
    );
  return value;
}

function literal<T extends DataType>(type: T, value: string | number | boolean): Expression<T> {
  return new Expression(type, { kind: 'literal', value });
}

function walk(e: Expression, visit: (e: Expression) => void): void {
  visit(e);
  const n = e.node;
  switch (n.kind) {
    case 'compare':
    case 'logical':
    case 'arithmetic':
      walk(n.left, visit);
      walk(n.right, visit);
      break;
    case 'not':
      walk(n.operand, visit);
      break;
    case 'call':
      n.args.forEach((a) => walk(a, visit));
      break;
    default:
      break;
  }
}

/** Architect string literal: backslash escapes `"` and `\` (Architect's documented escape sequence). */
export function stringLiteral(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function renderOperand(e: Expression): string {
  const k = e.node.kind;
  const text = e.render();
  return k === 'compare' || k === 'logical' || k === 'arithmetic' || k === 'raw' ? `(${text})` : text;
}

function renderNode(n: ExpressionNode, type: DataType): string {
  switch (n.kind) {
    case 'literal':
      if (type === 'string') return stringLiteral(String(n.value));
      if (type === 'boolean') return n.value ? 'true' : 'false';
      return String(n.value);
    case 'variable':
      return n.variable.name;
    case 'builtin':
      return n.name;
    case 'compare':
    case 'logical':
    case 'arithmetic':
      return `${renderOperand(n.left)} ${n.op} ${renderOperand(n.right)}`;
    case 'not':
      return `not ${renderOperand(n.operand)}`;
    case 'call':
      return `${n.fn}(${n.args.map((a) => a.render()).join(', ')})`;
    case 'raw':
      return n.text;
  }
}

/** Builders for literals, logic and the supported Architect functions. */
export const Expr = {
  string: (value: string): Expression<'string'> => literal('string', value),
  integer: (value: number): Expression<'integer'> => literal('integer', checkNumber('Expr.integer', value, true)),
  decimal: (value: number): Expression<'decimal'> => literal('decimal', checkNumber('Expr.decimal', value, false)),
  boolean: (value: boolean): Expression<'boolean'> => literal('boolean', value),
  and: (...parts: Expression<'boolean'>[]): Expression<'boolean'> => chain('and', parts),
  or: (...parts: Expression<'boolean'>[]): Expression<'boolean'> => chain('or', parts),
  not: (operand: Expression<'boolean'>): Expression<'boolean'> => new Expression('boolean', { kind: 'not', operand }),
  plus: (left: Expression<'integer'>, right: Expression<'integer'> | number): Expression<'integer'> =>
    new Expression('integer', { kind: 'arithmetic', op: '+', left, right: toExpression('integer', right) }),
  minus: (left: Expression<'integer'>, right: Expression<'integer'> | number): Expression<'integer'> =>
    new Expression('integer', { kind: 'arithmetic', op: '-', left, right: toExpression('integer', right) }),
  /** Number of characters of a string. */
  len: (s: Expression<'string'>): Expression<'integer'> => call('integer', 'Len', [s]),
  /** Converts a string of digits to an integer (Architect fails the expression on non-numeric text). */
  toInt: (s: Expression<'string'>): Expression<'integer'> => call('integer', 'ToInt', [s]),
  toString: (v: Expression): Expression<'string'> => call('string', 'ToString', [v]),
  /** True when the value has been set (is not NOT_SET). */
  isSet: (v: Expression): Expression<'boolean'> => call('boolean', 'IsSet', [v]),
  /** True when the string is NOT_SET or empty. */
  isNotSetOrEmpty: (s: Expression<'string'>): Expression<'boolean'> => call('boolean', 'IsNotSetOrEmpty', [s]),
  append: (...parts: Expression<'string'>[]): Expression<'string'> => call('string', 'Append', parts),
  /** The last `count` characters of a string. */
  right: (s: Expression<'string'>, count: Expression<'integer'> | number): Expression<'string'> =>
    call('string', 'Right', [s, toExpression('integer', count)]),
  /**
   * Escape hatch: Architect expression text passed through as written. It is not type-checked beyond the
   * declared type and cannot be evaluated by tools that run flows; prefer the typed builders.
   */
  raw: <T extends DataType>(type: T, text: string): Expression<T> => new Expression(type, { kind: 'raw', text }),
};

function call<T extends DataType>(type: T, fn: FunctionName, args: Expression[]): Expression<T> {
  return new Expression(type, { kind: 'call', fn, args });
}

function chain(op: 'and' | 'or', parts: Expression<'boolean'>[]): Expression<'boolean'> {
  if (parts.length === 0) throw new Error(`Expr.${op} needs at least one operand`);
  return parts.reduce((left, right) => new Expression('boolean', { kind: 'logical', op, left, right }));
}

/** Call data Architect provides in every inbound call flow (no declaration needed). */
export const Builtin = {
  /** The caller's number. */
  callAni: new Expression('string', { kind: 'builtin', name: 'Call.Ani' }),
  /** The number that was dialled (DNIS). */
  calledAddress: new Expression('string', { kind: 'builtin', name: 'Call.CalledAddress' }),
};
