import { CheckedFlow, StackCheckInput, stackCheckEnvironment } from '../../runtime/flow-check/flow-check-input';

/** Queue substitutions of the dev stack's flows, as Terraform fills them in. */
export const DEV_QUEUES = { queue_SalesIvrQueue: 'DEV Sales', queue_SupportIvrQueue: 'DEV Support', queue_OperatorQueue: 'DEV Operator' };

/** One flow of the stack check's input: the dev Sales IVR, its YAML at `assets/sales.yaml` in the stack folder. */
export function salesCheckedFlow(extra: Partial<CheckedFlow> = {}): CheckedFlow {
  return {
    flowName: 'DEV Sales IVR',
    flowType: 'INBOUNDCALL',
    contentHash: 'abc123def4567890',
    payloadPath: 'assets/sales.yaml',
    substitutions: DEV_QUEUES,
    ...extra,
  };
}

/** The stack check's input for these flows (one post-apply check for the whole stack). */
export function stackCheckInput(flows: readonly CheckedFlow[], header: Partial<StackCheckInput['header']> = {}): StackCheckInput {
  return { header: { region: 'us-east-1', republishExternalCallers: false, flowCount: flows.length, ...header }, flows };
}

/** The environment Terraform gives the handler in `create` mode for these flows: FLOW_CHECK_INPUT and FLOW_CHECK_FLOWS_0, _1, … */
export function stackCheckEnv(flows: CheckedFlow | readonly CheckedFlow[], header: Partial<StackCheckInput['header']> = {}): Record<string, string> {
  return stackCheckEnvironment(stackCheckInput((Array.isArray(flows) ? flows : [flows]) as readonly CheckedFlow[], header));
}
