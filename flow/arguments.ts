/**
 * Checks of what a JavaScript caller (no TypeScript to stop it) passes to a constructor: a wrong kind of
 * value throws a coded ProblemError naming the action and the field when the action is made, never a
 * TypeError later in validation, rendering or simulation.
 */
import { AudioPromptTarget } from './audio-prompt-target';
import { invalid } from './errors';
import { Expression } from './expression';
import { isQueueTarget, QueueTarget } from './queue-target';
import { Variable } from './variable';

/** A props object; a missing one reads as `{}`, so each required field reports itself. */
export function propsOf<P extends object>(props: P | undefined, path: string): Partial<P> {
  if (props === undefined) return {};
  if (typeof props !== 'object' || props === null) throw invalid('GC1016', path, 'the props are not an object', props, 'pass the props object');
  return props;
}

/** An Expression field: GC1016 when missing, GC1008 when it is something else (e.g. a plain string). */
export function requireExpression<E extends Expression>(value: E | undefined, path: string, what: string, fix: string): E {
  if (value === undefined) throw invalid('GC1016', path, `${what} is missing`, value, fix);
  if (!(value instanceof Expression)) throw invalid('GC1008', path, `${what} is not an expression`, describeValue(value), fix);
  return value;
}

/** A Variable field: GC1016 when missing, GC1008 when it is something else. */
export function requireVariable(value: Variable | undefined, path: string, what: string, fix: string): Variable {
  if (value === undefined) throw invalid('GC1016', path, `${what} is missing`, value, fix);
  if (!(value instanceof Variable)) throw invalid('GC1008', path, `${what} is not a Variable`, describeValue(value), fix);
  return value;
}

/** A list field (actions, attributes): GC1016 when it is not an array. */
export function requireList<T>(value: readonly T[] | undefined, path: string, what: string, fix: string): readonly T[] {
  if (!Array.isArray(value)) throw invalid('GC1016', path, `${what} is ${value === undefined ? 'missing' : 'not a list'}`, describeValue(value), fix);
  return value;
}

/** A list whose every item passes `isItem`: GC1016 naming the index of the first that does not. */
export function requireListOf<T>(
  value: readonly T[] | undefined,
  path: string,
  what: string,
  item: { readonly is: (x: unknown) => boolean; readonly name: string },
  fix: string,
): readonly T[] {
  const list = requireList(value, path, what, fix);
  const bad = list.findIndex((x) => !item.is(x));
  if (bad >= 0) throw invalid('GC1016', `${path} > ${what}[${bad}]`, `${what}[${bad}] is not ${item.name}`, describeValue(list[bad]), fix);
  return list;
}

/** A map by name (inputs, outputs, fields): GC1016 when it is not a plain object. */
export function requireRecord<R extends object>(value: R | undefined, path: string, what: string, fix: string): R {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('GC1016', path, `${what} is ${value === undefined ? 'missing' : 'not an object of names'}`, describeValue(value), fix);
  }
  return value;
}

/** A prompt resource (systemPrompt, userPromptNamed, a UserPrompt construct): both of its names are strings. */
export function requirePromptTarget(value: AudioPromptTarget, path: string, what: string): AudioPromptTarget {
  const fix = "use systemPrompt('on_hold_music'), userPromptNamed('Name') or a UserPrompt construct";
  if (typeof value !== 'object' || value === null || typeof value.promptName !== 'string' || typeof value.nameInFlow !== 'string') {
    throw invalid('GC1016', path, `${what} is not a prompt`, describeValue(value), fix);
  }
  return value;
}

/** A queue target, or GC1016 naming what was given instead. */
export function requireQueueTarget(value: QueueTarget | undefined, path: string, what: string): QueueTarget {
  if (!isQueueTarget(value)) {
    const fix = "pass a Queue construct, queueNamed('Name') or a FindQueue's found queue";
    throw invalid('GC1016', path, `${what} is ${value === undefined ? 'missing' : 'not a queue'}`, describeValue(value), fix);
  }
  return value;
}

/**
 * The object an action names (a data action, a table, a flow), checked when the action is made: a
 * JavaScript caller that leaves it out gets GC1016 naming the action, not a TypeError later.
 */
export function requireTarget<T>(target: T | undefined, actionId: string, what: string, fix: string): T {
  if (typeof target !== 'object' || target === null) throw invalid('GC1016', actionId, `${what} is missing`, target, fix);
  return target;
}

/** A text field (a name): GC1016 when it is not a string. Its content is checked by validation. */
export function requireString(value: unknown, path: string, what: string, fix: string): string {
  if (typeof value !== 'string') throw invalid('GC1016', path, `${what} is ${value === undefined ? 'missing' : 'not a string'}`, value, fix);
  return value;
}

/** An optional text field. */
export function optionalString(value: unknown, path: string, what: string, fix: string): string | undefined {
  return value === undefined ? undefined : requireString(value, path, what, fix);
}

/** A value as a problem shows it: JSON for plain data, so `{}` reads as `{}`, not `[object Object]`. */
export function describeValue(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
