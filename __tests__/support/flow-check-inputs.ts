import { FlowCheckInput } from '../../runtime/flow-check/flow-check-input';

/** Queue substitutions of the dev stack's flows, as Terraform fills them in. */
export const DEV_QUEUES = { queue_SalesIvrQueue: 'DEV Sales', queue_SupportIvrQueue: 'DEV Support', queue_OperatorQueue: 'DEV Operator' };

/** The flow check's input for the dev Sales IVR, its YAML at `assets/sales.yaml` in the stack folder. */
export function salesCheckInput(extra: Partial<FlowCheckInput> = {}): FlowCheckInput {
  return {
    flowName: 'DEV Sales IVR',
    flowType: 'INBOUNDCALL',
    contentHash: 'abc123def4567890',
    payloadPath: 'assets/sales.yaml',
    substitutions: DEV_QUEUES,
    region: 'us-east-1',
    stackCallers: [],
    republishExternalCallers: false,
    allowDestroyWithExternalCallers: false,
    ...extra,
  };
}
