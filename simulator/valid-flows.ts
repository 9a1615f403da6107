import { CommonModuleFlow, FLOW_DEFINITION, FlowProblem, InQueueCallFlow, InboundCallFlow, ProblemError } from '../flow';

type SimulatedFlow = InboundCallFlow | InQueueCallFlow | CommonModuleFlow;

/**
 * Validates the flow a call starts in and every flow of this app the call can reach from it (the shared
 * flows it calls, the inbound flows it transfers to), and throws a `ProblemError` listing every problem,
 * as `render()` does: the simulator runs only what could be published, never a definition it would have
 * to guess about (a string read into an integer variable, a path without an end).
 */
export function requireValidFlows(start: InboundCallFlow | InQueueCallFlow, path: string): void {
  const problems: FlowProblem[] = [];
  const seen = new Set<SimulatedFlow>();
  const visit = (flow: SimulatedFlow, at: string) => {
    if (seen.has(flow)) return;
    seen.add(flow);
    problems.push(...flow.validate(at));
    flow.forEachAction((a) => {
      if (a.kind === 'callSharedFlow') {
        const module = moduleDefinitionOf(a.flow);
        if (module) visit(module, module.name);
      }
      const target = a.kind === 'transferToFlow' ? a.flow?.definition : undefined;
      if (InboundCallFlow.isInboundCallFlow(target)) visit(target, target.name);
    });
  };
  visit(start, path);
  if (problems.length > 0) throw new ProblemError(problems, FLOW_DEFINITION);
}

/** The definition of a called shared flow, when this app has it (not for `SharedFlow.fromName`). */
function moduleDefinitionOf(flow: unknown): CommonModuleFlow | undefined {
  if (CommonModuleFlow.isCommonModuleFlow(flow)) return flow;
  const definition = (flow as { definition?: unknown } | undefined)?.definition;
  return CommonModuleFlow.isCommonModuleFlow(definition) ? definition : undefined;
}
