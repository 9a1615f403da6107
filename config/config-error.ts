import { CONFIG_ERROR_CODES, ConfigErrorCode } from '../flow/problem-codes';
import { Problem } from '../flow/problems';

export { CONFIG_ERROR_CODES };
export type { ConfigErrorCode };
// Configuration problems are reported, printed and thrown like every other area's (describeValue was
// config's before it was shared).
export { ProblemError, describeValue, formatProblem } from '../flow/problems';
export type { Problem } from '../flow/problems';

/** What configuration errors say they checked (`N problem(s) in environment configuration:`). */
export const ENVIRONMENT_CONFIGURATION = 'environment configuration';

/** One problem in the configuration; its path is the location in it, e.g. `environments[dev].ivrs.sales.dnis[0]`. */
export type ConfigProblem = Problem<ConfigErrorCode>;
