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
