/**
 * Stable error codes of the flow language. Codes never change meaning; new rules get new codes.
 * Each entry says what went wrong and how to fix it, so messages stay consistent.
 */
export const FLOW_ERROR_CODES = {
  GC1001: 'invalid identifier',
  GC1002: 'duplicate identifier',
  GC1003: 'unresolved reference',
  GC1004: 'unreachable node',
  GC1005: 'path does not end in a terminal action',
  GC1006: 'variable not declared',
  GC1007: 'variable in the wrong scope',
  GC1008: 'type mismatch',
  GC1009: 'required shared-flow input not provided',
  GC1010: 'unknown shared-flow input',
  GC1011: 'unknown shared-flow output',
  GC1012: 'shared-flow outcome not handled or unknown',
  GC1013: 'shared flow calls another shared flow',
  GC1014: 'invalid name',
  GC1015: 'loop control outside a loop',
  GC1016: 'invalid value',
  GC1017: 'action not allowed in this flow type',
  GC1018: 'shared flow not compatible with the calling flow type',
} as const;

export type FlowErrorCode = keyof typeof FLOW_ERROR_CODES;

/** One problem found in a flow definition: code, where, the bad value and the fix. */
export interface FlowProblem {
  readonly code: FlowErrorCode;
  /** Construct path plus the position inside the flow, e.g. `dev/PinAuth > startUp > Collect PIN`. */
  readonly path: string;
  readonly message: string;
  readonly value?: string;
  readonly fix: string;
}

export function formatProblem(p: FlowProblem): string {
  const value = p.value === undefined ? '' : ` (value: ${JSON.stringify(p.value)})`;
  return `${p.code} [${p.path}] ${p.message}${value}. Fix: ${p.fix}`;
}

/** Thrown when a definition breaks one or more rules; carries every problem found, not just the first. */
export class FlowValidationError extends Error {
  constructor(readonly problems: readonly FlowProblem[]) {
    super(`${problems.length} problem(s) in flow definition:\n` + problems.map((p) => '  ' + formatProblem(p)).join('\n'));
    this.name = 'FlowValidationError';
  }
}

/** Thrown by factories (e.g. `Digits.exactly(0)`) at the point where the bad value is written. */
export function invalid(code: FlowErrorCode, path: string, message: string, value: unknown, fix: string): FlowValidationError {
  return new FlowValidationError([{ code, path, message, value: String(value), fix }]);
}
