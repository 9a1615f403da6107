import { parse } from 'yaml';

/**
 * What a flow's Archy YAML names in the org by name: a data action (`category: {<category>: {dataAction:
 * {<name>: …}}}`), a data table (`dataTable: {<name>: …}`), a user prompt (`Prompt.<name>`). The review
 * names the flows that still use an object the plan deletes or re-creates.
 */
export type OrgObject =
  | { readonly kind: 'data action'; readonly category: string; readonly name: string }
  | { readonly kind: 'data table'; readonly name: string }
  | { readonly kind: 'user prompt'; readonly name: string };

/** Each flow's parsed YAML, read once however many objects the plan deletes (undefined: unreadable). */
const parsed = new WeakMap<object, unknown>();

/** Whether the flow's YAML uses `target` anywhere (an unreadable YAML uses nothing). */
export function flowUses(flow: { readonly yaml: string }, target: OrgObject): boolean {
  if (!parsed.has(flow)) {
    try {
      parsed.set(flow, parse(flow.yaml));
    } catch {
      parsed.set(flow, undefined);
    }
  }
  return uses(parsed.get(flow), target, 0);
}

/** Deeper than any flow; not searched further. */
const MAX_DEPTH = 200;

function uses(node: unknown, target: OrgObject, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof node === 'string') return target.kind === 'user prompt' && playsPrompt(node, target.name);
  if (Array.isArray(node)) return node.some((n) => uses(n, target, depth + 1));
  if (!isObject(node)) return false;
  if (target.kind === 'data action' && isObject(node.category)) {
    const call = ownValue(node.category, target.category);
    if (isObject(call) && isObject(call.dataAction) && Object.hasOwn(call.dataAction, target.name)) return true;
  }
  if (target.kind === 'data table' && isObject(node.dataTable) && Object.hasOwn(node.dataTable, target.name)) return true;
  return Object.values(node).some((n) => uses(n, target, depth + 1));
}

/** `Prompt.<name>` as a whole name: a lit name, or in an expression (`ToAudio(Prompt.X)`). */
function playsPrompt(text: string, name: string): boolean {
  const word = /[A-Za-z0-9_]/;
  for (let at = text.indexOf(`Prompt.${name}`); at !== -1; at = text.indexOf(`Prompt.${name}`, at + 1)) {
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + 'Prompt.'.length + name.length] ?? '';
    if (!word.test(before) && before !== '.' && !word.test(after)) return true;
  }
  return false;
}

function ownValue(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
