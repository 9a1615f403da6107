/** Stable codes of the runtime (Genesys client, handlers). */
export const RUNTIME_ERROR_CODES = {
  GC4001: 'credentials missing',
  GC4002: 'invalid connection setting',
  GC4003: 'Genesys API call failed',
  GC4004: 'retries exhausted or time budget spent',
  GC4005: 'authentication failed',
  GC4006: 'answer is not what the Genesys API contract promises',
  GC4007: 'invalid handler setting',
} as const;

export type RuntimeErrorCode = keyof typeof RUNTIME_ERROR_CODES;

/** How texts name the OAuth client this deployment runs as (its id is never printed). */
export const OWN_CLIENT = "this deployment's OAuth client";

/**
 * Values of ours no text may carry: the OAuth client id (replaced by {@link OWN_CLIENT}) and secret
 * (replaced by `[redacted]`). Registered by the client at login; applied by `sanitize` and by every
 * `GenesysError`, so an excerpt of an API answer that names our client cannot print its id.
 */
const ownValues = new Map<string, string>();

/** Registers our OAuth client id and secret so that no message prints them. */
export function registerOwnCredentials(clientId: string, clientSecret: string): void {
  // Very short values would rewrite ordinary words; real client ids and secrets are long.
  if (clientId.length >= 8) ownValues.set(clientId, OWN_CLIENT);
  if (clientSecret.length >= 8) ownValues.set(clientSecret, '[redacted]');
}

/** The text with our registered client id and secret replaced (see {@link registerOwnCredentials}). */
export function withoutOwnCredentials(text: string): string {
  let out = text;
  // Longest first, so a value that contains another is replaced whole.
  for (const [value, replacement] of [...ownValues].sort((a, b) => b[0].length - a[0].length)) out = out.split(value).join(replacement);
  return out;
}

/** An error of the runtime: code, where, bad value, fix. Never carries tokens, secrets, our client id or headers. */
export class GenesysError extends Error {
  readonly detail: string;
  readonly value: unknown;

  constructor(
    readonly code: RuntimeErrorCode,
    readonly where: string,
    detail: string,
    value: unknown,
    readonly fix: string,
    /** HTTP status of the failed call, when there was one. */
    readonly status?: number,
  ) {
    const scrubbedDetail = withoutOwnCredentials(detail);
    const scrubbedValue = typeof value === 'string' ? withoutOwnCredentials(value) : value;
    const shown = scrubbedValue === undefined ? '' : ` (value: ${withoutOwnCredentials(JSON.stringify(scrubbedValue) ?? String(scrubbedValue))})`;
    super(`${code} [${withoutOwnCredentials(where)}] ${scrubbedDetail}${shown}. Fix: ${fix}`);
    this.name = 'GenesysError';
    this.detail = scrubbedDetail;
    this.value = scrubbedValue;
  }
}

/**
 * XML elements whose text is a credential or what one is derived from: storage error bodies (S3's
 * `SignatureDoesNotMatch` carries `AWSAccessKeyId`, `StringToSign`, `SignatureProvided`,
 * `CanonicalRequest`), STS-style `SecretAccessKey`/`SessionToken`. Matched case-insensitively anywhere
 * in the element name (with or without a namespace prefix); the text up to the next tag is replaced,
 * whether or not the closing tag follows (an excerpt may be cut inside the element). The parts of a
 * name before the keyword are bounded, so a long run of name characters cannot make the match quadratic.
 */
const SENSITIVE_XML_ELEMENT = /<((?:[A-Za-z_][\w.-]{0,63}:)?[\w.-]{0,64}(?:key|signature|token|credential|secret|stringtosign|canonicalrequest)[\w.-]*)(\s[^<>]*)?>[^<]*/gi;

/**
 * Drops anything that looks like credentials from a free-text message: bearer/basic tokens, token or
 * secret fields (JSON or query string), the text of XML elements named like credentials (storage error
 * bodies), the user:password@ of URLs, the query string of URLs (presigned URLs carry signatures) and
 * our own client id and secret.
 */
export function sanitize(text: string, max = 300): string {
  return withoutOwnCredentials(text)
    .replace(SENSITIVE_XML_ELEMENT, (match, name: string, attributes: string | undefined) => (attributes?.endsWith('/') ? match : `<${name}${attributes ?? ''}>[redacted]`))
    .replace(/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]')
    .replace(/((?:access_token|refresh_token|id_token|client_secret|password|secret|token|signature|credential)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi, '$1[redacted]')
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s"'/?#@]*@/gi, '$1[redacted]@')
    .replace(/(https?:\/\/[^\s"'?#]+)\?[^\s"'#]*/gi, '$1?[redacted]')
    .slice(0, max);
}

/** A URL as it may be printed: no user:password@, no query string (signatures), no fragment. */
export function printableUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?[redacted]' : ''}`;
  } catch {
    return sanitize(url, 200);
  }
}
