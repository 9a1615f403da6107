/**
 * Reading Archy YAML: which common modules a flow document calls. Pure, and imports nothing of the project:
 * the emulator's import checks and the readers of synthesized stacks (drift, the flow check) share it.
 */
/** Names of modules called anywhere in a parsed flow document (`callCommonModule.commonModule.<name>`). */
export function calledModules(node: unknown, found: Set<string> = new Set()): string[] {
  if (Array.isArray(node)) node.forEach((n) => calledModules(n, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'callCommonModule' && value && typeof value === 'object') {
        Object.keys((value as { commonModule?: object }).commonModule ?? {}).forEach((m) => found.add(m));
      }
      calledModules(value, found);
    }
  }
  return [...found];
}
