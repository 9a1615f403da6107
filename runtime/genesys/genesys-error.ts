/** Stable codes of the runtime (Genesys client, handlers). */
export const RUNTIME_ERROR_CODES = {
  GC4001: 'credentials missing',
  GC4002: 'invalid connection setting',
  GC4003: 'Genesys API call failed',
  GC4004: 'retries exhausted or time budget spent',
  GC4005: 'authentication failed',
  GC4006: 'answer is not what the Genesys API contract promises',
} as const;

export type RuntimeErrorCode = keyof typeof RUNTIME_ERROR_CODES;

/** An error of the runtime: code, where, bad value, fix. Never carries tokens, secrets or headers. */
export class GenesysError extends Error {
  constructor(
    readonly code: RuntimeErrorCode,
    readonly where: string,
    readonly detail: string,
    readonly value: unknown,
    readonly fix: string,
    /** HTTP status of the failed call, when there was one. */
    readonly status?: number,
  ) {
    super(`${code} [${where}] ${detail}${value === undefined ? '' : ` (value: ${JSON.stringify(value)})`}. Fix: ${fix}`);
    this.name = 'GenesysError';
  }
}

/**
 * Drops anything that looks like credentials from a free-text message: bearer/basic tokens, token or
 * secret fields (JSON or query string) and the query string of URLs (presigned URLs carry signatures).
 */
export function sanitize(text: string, max = 300): string {
  return text
    .replace(/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]')
    .replace(/((?:access_token|refresh_token|id_token|client_secret|password|secret|token|signature|credential)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi, '$1[redacted]')
    .replace(/(https?:\/\/[^\s"'?#]+)\?[^\s"'#]*/gi, '$1?[redacted]')
    .slice(0, max);
}
