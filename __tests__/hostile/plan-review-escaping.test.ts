/**
 * Property-based tests of the escapers (issue 10): random hostile strings put through the Markdown/HTML
 * escaper (`runtime/text/markdown.ts`) and the Mermaid label escaper (`runtime/text/mermaid.ts`) never change
 * the structure of what they are written into, never become a link, never crash, and show the value
 * itself (cut to VALUE_MAX characters).
 */
import * as fc from 'fast-check';
import { VALUE_MAX, capText, mdCode, mdFence, mdTableRow, mdText } from '../../runtime/text/markdown';
import { MERMAID_LABEL_MAX, mermaidLabel } from '../../runtime/text/mermaid';
import { cells, hostileString, markdownShape, outsideCode } from './plan-review-structure';

const runs = { numRuns: 200 };
const text = hostileString();

/** What a value looks like after the escapers' line handling: line breaks as spaces, invisible characters as U+FFFD. */
// eslint-disable-next-line no-control-regex -- control characters are what this expression finds
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const oneLine = (s: string) => s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(INVISIBLE, '\uFFFD');

/**
 * What GitHub shows for mdText's output: character references decoded, the joiner inserted after `@` / `#`,
 * after the `:` of `://` and after `www` before `.` dropped (one each: the value's own joiners stay).
 */
function shown(markdown: string): string {
  return markdown
    .replace(/([@#])\u200D/g, '$1')
    .replace(/:\u200D(?=\u200D*\/\/)/g, ':')
    .replace(/(www)\u200D(?=\u200D*\.)/gi, '$1')
    .replace(/&(#[0-9]+|amp|lt|gt);/g, (_m, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : { amp: '&', lt: '<', gt: '>' }[name]!,
    );
}

describe('Markdown/HTML escaping (property-based)', () => {
  it('mdText: one line, nothing Markdown or HTML reads, and it shows the value', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = mdText(s);
        expect(out).not.toMatch(/[\n\r<>`\\*~[\]|$]/);
        expect(out).not.toMatch(/@(?!\u200D)|#(?!\u200D|[0-9]+;)/);
        expect(out).not.toMatch(/^([-+=\s]|\d+[.)])/);
        // No GFM autolink (GitHub finds them after decoding references: only an inserted joiner breaks one).
        expect(out).not.toMatch(/:\/\/|www\./i);
        expect(shown(out)).toBe(oneLine(s));
      }),
      runs,
    );
  });

  it('mdText: no value becomes a link (https://, ftp://, www., e-mail, mailto:, xmpp:), and the text still reads the same', () => {
    const links = [
      'https://evil.example/login',
      'see http://x.example',
      'ftp://files.example',
      'www.evil.example',
      'WWW.EVIL.EXAMPLE',
      'xwww.x',
      'user@evil.example',
      'mailto:a@b.example',
      'xmpp:a@b.example/r',
      '1.www.x',
      'a://b',
    ];
    for (const link of links) {
      const out = mdText(link);
      expect(out).not.toMatch(/:\/\/|www\.|@(?!\u200D)/i);
      expect(shown(out)).toBe(link);
    }
    expect(mdText('https://evil.example')).toBe('https:\u200D//evil.example');
    expect(mdText('www.evil.example')).toBe('www\u200D.evil.example');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('https://', 'http://', 'ftp://', 'www.', 'WwW.', 'w', '.', ':', '/', '\u200D', '@', 'mailto:', 'x', ' '), {
          maxLength: 12,
        }),
        (parts) => {
          const out = mdText(parts.join(''));
          expect(out).not.toMatch(/:\/\/|www\./i);
          expect(shown(out)).toBe(parts.join(''));
        },
      ),
      runs,
    );
  });

  it('mdText and mdCode: a value is cut to VALUE_MAX characters with …, whole characters only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 700 }), (s) => {
        const line = oneLine(s);
        const chars = Array.from(line);
        const expected = chars.length > VALUE_MAX ? `${chars.slice(0, VALUE_MAX - 1).join('')}…` : line;
        expect(shown(mdText(s))).toBe(expected);
        expect(capText(line)).toBe(expected);
        const code = mdCode(s);
        const ticks = /^`+/.exec(code)![0];
        expect(code.length).toBeLessThanOrEqual(2 * VALUE_MAX + 2 * ticks.length + 2);
      }),
      runs,
    );
    expect(mdText('x'.repeat(70_000))).toBe(`${'x'.repeat(VALUE_MAX - 1)}…`);
    expect(mdCode('`'.repeat(70_000)).length).toBeLessThan(4 * VALUE_MAX);
    expect(mdText('\u{1F600}'.repeat(VALUE_MAX + 1))).toBe(`${'\u{1F600}'.repeat(VALUE_MAX - 1)}…`);
  });

  it('mdCode: a code span no backtick inside can close, showing the value', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = mdCode(s);
        const ticks = /^`+/.exec(out)![0];
        expect(out.endsWith(ticks)).toBe(true);
        let content = out.slice(ticks.length, out.length - ticks.length);
        expect(content).not.toMatch(new RegExp(`(?<!\`)${ticks}(?!\`)`));
        expect(content).not.toMatch(/^`|`$|[\n\r]/);
        // CommonMark strips one space on each side when both are there (and the content is not all spaces).
        if (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
        expect(content).toBe(s === '' ? ' ' : oneLine(s));
      }),
      runs,
    );
  });

  it('mdTableRow: a row keeps its number of cells whatever its text and code hold', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { minLength: 1, maxLength: 4 }), (values) => {
        const row = mdTableRow(values.map(([v, code]) => (code ? mdCode(v) : mdText(v))));
        expect(row).not.toContain('\n');
        const split = cells(row);
        expect(split).toHaveLength(values.length);
        // Each code cell is still one whole code span once the row is split.
        for (const [i, [v, code]] of values.entries()) if (code) expect(split[i].trim()).toBe(mdCode(v));
      }),
      runs,
    );
  });

  it('mdFence: the fence stays closed exactly where it ends, and shows the text line by line', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = mdFence(s, 'mermaid');
        const lines = out.split('\n');
        const fence = /^`{3,}/.exec(lines[0])![0];
        expect(lines[0]).toBe(`${fence}mermaid`);
        expect(lines[lines.length - 1]).toBe(fence);
        const inner = lines.slice(1, -1);
        for (const line of inner) expect(line).not.toMatch(new RegExp(`^ {0,3}\`{${fence.length},}\\s*$`));
        expect(inner.join('\n')).toBe(s.replace(/\r\n?/g, '\n').replace(INVISIBLE, '\uFFFD'));
      }),
      runs,
    );
  });

  it('a comment made of hostile values has exactly its intended structure', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 10, maxLength: 10 }), (v) => {
        const comment = [
          `### ${mdText(v[0])}`,
          '',
          `**1** to create · ${mdText(v[1])}`,
          '',
          '| Resource | Action | Why it matters |',
          '|---|---|---|',
          mdTableRow([`${mdCode(v[2])} (${mdText(v[3])})`, '🗑️ delete', mdText(v[4])]),
          '',
          `- ${mdText(v[5])}`,
          `- ${mdCode(v[6])}: ${mdText(v[7])}`,
          '',
          `<details><summary>${mdText(v[8])}: attribute changes</summary>`,
          '',
          mdFence(v[9], 'mermaid'),
          '',
          '</details>',
        ].join('\n');
        const shape = markdownShape(comment);
        expect(shape.problems).toEqual([]);
        const body = shape.skeleton.filter((k) => k !== 'code');
        expect(body).toEqual([
          'h3',
          'blank',
          'p',
          'blank',
          'row:3',
          'row:3',
          'row:3',
          'blank',
          'li',
          'li',
          'blank',
          'details-open',
          'blank',
          'fence-open:mermaid',
          'fence-close',
          'blank',
          'details-close',
        ]);
      }),
      runs,
    );
  });

  it('outsideCode (the test reader) sees a code span as GitHub does', () => {
    const problems: string[] = [];
    expect(outsideCode('a `<b>` c ``x`y`` d', 'x', problems)).toBe('a ⟨code⟩ c ⟨code⟩ d');
    expect(problems).toEqual([]);
    outsideCode('a ` b', 'x', problems);
    expect(problems).toHaveLength(1);
  });
});

describe('Mermaid label escaping (property-based)', () => {
  const LABEL = /^(?:[\p{L}\p{N} .,_?!'/+=-]|: |#\d+;)*$/u;
  const decode = (label: string) => label.replace(/#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));

  it('mermaidLabel: only inert characters and entity codes, at most the label length, the value itself when short and printable', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 80 })), (s) => {
        const out = mermaidLabel(s);
        expect(out).toMatch(LABEL);
        expect(out).not.toMatch(/direction /i);
        const back = [...decode(out)];
        expect(back.length).toBeLessThanOrEqual(MERMAID_LABEL_MAX);
        // eslint-disable-next-line no-control-regex -- control characters are what this expression finds
        const printable = !/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069]|\p{Cs}/u.test(s);
        if ([...s].length <= MERMAID_LABEL_MAX && printable) expect(back.join('')).toBe(s);
        if ([...s].length > MERMAID_LABEL_MAX) expect(back[back.length - 1]).toBe('…');
      }),
      runs,
    );
  });
});
