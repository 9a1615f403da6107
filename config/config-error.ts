/** Stable codes of environment-config problems. */
export const CONFIG_ERROR_CODES = {
  GC3001: 'unknown region',
  GC3002: 'invalid phone number',
  GC3003: 'invalid name',
  GC3004: 'invalid backend',
  GC3005: 'invalid PIN settings',
  GC3006: 'duplicate environment, number, queue or DID pool',
  GC3007: 'invalid business hours',
  GC3008: 'invalid configuration structure',
  GC3009: 'no environment to synthesize',
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

const MAX_VALUE_LENGTH = 200;

/**
 * A config value as it appears in a problem: JSON where JSON can say it (so control characters, quotes
 * and lone surrogates are escaped; line separators, bidirectional controls and invisible characters
 * such as U+200B too), shortened when long, on one line; never throws (bigint, cycles, symbols).
 */
export function describeValue(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'symbol' ? v.toString() : v));
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    if (value === undefined) text = 'undefined';
    else if (typeof value === 'symbol') text = value.toString();
    else if (typeof value === 'function') text = 'a function';
    else text = Object.prototype.toString.call(value);
  }
  // JSON leaves these as they are; in a message they would break the line, reorder what is shown, or
  // not show at all (invisible characters: the value would look like a valid one).
  text = text.replace(
    /[\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (text.length <= MAX_VALUE_LENGTH) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[MAX_VALUE_LENGTH - 1]) ? MAX_VALUE_LENGTH - 1 : MAX_VALUE_LENGTH; // never half a pair
  return `${text.slice(0, cut)}… (${text.length} characters)`;
}

export function formatConfigProblem(p: ConfigProblem): string {
  return `${p.code} [${p.path}] ${p.message} (value: ${describeValue(p.value)}). Fix: ${p.fix}`;
}

/** Every problem in the configuration, thrown together before any stack is built. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`${problems.length} problem(s) in environment configuration:\n` + problems.map((p) => '  ' + formatConfigProblem(p)).join('\n'));
    this.name = 'ConfigValidationError';
  }
}
