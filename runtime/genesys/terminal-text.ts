import { mapStringsDeep } from './map-strings';

/**
 * The one way text reaches a terminal or a CI log (the flow check handler's lines, drift's table, the
 * demo). Names and messages come from the org (anyone with Architect access writes flow names; servers
 * write error texts): printed as they are, an ANSI escape could erase or rewrite earlier lines, a line
 * break could fake a line of our own (`status: in-sync`), and a line starting with `::` (or the older
 * `##[`) is a GitHub Actions workflow command (`::warning::`, `::add-mask::`, `::stop-commands::`).
 *
 * {@link terminalText} makes any text one inert line: every C0 control character (line breaks and tabs
 * included), DEL, every C1 control character, U+2028/U+2029 (line and paragraph separators) and the
 * bidirectional overrides and isolates (which reorder what a terminal shows) are written as visible
 * escapes (`\n`, `\r`, `\t`, `\u001b`, …), and a line that would start (after blanks) with `::` or `##[`
 * gets its first character escaped (`\u003a:warning::…`), so the runner never reads it as a command.
 * Text is scrubbed of credentials first (see `genesys-error.ts`); this only decides how it is shown.
 */

/** Characters never printed as they are. */
// eslint-disable-next-line no-control-regex -- control characters are what this expression finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A GitHub Actions workflow command (`::name …::`, or the older `##[name]`) at the start of a line, after blanks. */
const WORKFLOW_COMMAND = /^([ \t\u00a0\ufeff]*)(:(?=:)|#(?=#\[))/;

function escape(char: string): string {
  return SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Any text as one line that is safe to print: no control character acts, no workflow command runs. */
export function terminalText(text: unknown): string {
  const line = String(text).replace(UNPRINTABLE, escape);
  return line.replace(WORKFLOW_COMMAND, (_m, blanks: string, first: string) => `${blanks}${escape(first)}`);
}

/**
 * Text made of lines we composed (joined with `\n`), each printed through {@link terminalText}. Only for
 * texts whose line breaks are ours: a value from outside must go through {@link terminalText} (or
 * {@link terminalTextDeep}) before it is composed into them.
 */
export function terminalLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => terminalText(line))
    .join('\n');
}

/** A copy of `value` with every string in it (keys included) made one inert line by {@link terminalText}. */
export function terminalTextDeep<T>(value: T): T {
  return mapStringsDeep(value, terminalText);
}
