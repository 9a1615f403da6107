import { parse } from 'yaml';
import { calledModules } from '../formats/archy-called-modules';
import { FLOW_LIST_TYPES } from './platform-enums';

export interface ImportCheck {
  readonly errors: string[];
  /** The API flow type (`INBOUNDCALL`, `COMMONMODULE`, ...). */
  readonly type?: string;
  readonly name?: string;
  readonly division: string;
  /** Names of the common modules the flow calls. */
  readonly calledModules: string[];
}

/** The lists whose items can be referenced, and the key of an item in each. */
const REFERENCEABLE: ReadonlyArray<readonly [list: string, item: string]> = [
  ['menus', 'menu'],
  ['tasks', 'task'],
  ['states', 'state'],
];

/** Characters a refId may not contain (Archy "reference basics"; genesys-platform.md §3). */
const FORBIDDEN_IN_REF_ID = /[[\]#~/]/;

/**
 * The checks an Architect import job makes that the emulator can make without an org (CONTRACT.md
 * ARCHY-1..7): one flow-type key, a name, refIds unique in their list and free of `[ ] # ~ /`, every
 * `*Ref` string resolving, no `{{...}}` placeholder left, no module calling a module. Module
 * existence (ARCHY-8) and locks (ARCHY-9) are checked by the server (they need the org state).
 */
export function checkImport(yaml: string): ImportCheck {
  const fail = (error: string): ImportCheck => ({ errors: [error], division: 'Home', calledModules: [] });
  let doc: unknown;
  try {
    doc = parse(yaml);
  } catch (err) {
    return fail(`The flow file is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return fail('The flow file must contain one flow type key at the top level.');
  const keys = Object.keys(doc);
  // ARCHY-1: one top-level key, the flow type in camelCase (its lower case is an API flow type).
  if (keys.length !== 1 || !(FLOW_LIST_TYPES as readonly string[]).includes(keys[0].toLowerCase())) {
    return fail(
      `Unknown or missing flow type key: ${keys.join(', ') || '(none)'}. Expected exactly one flow type key such as inboundCall or commonModule.`,
    );
  }
  const rootKey = keys[0];
  const rawBody = (doc as Record<string, unknown>)[rootKey];
  const body = rawBody && typeof rawBody === 'object' && !Array.isArray(rawBody) ? (rawBody as Record<string, unknown>) : {};
  const errors: string[] = [];
  // ARCHY-2: Flow.name is required.
  const name = typeof body.name === 'string' && body.name.trim() !== '' ? body.name : undefined;
  if (!name) errors.push(`The ${rootKey} flow has no name.`);
  // ARCHY-6: substitution placeholders make the job fail.
  if (yaml.includes('{{'))
    errors.push(`Unresolved substitution placeholder near '${yaml.slice(yaml.indexOf('{{'), yaml.indexOf('{{') + 40).split('\n')[0]}'.`);
  errors.push(...referenceErrors(rootKey, body));
  const modules = calledModules(body);
  // ARCHY-7: a module cannot call another module.
  if (rootKey.toLowerCase() === 'commonmodule' && modules.length > 0) {
    errors.push(`A common module cannot call another common module (calls ${modules.map((m) => `'${m}'`).join(', ')}).`);
  }
  const division = typeof body.division === 'string' ? body.division : 'Home';
  return { errors, type: rootKey.toUpperCase(), name, division, calledModules: modules };
}

/** ARCHY-3 (refIds unique in their list), ARCHY-4 (no `[ ] # ~ /` in a refId), ARCHY-5 (every `*Ref` resolves). */
function referenceErrors(rootKey: string, body: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const targets = new Set<string>();
  for (const [listKey, itemKey] of REFERENCEABLE) {
    const list = body[listKey];
    if (!Array.isArray(list)) continue;
    const seen = new Set<string>();
    for (const item of list) {
      const refId = (item as Record<string, { refId?: unknown } | undefined> | null)?.[itemKey]?.refId;
      if (typeof refId !== 'string') continue;
      if (seen.has(refId)) errors.push(`refId '${refId}' is used by more than one ${itemKey} in ${listKey}; a refId must be unique in its list.`);
      seen.add(refId);
      targets.add(`${listKey}/${itemKey}[${refId}]`);
    }
  }
  walk(body, (key, value) => {
    if (key === 'refId' && typeof value === 'string' && FORBIDDEN_IN_REF_ID.test(value)) {
      errors.push(`refId '${value}' contains a character a refId may not contain ([ ] # ~ /).`);
    }
    if (key.endsWith('Ref') && typeof value === 'string') {
      const match = /^(?:\/([A-Za-z]+)\/|\.\/)(menus\/menu|tasks\/task|states\/state)\[(.+)\]$/.exec(value);
      const resolves = match && (match[1] === undefined || match[1] === rootKey) && targets.has(`${match[2]}[${match[3]}]`);
      if (!resolves) errors.push(`${key} '${value}' does not resolve to a menu, task or state of the flow.`);
    }
  });
  return errors;
}

function walk(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      visit(key, value);
      walk(value, visit);
    }
  }
}
