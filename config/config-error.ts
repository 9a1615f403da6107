/** Stable codes of environment-config problems. */
export const CONFIG_ERROR_CODES = {
  GC3001: 'unknown region',
  GC3002: 'invalid phone number',
  GC3003: 'invalid name',
  GC3004: 'invalid backend',
  GC3005: 'invalid PIN settings',
  GC3006: 'duplicate environment or number',
  GC3007: 'invalid business hours',
} as const;

export type ConfigErrorCode = keyof typeof CONFIG_ERROR_CODES;

export interface ConfigProblem {
  readonly code: ConfigErrorCode;
  /** Location in the config, e.g. `environments[dev].ivrs.sales.dnis[0]`. */
  readonly path: string;
  readonly message: string;
  readonly value: unknown;
  readonly fix: string;
}

export function formatConfigProblem(p: ConfigProblem): string {
  return `${p.code} [${p.path}] ${p.message} (value: ${JSON.stringify(p.value)}). Fix: ${p.fix}`;
}

/** Every problem in the configuration, thrown together before any stack is built. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`${problems.length} problem(s) in environment configuration:\n` + problems.map((p) => '  ' + formatConfigProblem(p)).join('\n'));
    this.name = 'ConfigValidationError';
  }
}
