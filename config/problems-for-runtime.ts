/**
 * The shared problem module for runtime/genesys, whose errors are ProblemErrors like every other area's:
 * the layering lets it import config only (__tests__/import-directions.test.ts). Re-exports only.
 */
export { ProblemError } from '../flow/problems';
export type { RuntimeErrorCode } from '../flow/problem-codes';
