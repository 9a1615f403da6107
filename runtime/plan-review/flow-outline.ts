import { normalizeFlow } from '../flow-compare';
import { mermaidLabel } from '../text/mermaid';

/** One node of a flow: a task, menu, menu choice or action, identified by its path of names. */
export interface FlowNode {
  /** `task "Main" > playAudio "Greeting"`. */
  readonly id: string;
  readonly kind: string;
  /** What a reviewer cares about: prompts, conditions, targets, variables, in `key: value` form. */
  readonly facts: Readonly<Record<string, string>>;
  /** For each key-named target fact (`dataAction`, ...): the fact path its content sits under. */
  readonly targetPaths?: Readonly<Record<string, string>>;
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
      const inner = (item as Record<string, unknown>)[kind];
      const value = isObject(inner) ? inner : {};
      // Names (and unusual branch labels) are quoted as JSON strings: no name can spell another node's id.
      const base = `${parent}${branch ? ` [${/^[\w-]+$/.test(branch) ? branch : JSON.stringify(branch)}]` : ''}${parent ? ' > ' : ''}${kind} ${JSON.stringify(value.name === undefined || value.name === null ? '?' : scalar(value.name))}`;
      // Names need not be unique in Architect; a counter keeps node ids unique and stable.
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const id = n === 1 ? base : `${base} #${n}`;
      nodes.push({ id, kind, facts: factsOf(value), targetPaths: keyNamedTargets(value).paths });
      visitChildren(value, id);
    }
  };
  const visitChildren = (value: Record<string, unknown>, id: string) => {
    if (Array.isArray(value.actions)) visitList(value.actions, id, '');
    if (value.choices) visitList(Object.values(value.choices), id, '');
    if (value.task && typeof value.task === 'object') visitChildren(value.task as Record<string, unknown>, id);
    const outputs = value.outputs as Record<string, { actions?: unknown }> | undefined;
    if (outputs && typeof outputs === 'object') for (const [label, out] of Object.entries(outputs)) visitList(out?.actions, id, label);
    for (const c of switchBranches(value)) visitList(c.actions, id, c.label);
  };
  // The flow itself is a node: start-up, greeting, variables, module settings change behaviour too.
  nodes.push({ id: 'flow settings', kind: type, facts: factsOf(body) });
  visitList(named(body.menus, 'menu'), '', '');
  visitList(named(body.tasks, 'task'), '', '');
  visitList(body.startUpTaskActions, '', '');
  return { type, name: body.name === undefined || body.name === null ? '?' : scalar(body.name), nodes };
}

/** The `evaluate: firstTrue` block of a `switch` action, when `value` has one. */
function firstTrueOf(value: Record<string, unknown>): Record<string, unknown> | undefined {
  const evaluate = value.evaluate;
  return isObject(evaluate) && isObject(evaluate.firstTrue) ? evaluate.firstTrue : undefined;
}

/**
 * The branches of a `switch` action (`evaluate: firstTrue`): `case 1`, `case 2`, ... in order (the
 * first true case runs), then `default`; each with its condition (`value`) and actions. None for other actions.
 */
function switchBranches(value: Record<string, unknown>): Array<{ label: string; condition?: unknown; actions: unknown }> {
  const firstTrue = firstTrueOf(value);
  if (!firstTrue) return [];
  const cases = (Array.isArray(firstTrue.cases) ? firstTrue.cases : []).map((item: unknown, i) => {
    const c = isObject(item) && isObject(item.case) ? item.case : {};
    return { label: `case ${i + 1}`, condition: c.value, actions: c.actions };
  });
  const fallback = isObject(firstTrue.default) ? firstTrue.default.actions : undefined;
  return [...cases, { label: 'default', actions: fallback }];
}

/**
 * Archy names some targets only by a key: `screenPopScript: {<script>: …}`, `category: {<integration>:
 * {dataAction: {<action>: …}}}`, `dataTable: {<table>: …}`, `commonModule: {<module>: …}`. Leaf facts
 * alone would miss a change of target (an empty `{}` under it has no leaf), so each gets a fact of its own.
 */
function keyNamedTargets(value: Record<string, unknown>): { facts: Record<string, string>; paths: Record<string, string> } {
  const onlyKey = (v: unknown): string | undefined => (isObject(v) && Object.keys(v).length === 1 ? Object.keys(v)[0] : undefined);
  const facts: Record<string, string> = {};
  const paths: Record<string, string> = {};
  for (const key of ['screenPopScript', 'dataTable', 'commonModule']) {
    const name = onlyKey(value[key]);
    if (name !== undefined) {
      facts[key] = name;
      paths[key] = `${key}.${name}`;
    }
  }
  const integration = onlyKey(value.category);
  if (integration !== undefined) {
    const call = (value.category as Record<string, unknown>)[integration];
    const action = isObject(call) ? onlyKey(call.dataAction) : undefined;
    facts.dataAction = `${integration} / ${action ?? '?'}`;
    paths.dataAction = action === undefined ? `category.${integration}` : `category.${integration}.dataAction.${action}`;
  }
  return { facts, paths };
}

/** Leaf values of an action (and its empty maps, as `{}`), except its children, as `path: value` facts. */
function factsOf(value: Record<string, unknown>): Record<string, string> {
  const facts: Record<string, string> = keyNamedTargets(value).facts;
  const firstTrue = firstTrueOf(value);
  if (firstTrue) {
    // A switch: its cases' conditions are its facts; their actions are child nodes.
    const { evaluate, ...rest } = value;
    const { firstTrue: _cases, ...otherModes } = evaluate as Record<string, unknown>;
    for (const c of switchBranches(value)) if (c.label !== 'default') facts[`${c.label}.value`] = conditionText(c.condition);
    return { ...factsOf({ ...rest, ...(Object.keys(otherModes).length > 0 ? { evaluate: otherModes } : {}) }), ...facts };
  }
  const walk = (v: unknown, path: string) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (Object.keys(v).length === 0 && path !== '') facts[path] = '{}';
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

/**
 * Node-level differences between two versions of a flow: added, removed and changed actions. When a
 * key-named target changes (`dataAction: A / B → C / B`), its fact comes first and the facts under the old
 * and new keys are compared with each other, not as removed and added: only the ones that differ stay,
 * as `dataAction.<path>`.
 */
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
    const facts = changedFacts(prev, node);
    if (Object.keys(facts).length > 0) changes.push({ id: node.id, change: 'changed', kind: node.kind, facts });
  }
  for (const node of before.nodes) if (!now.has(node.id)) changes.push({ id: node.id, change: 'removed', kind: node.kind });
  return changes;
}

type FactChange = [string | undefined, string | undefined];

function changedFacts(prev: FlowNode, node: FlowNode): Record<string, FactChange> {
  const beforeFacts: Record<string, string> = { ...prev.facts };
  const afterFacts: Record<string, string> = { ...node.facts };
  const retargeted: Record<string, FactChange> = {};
  for (const [target, oldPath] of Object.entries(prev.targetPaths ?? {})) {
    const newPath = node.targetPaths?.[target];
    if (newPath === undefined || newPath === oldPath) continue;
    retargeted[target] = [beforeFacts[target], afterFacts[target]];
    delete beforeFacts[target];
    delete afterFacts[target];
    // The facts under each key, by their path below it ('' for an empty map under the key: `{}`).
    const under = (facts: Record<string, string>, at: string) => {
      const found = new Map<string, string>();
      for (const [k, v] of Object.entries(facts)) {
        if (k !== at && !k.startsWith(`${at}.`)) continue;
        found.set(k.slice(at.length + 1), v);
        delete facts[k];
      }
      return found;
    };
    const was = under(beforeFacts, oldPath);
    const is = under(afterFacts, newPath);
    for (const rest of [...new Set([...was.keys(), ...is.keys()])].sort()) {
      if (was.get(rest) !== is.get(rest)) retargeted[rest === '' ? `${target} contents` : `${target}.${rest}`] = [was.get(rest), is.get(rest)];
    }
  }
  const others: Record<string, FactChange> = {};
  for (const k of [...new Set([...Object.keys(beforeFacts), ...Object.keys(afterFacts)])].sort())
    if (beforeFacts[k] !== afterFacts[k]) others[k] = [beforeFacts[k], afterFacts[k]];
  return { ...retargeted, ...others };
}

/** The branches an action always has (the others are optional). */
const BRANCHES: Readonly<Record<string, readonly string[]>> = {
  decision: ['yes', 'no'],
  collectInput: ['success', 'failure'],
  // Exports leave out an output without actions; control then continues after the action.
  evaluateScheduleGroup: ['emergency', 'open', 'closed', 'holiday'],
  evaluateSchedule: ['active', 'inactive'],
  callData: ['success', 'failure', 'timeout'],
  dataTableLookup: ['found', 'notFound', 'failure'],
};

/** A Mermaid flowchart of the flow (GitHub renders it in comments). Every label is escaped (`mermaidLabel`). */
export function mermaid(yaml: string): string {
  const { body } = readFlow(yaml);
  const lines = ['flowchart TD'];
  let counter = 0;
  const node = (text: string, shape: 'box' | 'end' = 'box') => {
    const id = `n${++counter}`;
    lines.push(shape === 'end' ? `  ${id}(["${mermaidLabel(text)}"])` : `  ${id}["${mermaidLabel(text)}"]`);
    return id;
  };
  const edge = (from: string, to: string, text = '') => {
    const label = mermaidLabel(text);
    lines.push(`  ${from} -->${label ? `|${label}|` : ''} ${to}`);
  };
  /** Draws a list; returns the ids whose control falls through to what follows. */
  const list = (items: unknown, from: string[], branch = ''): string[] => {
    let tails = from;
    let first = true;
    for (const item of Array.isArray(items) ? items : []) {
      if (!isObject(item)) continue;
      const [kind = '?'] = Object.keys(item);
      const value = isObject(item[kind]) ? item[kind] : {};
      const id = node(
        `${kind}: ${scalar(value.name)}`,
        ['disconnect', 'endTask', 'transferToFlow', 'jumpToMenu', 'jumpToTask'].includes(kind) ? 'end' : 'box',
      );
      for (const t of tails) edge(t, id, first ? branch : '');
      first = false;
      const outputs = value.outputs;
      const cases = switchBranches(value);
      if (cases.length > 0) {
        tails = cases.flatMap((c) => (Array.isArray(c.actions) && c.actions.length > 0 ? list(c.actions, [id], c.label) : [id]));
      } else if (isObject(outputs)) {
        tails = Object.entries(outputs).flatMap(([label, out]) => {
          const actions = isObject(out) ? out.actions : undefined;
          return Array.isArray(actions) && actions.length > 0 ? list(actions, [id], label) : [id];
        });
        // A branch without actions is left out when read by meaning; control falls through it.
        if ((Object.hasOwn(BRANCHES, kind) ? BRANCHES[kind] : []).some((b) => !Object.hasOwn(outputs, b))) tails.push(id);
      } else {
        tails = ['disconnect', 'endTask', 'jumpToMenu', 'jumpToTask', 'loopNext', 'loopExit'].includes(kind) ? [] : [id];
      }
    }
    return tails;
  };
  for (const menu of named(body.menus, 'menu')) {
    const value = isObject(menu.menu) ? menu.menu : {};
    const id = node(`menu: ${scalar(value.name)}`);
    for (const choice of Object.values(isObject(value.choices) ? value.choices : {})) {
      if (!isObject(choice)) continue;
      const [kind = '?'] = Object.keys(choice);
      const c = isObject(choice[kind]) ? choice[kind] : {};
      edge(id, node(`${kind}: ${scalar(c.name)}`, 'end'), scalar(c.dtmf));
    }
  }
  for (const task of named(body.tasks, 'task')) {
    const value = isObject(task.task) ? task.task : {};
    list(value.actions, [node(`task: ${scalar(value.name)}`)]);
  }
  if (body.startUpTaskActions) list(body.startUpTaskActions, [node(`start: ${scalar(body.name)}`)]);
  return lines.join('\n');
}

/** A case's condition (`{exp: ...}`) as its text, anything else as JSON. */
function conditionText(condition: unknown): string {
  if (isObject(condition) && Object.keys(condition).length === 1 && typeof condition.exp === 'string') return condition.exp;
  return JSON.stringify(condition ?? null);
}

/** A YAML scalar as text; anything else (a map, a list) as `?`. */
function scalar(value: unknown): string {
  if (value === undefined || value === null) return '';
  return ['string', 'number', 'boolean', 'bigint'].includes(typeof value) ? String(value) : '?';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFlow(yaml: string): { type: string; body: Record<string, unknown> } {
  const { type, body } = normalizeFlow(yaml);
  return { type, body: body as Record<string, unknown> };
}

/** A normalized `menus` / `tasks` map back as the wrapped list the walkers read (`[{task: {...}}]`). */
function named(map: unknown, itemKey: string): Array<Record<string, unknown>> {
  return map && typeof map === 'object' ? Object.values(map).map((item) => ({ [itemKey]: item })) : [];
}
