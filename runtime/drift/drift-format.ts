import { Piece, countList, fitPieces } from '../text/fit';
import { capText, mdCode, mdFence, mdTableRow, mdText } from '../text/markdown';
import { DriftReport } from './drift-check';

/** Version of the JSON output schema (`--format json`); bump on any incompatible change. */
export const DRIFT_JSON_SCHEMA_VERSION = 1;

export type DriftStatus = 'in-sync' | 'drift' | 'incomplete';

export function statusOf(reports: readonly DriftReport[]): DriftStatus {
  if (reports.some((r) => !r.complete)) return 'incomplete';
  return reports.some((r) => r.findings.length > 0) ? 'drift' : 'in-sync';
}

/** Exit code: 0 in sync, 2 drift found, 1 not everything could be checked (never 0 then). */
export function exitCodeOf(reports: readonly DriftReport[]): number {
  return { 'in-sync': 0, drift: 2, incomplete: 1 }[statusOf(reports)];
}

/**
 * `--format json`: `{schemaVersion, status, stacks: [{stack, complete, errors[], checkedFlows, checkedIvrs,
 * findings: [{kind, resource, name, detail, differences?: [{path, expected, actual}]}]}]}`.
 */
export function toJson(reports: readonly DriftReport[]): string {
  return JSON.stringify({ schemaVersion: DRIFT_JSON_SCHEMA_VERSION, status: statusOf(reports), stacks: reports }, null, 2);
}

export function toTable(reports: readonly DriftReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(
      `${r.stack}: ${r.complete ? (r.findings.length === 0 ? 'in sync' : `${r.findings.length} difference(s)`) : 'INCOMPLETE'} (${r.checkedFlows} flows, ${r.checkedIvrs} IVRs checked)`,
    );
    const rows = r.findings.map((f) => [f.resource, f.name, f.kind, f.detail]);
    if (rows.length > 0) {
      const header = ['RESOURCE', 'NAME', 'KIND', 'DETAIL'];
      const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((row) => row[i].length))));
      const fmt = (row: string[]) => row.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ');
      lines.push('  ' + fmt(header));
      for (const [i, row] of rows.entries()) {
        lines.push('  ' + fmt(row));
        for (const d of r.findings[i].differences ?? [])
          lines.push(
            `      ${d.path}: expected ${JSON.stringify(d.expected)}, live ${d.actual === undefined ? '(missing)' : JSON.stringify(d.actual)}`,
          );
      }
    }
    for (const e of r.errors) lines.push(`  could not check: ${e}`);
  }
  lines.push(`status: ${statusOf(reports)}`);
  return lines.join('\n');
}

/**
 * The longest `toMarkdown` writes by default: GitHub refuses an issue body over 65 536 characters, and the
 * nightly workflow (`.github/workflows/drift.yml`) appends the Terraform refresh-only plan to this text.
 */
export const DRIFT_MARKDOWN_LIMIT = 40_000;
/** The smallest limit `toMarkdown` accepts: room for the heading, the counts of a few stacks and the note. */
export const MIN_DRIFT_MARKDOWN_LIMIT = 400;

/**
 * For an issue or pull-request comment. Names, details, differences and errors come from the org (anyone
 * with Architect access writes them) and are escaped and cut to `VALUE_MAX` characters
 * (`runtime/text/markdown.ts`): none can change the comment's structure, hide what follows it, become a
 * link or ping anyone. At most `limit` characters: longer, the report is shortened between whole blocks
 * (`runtime/text/fit.ts`): the status and every stack's counts always stay, then findings and errors
 * (every stack's first before any stack's second), and the differences last; a note after a shortened table or
 * error list and at the end says what was left out, per stack.
 */
export function toMarkdown(reports: readonly DriftReport[], limit = DRIFT_MARKDOWN_LIMIT): string {
  if (!(limit >= MIN_DRIFT_MARKDOWN_LIMIT))
    throw new RangeError(`a drift report needs at least ${MIN_DRIFT_MARKDOWN_LIMIT} characters, not ${limit}`);
  const status = statusOf(reports);
  const title = `## Genesys Cloud drift: ${status === 'in-sync' ? 'in sync' : status === 'drift' ? 'drift found' : 'check incomplete'}\n`;
  const header: Piece = { text: title, keep: 'always' };
  const stacks = reports.map((r, at) => stackPieces(r, at));
  const pieces = [header, ...stacks.flatMap((s) => s.pieces)];
  const finish = (text: string) => text.trimEnd() + '\n';
  const blankTails = new Map(stacks.flatMap((s) => s.tails.map((t) => [t.piece, ''] as const)));
  const full = finish(pieces.map((p) => blankTails.get(p) ?? p.text).join('\n'));
  if (full.length <= limit) return full;

  const note = (parts: string[]) =>
    `> ⚠️ Report shortened to fit a GitHub issue (the full report has ${full.length} characters).${parts.length > 0 ? ` Left out: ${parts.join('; ')}.` : ''} \`npm run drift -- --format json\` (or the table format) lists everything.\n`;
  const leftOut = (s: StackPieces, kept: ReadonlySet<Piece> | undefined) => {
    const out = (list: readonly Piece[]) => list.filter((p) => kept === undefined || !kept.has(p)).length;
    const list = countList([
      ['finding(s)', out(s.rows)],
      ['error(s)', out(s.errors)],
      ['difference list(s)', out(s.differences)],
    ]);
    return list === '' ? [] : [`${s.name}: ${list}`];
  };
  const worst: Piece = { text: note(stacks.flatMap((s) => leftOut(s, undefined))), keep: 'always' };
  const kept = fitPieces([...pieces, worst], limit - 1);
  if (kept) {
    const texts = new Map<Piece, string>(
      stacks.flatMap((s) => s.tails.map((t) => [t.piece, t.text(t.of.filter((p) => !kept.has(p)).length)] as const)),
    );
    texts.set(worst, note(stacks.flatMap((s) => leftOut(s, kept))));
    const text = finish(
      [...pieces, worst]
        .filter((p) => kept.has(p))
        .map((p) => texts.get(p) ?? p.text)
        .join('\n'),
    );
    if (text.length <= limit) return text;
  }
  // Not even every stack's counts fit: the status and the totals.
  const count = (f: (r: DriftReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const totals = `${reports.length} stack(s): ${count((r) => r.findings.length)} finding(s), ${count((r) => r.errors.length)} error(s), ${reports.filter((r) => !r.complete).length} incomplete.`;
  const text = finish(
    [
      title,
      totals,
      '',
      `> ⚠️ Report shortened to fit a GitHub issue (the full report has ${full.length} characters): only the totals are shown. \`npm run drift -- --format json\` (or the table format) lists everything.`,
    ].join('\n'),
  );
  if (text.length <= limit) return text;
  throw new RangeError(`a drift report needs more than ${limit} characters`);
}

interface StackPieces {
  readonly name: string;
  readonly pieces: Piece[];
  readonly rows: Piece[];
  readonly errors: Piece[];
  readonly differences: Piece[];
  /** Lines after the table and after the error list: blank, or how many of `of` are not shown (`piece`: the longest text). */
  readonly tails: Array<{ piece: Piece; of: Piece[]; text: (left: number) => string }>;
}

/** One stack's part of the report as pieces (`runtime/text/fit.ts`); `at` is its place among the stacks. */
function stackPieces(r: DriftReport, at: number): StackPieces {
  const name = mdText(r.stack);
  const pieces: Piece[] = [
    {
      text: [`### ${name}`, '', `${r.checkedFlows} flows and ${r.checkedIvrs} IVRs checked${r.complete ? '' : ' — **incomplete**'}.`, ''].join('\n'),
      keep: 'always',
    },
  ];
  const rows: Piece[] = [];
  const errors: Piece[] = [];
  const differences: Piece[] = [];
  const tails: StackPieces['tails'] = [];
  const tail = (of: Piece[], what: string) => {
    const text = (left: number) => (left === 0 ? '' : `\n**${left}** more ${what} not shown here: see the note at the end.\n`);
    const piece: Piece = { text: text(of.length), keep: 'always' };
    tails.push({ piece, of, text });
    return piece;
  };
  if (r.findings.length > 0) {
    const table: Piece = { text: ['| Resource | Name | Kind | Detail |', '|---|---|---|---|'].join('\n'), keep: 'with' };
    for (const [i, f] of r.findings.entries())
      rows.push({ text: mdTableRow([mdText(f.resource), mdText(f.name), mdCode(f.kind), mdText(f.detail)]), keep: [0, i, at, 0], under: table });
    pieces.push(table, ...rows, tail(rows, 'finding(s)'));
    for (const [i, f] of r.findings.filter((x) => x.differences?.length).entries()) {
      const lines = f.differences!.map(
        (d) => `${capText(d.path)}: expected ${shown(d.expected)}, live ${d.actual === undefined ? '(missing)' : shown(d.actual)}`,
      );
      differences.push({
        text: [
          `<details><summary>${mdText(f.name)}: ${f.differences!.length} difference(s)</summary>`,
          '',
          mdFence(lines.join('\n')),
          '</details>',
          '',
        ].join('\n'),
        keep: [2, i, at],
      });
    }
    pieces.push(...differences);
  }
  if (r.errors.length > 0) {
    for (const [i, e] of r.errors.entries()) errors.push({ text: `- could not check: ${mdText(e)}`, keep: [0, i, at, 1] });
    pieces.push(...errors, tail(errors, 'error(s)'));
  }
  return { name, pieces, rows, errors, differences, tails };
}

/** A value in a list of differences (inside a code fence), cut to `VALUE_MAX` characters. */
function shown(value: unknown): string {
  return capText(JSON.stringify(value) ?? String(value));
}
