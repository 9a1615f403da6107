/** The parts of Terraform's plan JSON (`terraform show -json <plan>`, format 1.x) the review reads. */
export type PlanAction = 'no-op' | 'create' | 'read' | 'update' | 'delete';

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

/** What a resource change amounts to, in reviewer terms. */
export type ChangeKind = 'create' | 'update' | 'replace' | 'delete' | 'no-op' | 'read';

export function changeKind(actions: readonly PlanAction[]): ChangeKind {
  if (actions.includes('create') && actions.includes('delete')) return 'replace';
  if (actions.includes('create')) return 'create';
  if (actions.includes('delete')) return 'delete';
  if (actions.includes('update')) return 'update';
  if (actions.includes('read')) return 'read';
  return 'no-op';
}

/** Parses and checks a plan file; only format 1.x is understood. */
export function parsePlan(text: string, source: string): TerraformPlan {
  let plan: TerraformPlan;
  try {
    plan = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not JSON (${(err as Error).message}); pass the output of \`terraform show -json <planfile>\``);
  }
  if (typeof plan.format_version !== 'string' || !/^1\./.test(plan.format_version)) {
    throw new Error(`${source}: plan format ${JSON.stringify(plan.format_version)} is not supported; use Terraform >= 1.0 (format 1.x)`);
  }
  return plan;
}

/** `true`, or a nested map of `true`s, marks sensitive / unknown attributes. */
export function marked(marks: unknown, key: string): unknown {
  if (marks === true) return true;
  if (marks && typeof marks === 'object') return (marks as Record<string, unknown>)[key];
  return undefined;
}

/** A value for display: masked when sensitive, "known after apply" when unknown. */
export function display(value: unknown, sensitive: unknown, unknown: unknown): string {
  if (sensitive === true) return '(sensitive)';
  if (unknown === true) return '(known after apply)';
  if (value === undefined || value === null) return '(none)';
  if (Array.isArray(value)) return `[${value.map((v, i) => display(v, marked(sensitive, String(i)), marked(unknown, String(i)))).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${display(v, marked(sensitive, k), marked(unknown, k))}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}
