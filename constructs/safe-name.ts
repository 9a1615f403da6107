// A name substituted into flow YAML lands inside a double-quoted scalar (substitution is plain text
// replacement): quotes, backslashes, control characters or `{{ }}` would break the YAML.
// eslint-disable-next-line no-control-regex -- control characters are what this expression finds
const UNSAFE = /["\\\u0000-\u001f\u007f]|\{\{|\}\}/;

/** True when `name` is non-empty, has no outer spaces and is safe to substitute into flow YAML. */
export function isSafeName(name: string): boolean {
  return name.trim() !== '' && name === name.trim() && !UNSAFE.test(name);
}
