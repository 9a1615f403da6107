import { ITerraformDependable } from 'cdktf';
import { FlowDefinition, FlowTarget, FlowType, isFlowTarget, ProblemError } from '../flow';

/** A flow of this app another flow names: it publishes first (the caller depends on it), and its definition is known. */
type FlowPublishedFirst = FlowTarget & { readonly dependable: ITerraformDependable; readonly definition: FlowDefinition };

function isPublishedFirst(x: FlowTarget): x is FlowPublishedFirst {
  const candidate = x as Partial<FlowPublishedFirst>;
  return candidate.dependable !== undefined && candidate.definition instanceof FlowDefinition;
}

/**
 * The chain of flow names from the new flow, through flow constructs it names (each published before the
 * one naming it), to one naming the new flow back; undefined when there is none.
 */
function chainBack(flowName: string, flowType: FlowType, definition: FlowDefinition): string[] | undefined {
  const visited = new Set<object>();
  const search = (references: readonly object[], chain: readonly string[]): string[] | undefined => {
    for (const reference of references) {
      if (!isFlowTarget(reference)) continue;
      // The flow naming itself is no ordering problem; a flow published before it naming it is.
      if (chain.length > 1 && reference.flowName === flowName && reference.flowType === flowType) return [...chain, flowName];
      if (!isPublishedFirst(reference) || visited.has(reference)) continue;
      visited.add(reference);
      const found = search(namedFlows(reference.definition), [...chain, reference.flowName]);
      if (found) return found;
    }
    return undefined;
  };
  return search(namedFlows(definition), [flowName]);
}

/**
 * What a flow is published after: what it names, and the in-queue flow of each queue construct it
 * transfers to (the queue binds that flow's id, and the flow maps the queue's name: flow → queue → in-queue flow).
 */
function namedFlows(definition: FlowDefinition): readonly object[] {
  const queues = 'queueTargets' in definition && typeof definition.queueTargets === 'function' ? (definition.queueTargets() as object[]) : [];
  const inQueueFlows = queues.flatMap((queue) => {
    const bound = (queue as { readonly inQueueFlow?: unknown }).inQueueFlow;
    return typeof bound === 'object' && bound !== null ? [bound] : [];
  });
  return [...definition.references(), ...inQueueFlows];
}

/**
 * A flow is published after every flow construct it names, and so after every flow those name in turn
 * (Terraform `depends_on`). If one of them names it back (by name: a construct cannot name one built after
 * it), that one publishes before the flow it names exists: a first deploy of the stack fails. Throws GC2013.
 */
export function checkPublishOrder(path: string, flowName: string, flowType: FlowType, definition: FlowDefinition): void {
  const chain = chainBack(flowName, flowType, definition);
  if (!chain) return;
  const namesBack = chain[chain.length - 2];
  throw new ProblemError([
    {
      code: 'GC2013',
      path,
      message: `'${namesBack}' publishes before this flow (which names it, and so depends on it) but names this flow itself: on a first deploy '${flowName}' does not exist yet when '${namesBack}' publishes`,
      value: chain.join(' → '),
      fix: `let only one of the two flows name the other: e.g. put the logic both need in a shared flow that both call, instead of transferring back`,
    },
  ]);
}
