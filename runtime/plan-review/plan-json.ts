import { ProblemError } from '../../flow/problems';
/**
 * The parts of Terraform's plan JSON (`terraform show -json <plan>`, format 1.x) the review reads.
 * `forget` (Terraform >= 1.7): a `removed` block with `lifecycle { destroy = false }` takes the object out
 * of the state and leaves it where it is; `["create", "forget"]`: replaced, the old object left in place.
 */
export type PlanAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget';
const KNOWN_ACTIONS: readonly PlanAction[] = ['no-op', 'create', 'read', 'update', 'delete', 'forget'];

export interface ResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly action_reason?: string;
  readonly change: {
    readonly actions: PlanAction[];
    readonly before: Record<string, unknown> | null;
    readonly after: Record<string, unknown> | null;
    readonly after_unknown?: Record<string, unknown> | boolean;
    readonly before_sensitive?: Record<string, unknown> | boolean;
    readonly after_sensitive?: Record<string, unknown> | boolean;
    readonly replace_paths?: unknown[][];
  };
}

export interface TerraformPlan {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly resource_changes?: ResourceChange[];
}

/**
 * What a resource change amounts to, in reviewer terms. `forget`: the object leaves Terraform's management
 * and stays in Genesys as it is (never counted as unchanged: nothing will manage it any more).
 */
export type ChangeKind = 'create' | 'update' | 'replace' | 'delete' | 'forget' | 'no-op' | 'read';

export function changeKind(actions: readonly PlanAction[]): ChangeKind {
  if (actions.includes('create') && (actions.includes('delete') || actions.includes('forget'))) return 'replace';
  if (actions.includes('create')) return 'create';
  if (actions.includes('delete')) return 'delete';
  if (actions.includes('forget')) return 'forget';
  if (actions.includes('update')) return 'update';
  if (actions.includes('read')) return 'read';
  return 'no-op';
}

/** A plan file that is not a Terraform plan this review can read: the only error `parsePlan` throws. */
export class PlanFormatError extends ProblemError {
  constructor(where: string, message: string, fix: string = HINT) {
    super([{ code: 'GC5001', path: where, message, fix }]);
    this.name = 'PlanFormatError';
  }
}

const HINT = 'pass the output of `terraform show -json <planfile>`';

/**
 * Parses and checks a plan file; only format 1.x is understood. Checks the shape of everything the review
 * reads (`resource_changes[]`: `address`, `mode`, `type` strings; `change` with a list of `actions` and
 * `before` / `after` objects or null), so any JSON either gives a plan the review can always render or a
 * `PlanFormatError` naming `source` and what is wrong (exit 1 in `npm run plan-review`).
 */
export function parsePlan(text: string, source: string): TerraformPlan {
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch (err) {
    throw new PlanFormatError(source, `not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isRecord(plan)) throw new PlanFormatError(source, 'not a Terraform plan (a JSON object with format_version)');
  if (typeof plan.format_version !== 'string' || !/^1\./.test(plan.format_version)) {
    throw new PlanFormatError(source, `plan format ${describe(plan.format_version)} is not supported`, 'use Terraform >= 1.0 (format 1.x)');
  }
  const changes = plan.resource_changes;
  if (changes !== undefined && changes !== null && !Array.isArray(changes)) throw new PlanFormatError(source, 'resource_changes is not a list');
  for (const [i, r] of (changes ?? []).entries()) {
    const at = `${source} resource_changes[${i}]`;
    if (!isRecord(r)) throw new PlanFormatError(at, 'is not an object');
    for (const key of ['address', 'mode', 'type'] as const)
      if (typeof r[key] !== 'string') throw new PlanFormatError(`${at}.${key}`, 'is not a string');
    if (!isRecord(r.change)) throw new PlanFormatError(`${at}.change`, 'is not an object');
    const { actions, before, after } = r.change;
    if (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string'))
      throw new PlanFormatError(`${at}.change.actions`, 'is not a list of strings');
    // An action this review does not know (a newer Terraform) must not pass as "unchanged".
    const unknown = actions.find((a) => !KNOWN_ACTIONS.includes(a as PlanAction));
    if (unknown !== undefined)
      throw new PlanFormatError(
        `${at}.change.actions`,
        `has '${unknown.slice(0, 40)}', which this review does not know (it knows ${KNOWN_ACTIONS.join(', ')})`,
        'read the plan with terraform show',
      );
    for (const [key, value] of [
      ['before', before],
      ['after', after],
    ] as const) {
      if (value !== undefined && value !== null && !isRecord(value))
        throw new PlanFormatError(`${at}.change.${key}`, 'is neither an object nor null');
    }
  }
  return plan as unknown as TerraformPlan;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value for an error message, kept short. */
function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** An own property of a plan object (never one inherited from Object.prototype, such as `constructor`). */
export function own(object: unknown, key: string): unknown {
  return typeof object === 'object' && object !== null && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/** `true`, or a nested map of `true`s, marks sensitive / unknown attributes. */
export function marked(marks: unknown, key: string): unknown {
  if (marks === true) return true;
  return own(marks, key);
}

/** Whether a mark says "all of this": `true` (anything else truthy but a map or a list counts, never to leak). */
function whole(mark: unknown): boolean {
  return mark !== undefined && mark !== null && mark !== false && typeof mark !== 'object';
}

/** Whether a mark marks anything at all (for a scalar value, any `true` in its mark hides it). */
function any(mark: unknown, depth = 0): boolean {
  if (whole(mark)) return true;
  if (typeof mark !== 'object' || mark === null) return false;
  if (depth > MAX_DEPTH) return true; // too deep to tell: hidden
  return Object.values(mark).some((m) => any(m, depth + 1));
}

/** Deeper than any real attribute; shown as `…` (and never recursed into). */
const MAX_DEPTH = 32;

/** A value for display: masked when sensitive, "known after apply" when unknown. Plain text, not escaped. */
export function display(value: unknown, sensitive: unknown, unknown: unknown, depth = 0): string {
  if (whole(sensitive)) return '(sensitive)';
  if (whole(unknown)) return '(known after apply)';
  if (value === undefined || value === null) return '(none)';
  if (typeof value !== 'object') return any(sensitive) ? '(sensitive)' : (JSON.stringify(value) ?? String(value));
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value))
    return `[${value.map((v, i) => display(v, marked(sensitive, String(i)), marked(unknown, String(i)), depth + 1)).join(', ')}]`;
  // A key that is not a plain word is quoted, so no key can spell a different value.
  return `{${Object.entries(value)
    .map(([k, v]) => `${/^[\w-]+$/.test(k) ? k : JSON.stringify(k)}: ${display(v, marked(sensitive, k), marked(unknown, k), depth + 1)}`)
    .join(', ')}}`;
}
