import { normalizeFlow } from '../flow-compare';

/** One node of a flow: a task, menu, menu choice or action, identified by its path of names. */
export interface FlowNode {
  /** `task "Main" > playAudio "Greeting"`. */
  readonly id: string;
  readonly kind: string;
  /** What a reviewer cares about: prompts, conditions, targets, variables, in `key: value` form. */
  readonly facts: Readonly<Record<string, string>>;
}

export interface FlowOutline {
  readonly type: string;
  readonly name: string;
  readonly nodes: FlowNode[];
}

const CONTAINERS = new Set(['actions', 'outputs', 'choices', 'tasks', 'menus', 'states', 'startUpTaskActions', 'task']);

/**
 * The flow as a list of nodes in reading order (depth first), from its Archy YAML read by meaning
 * (`normalizeFlow`: references by the name of their target, no refIds, choices by digit), so a review
 * shows what the flow check and drift would compare.
 */
export function outlineFlow(yaml: string): FlowOutline {
  const { type, body } = readFlow(yaml);
  const nodes: FlowNode[] = [];
  const seen = new Map<string, number>();
  const visitList = (items: unknown, parent: string, branch: string) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const [kind] = Object.keys(item);
      const value = (item as Record<string, Record<string, unknown>>)[kind] ?? {};
      const base = `${parent}${branch ? ` [${branch}]` : ''}${parent ? ' > ' : ''}${kind} "${String(value.name ?? '?')}"`;
      // Names need not be unique in Architect; a counter keeps node ids unique and stable.
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const id = n === 1 ? base : `${base} #${n}`;
      nodes.push({ id, kind, facts: factsOf(value) });
      visitChildren(value, id);
    }
  };
  const visitChildren = (value: Record<string, unknown>, id: string) => {
    if (Array.isArray(value.actions)) visitList(value.actions, id, '');
    if (value.choices) visitList(Object.values(value.choices), id, '');
    if (value.task && typeof value.task === 'object') visitChildren(value.task as Record<string, unknown>, id);
    const outputs = value.outputs as Record<string, { actions?: unknown }> | undefined;
    if (outputs && typeof outputs === 'object') for (const [label, out] of Object.entries(outputs)) visitList(out?.actions, id, label);
  };
  // The flow itself is a node: start-up, greeting, variables, module settings change behaviour too.
  nodes.push({ id: 'flow settings', kind: type, facts: factsOf(body) });
  visitList(named(body.menus, 'menu'), '', '');
  visitList(named(body.tasks, 'task'), '', '');
  visitList(body.startUpTaskActions, '', '');
  return { type, name: String(body.name ?? '?'), nodes };
}

/** Leaf values of an action, except its children, as `path: value` facts. */
function factsOf(value: Record<string, unknown>): Record<string, string> {
  const facts: Record<string, string> = {};
  const walk = (v: unknown, path: string) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, child] of Object.entries(v)) if (!CONTAINERS.has(k) || path !== '') walk(child, path ? `${path}.${k}` : k);
    } else if (Array.isArray(v)) {
      if (path.split('.').some((p) => CONTAINERS.has(p))) return;
      facts[path] = JSON.stringify(v);
    } else if (path !== 'name' && path !== 'refId') {
      facts[path] = String(v);
    }
  };
  for (const [k, v] of Object.entries(value)) if (!CONTAINERS.has(k)) walk(v, k);
  return facts;
}

export interface NodeChange {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly kind: string;
  /** For `changed`: fact → [before, after]. */
  readonly facts?: Readonly<Record<string, [string | undefined, string | undefined]>>;
}

/** Node-level differences between two versions of a flow: added, removed and changed actions. */
export function diffOutlines(before: FlowOutline, after: FlowOutline): NodeChange[] {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const changes: NodeChange[] = [];
  for (const node of after.nodes) {
    const prev = old.get(node.id);
    if (!prev) {
      changes.push({ id: node.id, change: 'added', kind: node.kind });
      continue;
    }
    const keys = [...new Set([...Object.keys(prev.facts), ...Object.keys(node.facts)])].sort();
    const facts: Record<string, [string | undefined, string | undefined]> = {};
    for (const k of keys) if (prev.facts[k] !== node.facts[k]) facts[k] = [prev.facts[k], node.facts[k]];
    if (Object.keys(facts).length > 0) changes.push({ id: node.id, change: 'changed', kind: node.kind, facts });
  }
  for (const node of before.nodes) if (!now.has(node.id)) changes.push({ id: node.id, change: 'removed', kind: node.kind });
  return changes;
}

/** The branches an action always has (the others are optional). */
const BRANCHES: Readonly<Record<string, readonly string[]>> = { decision: ['yes', 'no'], collectInput: ['success', 'failure'] };

/** A Mermaid flowchart of the flow (GitHub renders it in comments). */
export function mermaid(yaml: string): string {
  const { body } = readFlow(yaml);
  const lines = ['flowchart TD'];
  let counter = 0;
  const label = (text: string) => text.replace(/["<>]/g, "'").replace(/[[\]{}|]/g, ' ').slice(0, 60);
  const node = (text: string, shape: 'box' | 'end' = 'box') => {
    const id = `n${++counter}`;
    lines.push(shape === 'end' ? `  ${id}(["${label(text)}"])` : `  ${id}["${label(text)}"]`);
    return id;
  };
  /** Draws a list; returns the ids whose control falls through to what follows. */
  const list = (items: unknown, from: string[], edge = ''): string[] => {
    let tails = from;
    let first = true;
    for (const item of Array.isArray(items) ? items : []) {
      const [kind] = Object.keys(item as object);
      const value = (item as Record<string, Record<string, unknown>>)[kind] ?? {};
      const id = node(`${kind}: ${String(value.name ?? '')}`, ['disconnect', 'endTask', 'transferToFlow', 'jumpToMenu'].includes(kind) ? 'end' : 'box');
      for (const t of tails) lines.push(`  ${t} -->${first && edge ? `|${label(edge)}|` : ''} ${id}`);
      first = false;
      const outputs = value.outputs as Record<string, { actions?: unknown }> | undefined;
      if (outputs && typeof outputs === 'object') {
        tails = Object.entries(outputs).flatMap(([branch, out]) => (Array.isArray(out?.actions) && out.actions.length > 0 ? list(out.actions, [id], branch) : [id]));
        // A branch without actions is left out when read by meaning; control falls through it.
        if ((BRANCHES[kind] ?? []).some((b) => !(b in outputs))) tails.push(id);
      } else {
        tails = ['disconnect', 'endTask', 'jumpToMenu', 'loopNext', 'loopExit'].includes(kind) ? [] : [id];
      }
    }
    return tails;
  };
  for (const menu of named(body.menus, 'menu') as Array<{ menu: Record<string, unknown> }>) {
    const id = node(`menu: ${String(menu.menu.name)}`);
    for (const choice of Object.values((menu.menu.choices as Record<string, Record<string, Record<string, unknown>>>) ?? {})) {
      const [kind] = Object.keys(choice);
      const c = choice[kind];
      const target = node(`${kind}: ${String(c.name ?? '')}`, 'end');
      lines.push(`  ${id} -->|${label(String(c.dtmf ?? ''))}| ${target}`);
    }
  }
  for (const task of named(body.tasks, 'task') as Array<{ task: Record<string, unknown> }>) list(task.task.actions, [node(`task: ${String(task.task.name)}`)]);
  if (body.startUpTaskActions) list(body.startUpTaskActions, [node(`start: ${String(body.name)}`)]);
  return lines.join('\n');
}

function readFlow(yaml: string): { type: string; body: Record<string, unknown> } {
  const { type, body } = normalizeFlow(yaml);
  return { type, body: body as Record<string, unknown> };
}

/** A normalized `menus` / `tasks` map back as the wrapped list the walkers read (`[{task: {...}}]`). */
function named(map: unknown, itemKey: string): Array<Record<string, unknown>> {
  return map && typeof map === 'object' ? Object.values(map).map((item) => ({ [itemKey]: item })) : [];
}
