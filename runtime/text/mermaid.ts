/**
 * Escaping for the text of Mermaid flowchart labels (`n1["label"]`, `n1 -->|label| n2`), so that no value
 * (a flow, task or action name, a branch) can change a diagram's structure: end a label (`"`, `]`, `|`),
 * add a node, an edge or a statement (`-->`, `;`, a line break), a `click` or `style` line, a comment or
 * an init directive (`%%`, `%%{...}%%`), a Markdown label (`` "` ``), HTML, or an entity (`#quot;`).
 *
 * Letters, digits, spaces, a colon before a space and a few inert punctuation characters stay as they are; every other character
 * becomes a Mermaid entity code (`#60;` for `<`), which Mermaid decodes after parsing and shows as the
 * character itself, as text. Mermaid reads a line that contains `direction TB` (or BT, LR, RL) as a
 * direction statement wherever it appears, so the space after `direction` is an entity code too.
 */

/** Characters kept as they are: inert inside a quoted node label and inside `|edge text|`. */
const PLAIN = /[\p{L}\p{N} .,_?!'/+=-]/u;

/** Line breaks, controls and bidirectional overrides: shown as U+FFFD. */
// eslint-disable-next-line no-control-regex -- control characters are what this expression finds
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069]/u;

/** Labels longer than this (in characters, before escaping) are cut, with `…`. */
export const MERMAID_LABEL_MAX = 60;

/** A value as the text of a Mermaid label: never more than {@link MERMAID_LABEL_MAX} characters shown. */
export function mermaidLabel(value: unknown, max = MERMAID_LABEL_MAX): string {
  const chars = [...String(value)];
  const shown = chars.length > max ? [...chars.slice(0, Math.max(0, max - 1)), '…'] : chars;
  return shown
    .map((c, i) => {
      // Mermaid drops a `;` from any line with `style…:<non-space>…#…;` (or `classDef`), which would
      // leave an entity code undecoded: a colon stays only when a space follows it.
      if (PLAIN.test(c) || (c === ':' && shown[i + 1] === ' ')) return c;
      const code = c.codePointAt(0)!;
      // A lone surrogate or an invisible character is shown as the replacement character.
      const shownCode = INVISIBLE.test(c) || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code;
      return `#${shownCode};`;
    })
    .join('')
    .replace(/direction /gi, (m) => `${m.slice(0, -1)}#32;`);
}
