import { ExpectedFlow, SynthesizedStack } from '../synth-output/synthesized-stack';
import { diffOutlines, mermaid, NodeChange, outlineFlow } from './flow-outline';
import { ChangeKind, ResourceChange, TerraformPlan, changeKind, display, marked } from './plan-json';

/** GitHub's limit for a comment body is 65 536 characters; keep room for the truncation note. */
export const COMMENT_LIMIT = 65_000;
/** First line of every review, so the workflow can find and update its own comment. */
export const REVIEW_MARKER = '<!-- genesys-plan-review -->';

export interface StackPlan {
  /** Stack id, e.g. `contact-center-dev`. */
  readonly stack: string;
  readonly plan: TerraformPlan;
  /** The stack as synthesized on the pull request's head. */
  readonly head: SynthesizedStack;
  /** The same stack on the base branch, when it exists there. */
  readonly base?: SynthesizedStack;
}

const KINDS: ChangeKind[] = ['create', 'update', 'replace', 'delete', 'no-op'];
const ICON: Record<ChangeKind, string> = { create: '➕', update: '✏️', replace: '♻️', delete: '🗑️', 'no-op': '', read: '' };

/** One readable Markdown review of the plans of one or several stacks. */
export function reviewPlans(stacks: readonly StackPlan[], limit = COMMENT_LIMIT): string {
  const sections = stacks.map(reviewStack);
  const body = [REVIEW_MARKER, '## Plan review', '', ...sections].join('\n');
  if (body.length <= limit) return body;
  const note = `\n\n> ⚠️ Review truncated to fit a GitHub comment (${body.length} characters). Run \`npm run plan-review\` locally for the full text.\n`;
  let keep = limit - note.length;
  for (;;) {
    const cut = body.slice(0, keep);
    // Do not leave a code fence or <details> open.
    const fences = (cut.match(/^```/gm) ?? []).length;
    const details = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
    const text = `${cut}${fences % 2 === 1 ? '\n```' : ''}${'\n</details>'.repeat(Math.max(0, details))}${note}`;
    if (text.length <= limit) return text;
    keep -= text.length - limit;
  }
}

function reviewStack(s: StackPlan): string {
  const changes = (s.plan.resource_changes ?? []).filter((r) => r.mode === 'managed');
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const r of changes) counts[changeKind(r.change.actions)]++;
  const out: string[] = [
    `### ${s.stack}`,
    '',
    `**${counts.create}** to create · **${counts.update}** to update · **${counts.replace}** to replace · **${counts.delete}** to delete · ${counts['no-op']} unchanged`,
    '',
  ];
  const changed = changes.filter((r) => changeKind(r.change.actions) !== 'no-op');
  if (changed.length === 0) return [...out, 'No changes.', ''].join('\n');

  out.push('| Resource | Action | Why it matters |', '|---|---|---|');
  for (const r of changed) {
    const kind = changeKind(r.change.actions);
    out.push(`| \`${r.address}\`${label(s, r)} | ${ICON[kind]} ${kind} | ${escapeCell(notes(s, r).join(' '))} |`);
  }
  out.push('');

  const blast = blastRadius(s, changed);
  if (blast.length > 0) out.push('**Blast radius**', '', ...blast.map((b) => `- ${b}`), '');

  const attributeChanges = changed.filter((r) => r.type !== 'genesyscloud_flow' && r.type !== 'terraform_data' && changeKind(r.change.actions) !== 'create');
  for (const r of attributeChanges) {
    const lines = attributeDiff(r);
    if (lines.length > 0) out.push(`<details><summary>${r.address}: attribute changes</summary>`, '', ...lines.map((l) => `- ${l}`), '', '</details>', '');
  }

  for (const r of changed.filter((c) => c.type === 'genesyscloud_flow')) out.push(...flowSection(s, r));
  return out.join('\n');
}

/** The flow name behind a flow resource, for the table. */
function label(s: StackPlan, r: ResourceChange): string {
  const flow = s.head.flowsByAddress.get(r.address) ?? s.base?.flowsByAddress.get(r.address);
  if (flow) return ` (${flow.name})`;
  const name = (r.change.after as { name?: unknown } | null)?.name ?? (r.change.before as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? ` (${name})` : '';
}

/** Why a change matters beyond its action. */
function notes(s: StackPlan, r: ResourceChange): string[] {
  const kind = changeKind(r.change.actions);
  const before = (r.change.before ?? {}) as Record<string, unknown>;
  const after = (r.change.after ?? {}) as Record<string, unknown>;
  const found: string[] = [];
  if (r.type === 'genesyscloud_architect_ivr' && kind === 'replace') {
    found.push(before.name !== after.name ? `IVR renamed ('${String(before.name)}' → '${String(after.name)}'): the provider re-creates it (name is ForceNew); its numbers are unrouted while it is replaced.` : 'The IVR is re-created with a new id.');
  }
  if (r.type === 'genesyscloud_telephony_providers_edges_did_pool' && (kind === 'update' || kind === 'replace') && (before.start_phone_number !== after.start_phone_number || before.end_phone_number !== after.end_phone_number)) {
    found.push('DID numbers change: the provider drops and re-creates the pool with a new id (the plan shows an update); IVRs using its numbers must follow.');
  }
  if (r.type === 'genesyscloud_flow') {
    const head = s.head.flowsByAddress.get(r.address);
    const base = s.base?.flowsByAddress.get(r.address);
    if (kind === 'delete' && base) {
      const callers = callersOf(s.base!, base).map((f) => f.name);
      found.push(callers.length > 0 ? `Deletes shared flow '${base.name}', which ${callers.join(', ')} call.` : `Deletes flow '${base.name}' from the org.`);
    }
    if (head && base && head.name !== base.name) {
      found.push(`Flow renamed ('${base.name}' → '${head.name}'): the import creates a new flow and leaves '${base.name}' in the org as an orphan.`);
    }
    if (kind === 'update' && head && base && head.yaml === base.yaml) found.push('Republish only (a shared flow it calls changed).');
  }
  if (r.type === 'terraform_data' && kind === 'replace') found.push('The post-apply flow check runs again.');
  if (kind === 'delete' && found.length === 0) found.push('Removed from the org.');
  return found;
}

function callersOf(stack: SynthesizedStack, module: ExpectedFlow): ExpectedFlow[] {
  return module.type === 'COMMONMODULE' ? stack.flows.filter((f) => f.callsModules.includes(module.name)) : [];
}

/** "SharedFlow X changed → republishes A, B (stack)" for every changed or new shared flow. */
function blastRadius(s: StackPlan, changed: readonly ResourceChange[]): string[] {
  const lines: string[] = [];
  for (const r of changed) {
    const head = s.head.flowsByAddress.get(r.address);
    if (!head || head.type !== 'COMMONMODULE') continue;
    const base = s.base?.flowsByAddress.get(r.address);
    if (base && base.yaml === head.yaml) continue;
    const callers = callersOf(s.head, head).map((f) => f.name);
    lines.push(`SharedFlow *${head.name}* ${base ? 'changed' : 'is new'} → ${callers.length > 0 ? `republishes ${callers.join(', ')}` : 'no caller in this stack'} (${s.stack})`);
  }
  return lines;
}

function attributeDiff(r: ResourceChange): string[] {
  const before = (r.change.before ?? {}) as Record<string, unknown>;
  const after = (r.change.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const lines: string[] = [];
  for (const k of keys) {
    const unknown = marked(r.change.after_unknown, k);
    const a = display(after[k], marked(r.change.after_sensitive, k), unknown);
    const b = display(before[k], marked(r.change.before_sensitive, k), undefined);
    if (a !== b || unknown === true) lines.push(`\`${k}\`: ${b} → ${a}`);
  }
  return lines;
}

function flowSection(s: StackPlan, r: ResourceChange): string[] {
  const head = s.head.flowsByAddress.get(r.address);
  const base = s.base?.flowsByAddress.get(r.address);
  const kind = changeKind(r.change.actions);
  const out: string[] = [];
  if (kind === 'delete' || !head) {
    if (base) out.push(`#### ${base.name} (${base.type}) — removed`, '');
    return out;
  }
  if (!base) {
    const outline = outlineFlow(head.yaml);
    out.push(`#### ${head.name} (${head.type}) — new`, '', ...outline.nodes.map((n) => `- ${n.id}${summary(n.facts)}`), '');
  } else {
    const changes = diffOutlines(outlineFlow(base.yaml), outlineFlow(head.yaml));
    out.push(`#### ${head.name} (${head.type}) — ${changes.length === 0 ? 'republished, logic unchanged' : `${changes.length} node(s) changed`}`, '');
    out.push(...changes.map(describeChange), '');
  }
  out.push('<details><summary>Diagram</summary>', '', '```mermaid', mermaid(head.yaml), '```', '', '</details>', '');
  return out;
}

function describeChange(c: NodeChange): string {
  if (c.change === 'added') return `- ➕ added \`${c.id}\``;
  if (c.change === 'removed') return `- ➖ removed \`${c.id}\``;
  const facts = Object.entries(c.facts ?? {}).map(([k, [b, a]]) => `${k}: ${b === undefined ? '(none)' : JSON.stringify(b)} → ${a === undefined ? '(none)' : JSON.stringify(a)}`);
  return `- ✏️ \`${c.id}\`: ${facts.join('; ')}`;
}

function summary(facts: Readonly<Record<string, string>>): string {
  const interesting = Object.entries(facts).filter(([k]) => /tts|exp|targetQueue|Ref$|dtmf|digits|loopCount|var$/.test(k));
  return interesting.length > 0 ? ` — ${interesting.map(([k, v]) => `${k}: ${v}`).join('; ')}` : '';
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
