import { FLOW_ERROR_CODES, FlowErrorCode } from './problem-codes';
import { Problem, ProblemError } from './problems';

export { FLOW_ERROR_CODES };
export type { FlowErrorCode };

/** What flow-language errors say they checked (`N problem(s) in flow definition:`). */
export const FLOW_DEFINITION = 'flow definition';

/** One problem found in a flow definition; its path is the construct path plus the position inside the flow. */
export type FlowProblem = Problem<FlowErrorCode>;

/** Thrown by factories (e.g. `Digits.exactly(0)`) at the point where the bad value is written. */
export function invalid(code: FlowErrorCode, path: string, message: string, value: unknown, fix: string): ProblemError {
  return new ProblemError([{ code, path, message, value: String(value), fix }], FLOW_DEFINITION);
}

/**
 * The object an action names (a data action, a table, a flow), checked when the action is made: a
 * JavaScript caller that leaves it out gets GC1016 naming the action, not a TypeError later.
 */
export function requireTarget<T>(target: T | undefined, actionId: string, what: string, fix: string): T {
  if (typeof target !== 'object' || target === null) throw invalid('GC1016', actionId, `${what} is missing`, target, fix);
  return target;
}

/** A text field (a name): GC1016 when it is not a string. Its content is checked by validation. */
export function requireString(value: unknown, path: string, what: string, fix: string): string {
  if (typeof value !== 'string') throw invalid('GC1016', path, `${what} is ${value === undefined ? 'missing' : 'not a string'}`, value, fix);
  return value;
}

/** An optional text field. */
export function optionalString(value: unknown, path: string, what: string, fix: string): string | undefined {
  return value === undefined ? undefined : requireString(value, path, what, fix);
}
