import { parse } from 'yaml';

/** One place where the published flow does not carry what we rendered. */
export interface PayloadDifference {
  /** Readable location, e.g. `tasks > task "Main" > actions[2] transferToAcd "To Sales" > targetQueue > lit > name`. */
  readonly path: string;
  readonly expected: unknown;
  /** What the published flow has there (undefined when missing). */
  readonly actual: unknown;
}

/** Applies provider-style substitutions (`{{key}}` → value, plain text) to rendered YAML. */
export function applySubstitutions(yaml: string, substitutions: Readonly<Record<string, string>>): string {
  return Object.entries(substitutions).reduce((text, [key, value]) => text.split(`{{${key}}}`).join(value), yaml);
}

/**
 * Compares what we rendered with what the platform exported. Every key and value we rendered must be
 * present and equal; keys the platform adds (defaults) are ignored; lists must have the same length
 * (an action added in Architect is a difference). Scalars compare by text, since exports re-quote.
 */
export function diffPayload(renderedYaml: string, exportedYaml: string): PayloadDifference[] {
  const rendered = parse(renderedYaml) as Record<string, unknown>;
  const exported = parse(exportedYaml) as Record<string, unknown>;
  const differences: PayloadDifference[] = [];
  const [rootKey] = Object.keys(rendered);
  if (!exported || !(rootKey in exported)) {
    return [{ path: '(flow type)', expected: rootKey, actual: Object.keys(exported ?? {}).join(', ') || undefined }];
  }
  compare(rendered[rootKey], exported[rootKey], [], differences);
  return differences;
}

function compare(expected: unknown, actual: unknown, path: string[], out: PayloadDifference[]): void {
  const where = path.join(' > ') || '(root)';
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return void out.push({ path: where, expected: summarize(expected), actual: summarize(actual) });
    const shorter = Math.min(expected.length, actual.length);
    for (let i = 0; i < shorter; i++) compareItem(expected[i], actual[i], [...path, label(expected[i], i)], out);
    for (let i = shorter; i < expected.length; i++) out.push({ path: `${where} > ${label(expected[i], i)}`, expected: summarize(expected[i]), actual: undefined });
    for (let i = shorter; i < actual.length; i++) out.push({ path: `${where} > ${label(actual[i], i)}`, expected: undefined, actual: summarize(actual[i]) });
    return;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return void out.push({ path: where, expected: summarize(expected), actual: summarize(actual) });
    for (const [key, value] of Object.entries(expected)) {
      const other = (actual as Record<string, unknown>)[key];
      if (other === undefined && value !== undefined) out.push({ path: `${where} > ${key}`, expected: summarize(value), actual: undefined });
      else compare(value, other, [...path, key], out);
    }
    return;
  }
  if (scalar(expected) !== scalar(actual)) out.push({ path: where, expected, actual: summarize(actual) });
}

/** A list item such as `{playAudio: {...}}`: compare inside the wrapper, so paths read `[0] playAudio "Greeting" > audio`. */
function compareItem(expected: unknown, actual: unknown, path: string[], out: PayloadDifference[]): void {
  const key = wrapperKey(expected);
  if (key !== undefined && wrapperKey(actual) === key) {
    compare((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], path, out);
  } else if (key !== undefined && wrapperKey(actual) !== undefined) {
    out.push({ path: path.join(' > '), expected: summarize(expected), actual: summarize(actual) });
  } else {
    compare(expected, actual, path, out);
  }
}

function wrapperKey(item: unknown): string | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const keys = Object.keys(item);
  return keys.length === 1 ? keys[0] : undefined;
}

function scalar(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** `actions[2] transferToAcd "To Sales"`: an action's kind and name make list positions readable. */
function label(item: unknown, index: number): string {
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const keys = Object.keys(item);
    if (keys.length === 1) {
      const inner = (item as Record<string, unknown>)[keys[0]];
      const name = inner && typeof inner === 'object' ? (inner as { name?: unknown }).name : undefined;
      return `[${index}] ${keys[0]}${typeof name === 'string' ? ` "${name}"` : ''}`;
    }
  }
  return `[${index}]`;
}

function summarize(v: unknown): unknown {
  if (v && typeof v === 'object') {
    const text = JSON.stringify(v);
    return text.length > 120 ? `${text.slice(0, 117)}...` : v;
  }
  return v;
}

/** Human-readable diff, one line per difference. */
export function formatDifferences(differences: readonly PayloadDifference[]): string {
  return differences
    .map((d) => `  ${d.path}: expected ${d.expected === undefined ? '(nothing)' : JSON.stringify(d.expected)}, published ${d.actual === undefined ? '(missing)' : JSON.stringify(d.actual)}`)
    .join('\n');
}
