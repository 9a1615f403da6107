/** Pieces of Archy YAML that verified and unverified shapes share. */

/** One YAML mapping as the emitter builds it. */
export type Node = Record<string, unknown>;

/**
 * `failureOutputs` of an action whose error type and message the flow does not read. A new object each
 * time: the YAML library writes an object met twice as an anchor and alias.
 */
export function unreadFailureOutputs(): Node {
  return { errorType: { noValue: true }, errorMessage: { noValue: true } };
}

/** `outputs` holding only the outputs that have actions, or nothing when none has. */
export function outputsWithActions(branches: Readonly<Record<string, Node[]>>): Node {
  const outputs = Object.fromEntries(Object.entries(branches).flatMap(([label, actions]) => (actions.length > 0 ? [[label, { actions }]] : [])));
  return Object.keys(outputs).length > 0 ? { outputs } : {};
}
