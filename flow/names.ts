/** Characters Architect forbids in refIds (they are reference-path syntax). */
const REF_FORBIDDEN = /[[\]#~/]/;
// Control characters would corrupt YAML and the UI; `{{` would be taken for a provider substitution.
// eslint-disable-next-line no-control-regex -- control characters are what this expression finds
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Longest flow, task or menu name this project accepts (kept well inside Architect's limits). */
export const MAX_NAME_LENGTH = 200;

/** Why `id` cannot be an action id / refId, or undefined when it can. */
export function identifierProblem(id: string): string | undefined {
  if (id.trim() === '') return 'is empty';
  if (id !== id.trim()) return 'has leading or trailing spaces';
  if (REF_FORBIDDEN.test(id)) return 'contains one of [ ] # ~ /';
  if (CONTROL.test(id)) return 'contains a control character';
  if (id.includes('{{') || id.includes('}}')) return 'contains {{ or }} (reserved for substitutions)';
  if (id.length > MAX_NAME_LENGTH) return `is longer than ${MAX_NAME_LENGTH} characters`;
  return undefined;
}

/** The provider's limit on data action names and their integration's (category's) name. */
export const MAX_DATA_ACTION_NAME_LENGTH = 256;

/**
 * Why `name` cannot name something a flow refers to (a flow, data action, table, script, schedule, field,
 * attribute), or undefined when it can: the flow-name rule, with the limit of that kind of name.
 */
export function nameProblem(name: string, maxLength: number = MAX_NAME_LENGTH): string | undefined {
  if (name.trim() === '') return 'is empty';
  if (name !== name.trim()) return 'has leading or trailing spaces';
  if (CONTROL.test(name)) return 'contains a control character';
  if (name.includes('{{') || name.includes('}}')) return 'contains {{ or }} (reserved for substitutions)';
  if (name.length > maxLength) return `is longer than ${maxLength} characters`;
  return undefined;
}

/** Architect variable names: a letter, then letters, digits or underscores. */
export const VARIABLE_LOCAL_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
