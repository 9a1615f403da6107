/**
 * Stable error codes of the constructs (GC2xxx) and the environment config (GC3xxx). Flow-language
 * codes (GC1xxx) live in flow/errors.ts.
 */
export const CONSTRUCT_ERROR_CODES = {
  GC2001: 'invalid E.164 number',
  GC2002: 'schedule group needs open and closed hours flows',
  GC2003: 'DNIS number outside the DID pool',
  GC2004: 'invalid queue name',
  GC2005: 'shared-flow outcome has no route',
  GC2006: 'flow name clash in one stack',
  GC2007: 'invalid IVR definition',
  GC2008: 'build output missing',
  GC2009: 'flow check without flows',
} as const;

export type ConstructErrorCode = keyof typeof CONSTRUCT_ERROR_CODES;

/** An error raised while building constructs: code, construct path, bad value, fix. */
export class ConstructError extends Error {
  constructor(
    readonly code: ConstructErrorCode,
    readonly path: string,
    readonly detail: string,
    readonly value: unknown,
    readonly fix: string,
  ) {
    super(`${code} [${path}] ${detail} (value: ${JSON.stringify(value)}). Fix: ${fix}`);
    this.name = 'ConstructError';
  }
}
