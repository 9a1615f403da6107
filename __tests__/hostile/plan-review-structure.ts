/**
 * Test support for the hostile plan-review tests: what a comment's Markdown and a Mermaid diagram are made
 * of (read the way GitHub's cmark-gfm and Mermaid's flowchart grammar read them, for the constructs the
 * review writes), and hostile strings for fast-check.
 */
import * as fc from 'fast-check';
import { REVIEW_MARKER } from '../../runtime/plan-review/plan-review';

export interface Shape {
  /** One entry per line: what the line is (`h3`, `row:3`, `details-open`, `fence-open:mermaid`, `code`, `li`, ...). */
  readonly skeleton: string[];
  /** Anything a value could have done to the structure: raw HTML, an open fence, a stray backtick, a ping. */
  readonly problems: string[];
}

/** Splits a table row into cells at every `|` not escaped with `\` (cmark-gfm's rule), without the outer pipes. */
export function cells(row: string): string[] {
  const parts: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && row[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (row[i] === '|') {
      parts.push(cell);
      cell = '';
    } else cell += row[i];
  }
  parts.push(cell);
  // `| a | b |`: the empty text before the first and after the last pipe is not a cell.
  if (parts[0].trim() === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1].trim() === '') parts.pop();
  return parts.map((c) => c.replace(/\\\|/g, '|'));
}

/**
 * Inline text with its code spans taken out (CommonMark: a run of n backticks opens a span that the next
 * run of exactly n closes; without one, the backticks are literal), or the problems found in it.
 */
export function outsideCode(text: string, where: string, problems: string[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '`') {
      out += text[i++];
      continue;
    }
    const run = /^`+/.exec(text.slice(i))![0];
    const rest = text.slice(i + run.length);
    const closer = new RegExp(`(?<!\`)${run}(?!\`)`).exec(rest);
    if (!closer) {
      problems.push(`${where}: unmatched backtick run ${JSON.stringify(run)}`);
      out += run;
      i += run.length;
      continue;
    }
    out += '⟨code⟩';
    i += run.length + closer.index + run.length;
  }
  return out;
}

/** What must never be in a line's text outside code: HTML, escapes, links and autolinks, pings, unknown references. */
function checkInline(text: string, where: string, problems: string[]): void {
  const plain = outsideCode(text, where, problems);
  const checks: Array<[RegExp, string]> = [
    [/</, 'raw <'],
    [/>/, 'raw >'],
    [/\\/, 'raw backslash'],
    [/[[\]]/, 'raw [ or ] (link)'],
    [/@(?=[A-Za-z0-9])/, '@mention (or e-mail autolink)'],
    [/:\/\//, 'URL autolink (scheme://)'],
    [/www\./i, 'www. autolink'],
    [/(?<!&)#(?=[0-9])/, '#reference'],
    [/&(?!(?:#[0-9]+|amp|lt|gt);)/, 'raw & (an entity the value spelled)'],
    [/\$/, 'raw $ (math)'],
    [/[\r\u2028\u2029]/, 'raw line break'],
  ];
  for (const [re, what] of checks) if (re.test(plain)) problems.push(`${where}: ${what} outside code in ${JSON.stringify(text.slice(0, 120))}`);
}

/** Whether text at the start of a line (or of a list item) would start a block other than a paragraph. */
function startsBlock(text: string): boolean {
  if (/^([ \t]|[-+*_=>]|#{1,6}([ \t]|$)|\d{1,9}[.)]|<|~{3})/.test(text)) return true;
  const fence = /^`{3,}(.*)$/.exec(text);
  return fence !== null && !fence[1].includes('`');
}

/**
 * The block structure of a review or drift comment, line by line, the way cmark-gfm reads it, and every
 * sign that a value changed it. `allowedHtml` lines are our own.
 */
export function markdownShape(markdown: string): Shape {
  const skeleton: string[] = [];
  const problems: string[] = [];
  let fence: { char: string; length: number } | undefined;
  let details = 0;
  for (const [n, line] of markdown.split('\n').entries()) {
    const where = `line ${n + 1}`;
    if (fence) {
      const close = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) {
        skeleton.push('fence-close');
        fence = undefined;
      } else skeleton.push('code');
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length };
      skeleton.push(`fence-open:${open[2].trim()}`);
      continue;
    }
    if (line === '') skeleton.push('blank');
    else if (line === REVIEW_MARKER) skeleton.push(n === 0 ? 'marker' : 'MARKER-AGAIN');
    else if (line.startsWith('<details><summary>') && line.endsWith('</summary>')) {
      checkInline(line.slice('<details><summary>'.length, -'</summary>'.length), where, problems);
      if (++details > 1) problems.push(`${where}: nested <details>`);
      skeleton.push('details-open');
    } else if (line === '</details>') {
      if (--details < 0) problems.push(`${where}: </details> without <details>`);
      skeleton.push('details-close');
    } else if (/^#{1,6} /.test(line)) {
      skeleton.push(`h${/^#+/.exec(line)![0].length}`);
      checkInline(line.replace(/^#+ /, ''), where, problems);
    } else if (line.startsWith('|')) {
      const row = cells(line);
      skeleton.push(`row:${row.length}`);
      for (const cell of row) checkInline(cell, where, problems);
    } else if (line.startsWith('- ')) {
      skeleton.push('li');
      if (startsBlock(line.slice(2))) problems.push(`${where}: list item starts a block: ${JSON.stringify(line.slice(0, 60))}`);
      checkInline(line.slice(2), where, problems);
    } else if (line.startsWith('> ')) {
      skeleton.push('quote');
      checkInline(line.slice(2), where, problems);
    } else {
      skeleton.push('p');
      if (!/^\*\*[^*]+\*\*/.test(line) && startsBlock(line))
        problems.push(`${where}: paragraph line starts a block: ${JSON.stringify(line.slice(0, 60))}`);
      checkInline(line, where, problems);
    }
  }
  if (fence) problems.push('a code fence is never closed');
  if (details !== 0) problems.push(`${details} <details> never closed`);
  return { skeleton, problems };
}

/** Text Mermaid can hold inside a quoted node label or `|edge text|` without any effect on the diagram. */
const LABEL = String.raw`(?:[\p{L}\p{N} .,_?!'/+=-]|: |#\d+;)*`;
const NODE = new RegExp(`^  (n\\d+)\\["(${LABEL})"\\]$`, 'u');
const END = new RegExp(`^  (n\\d+)\\(\\["(${LABEL})"\\]\\)$`, 'u');
const EDGE = new RegExp(`^  (n\\d+) -->(?:\\|(${LABEL})\\|)? (n\\d+)$`, 'u');

/** The statements of a flowchart `mermaid()` wrote: nodes, end nodes and edges, and anything else as a problem. */
export function mermaidShape(diagram: string): Shape {
  const skeleton: string[] = [];
  const problems: string[] = [];
  const nodes = new Set<string>();
  for (const [n, line] of diagram.split('\n').entries()) {
    const where = `line ${n + 1}`;
    let m: RegExpExecArray | null;
    if (n === 0) {
      if (line !== 'flowchart TD') problems.push(`${where}: not "flowchart TD": ${JSON.stringify(line)}`);
      skeleton.push('flowchart');
    } else if ((m = NODE.exec(line) ?? END.exec(line))) {
      if (nodes.has(m[1])) problems.push(`${where}: node ${m[1]} defined twice`);
      nodes.add(m[1]);
      skeleton.push(`${line.includes('(["') ? 'end' : 'node'} ${m[1]}`);
      if (/direction /i.test(m[2])) problems.push(`${where}: "direction " in a label`);
    } else if ((m = EDGE.exec(line))) {
      if (!nodes.has(m[1]) || !nodes.has(m[3])) problems.push(`${where}: edge between undeclared nodes`);
      skeleton.push(`edge ${m[1]} ${m[3]}${m[2] === undefined ? '' : ' labelled'}`);
      if (m[2] !== undefined && /direction /i.test(m[2])) problems.push(`${where}: "direction " in a label`);
    } else problems.push(`${where}: not a node or an edge: ${JSON.stringify(line.slice(0, 120))}`);
  }
  return { skeleton, problems };
}

/** Pieces of text that mean something to Markdown, HTML, GitHub or Mermaid. */
export const HOSTILE_PIECES = [
  '<!--',
  '-->',
  REVIEW_MARKER,
  '</details>',
  '<details>',
  '<summary>',
  '</summary>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '`',
  '``',
  '```',
  '````',
  '~~~',
  '|',
  '||',
  '\\',
  '\\|',
  '\\`',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\n```\n',
  '\n</details>\n',
  '\u2028',
  '@octocat',
  '@org/team',
  '#1',
  '#quot;',
  '#35;',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '[x](https://evil.example)',
  '![i](x)',
  '[^1]',
  '"',
  "'",
  '%%',
  '%%{init: {"securityLevel": "loose"}}%%',
  'click n1 call alert()',
  'style n1 fill:#f00;',
  '-->',
  '---',
  '===',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  '([',
  '])',
  '[[',
  ';',
  ':',
  ':::',
  '&lt;',
  '&amp;',
  '&#60;',
  '&',
  'direction TB',
  'direction LR',
  'end',
  'subgraph',
  '\u202E',
  '\u200D',
  '\u0000',
  '\t',
  ' ',
  '    ',
  '- ',
  '+ ',
  '1. ',
  '> ',
  '# ',
  '$x$',
  '$$',
  'https://evil.example',
  'n1',
  '"]',
  '|x|',
  'A',
  // GFM autolinks: a URL, www., an e-mail address, mailto: and xmpp:, and their pieces.
  'http://',
  'ftp://x.example',
  'www.evil.example',
  'WWW.',
  'www',
  '.example',
  '://',
  '//',
  'mailto:a@b.example',
  'xmpp:a@b.example',
  'user@evil.example',
  'javascript:alert(1)',
  ':\u200D//',
  'www\u200D.',
];

/** A hostile string: pieces above and random text, never containing `avoid`. */
export function hostileString(avoid = 'S3cr3tQ'): fc.Arbitrary<string> {
  return fc
    .oneof(
      {
        weight: 4,
        arbitrary: fc
          .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 3 })), { maxLength: 6 })
          .map((parts) => parts.join('')),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    )
    .filter((s) => !s.includes(avoid));
}
