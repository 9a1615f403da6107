import { parse } from 'yaml';

/** A flow reduced to what it means: the same for our rendered file and for the platform's export of it. */
export interface NormalizedFlow {
  /** Top-level YAML key, e.g. `inboundCall`, `commonModule`. */
  readonly type: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** A flow document that cannot be read as a flow (not YAML, no single flow-type key, absurd nesting). */
export class UnreadableFlowError extends Error {}

/** Lists of named, referencable items: `tasks: [{task: {name, refId, ...}}]`. */
const NAMED_LISTS: Readonly<Record<string, string>> = { menus: 'menu', tasks: 'task', states: 'state' };

/** Lists that become maps keyed by identity (names, variable names, digits); their entries are compared as sets. */
export const KEYED_MAPS: ReadonlySet<string> = new Set([...Object.keys(NAMED_LISTS), 'variables', 'choices']);

/** Deeper than any real flow; a document nested further (or an alias cycle) is unreadable, not compared. */
const MAX_DEPTH = 200;

/**
 * Reduces an Archy flow document to its meaning. Each rule is written next to the real exports that
 * show why it is needed (see also emulator/CONTRACT.md, EXPORT-10 to EXPORT-13):
 *
 * 1. refIds are dropped and every `*Ref` string becomes the kind and name of what it points at
 *    (`/inboundCall/tasks/task[Closed_12]` → `task "Closed"`). Exports rename refIds to the platform's
 *    own `<name>_<n>` and rewrite the references: the provider's examples/.../holiday_flow.yaml
 *    (`Main Menu_10`, `Closed_12`), GenesysCloudBlueprints dr-fallback-ivr DR-Emergency-IVR.yaml
 *    (`Startup Task_42`). A refId we chose never survives a publish.
 * 2. `menus`, `tasks` and `states` become maps keyed by name (`task "Closed"`; a repeated name gets
 *    ` #2`, and references to it say so): items are identified by what they are called, not where they sit.
 * 3. `variables` become a map keyed by variable name: exports list them sorted by name,
 *    case-insensitively (GenesysCloudBlueprints ResolveContact module, call-park, callback-prioritization).
 * 4. Menu `choices` become a map keyed by DTMF digit: a digit selects its choice wherever it is listed.
 * 5. An output branch without actions is the same as no branch (`no: {actions: []}`): exports need not
 *    list empty paths, and nothing runs on either.
 * 6. Action lists stay ordered lists: order is meaning there.
 * Keys the platform adds (settings blocks, `globalDtmf`, `preferredAgents`, `failureOutputs`, ...) are
 * kept here; the comparison decides which of them are the platform's defaults.
 */
export function normalizeFlow(source: string | unknown): NormalizedFlow {
  let doc: unknown;
  try {
    doc = typeof source === 'string' ? parse(source) : source;
  } catch (err) {
    throw new UnreadableFlowError(`not YAML: ${firstLine(err)}`);
  }
  if (!isRecord(doc) || Object.keys(doc).length !== 1) throw new UnreadableFlowError('a flow document has exactly one top-level key (the flow type)');
  const [type] = Object.keys(doc);
  const body = doc[type];
  if (!isRecord(body)) throw new UnreadableFlowError(`the ${type} flow has no body`);
  try {
    const normalized = new Normalizer(type, body).node(body, '', 0) as Record<string, unknown>;
    return { type, body: normalized };
  } catch (err) {
    if (err instanceof UnreadableFlowError) throw err;
    throw new UnreadableFlowError(firstLine(err));
  }
}

class Normalizer {
  /** `tasks/task[<refId>]` → `task "<name>"` (the same label the item gets in its map). */
  private readonly targets = new Map<string, string>();

  constructor(
    private readonly rootKey: string,
    body: Record<string, unknown>,
  ) {
    for (const [listKey, itemKey] of Object.entries(NAMED_LISTS)) {
      const labels: Record<string, true> = {};
      for (const entry of asList(body[listKey])) {
        const item = entry[itemKey];
        const label = uniqueKey(labels, itemLabel(itemKey, isRecord(item) ? item.name : undefined));
        labels[label] = true;
        if (isRecord(item) && typeof item.refId === 'string') this.targets.set(`${listKey}/${itemKey}[${item.refId}]`, label);
      }
    }
  }

  node(value: unknown, parentKey: string, depth: number): unknown {
    if (depth > MAX_DEPTH) throw new UnreadableFlowError(`nested deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(value)) {
      if (parentKey in NAMED_LISTS) return this.namedMap(value, NAMED_LISTS[parentKey], depth);
      if (parentKey === 'variables') return this.keyedMap(value, (inner) => String(inner.name ?? ''), ['name'], depth);
      if (parentKey === 'choices') return this.keyedMap(value, (inner) => String(inner.dtmf ?? inner.name ?? ''), [], depth);
      return value.map((item) => this.node(item, '', depth + 1));
    }
    if (!isRecord(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === 'refId') continue;
      if (parentKey === 'outputs' && isEmptyBranch(child)) continue;
      setOwn(out, key, key.endsWith('Ref') && typeof child === 'string' ? this.resolve(child) : this.node(child, key, depth + 1));
    }
    return out;
  }

  /** `[{task: {name: A, ...}}]` → `{'task "A"': {name: A, ...}}`. */
  private namedMap(items: unknown[], itemKey: string, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const entry of items) {
      const item = isRecord(entry) ? entry[itemKey] : undefined;
      setOwn(out, uniqueKey(out, itemLabel(itemKey, isRecord(item) ? item.name : undefined)), this.node(item ?? entry, '', depth + 1));
    }
    return out;
  }

  /** `[{stringVariable: {name: Flow.X, ...}}]` → `{'Flow.X': {stringVariable: {...}}}` (the wrapper kind kept). */
  private keyedMap(items: unknown[], keyOf: (inner: Record<string, unknown>) => string, drop: string[], depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const entry of items) {
      const [kind] = isRecord(entry) ? Object.keys(entry) : [];
      const inner = kind !== undefined && isRecord(entry) && isRecord(entry[kind]) ? entry[kind] : undefined;
      if (!inner) {
        setOwn(out, uniqueKey(out, '?'), this.node(entry, '', depth + 1));
        continue;
      }
      const kept = Object.fromEntries(Object.entries(inner).filter(([k]) => !drop.includes(k)));
      setOwn(out, uniqueKey(out, keyOf(inner)), { [kind]: this.node(kept, '', depth + 1) });
    }
    return out;
  }

  /** Absolute references (`/inboundCall/menus/menu[X]`, of this flow's type only) and relative ones (`./menus/menu[X]`). */
  private resolve(ref: string): string {
    const match = /^(?:\/([A-Za-z]+)\/|\.\/)(.+)$/.exec(ref);
    const target = match && (match[1] === undefined || match[1] === this.rootKey) ? this.targets.get(match[2]) : undefined;
    return target ?? `unresolved reference ${ref}`;
  }
}

/** `{actions: []}`: a branch where nothing runs. */
function isEmptyBranch(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 1 && Array.isArray(value.actions) && value.actions.length === 0;
}

function itemLabel(itemKey: string, name: unknown): string {
  // Exports may write a name such as 2024 unquoted; names compare by text like every scalar.
  const text = typeof name === 'string' || typeof name === 'number' || typeof name === 'boolean' ? String(name) : '?';
  return `${itemKey} "${text}"`;
}

function uniqueKey(map: Record<string, unknown>, key: string): string {
  if (!Object.hasOwn(map, key)) return key;
  for (let n = 2; ; n++) if (!Object.hasOwn(map, `${key} #${n}`)) return `${key} #${n}`;
}

/** Own data property, also for keys such as `__proto__` that plain assignment would treat specially. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function asList(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
}
