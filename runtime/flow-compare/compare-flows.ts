import { KEYED_MAPS, UnreadableFlowError, normalizeFlow } from './normalize-flow';
import { isPlatformDefault, isUnset } from './platform-defaults';

/** One place where a flow does not carry what we rendered. */
export interface FlowDifference {
  /** Readable location, e.g. `tasks > task "Main" > actions > [2] transferToAcd "To Sales" > targetQueue > lit > name`. */
  readonly path: string;
  readonly expected: unknown;
  /** What the other flow has there (undefined when missing). */
  readonly actual: unknown;
}

/**
 * Compares what we rendered with another version of the flow (the platform's export, usually) by
 * meaning (see `normalizeFlow`): every key and value we rendered must be there and equal; a key we did
 * not render is ignored only when it holds the platform's default or nothing (`PLATFORM_DEFAULTS`), so
 * a failure path, a preferred agent or a changed setting added in Architect is a difference; tasks,
 * menus, menu choices and variables that we did not render are differences; action lists must match
 * item by item, so an added, removed or re-ordered action is a difference. Scalars compare by text,
 * since exports re-quote numbers and booleans (`lit: 5` vs `lit: "5"`).
 *
 * Throws `UnreadableFlowError` when `otherYaml` cannot be read as a flow: that is "could not check",
 * never a difference.
 */
export function compareFlows(renderedYaml: string, otherYaml: string): FlowDifference[] {
  const rendered = normalizeFlow(renderedYaml);
  let other;
  try {
    other = normalizeFlow(otherYaml);
  } catch (err) {
    throw new UnreadableFlowError(`the published flow could not be read, so it was not compared: ${(err as Error).message}`);
  }
  if (other.type !== rendered.type) return [{ path: '(flow type)', expected: rendered.type, actual: other.type }];
  const differences: FlowDifference[] = [];
  compare(rendered.body, other.body, [], '', differences);
  return differences;
}

function compare(expected: unknown, actual: unknown, path: string[], parentKey: string, out: FlowDifference[]): void {
  const where = path.join(' > ') || '(root)';
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return void out.push({ path: where, expected: summarize(expected), actual: summarize(actual) });
    const shorter = Math.min(expected.length, actual.length);
    for (let i = 0; i < shorter; i++) compareItem(expected[i], actual[i], [...path, label(expected[i], i)], out);
    for (let i = shorter; i < expected.length; i++)
      out.push({ path: `${where} > ${label(expected[i], i)}`, expected: summarize(expected[i]), actual: undefined });
    for (let i = shorter; i < actual.length; i++)
      out.push({ path: `${where} > ${label(actual[i], i)}`, expected: undefined, actual: summarize(actual[i]) });
    return;
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return void out.push({ path: where, expected: summarize(expected), actual: summarize(actual) });
    for (const [key, value] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, key)) {
        // Left out by the export but set to nothing by us (`noValue`, false, empty): the same meaning.
        if (!isUnset(value)) out.push({ path: `${where} > ${key}`, expected: summarize(value), actual: undefined });
      } else {
        compare(value, actual[key], [...path, key], key, out);
      }
    }
    for (const [key, value] of Object.entries(actual)) {
      if (Object.hasOwn(expected, key)) continue;
      // An entry of a keyed map (task, menu, choice, variable) we did not render was added; so was any
      // other key unless it is the platform's default.
      if (KEYED_MAPS.has(parentKey) || !isPlatformDefault(key, value, path.length === 0))
        out.push({ path: `${where} > ${key}`, expected: undefined, actual: summarize(value) });
    }
    return;
  }
  if (actual !== null && typeof actual === 'object') return void out.push({ path: where, expected, actual: summarize(actual) });
  if (scalar(expected) !== scalar(actual)) out.push({ path: where, expected, actual: summarize(actual) });
}

/** A wrapped item such as `{playAudio: {...}}`: compare inside the wrapper, so paths read `[0] playAudio "Greeting" > audio`. */
function compareItem(expected: unknown, actual: unknown, path: string[], out: FlowDifference[]): void {
  const key = wrapperKey(expected);
  const otherKey = wrapperKey(actual);
  if (key !== undefined && otherKey === key && isAction(expected)) {
    compare((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], path, key, out);
  } else if (key !== undefined && otherKey !== undefined && otherKey !== key && isAction(expected) && isAction(actual)) {
    out.push({ path: path.join(' > '), expected: summarize(expected), actual: summarize(actual) });
  } else {
    compare(expected, actual, path, '', out);
  }
}

/** `{kind: {name?, ...}}`: an action, variable or menu choice (not a value wrapper such as `{lit: 5}`). */
function isAction(item: unknown): boolean {
  const key = wrapperKey(item);
  if (key === undefined) return false;
  const inner = (item as Record<string, unknown>)[key];
  return Boolean(inner) && typeof inner === 'object' && !Array.isArray(inner) && !['lit', 'exp', 'var', 'tts'].includes(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function wrapperKey(item: unknown): string | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const keys = Object.keys(item);
  return keys.length === 1 ? keys[0] : undefined;
}

function scalar(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** `[2] transferToAcd "To Sales"`: an action's kind and name make list positions readable. */
function label(item: unknown, index: number): string {
  const key = wrapperKey(item);
  if (key !== undefined) {
    const inner = (item as Record<string, unknown>)[key];
    const name = inner && typeof inner === 'object' ? (inner as { name?: unknown }).name : undefined;
    return `[${index}] ${key}${typeof name === 'string' ? ` "${name}"` : ''}`;
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
export function formatDifferences(differences: readonly FlowDifference[]): string {
  return differences
    .map(
      (d) =>
        `  ${d.path}: expected ${d.expected === undefined ? '(nothing)' : JSON.stringify(d.expected)}, published ${d.actual === undefined ? '(missing)' : JSON.stringify(d.actual)}`,
    )
    .join('\n');
}
