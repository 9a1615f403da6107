import { mdCode, mdFence, mdTableRow, mdText } from '../text/markdown';
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
    lines.push(`${r.stack}: ${r.complete ? (r.findings.length === 0 ? 'in sync' : `${r.findings.length} difference(s)`) : 'INCOMPLETE'} (${r.checkedFlows} flows, ${r.checkedIvrs} IVRs checked)`);
    const rows = r.findings.map((f) => [f.resource, f.name, f.kind, f.detail]);
    if (rows.length > 0) {
      const header = ['RESOURCE', 'NAME', 'KIND', 'DETAIL'];
      const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((row) => row[i].length))));
      const fmt = (row: string[]) => row.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ');
      lines.push('  ' + fmt(header));
      for (const [i, row] of rows.entries()) {
        lines.push('  ' + fmt(row));
        for (const d of r.findings[i].differences ?? []) lines.push(`      ${d.path}: expected ${JSON.stringify(d.expected)}, live ${d.actual === undefined ? '(missing)' : JSON.stringify(d.actual)}`);
      }
    }
    for (const e of r.errors) lines.push(`  could not check: ${e}`);
  }
  lines.push(`status: ${statusOf(reports)}`);
  return lines.join('\n');
}

/**
 * For an issue or pull-request comment. Names, details, differences and errors come from the org (anyone
 * with Architect access writes them) and are escaped (`runtime/text/markdown.ts`): none can change the
 * comment's structure, hide what follows it or ping anyone.
 */
export function toMarkdown(reports: readonly DriftReport[]): string {
  const status = statusOf(reports);
  const out = [`## Genesys Cloud drift: ${status === 'in-sync' ? 'in sync' : status === 'drift' ? 'drift found' : 'check incomplete'}`, ''];
  for (const r of reports) {
    out.push(`### ${mdText(r.stack)}`, '');
    out.push(`${r.checkedFlows} flows and ${r.checkedIvrs} IVRs checked${r.complete ? '' : ' — **incomplete**'}.`, '');
    if (r.findings.length > 0) {
      out.push('| Resource | Name | Kind | Detail |', '|---|---|---|---|');
      for (const f of r.findings) out.push(mdTableRow([mdText(f.resource), mdText(f.name), mdCode(f.kind), mdText(f.detail)]));
      out.push('');
      for (const f of r.findings.filter((x) => x.differences?.length)) {
        const lines = f.differences!.map((d) => `${d.path}: expected ${JSON.stringify(d.expected)}, live ${d.actual === undefined ? '(missing)' : JSON.stringify(d.actual)}`);
        out.push(`<details><summary>${mdText(f.name)}: ${f.differences!.length} difference(s)</summary>`, '', mdFence(lines.join('\n')), '</details>', '');
      }
    }
    for (const e of r.errors) out.push(`- could not check: ${mdText(e)}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
