/**
 * User-info (`user:password@`) in a URL: the credentials of its authority. Text that may be a URL is
 * judged without parsing it (a refused URL may not parse, and parsers disagree on where the authority
 * ends when a password holds `/`, `?` or `#`): any `@` counts.
 */

/** A scheme and `//` at the very start (`https://`): kept when user-info is hidden, it holds no secret. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Whether `text` may carry user-info: it holds an `@` anywhere (a literal `@` in a path is written `%40`). */
export function mayCarryUserInfo(text: string): boolean {
  return text.includes('@');
}

/** `text` with everything up to its last `@` replaced by `***` (a leading `scheme://` kept): `https://***@host/x`. */
export function hideUserInfo(text: string): string {
  const lastAt = text.lastIndexOf('@');
  if (lastAt < 0) return text;
  return `${SCHEME.exec(text)?.[0] ?? ''}***${text.slice(lastAt)}`;
}
