import { parse } from 'yaml';

/** A flow reduced to what it means: the same for our rendered file and for the platform's export of it. */
export interface NormalizedFlow {
  /** Top-level YAML key, e.g. `inboundCall`, `commonModule`. */
  readonly type: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** Lists of named, referencable items: `tasks: [{task: {name, refId, ...}}]`. */
const NAMED_LISTS: Readonly<Record<string, string>> = { menus: 'menu', tasks: 'task', states: 'state' };

/**
 * Reduces an Archy flow document to its meaning. Each rule is written next to the real exports that
 * show why it is needed (see also emulator/CONTRACT.md, "Exports"):
 *
 * 1. refIds are dropped and every `*Ref` string becomes the kind and name of what it points at
 *    (`/inboundCall/tasks/task[Closed_12]` → `task "Closed"`). Exports rename refIds to the platform's
 *    own `<name>_<n>` and rewrite the references: the provider's examples/.../holiday_flow.yaml
 *    (`Main Menu_10`, `Closed_12`), GenesysCloudBlueprints dr-fallback-ivr DR-Emergency-IVR.yaml
 *    (`Startup Task_42`). A refId we chose never survives a publish.
 * 2. `menus`, `tasks` and `states` become maps keyed by name (`task "Closed"`): items are identified
 *    by what they are called, not where they sit.
 * 3. `variables` become a map keyed by variable name: exports list them sorted by name,
 *    case-insensitively (GenesysCloudBlueprints ResolveContact module, call-park, callback-prioritization).
 * 4. Menu `choices` become a map keyed by DTMF digit: a digit selects its choice wherever it is listed.
 * 5. Action lists stay ordered lists: order is meaning there.
 * Keys the platform adds (settings blocks, `globalDtmf`, `preferredAgents`, `failureOutputs`, ...) are
 * not removed here; the comparison ignores keys the rendered side does not have.
 */
export function normalizeFlow(source: string | unknown): NormalizedFlow {
  const doc = typeof source === 'string' ? parse(source) : source;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || Object.keys(doc).length !== 1) {
    throw new Error('a flow document has exactly one top-level key (the flow type)');
  }
  const [type] = Object.keys(doc);
  const body = (doc as Record<string, unknown>)[type];
  if (!isRecord(body)) throw new Error(`the ${type} flow has no body`);
  const targets = referenceTargets(body);
  const normalized = normalizeNode(body, targets, '') as Record<string, unknown>;
  return { type, body: normalized };
}

/** `tasks/task[<refId>]` → `task "<name>"` for every named item of the flow (inline menu tasks included). */
function referenceTargets(body: Record<string, unknown>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [listKey, itemKey] of Object.entries(NAMED_LISTS)) {
    for (const entry of asList(body[listKey])) {
      const item = entry[itemKey];
      if (isRecord(item) && typeof item.refId === 'string') targets.set(`${listKey}/${itemKey}[${item.refId}]`, itemLabel(itemKey, item.name));
    }
  }
  return targets;
}

function normalizeNode(value: unknown, targets: Map<string, string>, parentKey: string): unknown {
  if (Array.isArray(value)) {
    if (parentKey in NAMED_LISTS) return namedMap(value, NAMED_LISTS[parentKey], targets);
    if (parentKey === 'variables') return keyedMap(value, (inner) => String(inner.name ?? ''), targets, ['name']);
    if (parentKey === 'choices') return keyedMap(value, (inner) => String(inner.dtmf ?? inner.name ?? ''), targets, []);
    return value.map((item) => normalizeNode(item, targets, ''));
  }
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'refId') continue;
    out[key] = key.endsWith('Ref') && typeof child === 'string' ? resolveReference(child, targets) : normalizeNode(child, targets, key);
  }
  return out;
}

/** `[{task: {name: A, ...}}]` → `{'task "A"': {name: A, ...}}`; a repeated name gets ` #2`, ` #3`. */
function namedMap(items: unknown[], itemKey: string, targets: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of items) {
    const item = isRecord(entry) ? entry[itemKey] : undefined;
    const label = uniqueKey(out, itemLabel(itemKey, isRecord(item) ? item.name : undefined));
    out[label] = normalizeNode(item ?? entry, targets, '');
  }
  return out;
}

/** `[{stringVariable: {name: Flow.X, ...}}]` → `{'Flow.X': {stringVariable: {...}}}` (the wrapper kind kept). */
function keyedMap(items: unknown[], keyOf: (inner: Record<string, unknown>) => string, targets: Map<string, string>, drop: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of items) {
    const [kind] = isRecord(entry) ? Object.keys(entry) : [];
    const inner = kind !== undefined && isRecord(entry) && isRecord(entry[kind]) ? (entry[kind] as Record<string, unknown>) : undefined;
    if (!inner) {
      out[uniqueKey(out, '?')] = normalizeNode(entry, targets, '');
      continue;
    }
    const kept = Object.fromEntries(Object.entries(inner).filter(([k]) => !drop.includes(k)));
    out[uniqueKey(out, keyOf(inner))] = { [kind]: normalizeNode(kept, targets, '') };
  }
  return out;
}

/** Absolute (`/inboundCall/menus/menu[X]`) and relative (`./menus/menu[X]`) references. */
function resolveReference(ref: string, targets: Map<string, string>): string {
  const path = /^(?:\/[A-Za-z]+\/|\.\/)(.+)$/.exec(ref)?.[1];
  const target = path ? targets.get(path) : undefined;
  return target ?? `unresolved reference ${ref}`;
}

function itemLabel(itemKey: string, name: unknown): string {
  return `${itemKey} "${typeof name === 'string' ? name : '?'}"`;
}

function uniqueKey(map: Record<string, unknown>, key: string): string {
  if (!(key in map)) return key;
  for (let n = 2; ; n++) if (!(`${key} #${n}` in map)) return `${key} #${n}`;
}

function asList(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}
