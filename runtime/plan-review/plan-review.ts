import { ExpectedFlow, SynthesizedStack } from '../synth-output/synthesized-stack';
import { mdCode, mdFence, mdTableRow, mdText } from '../text/markdown';
import { diffOutlines, mermaid, NodeChange, outlineFlow } from './flow-outline';
import { ChangeKind, ResourceChange, TerraformPlan, changeKind, display, marked, own } from './plan-json';

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

/**
 * One readable Markdown review of the plans of one or several stacks. Every value from a plan or a
 * synthesized stack is escaped (`runtime/text/markdown.ts`), so none can change the comment's structure;
 * values Terraform marks sensitive are shown as `(sensitive)`, names included.
 */
export function reviewPlans(stacks: readonly StackPlan[], limit = COMMENT_LIMIT): string {
  // Blocks are whole Markdown structures (a heading, a table row, a <details> with its fence): cutting
  // between two never leaves a fence, a <details> or a table row open.
  const blocks = [[REVIEW_MARKER, '## Plan review', ''].join('\n'), ...stacks.flatMap(reviewStack)];
  const body = blocks.join('\n');
  if (body.length <= limit) return body;
  const note = `\n\n> ⚠️ Review truncated to fit a GitHub comment (${body.length} characters). Run \`npm run plan-review\` locally for the full text.\n`;
  let text = blocks[0];
  for (const block of blocks.slice(1)) {
    if (text.length + 1 + block.length + note.length > limit) break;
    text += `\n${block}`;
  }
  return text + note;
}

/** The review of one stack, as blocks (see `reviewPlans`). */
function reviewStack(s: StackPlan): string[] {
  const changes = (s.plan.resource_changes ?? []).filter((r) => r.mode === 'managed');
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const r of changes) counts[changeKind(r.change.actions)]++;
  const out: string[] = [
    [
      `### ${mdText(s.stack)}`,
      '',
      `**${counts.create}** to create · **${counts.update}** to update · **${counts.replace}** to replace · **${counts.delete}** to delete · ${counts['no-op']} unchanged`,
      '',
    ].join('\n'),
  ];
  const changed = changes.filter((r) => changeKind(r.change.actions) !== 'no-op');
  if (changed.length === 0) return [...out, 'No changes.\n'];

  out.push(['| Resource | Action | Why it matters |', '|---|---|---|'].join('\n'));
  for (const r of changed) {
    const kind = changeKind(r.change.actions);
    out.push(mdTableRow([`${mdCode(r.address)}${label(s, r)}`, `${ICON[kind] ?? ''} ${kind}`, notes(s, r).join(' ')]));
  }
  out.push('');

  const blast = blastRadius(s, changed);
  if (blast.length > 0) out.push(['**Blast radius**', '', ...blast.map((b) => `- ${b}`), ''].join('\n'));

  const attributeChanges = changed.filter((r) => r.type !== 'genesyscloud_flow' && r.type !== 'terraform_data' && changeKind(r.change.actions) !== 'create');
  for (const r of attributeChanges) {
    const lines = attributeDiff(r);
    if (lines.length > 0) out.push([`<details><summary>${mdText(r.address)}: attribute changes</summary>`, '', ...lines.map((l) => `- ${l}`), '', '</details>', ''].join('\n'));
  }

  for (const r of changed.filter((c) => c.type === 'genesyscloud_flow')) out.push(...flowSection(s, r));
  return out;
}

/** A resource's name for the reader: the escaped name (`shown`), or a placeholder such as `(sensitive)`. */
interface ShownName {
  readonly text: string;
  readonly shown: boolean;
}

/**
 * A resource's `name` on one side of the change: `(sensitive)` when Terraform marks it sensitive on that
 * side, `(known after apply)`, or the escaped name; undefined when it has no name that is text.
 */
function nameOf(r: ResourceChange, side: 'before' | 'after'): ShownName | undefined {
  const name = own(r.change[side], 'name');
  const sensitive = marked(side === 'before' ? r.change.before_sensitive : r.change.after_sensitive, 'name');
  const unknown = side === 'after' ? marked(r.change.after_unknown, 'name') : undefined;
  const shown = display(name, sensitive, unknown);
  if (shown === '(sensitive)' || shown === '(known after apply)') return { text: shown, shown: false };
  return typeof name === 'string' ? { text: mdText(name), shown: true } : undefined;
}

const quoted = (name: ShownName | undefined) => (name === undefined ? '(none)' : name.shown ? `'${name.text}'` : name.text);

/** The flow name behind a flow resource, or the resource's own name, for the table. */
function label(s: StackPlan, r: ResourceChange): string {
  const flow = s.head.flowsByAddress.get(r.address) ?? s.base?.flowsByAddress.get(r.address);
  if (flow) return ` (${mdText(flow.name)})`;
  const after = nameOf(r, 'after');
  const name = after === undefined || after.text === '(known after apply)' ? nameOf(r, 'before') : after;
  if (name === undefined) return '';
  return name.shown ? ` (${name.text})` : ` ${name.text}`;
}

/** Why a change matters beyond its action, as Markdown. */
function notes(s: StackPlan, r: ResourceChange): string[] {
  const kind = changeKind(r.change.actions);
  const before = r.change.before ?? {};
  const after = r.change.after ?? {};
  const found: string[] = [];
  if (r.type === 'genesyscloud_architect_ivr' && kind === 'replace') {
    found.push(own(before, 'name') !== own(after, 'name') ? `IVR renamed (${quoted(nameOf(r, 'before'))} → ${quoted(nameOf(r, 'after'))}): the provider re-creates it (name is ForceNew); its numbers are unrouted while it is replaced.` : 'The IVR is re-created with a new id.');
  }
  if (r.type === 'genesyscloud_telephony_providers_edges_did_pool' && (kind === 'update' || kind === 'replace') && (own(before, 'start_phone_number') !== own(after, 'start_phone_number') || own(before, 'end_phone_number') !== own(after, 'end_phone_number'))) {
    found.push('DID numbers change: the provider drops and re-creates the pool with a new id (the plan shows an update); IVRs using its numbers must follow.');
  }
  if (r.type === 'genesyscloud_flow') {
    const head = s.head.flowsByAddress.get(r.address);
    const base = s.base?.flowsByAddress.get(r.address);
    if (kind === 'delete' && base) {
      const callers = callersOf(s.base!, base).map((f) => mdText(f.name));
      found.push(callers.length > 0 ? `Deletes shared flow '${mdText(base.name)}', which ${callers.join(', ')} call.` : `Deletes flow '${mdText(base.name)}' from the org.`);
    }
    if (head && base && head.name !== base.name) {
      found.push(`Flow renamed ('${mdText(base.name)}' → '${mdText(head.name)}'): the import creates a new flow and leaves '${mdText(base.name)}' in the org as an orphan.`);
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
    const callers = callersOf(s.head, head).map((f) => mdText(f.name));
    lines.push(`SharedFlow *${mdText(head.name)}* ${base ? 'changed' : 'is new'} → ${callers.length > 0 ? `republishes ${callers.join(', ')}` : 'no caller in this stack'} (${mdText(s.stack)})`);
  }
  return lines;
}

function attributeDiff(r: ResourceChange): string[] {
  const before = r.change.before ?? {};
  const after = r.change.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const lines: string[] = [];
  for (const k of keys) {
    const unknown = marked(r.change.after_unknown, k);
    const a = display(own(after, k), marked(r.change.after_sensitive, k), unknown);
    const b = display(own(before, k), marked(r.change.before_sensitive, k), undefined);
    if (a !== b || a === '(known after apply)') lines.push(`${mdCode(k)}: ${mdText(b)} → ${mdText(a)}`);
  }
  return lines;
}

/** The blocks for one changed flow: what changed, node by node, and its diagram. */
function flowSection(s: StackPlan, r: ResourceChange): string[] {
  const head = s.head.flowsByAddress.get(r.address);
  const base = s.base?.flowsByAddress.get(r.address);
  const kind = changeKind(r.change.actions);
  const out: string[] = [];
  if (kind === 'delete' || !head) {
    if (base) out.push(`#### ${mdText(base.name)} (${mdText(base.type)}) — removed\n`);
    return out;
  }
  if (!base) {
    const outline = outlineFlow(head.yaml);
    out.push(`#### ${mdText(head.name)} (${mdText(head.type)}) — new\n`, ...outline.nodes.map((n) => `- ${mdCode(n.id)}${summary(n.facts)}`), '');
  } else {
    const changes = diffOutlines(outlineFlow(base.yaml), outlineFlow(head.yaml));
    out.push(`#### ${mdText(head.name)} (${mdText(head.type)}) — ${changes.length === 0 ? 'republished, logic unchanged' : `${changes.length} node(s) changed`}\n`);
    out.push(...changes.map(describeChange), '');
  }
  out.push(['<details><summary>Diagram</summary>', '', mdFence(mermaid(head.yaml), 'mermaid'), '', '</details>', ''].join('\n'));
  return out;
}

function describeChange(c: NodeChange): string {
  if (c.change === 'added') return `- ➕ added ${mdCode(c.id)}`;
  if (c.change === 'removed') return `- ➖ removed ${mdCode(c.id)}`;
  const value = (v: string | undefined) => (v === undefined ? '(none)' : mdCode(v));
  const facts = Object.entries(c.facts ?? {}).map(([k, [b, a]]) => `${mdText(k)}: ${value(b)} → ${value(a)}`);
  return `- ✏️ ${mdCode(c.id)}: ${facts.join('; ')}`;
}

function summary(facts: Readonly<Record<string, string>>): string {
  const interesting = Object.entries(facts).filter(([k]) => /tts|exp|targetQueue|Ref$|dtmf|digits|loopCount|var$/.test(k));
  return interesting.length > 0 ? ` — ${interesting.map(([k, v]) => `${mdText(k)}: ${mdText(v)}`).join('; ')}` : '';
}
