import { stringify } from 'yaml';

/**
 * Serializes an Archy document. YAML 1.1 rules make the library quote `"yes"`, `"no"`, `on`, `off`
 * and other words Archy would read as booleans; no line folding keeps expressions on one line.
 */
export function toArchyYaml(document: Record<string, unknown>): string {
  return stringify(document, { version: '1.1', lineWidth: 0, indent: 2, aliasDuplicateObjects: false });
}
