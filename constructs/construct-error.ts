import { CONSTRUCT_ERROR_CODES, ConstructErrorCode, ProblemError } from '../flow';

export { CONSTRUCT_ERROR_CODES };
export type { ConstructErrorCode };

/**
 * @deprecated Collect the construct's problems and throw them together as one {@link ProblemError}
 * (catch that). This only keeps `new ConstructError(code, path, detail, value, fix)` compiling where a
 * construct still throws at its first problem; its fields repeat that one problem.
 */
export class ConstructError extends ProblemError {
  constructor(
    readonly code: ConstructErrorCode,
    readonly path: string,
    readonly detail: string,
    readonly value: unknown,
    readonly fix: string,
  ) {
    super([{ code, path, message: detail, value, fix }]);
  }
}
