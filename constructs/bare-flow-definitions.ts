import { FlowDefinition, Problem } from '../flow';

/**
 * A flow a definition names (a `TransferToAcd`'s in-queue override, a transfer target) given as a bare
 * definition publishes nothing and orders nothing: the flow is never deployed by this stack, and the caller
 * would reference a flow that may not exist. Shared flows called are checked apart (GC2010). A name-only
 * target (`flowNamed`) has no definition and stays allowed: it names a flow deployed elsewhere.
 */
export function bareFlowDefinitionProblems(path: string, definition: FlowDefinition): Problem[] {
  return definition
    .references()
    .filter((reference): reference is FlowDefinition => reference instanceof FlowDefinition && reference.type !== 'commonmodule')
    .map((bare) => ({
      code: 'GC2024',
      path,
      message: `'${bare.name}' is named as a bare ${bare.type} definition, which this stack never publishes nor orders before this flow`,
      value: bare.name,
      fix: 'pass the flow construct (InQueueFlow / CallFlow, not its definition), X.fromName(...) for one deployed elsewhere, or flowNamed(name, type)',
    }));
}
