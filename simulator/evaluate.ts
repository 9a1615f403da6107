import { Expression } from '../flow';

/** Runtime values; `undefined` is Architect's NOT_SET. */
export type Value = string | number | boolean | undefined;

/** Raised where the simulator cannot follow Architect exactly: it stops instead of guessing. */
export class SimulationStop extends Error {}

export interface EvaluationContext {
  variable(name: string): Value;
  builtin(name: string): Value;
}

function need<T extends Value>(value: Value, what: string): T {
  if (value === undefined) throw new SimulationStop(`${what} is NOT_SET (Architect fails the expression)`);
  return value as T;
}

/**
 * Evaluates a typed expression with Architect's documented semantics: NOT_SET operands fail the
 * expression; ToInt of non-numeric text fails; string equality that would depend on letter case stops
 * the simulation (Architect's case rules for it are not modelled); raw expressions are not evaluated.
 */
export function evaluate(e: Expression, ctx: EvaluationContext): Value {
  const n = e.node;
  switch (n.kind) {
    case 'literal':
      return n.value;
    case 'variable':
      return ctx.variable(n.variable.name);
    case 'builtin':
      return ctx.builtin(n.name);
    case 'raw':
      throw new SimulationStop(`raw expression '${n.text}' cannot be evaluated (Expr.raw is an escape hatch)`);
    case 'not':
      return !need<boolean>(evaluate(n.operand, ctx), e.render());
    case 'logical': {
      const left = need<boolean>(evaluate(n.left, ctx), n.left.render());
      return n.op === 'and'
        ? left && need<boolean>(evaluate(n.right, ctx), n.right.render())
        : left || need<boolean>(evaluate(n.right, ctx), n.right.render());
    }
    case 'arithmetic': {
      const l = need<number>(evaluate(n.left, ctx), n.left.render());
      const r = need<number>(evaluate(n.right, ctx), n.right.render());
      return n.op === '+' ? l + r : l - r;
    }
    case 'compare': {
      const l = need<string | number | boolean>(evaluate(n.left, ctx), n.left.render());
      const r = need<string | number | boolean>(evaluate(n.right, ctx), n.right.render());
      if (typeof l === 'string' && typeof r === 'string' && l !== r && l.toLowerCase() === r.toLowerCase()) {
        throw new SimulationStop(`'${e.render()}' compares strings that differ only in letter case; Architect's case rules are not modelled`);
      }
      switch (n.op) {
        case '==':
          return l === r;
        case '!=':
          return l !== r;
        case '<':
          return l < r;
        case '<=':
          return l <= r;
        case '>':
          return l > r;
        case '>=':
          return l >= r;
      }
      break;
    }
    case 'call': {
      const args = n.args.map((a) => evaluate(a, ctx));
      switch (n.fn) {
        case 'IsSet':
          return args[0] !== undefined;
        case 'IsNotSetOrEmpty':
          return args[0] === undefined || args[0] === '';
        case 'Len':
          return need<string>(args[0], n.args[0].render()).length;
        case 'ToString':
          return String(need(args[0], n.args[0].render()));
        case 'ToInt': {
          const text = need<string>(args[0], n.args[0].render()).trim();
          if (!/^[+-]?\d+$/.test(text)) throw new SimulationStop(`ToInt("${text}") fails: not an integer`);
          return Number.parseInt(text, 10);
        }
        case 'Append':
          return args.map((a, i) => need<string>(a, n.args[i].render())).join('');
        case 'Right': {
          const s = need<string>(args[0], n.args[0].render());
          const count = need<number>(args[1], n.args[1].render());
          return count <= 0 ? '' : s.slice(-count);
        }
      }
    }
  }
  throw new SimulationStop(`cannot evaluate '${e.render()}'`);
}
