import { ExpectedFlow, SynthesizedStack } from '../synth-output/synthesized-stack';
import { Piece, countList, fitPieces } from '../text/fit';
import { VALUE_MAX, mdCode, mdFence, mdTableRow, mdText } from '../text/markdown';
import { diffOutlines, mermaid, NodeChange, outlineFlow } from './flow-outline';
import { flowUses, OrgObject } from './flow-references';
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

/** A stack whose plan could not be made (`--plan-failed`): the review must say its changes are missing. */
export interface FailedPlan {
  readonly stack: string;
  /** Why, as CI reported it: any text, so escaped and cut like every other value. */
  readonly reason?: string;
  /**
   * True when the head has no such stack (an environment removed or renamed by the change, whose plan job
   * then fails): the warning says so, however short the review is cut.
   */
  readonly notSynthesized?: boolean;
}

const KINDS: ChangeKind[] = ['create', 'update', 'replace', 'delete', 'forget', 'no-op'];
/** Order of the table, and what a shortened review keeps first: deletions, then replacements, ... */
const SEVERITY: ChangeKind[] = ['delete', 'replace', 'forget', 'update', 'create', 'read', 'no-op'];
const ICON: Record<ChangeKind, string> = { create: '➕', update: '✏️', replace: '♻️', delete: '🗑️', forget: '📤', 'no-op': '', read: '' };
const severity = (kind: ChangeKind) => SEVERITY.indexOf(kind);

/** The smallest limit `reviewPlans` accepts: room for the totals of any plan and the note. */
export const MIN_COMMENT_LIMIT = 400;
/** Stack names in a review shortened down to its counts. */
const SHORT_NAME = 40;
/** Names listed in one note (callers of a shared flow), then "and N more". */
const LIST_MAX = 10;

/**
 * Said right after the heading for a stack without a plan: an approval of the review would not cover its
 * changes; for a stack the head does not synthesize, also that it is not in this change. `full` false: the
 * stack name cut short and no reason (the note on a stack not synthesized stays), for a review cut down
 * to its totals.
 */
function missingPlanWarning(f: FailedPlan, full = true): string {
  const name = mdText(f.stack, full ? VALUE_MAX : SHORT_NAME);
  const absent = f.notSynthesized ? ` ${name} is not synthesized in this change (removed or renamed?).` : '';
  const reason = full && f.reason?.trim() ? ` Reason: ${mdText(f.reason.trim())}` : '';
  return `> ⛔ **No plan for ${name}: its changes are NOT in this review.**${absent} Do not approve until its plan succeeds and this review shows them.${reason}\n`;
}

/** Said instead of any stack's counts when every plan failed. */
const NO_PLAN = '**No plan could be made for any stack**: this review shows no changes.\n';

/**
 * One readable Markdown review of the plans of one or several stacks. Every value from a plan or a
 * synthesized stack is escaped and cut to `VALUE_MAX` characters (`runtime/text/markdown.ts`), so none can
 * change the comment's structure or fill it; values Terraform marks sensitive are shown as `(sensitive)`,
 * names included.
 *
 * First a warning for each stack in `failed` (its plan is missing, with the reason, escaped and cut like
 * every value, and whether the head does not synthesize it), then every stack's counts and its table of changed resources (deletions first), then the
 * details (blast radius, flow diffs, attribute diffs, diagrams). Longer than `limit`, the review is shortened
 * between whole blocks (`runtime/text/fit.ts`): the counts of every stack always stay; table rows are kept
 * before anything else (all stacks' deletions first, then replacements, ...), details before diagrams; a
 * note after each shortened table and at the end names what was left out, per stack. The warnings are
 * never left out (only their reasons, in a review cut down to its totals; never the note that a stack is
 * not synthesized): a RangeError when even that does not fit.
 */
export function reviewPlans(stacks: readonly StackPlan[], limit = COMMENT_LIMIT, failed: readonly FailedPlan[] = []): string {
  if (!(limit >= MIN_COMMENT_LIMIT)) throw new RangeError(`a review needs at least ${MIN_COMMENT_LIMIT} characters, not ${limit}`);
  const header: Piece = { text: [REVIEW_MARKER, '## Plan review', ''].join('\n'), keep: 'always' };
  const warnings: Piece[] = failed.map((f) => ({ text: missingPlanWarning(f), keep: 'always' }));
  if (stacks.length === 0) warnings.push({ text: NO_PLAN, keep: 'always' });
  const reviews = stacks.map((s, i) => reviewStack(s, i));
  const pieces = [header, ...warnings, ...reviews.flatMap((r) => r.summary), ...reviews.flatMap((r) => r.details)];
  const tails = new Map(reviews.flatMap((r) => (r.tail ? [[r.tail, ''] as const] : [])));
  const full = pieces.map((p) => tails.get(p) ?? p.text).join('\n');
  if (full.length <= limit) return full;

  const note = (left: ReadonlyArray<ReturnType<typeof leftOut>>) => {
    const parts = left.filter((l) => l.text !== '').map((l) => l.text);
    return `> ⚠️ Review shortened to fit a GitHub comment (the full review has ${full.length} characters).${parts.length > 0 ? ` Left out: ${parts.join('; ')}.` : ''} Run \`npm run plan-review -- … --limit none\` locally for the full text.\n`;
  };
  // Kept within the limit with the longest notes it could need (everything left out), then written with the real ones.
  const worst: Piece = { text: note(reviews.map((r) => leftOut(r, undefined))), keep: 'always' };
  const kept = fitPieces([...pieces, worst], limit);
  if (kept) {
    const texts = new Map<Piece, string>(reviews.flatMap((r) => (r.tail ? [[r.tail, tailText(r, kept)] as const] : [])));
    texts.set(worst, note(reviews.map((r) => leftOut(r, kept))));
    const text = [...pieces, worst]
      .filter((p) => kept.has(p))
      .map((p) => texts.get(p) ?? p.text)
      .join('\n');
    if (text.length <= limit) return text;
  }
  return countsOnly(stacks, reviews, failed, full.length, limit);
}

/**
 * A review too long for even its tables: the missing plans' warnings and every stack's counts (short
 * names), or the totals; last, the warnings without their reasons.
 */
function countsOnly(
  stacks: readonly StackPlan[],
  reviews: readonly StackReview[],
  failed: readonly FailedPlan[],
  fullLength: number,
  limit: number,
): string {
  const note = (what: string) =>
    `> ⚠️ Review shortened to fit a GitHub comment (the full review has ${fullLength} characters): ${what}. Run \`npm run plan-review -- … --limit none\` locally for the full text.\n`;
  const header = [REVIEW_MARKER, '## Plan review', ''].join('\n');
  const warnings = failed.map((f) => missingPlanWarning(f));
  const perStack =
    stacks.length === 0 ? [NO_PLAN] : reviews.map((r, i) => [`### ${mdText(stacks[i].stack, SHORT_NAME)}`, '', countsLine(r.counts), ''].join('\n'));
  const totals = Object.fromEntries(KINDS.map((k) => [k, reviews.reduce((n, r) => n + r.counts[k], 0)])) as Record<ChangeKind, number>;
  const totalsLine = stacks.length === 0 ? NO_PLAN : `${stacks.length} stack(s): ${countsLine(totals)}\n`;
  const candidates = [
    [header, ...warnings, ...perStack, note('only the counts of each stack are shown')],
    [header, ...warnings, totalsLine, note('only the totals of all stacks are shown')],
    [
      header,
      ...failed.map((f) => missingPlanWarning(f, false)),
      totalsLine,
      note('only the totals of all stacks are shown, and the warnings without their reasons'),
    ],
  ].map((lines) => lines.join('\n'));
  const text = candidates.find((c) => c.length <= limit);
  if (text !== undefined) return text;
  throw new RangeError(`a review needs more than ${limit} characters${failed.length > 0 ? " (a missing plan's warning is never left out)" : ''}`);
}

function countsLine(counts: Readonly<Record<ChangeKind, number>>): string {
  const forget = counts.forget > 0 ? ` · **${counts.forget}** to forget (leave Terraform, stay in Genesys)` : '';
  return `**${counts.create}** to create · **${counts.update}** to update · **${counts.replace}** to replace · **${counts.delete}** to delete${forget} · ${counts['no-op']} unchanged`;
}

/** One stack's review as pieces (`runtime/text/fit.ts`): its summary (in the first part) and its details. */
interface StackReview {
  readonly name: string;
  readonly counts: Readonly<Record<ChangeKind, number>>;
  readonly summary: Piece[];
  readonly details: Piece[];
  /** The table's rows, with their kinds. */
  readonly rows: ReadonlyArray<{ readonly piece: Piece; readonly kind: ChangeKind }>;
  /** The line after the table: blank, or a note on the rows left out (its text: the longest it can be). */
  readonly tail?: Piece;
  /** Detail pieces by what they are, for the note on what was left out. */
  readonly sections: ReadonlyArray<{ readonly piece: Piece; readonly what: Section }>;
}

type Section = 'blast radius' | 'flow diffs' | 'attribute diffs' | 'diagrams';
const SECTIONS: Section[] = ['blast radius', 'flow diffs', 'attribute diffs', 'diagrams'];
const LABEL: Record<Section, string> = {
  'blast radius': 'blast radius',
  'flow diffs': 'flow diff(s)',
  'attribute diffs': 'attribute diff(s)',
  diagrams: 'diagram(s)',
};
/** Ranks (see `Piece.keep`): table rows, then blast radius, flow diffs, attribute diffs, diagrams. */
const RANK: Record<'row' | Section, number> = { row: 0, 'blast radius': 1, 'flow diffs': 2, 'attribute diffs': 3, diagrams: 4 };

/** The review of one stack, as pieces (see `reviewPlans`); `at` is its place among the stacks. */
function reviewStack(s: StackPlan, at: number): StackReview {
  const name = mdText(s.stack);
  const changes = (s.plan.resource_changes ?? []).filter((r) => r.mode === 'managed');
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const r of changes) counts[changeKind(r.change.actions)]++;
  const heading: Piece = { text: [`### ${name}`, '', countsLine(counts), ''].join('\n'), keep: 'always' };
  const changed = changes
    .filter((r) => changeKind(r.change.actions) !== 'no-op')
    .map((r, i) => ({ r, i, kind: changeKind(r.change.actions) }))
    .sort((a, b) => severity(a.kind) - severity(b.kind) || a.i - b.i);
  if (changed.length === 0)
    return { name, counts, summary: [{ ...heading, text: `${heading.text}\nNo changes.\n` }], details: [], rows: [], sections: [] };

  const table: Piece = { text: ['| Resource | Action | Why it matters |', '|---|---|---|'].join('\n'), keep: 'with' };
  // Rows are ranked by kind, then by place in its kind, then by stack: every stack's first deletion is
  // kept before any stack's second one.
  const seen = new Map<ChangeKind, number>();
  const rows = changed.map(({ r, kind }) => {
    const nth = seen.get(kind) ?? 0;
    seen.set(kind, nth + 1);
    const text = mdTableRow([`${mdCode(r.address)}${label(s, r)}`, `${ICON[kind] ?? ''} ${kind}`, notes(s, r).join(' ')]);
    return { piece: { text, keep: [RANK.row, severity(kind), nth, at], under: table } as Piece, kind };
  });
  const review = { name, counts, rows };
  const tail: Piece = { text: rowsNote(review, rows.length), keep: 'always' };
  const sections: Array<{ piece: Piece; what: Section }> = [];
  const summary: Piece[] = [heading, table, ...rows.map((row) => row.piece), tail];

  const blast = blastRadius(
    s,
    changed.map((c) => c.r),
  );
  if (blast.length > 0) {
    const piece: Piece = { text: ['**Blast radius**', '', ...blast.map((b) => `- ${b}`), ''].join('\n'), keep: [RANK['blast radius'], at] };
    summary.push(piece);
    sections.push({ piece, what: 'blast radius' });
  }

  const detailsHeading: Piece = { text: `### Details: ${name}\n`, keep: 'with' };
  const details: Piece[] = [detailsHeading];
  let n = 0;
  const add = (text: string, what: Section, under: Piece = detailsHeading) => {
    const piece: Piece = { text, keep: [RANK[what], n++, at], under };
    details.push(piece);
    sections.push({ piece, what });
    return piece;
  };
  for (const { r, kind } of changed) {
    if (r.type === 'genesyscloud_flow' || r.type === 'terraform_data' || kind === 'create' || kind === 'forget') continue;
    const lines = attributeDiff(r);
    if (lines.length > 0)
      add(
        [`<details><summary>${mdText(r.address)}: attribute changes</summary>`, '', ...lines.map((l) => `- ${l}`), '', '</details>', ''].join('\n'),
        'attribute diffs',
      );
  }
  for (const { r } of changed.filter((c) => c.r.type === 'genesyscloud_flow')) {
    const flow = flowSection(s, r);
    if (!flow) continue;
    const piece = add(flow.text, 'flow diffs');
    if (flow.diagram) add(flow.diagram, 'diagrams', piece);
  }
  return { ...review, summary, details: details.length > 1 ? details : [], tail, sections };
}

/** What a shortened review left out of one stack, for the note at the end ('' for nothing); `kept` undefined: everything. */
function leftOut(r: StackReview, kept: ReadonlySet<Piece> | undefined): { text: string } {
  const out = (p: Piece) => kept === undefined || !kept.has(p);
  const rows = r.rows.filter((row) => out(row.piece)).length;
  const sections = SECTIONS.map((what) => [LABEL[what], r.sections.filter((x) => x.what === what && out(x.piece)).length] as const);
  const list = countList([['table row(s)', rows], ...sections]);
  return { text: list === '' ? '' : `${r.name}: ${list}` };
}

/** The line after a stack's table: blank, or what it does not show of `left` rows (by kind). */
function rowsNote(r: Pick<StackReview, 'rows' | 'counts'>, left: number, kinds: readonly ChangeKind[] = r.rows.map((row) => row.kind)): string {
  if (left === 0) return '';
  const byKind = SEVERITY.map((k) => [k, kinds.filter((x) => x === k).length] as const);
  return `\n**${left}** more changed resource(s) not shown here (${countList(byKind)}): see the note at the end.\n`;
}

function tailText(r: StackReview, kept: ReadonlySet<Piece>): string {
  const left = r.rows.filter((row) => !kept.has(row.piece));
  return rowsNote(
    r,
    left.length,
    left.map((row) => row.kind),
  );
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
    found.push(
      own(before, 'name') !== own(after, 'name')
        ? `IVR renamed (${quoted(nameOf(r, 'before'))} → ${quoted(nameOf(r, 'after'))}): the provider re-creates it (name is ForceNew); its numbers are unrouted while it is replaced.`
        : 'The IVR is re-created with a new id.',
    );
  }
  if (
    r.type === 'genesyscloud_telephony_providers_edges_did_pool' &&
    (kind === 'update' || kind === 'replace') &&
    (own(before, 'start_phone_number') !== own(after, 'start_phone_number') || own(before, 'end_phone_number') !== own(after, 'end_phone_number'))
  ) {
    found.push(
      'DID numbers change: the provider drops and re-creates the pool with a new id (the plan shows an update); IVRs using its numbers must follow.',
    );
  }
  if (r.type === 'genesyscloud_flow') {
    const head = s.head.flowsByAddress.get(r.address);
    const base = s.base?.flowsByAddress.get(r.address);
    if (kind === 'delete' && base) {
      const callers = callersOf(s.base!, base).map((f) => f.name);
      found.push(
        callers.length > 0
          ? `Deletes shared flow '${mdText(base.name)}', which ${nameList(callers)} call.`
          : `Deletes flow '${mdText(base.name)}' from the org.`,
      );
    }
    if (head && base && head.name !== base.name) {
      found.push(
        `Flow renamed ('${mdText(base.name)}' → '${mdText(head.name)}'): the import creates a new flow and leaves '${mdText(base.name)}' in the org as an orphan.`,
      );
    }
    if (kind === 'update' && head && base && head.yaml === base.yaml) found.push('Republish only (a shared flow it calls changed).');
  }
  found.push(...orgObjectNotes(s, r), ...inQueueFlowNotes(s, r));
  if (r.type === 'terraform_data' && kind === 'replace') found.push('The post-apply flow check runs again.');
  if (kind === 'replace' && r.change.actions.includes('forget')) found.push(FORGET_REPLACE_NOTE);
  if (kind === 'delete' && found.length === 0) found.push('Removed from the org.');
  if (kind === 'forget') found.push(FORGET_NOTE);
  return found;
}

/** Attributes of a data action the provider cannot change in place (ForceNew in provider 1.84.1). */
const DATA_ACTION_FORCE_NEW = ['integration_id', 'secure', 'contract_input', 'contract_output'];

/** Resource types whose objects flows name (`flow-references.ts`), with what a flow does with one. */
const ORG_OBJECTS: Readonly<Record<string, { what: OrgObject['kind']; verb: string }>> = {
  genesyscloud_integration_action: { what: 'data action', verb: 'call' },
  genesyscloud_architect_datatable: { what: 'data table', verb: 'look up' },
  genesyscloud_architect_user_prompt: { what: 'user prompt', verb: 'play' },
};

/** The object a data action, table or prompt resource is on one side of the change, as flows name it. */
function orgObjectOf(r: ResourceChange, side: 'before' | 'after'): OrgObject | undefined {
  const what = Object.hasOwn(ORG_OBJECTS, r.type) ? ORG_OBJECTS[r.type].what : undefined;
  const name = own(r.change[side], 'name');
  if (what === undefined || typeof name !== 'string') return undefined;
  if (what !== 'data action') return { kind: what, name };
  const category = own(r.change[side], 'category');
  return typeof category === 'string' ? { kind: what, category, name } : undefined;
}

/** The object's name for the reader ('CRM / Lookup'), or `(sensitive)`. */
function orgObjectLabel(r: ResourceChange, object: OrgObject): string {
  const hidden = marked(r.change.before_sensitive, 'name') || (object.kind === 'data action' && marked(r.change.before_sensitive, 'category'));
  if (hidden) return '(sensitive)';
  return `'${mdText(object.kind === 'data action' ? `${object.category} / ${object.name}` : object.name)}'`;
}

/**
 * A data action, table or prompt deleted, re-created (new id) or renamed while head flows still use it
 * by its old name: which flows, and whether this plan republishes them.
 */
function orgObjectNotes(s: StackPlan, r: ResourceChange): string[] {
  const kind = changeKind(r.change.actions);
  const old = orgObjectOf(r, 'before');
  if (!old || !(kind === 'delete' || kind === 'replace' || kind === 'update')) return [];
  const { what, verb } = ORG_OBJECTS[r.type];
  const renamed = kind !== 'delete' && JSON.stringify(orgObjectOf(r, 'after')) !== JSON.stringify(old);
  if (kind === 'update' && !renamed) return [];
  const users = s.head.flows.filter((f) => flowUses(f, old));
  const label = orgObjectLabel(r, old);
  const notes: string[] = [];
  if (kind === 'replace') {
    const forceNew = r.type === 'genesyscloud_integration_action' ? DATA_ACTION_FORCE_NEW.filter((k) => attributeChanges(r, k)) : [];
    notes.push(
      `The provider re-creates the ${what} with a new id${forceNew.length > 0 ? ` (${forceNew.map((k) => mdCode(k)).join(', ')} cannot change in place)` : ''}.`,
    );
  }
  if (users.length === 0) {
    if (kind === 'delete') notes.push(`Deletes ${what} ${label} from the org (no flow of this stack uses it).`);
    return notes;
  }
  const names = nameList(users.map((f) => f.name));
  if (kind === 'delete') notes.push(`Deletes ${what} ${label}, which ${names} still ${verb}: they fail once it is gone.`);
  else if (renamed) notes.push(`${capitalized(what)} ${label} is renamed, but ${names} still ${verb} it by that name: they fail after the apply.`);
  if (kind === 'replace') {
    const republished = new Set(
      (s.plan.resource_changes ?? [])
        .filter((c) => c.type === 'genesyscloud_flow' && ['update', 'replace', 'create'].includes(changeKind(c.change.actions)))
        .map((c) => s.head.flowsByAddress.get(c.address))
        .filter((f) => f !== undefined),
    );
    const stale = users.filter((f) => !republished.has(f)).map((f) => f.name);
    if (!renamed)
      notes.push(
        stale.length > 0
          ? `Flows that ${verb} it: ${names}; not republished by this plan: ${nameList(stale)} (republish them after the apply).`
          : `Flows that ${verb} it: ${names}, all republished by this plan.`,
      );
  }
  return notes;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Whether the plan changes attribute `key` (or knows its new value only after apply). */
function attributeChanges(r: ResourceChange, key: string): boolean {
  if (marked(r.change.after_unknown, key) === true) return true;
  return JSON.stringify(own(r.change.before, key) ?? null) !== JSON.stringify(own(r.change.after, key) ?? null);
}

/** A queue's in-queue flow changing, by flow name: "In-queue flow 'Hold' → the queue's default." */
function inQueueFlowNotes(s: StackPlan, r: ResourceChange): string[] {
  const kind = changeKind(r.change.actions);
  if (r.type !== 'genesyscloud_routing_queue' || !(kind === 'update' || kind === 'replace') || !attributeChanges(r, 'queue_flow_id')) return [];
  const name = r.address.slice(r.type.length + 1);
  const configured = (stack: SynthesizedStack | undefined): unknown => stack?.json.resource?.genesyscloud_routing_queue?.[name]?.queue_flow_id;
  const before = inQueueFlowName(s, own(r.change.before, 'queue_flow_id') ?? configured(s.base));
  const after =
    marked(r.change.after_unknown, 'queue_flow_id') === true
      ? inQueueFlowName(s, configured(s.head))
      : inQueueFlowName(s, own(r.change.after, 'queue_flow_id'));
  if (before === after) return [`In-queue flow ${before} gets a new id (re-created).`];
  return [`In-queue flow ${before} → ${after}.`];
}

/** An in-queue flow id as the reader knows it: `'Hold'`, "the queue's default", or the id. */
function inQueueFlowName(s: StackPlan, id: unknown): string {
  if (id === undefined || id === null || id === '') return "the queue's default";
  if (typeof id !== 'string') return mdText(JSON.stringify(id) ?? '?');
  const reference = /^\$\{(genesyscloud_flow\.[A-Za-z0-9_-]+)\.id\}$/.exec(id)?.[1];
  const address =
    reference ??
    (s.plan.resource_changes ?? []).find(
      (c) => c.type === 'genesyscloud_flow' && (own(c.change.before, 'id') === id || own(c.change.after, 'id') === id),
    )?.address;
  const flow = address === undefined ? undefined : (s.head.flowsByAddress.get(address) ?? s.base?.flowsByAddress.get(address));
  return flow ? `'${mdText(flow.name)}'` : `id ${mdCode(id)}`;
}

/** The note on a `forget` (a `removed` block with `destroy = false`). */
export const FORGET_NOTE =
  'Leaves Terraform management and stays in Genesys as it is (a `removed` block with `destroy = false`): Terraform will no longer update or delete it.';
/** The note on `["create", "forget"]`. */
export const FORGET_REPLACE_NOTE =
  'The old object is not destroyed (`destroy = false`): it stays in Genesys, no longer managed by Terraform, next to the new one.';

/** Escaped names joined with commas, at most LIST_MAX of them, then "and N more". */
function nameList(names: readonly string[]): string {
  const shown = names.slice(0, LIST_MAX).map((n) => mdText(n));
  return names.length > LIST_MAX ? `${shown.join(', ')} and ${names.length - LIST_MAX} more` : shown.join(', ');
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
    lines.push(
      `SharedFlow *${mdText(head.name)}* ${base ? 'changed' : 'is new'} → ${callers.length > 0 ? `republishes ${nameList(callers)}` : 'no caller in this stack'} (${mdText(s.stack)})`,
    );
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

/** One changed flow's section: what changed, node by node (or that it is removed or forgotten), and its diagram. */
function flowSection(s: StackPlan, r: ResourceChange): { text: string; diagram?: string } | undefined {
  const head = s.head.flowsByAddress.get(r.address);
  const base = s.base?.flowsByAddress.get(r.address);
  const kind = changeKind(r.change.actions);
  if (kind === 'forget') {
    const flow = base ?? head;
    return flow && { text: `#### ${mdText(flow.name)} (${mdText(flow.type)}) — leaves Terraform management, stays in the org\n` };
  }
  if (kind === 'delete' || !head) return base && { text: `#### ${mdText(base.name)} (${mdText(base.type)}) — removed\n` };
  let lines: string[];
  if (!base) {
    const outline = outlineFlow(head.yaml);
    lines = [`#### ${mdText(head.name)} (${mdText(head.type)}) — new\n`, ...outline.nodes.map((n) => `- ${mdCode(n.id)}${summary(n.facts)}`), ''];
  } else {
    const changes = diffOutlines(outlineFlow(base.yaml), outlineFlow(head.yaml));
    lines = [
      `#### ${mdText(head.name)} (${mdText(head.type)}) — ${changes.length === 0 ? 'republished, logic unchanged' : `${changes.length} node(s) changed`}\n`,
      ...changes.map(describeChange),
      '',
    ];
  }
  return {
    text: lines.join('\n'),
    diagram: ['<details><summary>Diagram</summary>', '', mdFence(mermaid(head.yaml), 'mermaid'), '', '</details>', ''].join('\n'),
  };
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
