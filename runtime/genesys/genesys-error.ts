import { RuntimeErrorCode } from '../../flow/problem-codes';
import { ProblemError } from '../../flow/problems';
import { mapStringsDeep } from './map-strings';

// The runtime's codes (GC4xxx, RUNTIME_ERROR_CODES) are in flow/problem-codes.ts with every other area's.
export type { RuntimeErrorCode };

/** How texts name the OAuth client this deployment runs as (its id is never printed). */
export const OWN_CLIENT = "this deployment's OAuth client";

/**
 * The one scrubber of the runtime. Every text that leaves it (error messages, job and operation
 * messages, storage answers, report lines, drift output) passes through {@link scrubKnownSecrets}; text
 * that came from a server or a thrown error also through {@link sanitize}, which adds the credential
 * shapes (bearer/basic tokens, token fields, URL passwords and queries, XML credential elements).
 *
 * Known values are our OAuth client id (replaced by {@link OWN_CLIENT}: it is never printed), its secret
 * and every access token the client has held (replaced by `[redacted]`). Each is matched in every form a
 * server may echo it in: as is; base64 and base64url (with or without padding, `id:secret` as in a Basic
 * header, also with its parts URL-encoded as RFC 6749 §2.3.1 asks); the base64 of the value inside a
 * longer base64 text (whatever its alignment); hex (either letter case); any of those with characters
 * percent-encoded (in either letter case, or twice), JSON-escaped (`\/`, `\u002b`) or, for a space,
 * form-encoded (`+`); and any of those broken across lines anywhere (MIME and PEM wrap base64 at 76 or 64
 * columns, logs fold long lines; the break as is or JSON-escaped, with any indentation after it: the text
 * is searched as it is and with its line breaks removed).
 *
 * Texts are scrubbed whole, before anything cuts them ({@link cutScrubbed}): a cut through a credential
 * leaves a piece no pattern recognizes.
 */
interface KnownValue {
  readonly value: string;
  readonly kind: 'client-id' | 'secret';
}

const knownValues = new Map<string, KnownValue>();
/** Rebuilt when a value is registered: [pattern, replacement], secrets first. */
let knownPatterns: Array<[RegExp, string]> = [];

/** Shortest client id replaced (shorter ones would rewrite ordinary words; real ids are UUIDs). */
const MIN_CLIENT_ID = 8;
/** Shortest secret or token scrubbed (real ones are 40+ characters). */
const MIN_SECRET = 4;
/** Shortest value whose base64 is also looked for inside longer base64 texts. */
const MIN_FOR_BASE64_CORES = 8;

const REDACTED = '[redacted]';
/** What a text that kept a credential through every pass is replaced by (see {@link scrubKnownSecrets}). */
const WITHHELD = '[text withheld: it contained credentials]';

/** Registers our OAuth client id and secret so that no message prints them, in any encoding. */
export function registerOwnCredentials(clientId: string, clientSecret: string): void {
  if (clientId.length >= MIN_CLIENT_ID) knownValues.set(`id:${clientId}`, { value: clientId, kind: 'client-id' });
  registerSecret(clientSecret);
  if (clientId && clientSecret) {
    // The Basic credentials as the SDKs send them (id:secret) and as RFC 6749 §2.3.1 asks (each part form-URL-encoded).
    registerSecret(`${clientId}:${clientSecret}`);
    registerSecret(`${formEncode(clientId)}:${formEncode(clientSecret)}`);
  }
}

/** Registers an access token the client holds (or held) so that no message prints it. */
export function registerAccessToken(token: string): void {
  registerSecret(token);
}

/** Forgets every registered value (tests that register many generated values). */
export function clearRegisteredSecrets(): void {
  knownValues.clear();
  knownPatterns = [];
}

function registerSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET || knownValues.has(`secret:${secret}`)) return;
  knownValues.set(`secret:${secret}`, { value: secret, kind: 'secret' });
  rebuildPatterns();
}

function rebuildPatterns(): void {
  const forms = (kind: KnownValue['kind']) => {
    const all = new Set<string>();
    for (const known of knownValues.values()) if (known.kind === kind) for (const form of encodedForms(known.value)) all.add(form);
    // Longest first: at one position the longest form wins (a whole Basic credential, not the id inside it).
    return [...all].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  };
  knownPatterns = [];
  for (const [kind, replacement] of [
    ['secret', REDACTED],
    ['client-id', OWN_CLIENT],
  ] as const) {
    const list = forms(kind);
    if (list.length > 0) knownPatterns.push([new RegExp(list.map(escapedFormPattern).join('|'), 'g'), replacement]);
  }
}

/**
 * The value as is, base64-encoded (whole, and the parts fixed by the value inside a longer base64 text)
 * and hex-encoded (which is the same inside a longer hex text).
 */
function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms = [value];
  const b64 = bytes.toString('base64');
  forms.push(b64, b64.replace(/=+$/, ''), bytes.toString('base64url'));
  if (value.length >= MIN_FOR_BASE64_CORES) {
    const hex = bytes.toString('hex');
    forms.push(hex, hex.toUpperCase());
    // Inside a longer base64 text the value starts at byte offset 0, 1 or 2 of a 3-byte group: the groups
    // made only of its bytes encode to the same characters whatever surrounds them.
    for (let skip = 0; skip < 3; skip++) {
      const whole = Math.floor((bytes.length - skip) / 3) * 3;
      if (whole < 6) continue;
      const core = bytes.subarray(skip, skip + whole);
      forms.push(core.toString('base64'), core.toString('base64url'));
    }
  }
  return [...new Set(forms.filter((f) => f.length > 0))];
}

/**
 * A regular expression source matching `form` with any of its characters (other than letters and
 * digits) percent-encoded (either letter case, or encoded twice), JSON-escaped, or a space as `+`.
 */
function escapedFormPattern(form: string): string {
  let out = '';
  for (const char of form) {
    if (/[A-Za-z0-9]/.test(char)) {
      out += char;
      continue;
    }
    // JSON escapes first: where both match, the escape is consumed whole (a JSON text stays valid).
    const alternatives: string[] = [];
    if (char === '/') alternatives.push('\\\\/');
    if (char === '"') alternatives.push('\\\\"');
    if (char === '\\') alternatives.push('\\\\\\\\');
    const shortEscape = JSON_SHORT_ESCAPES[char];
    if (shortEscape) alternatives.push(`\\\\${shortEscape}`);
    if (char.length === 1) alternatives.push(`\\\\u${hexPattern(char.charCodeAt(0).toString(16).padStart(4, '0'))}`);
    alternatives.push(char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
    const percent = [...Buffer.from(char, 'utf8')].map((b) => b.toString(16).toUpperCase().padStart(2, '0'));
    alternatives.push(percent.map((h) => `%${hexPattern(h)}`).join(''), percent.map((h) => `%25${hexPattern(h)}`).join(''));
    if (char === ' ') alternatives.push('\\+');
    out += `(?:${alternatives.join('|')})`;
  }
  return out;
}

/** JSON's two-character escapes of control characters. */
const JSON_SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': 'n', '\r': 'r', '\t': 't', '\b': 'b', '\f': 'f' };

/** A hex string matched in either letter case. */
function hexPattern(hex: string): string {
  return [...hex].map((h) => (/[a-fA-F]/.test(h) ? `[${h.toLowerCase()}${h.toUpperCase()}]` : h)).join('');
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * A line break, as is or JSON-escaped (`\r\n`, `\n`), and the indentation after it: MIME and PEM wrap
 * base64 at 76 or 64 columns, logs fold long lines. Registered values are also looked for in the text
 * with these removed ({@link folded}), so a value broken across lines anywhere is found too.
 */
const LINE_BREAK = /(?:\r\n?|\n|\\r(?:\\n)?|\\n)[ \t]*/g;

/**
 * The text without its line breaks (see {@link LINE_BREAK}), and where each of its characters is in the
 * text; undefined when the text has none.
 */
function folded(text: string): { text: string; at: number[] } | undefined {
  LINE_BREAK.lastIndex = 0;
  if (!LINE_BREAK.test(text)) return undefined;
  let out = '';
  const at: number[] = [];
  let from = 0;
  const keep = (end: number) => {
    for (let i = from; i < end; i++) at.push(i);
    out += text.slice(from, end);
  };
  LINE_BREAK.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = LINE_BREAK.exec(text)) !== null;) {
    keep(m.index);
    from = m.index + m[0].length;
  }
  keep(text.length);
  return { text: out, at };
}

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function containsKnownSecret(text: string): boolean {
  const flat = folded(text);
  return knownPatterns.some(([pattern]) => matches(pattern, text) || (flat !== undefined && matches(pattern, flat.text)));
}

/**
 * `text` with every match of `pattern` replaced: as the text is, then in the text without its line
 * breaks (a match there replaces the whole stretch of the text it spans, line breaks included).
 */
function replaceEverywhere(text: string, pattern: RegExp, replacement: string): string {
  const out = text.replace(pattern, replacement);
  const flat = folded(out);
  if (flat === undefined) return out;
  const spans: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = pattern.exec(flat.text)) !== null;) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    spans.push([flat.at[m.index], flat.at[m.index + m[0].length - 1] + 1]);
  }
  pattern.lastIndex = 0;
  let result = out;
  for (const [start, end] of spans.reverse()) result = `${result.slice(0, start)}${replacement}${result.slice(end)}`;
  return result;
}

/**
 * The text with every registered value (client id, secret, access tokens), in any of its encodings and
 * broken across lines or not, replaced. Should a text still carry one after three passes (only a value
 * built to look like the replacement texts could), the whole text is withheld.
 */
export function scrubKnownSecrets(text: string): string {
  let out = String(text);
  for (let pass = 0; pass < 3 && containsKnownSecret(out); pass++) {
    for (const [pattern, replacement] of knownPatterns) out = replaceEverywhere(out, pattern, replacement);
  }
  if (!containsKnownSecret(out)) return out;
  return containsKnownSecret(WITHHELD) ? '' : WITHHELD;
}

/**
 * A copy of `value` with {@link scrubKnownSecrets} applied to every string in it (report objects, before
 * they are formatted: a format that escapes characters could otherwise hide a value from the scrubber).
 */
export function scrubKnownSecretsDeep<T>(value: T): T {
  return mapStringsDeep(value, scrubKnownSecrets);
}

/** @deprecated the same as {@link scrubKnownSecrets} (which also removes access tokens and encoded forms). */
export const withoutOwnCredentials = scrubKnownSecrets;

/**
 * A failure of the runtime: a ProblemError with one problem (code, where, bad value, fix) and, for a
 * failed call, its HTTP status. Never carries tokens, secrets, our client id or headers: its texts are
 * scrubbed before they are formatted (a value cut to length could otherwise keep a piece of one), and
 * the message once more.
 */
export class GenesysError extends ProblemError {
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
    const scrubbedDetail = scrubKnownSecrets(detail);
    // Every string inside the value, before the formatter cuts it: a cut secret is no longer recognizable.
    const scrubbedValue = typeof value === 'string' ? scrubKnownSecrets(value) : scrubKnownSecretsDeep(value);
    // No value, no `(value: …)` in the line.
    const shown = scrubbedValue === undefined ? {} : { value: scrubbedValue };
    super([{ code, path: scrubKnownSecrets(where), message: scrubbedDetail, ...shown, fix: scrubKnownSecrets(fix) }]);
    this.message = scrubKnownSecrets(this.message);
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
const SENSITIVE_XML_ELEMENT =
  /<((?:[A-Za-z_][\w.-]{0,63}:)?[\w.-]{0,64}(?:key|signature|token|credential|secret|stringtosign|canonicalrequest)[\w.-]*)(\s[^<>]*)?>[^<]*/gi;

/**
 * `Bearer <token>` / `Basic <credentials>` with the token's characters as is, percent-encoded or
 * JSON-escaped (`\/`, `\u002b`: a header echoed inside a JSON text), however the scheme is separated
 * from it (blanks or a line break, `%20`, `+`).
 */
const BEARER_OR_BASIC = /(Bearer|Basic)(?:\s+|%20|\+)(?:[A-Za-z0-9._~+/=%-]|\\\/|\\u[0-9a-fA-F]{4})+/gi;

/**
 * A token or secret field (JSON or query string) and its value; a value that a line break splits (a
 * folded log line) loses its continuation too, up to the next blank or separator.
 */
const CREDENTIAL_FIELD =
  /((?:access_token|refresh_token|id_token|client_secret|password|secret|token|signature|credential)["']?\s*[:=]\s*["']?)[^"'&\s,}]+(?:(?:\r\n|\r|\n|\\r\\n|\\n)[^"'&\s,}:=]+)?/gi;

/**
 * Drops anything that looks like credentials from a free-text message (a server's answer, a thrown
 * error): every registered value in any encoding ({@link scrubKnownSecrets}), bearer/basic tokens (also
 * URL-encoded), JWTs, token or secret fields (JSON or query string), the text of XML elements named like
 * credentials (storage error bodies), the user:password@ of URLs and the query string of URLs (presigned
 * URLs carry signatures). At most `max` characters are kept.
 */
export function sanitize(text: string, max = 300): string {
  const shaped = scrubKnownSecrets(String(text))
    .replace(SENSITIVE_XML_ELEMENT, (match, name: string, attributes: string | undefined) =>
      attributes?.endsWith('/') ? match : `<${name}${attributes ?? ''}>[redacted]`,
    )
    .replace(BEARER_OR_BASIC, '$1 [redacted]')
    .replace(/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[redacted]')
    .replace(CREDENTIAL_FIELD, '$1[redacted]')
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s"'/?#@]*@/gi, '$1[redacted]@')
    .replace(/(https?:\/\/[^\s"'?#]+)\?[^\s"'#]*/gi, '$1?[redacted]');
  return scrubKnownSecrets(shaped).slice(0, max);
}

/**
 * At most `max` characters of `text` (then `ellipsis`), scrubbed of every registered value
 * ({@link scrubKnownSecrets}) before it is cut: a cut through a credential (or through its base64 or
 * hex) would leave a piece no pattern recognizes. Use it wherever a text that may hold one is shortened.
 */
export function cutScrubbed(text: string, max: number, ellipsis = '…'): string {
  const scrubbed = scrubKnownSecrets(String(text));
  return scrubbed.length > max ? `${scrubbed.slice(0, Math.max(0, max))}${ellipsis}` : scrubbed;
}

/**
 * The message of anything thrown, as it may be printed: a {@link GenesysError}'s own message (already
 * scrubbed), anything else through {@link sanitize}. Every tool prints failures with it.
 */
export function errorText(err: unknown, max = 2000): string {
  if (err instanceof GenesysError) return scrubKnownSecrets(err.message);
  return sanitize(err instanceof Error ? err.message : String(err), max);
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
