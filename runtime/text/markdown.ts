/**
 * Escaping for GitHub-flavoured Markdown with inline HTML (pull-request and issue comments). Every value
 * that did not come from this project's own text (names, addresses, attribute values, API answers) goes
 * through exactly one of these, so no value can change the structure of a comment: open or close a
 * `<details>`, start an HTML comment (`<!--` hides everything after it), a `<script>`, a heading, list,
 * quote or table row, break out of a code span or fence, link, or ping (`@someone`, `#123`). Outside code,
 * no value becomes a link either: GFM's autolinks (`https://…`, `ftp://…`, `www.…`, `user@host`, `mailto:`
 * and `xmpp:` addresses) are broken with a zero-width joiner after the `:` of `://`, after `www` and after
 * `@` (GitHub detects autolinks after decoding character references, so only an inserted character
 * breaks them; it is invisible). Values shown as text or code are cut to {@link VALUE_MAX} characters
 * (with `…`), so no single value can fill a comment.
 *
 * - {@link mdText}: plain text anywhere outside code: paragraphs, headings, list items, table cells and the
 *   HTML block of `<details><summary>…</summary>` (Markdown and HTML are both escaped, with character
 *   references, which mean the same in both);
 * - {@link mdCode}: an inline code span that shows its text literally;
 * - {@link mdFence}: a fenced code block that shows its text literally;
 * - {@link mdTableRow}: a table row from cells written with the two above.
 */

/**
 * Inserted after `@` and `#`: GitHub links no mention (`@user`, `@org/team`), no reference (`#12`) and no
 * e-mail address (`user@host.example`, `mailto:…`, `xmpp:…`) then; and after the `:` of `://` and after
 * `www` before a `.`: no URL autolink (`https://…`, `www.…`).
 */
const ZWJ = '\u200D';

/** Values longer than this many characters (code points) are cut, with `…`, by {@link mdText} and {@link mdCode}. */
export const VALUE_MAX = 300;

/** `text` cut to `max` characters (code points, never half a surrogate pair), the last one `…` when cut. */
export function capText(text: string, max = VALUE_MAX): string {
  if (text.length <= max) return text;
  let end = 0; // after the first max - 1 characters
  let count = 0;
  for (let i = 0; i < text.length; count++) {
    if (count === max - 1) end = i;
    if (count === max) return `${text.slice(0, end)}…`;
    i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return text;
}

/**
 * A value as one line (line breaks as spaces, invisible characters as U+FFFD) of at most `max`
 * characters. Only the start of a long value is read: no line break or character pair shortens
 * 4 × `max` UTF-16 units below `max` characters.
 */
function oneLine(value: unknown, max: number): string {
  const text = String(value);
  return capText((text.length > 4 * max + 4 ? text.slice(0, 4 * max + 4) : text).replace(LINE_BREAK, ' ').replace(INVISIBLE, '\uFFFD'), max);
}

/**
 * C0/C1 controls (line breaks are handled before), and bidirectional overrides, which can make a reviewer
 * read text in another order than it is (CVE-2021-42574): shown as U+FFFD.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this expression finds
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

const NAMED: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Characters that mean something to Markdown or HTML anywhere in a line: HTML (`& < >`), code (`` ` ``),
 * escapes (`\`), emphasis and strikethrough (`* ~`, and `_` unless inside a word, where it never is
 * emphasis), links and images (`[ ]`), table cells (`|`), math (`$`), mentions and references (`@ #`).
 */
const SPECIAL = /[&<>`\\*~[\]|$@#]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/** A numeric character reference: the character, as text, in Markdown and in HTML alike. */
const ref = (c: string) => NAMED[c] ?? `&#${c.codePointAt(0)};`;

/**
 * A value as plain text on one line of Markdown or HTML, outside code, at most `max` characters shown. Line
 * breaks become spaces; a text that would start a block where it is placed (after `- ` of a list item:
 * `- # x`, `- 1. x`, `- ---`, indentation) is defused too, so the result is safe at any position of a line;
 * an autolink is broken (a joiner after the `:` of `://` and after `www` before `.`; one more than the value
 * already had there, so the value can always be read back).
 */
export function mdText(value: unknown, max = VALUE_MAX): string {
  const text = oneLine(value, max);
  const escaped = text
    .replace(SPECIAL, (c) => (c === '@' || c === '#' ? c + ZWJ : ref(c)))
    .replace(/:(?=\u200D*\/\/)/g, `:${ZWJ}`)
    .replace(/www(?=\u200D*\.)/gi, (w) => w + ZWJ);
  // Block starts that no character above covers: list markers, ordered-list numbers, indentation.
  return escaped.replace(/^[-+=\s]/, ref).replace(/^(\d{1,9})([.)])/, (_m, digits: string, mark: string) => digits + ref(mark));
}

/**
 * A value as an inline code span, shown literally (character references are not decoded in code, so HTML
 * and `<!--` stay text). The delimiter is one backtick longer than the longest run in the value, so no
 * backtick inside can close it; a value that starts or ends with a backtick or a space is padded with a
 * space, which Markdown strips again. Line breaks (which Markdown would turn into spaces anyway, and which
 * would end a table row or let the next line start a block) become spaces. In a table, write the row with
 * {@link mdTableRow}, which escapes the `|` a code span may hold. At most `max` characters are shown.
 */
export function mdCode(value: unknown, max = VALUE_MAX): string {
  const text = oneLine(value, max);
  if (text === '') return '` `'; // `` is no code span: an empty value shows as one space
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/**
 * A fenced code block showing `text` literally, line breaks kept. The fence is longer than any run of
 * backticks in the text, so no line of it can close the block; `info` is this project's own word
 * (`mermaid`), never a value.
 */
export function mdFence(text: string, info = ''): string {
  if (/[`\s]/.test(info)) throw new Error(`a code fence info string is one word without backticks, not ${JSON.stringify(info)}`);
  const body = text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '\uFFFD');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/**
 * A table row from cells already written with {@link mdText} and {@link mdCode}. GitHub splits a row into
 * cells at every `|` not escaped with `\`, before it reads code spans, so the `|` a code span holds is
 * escaped here (and shown as `|`); text from {@link mdText} holds none.
 */
export function mdTableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}
