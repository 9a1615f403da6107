/**
 * What the custom resource hands its handler (the `input` of its `terraform_data`, passed as JSON in
 * the FLOW_CHECK_INPUT environment variable). No secrets: credentials come from the environment.
 */
export interface FlowCheckInput {
  /** Flow name and API type (`INBOUNDCALL`, `COMMONMODULE`). */
  readonly flowName: string;
  readonly flowType: string;
  /** sha256 of the rendered YAML (what `triggers_replace` follows). */
  readonly contentHash: string;
  /** The rendered YAML, relative to the working directory (the stack folder). */
  readonly payloadPath: string;
  /** Provider substitutions, resolved by Terraform. */
  readonly substitutions: Readonly<Record<string, string>>;
  /** Provider `aws_region` of the environment (informational; credentials and gateway come from the environment). */
  readonly region: string;
  /** Flows of this stack that call this shared flow (republished by Terraform itself). */
  readonly stackCallers: readonly string[];
  /** Republish published callers outside the stack that still embed an older module version. */
  readonly republishExternalCallers: boolean;
  /** Let a destroy proceed while flows outside the stack still call the module. */
  readonly allowDestroyWithExternalCallers: boolean;
  /**
   * The flow's id (the `genesyscloud_flow` resource's `id`, resolved by Terraform after the apply). Only
   * the destroy guard's input carries it: the guard looks the flow up by id, so a rename in Architect
   * does not hide it. Absent in state written before the guard carried it (then the guard looks the flow
   * up by name).
   */
  readonly flowId?: string;
}

const invalid = (key: string, why: string) => new Error(`FLOW_CHECK_INPUT.${key} ${why}`);

/**
 * Reads and validates the handler's input. A field of the wrong shape is an error (the handler then
 * exits 2, "could not check"): a string `stackCallers` would otherwise make `includes` a substring match.
 */
export function parseFlowCheckInput(json: string | undefined): FlowCheckInput {
  if (!json) throw new Error('FLOW_CHECK_INPUT is not set (the handler runs from the flow check provisioner)');
  const parsed = JSON.parse(json) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('FLOW_CHECK_INPUT is not a JSON object');
  const input = parsed as Record<string, unknown>;
  for (const key of ['flowName', 'flowType', 'contentHash', 'payloadPath'] as const) {
    if (typeof input[key] !== 'string' || input[key] === '') throw invalid(key, 'is missing');
  }
  const substitutions = input.substitutions ?? {};
  if (typeof substitutions !== 'object' || substitutions === null || Array.isArray(substitutions) || Object.values(substitutions).some((v) => typeof v !== 'string')) {
    throw invalid('substitutions', 'is not an object of strings');
  }
  const stackCallers = input.stackCallers ?? [];
  if (!Array.isArray(stackCallers) || stackCallers.some((c) => typeof c !== 'string' || c === '')) {
    throw invalid('stackCallers', 'is not a list of flow names');
  }
  const flowId = input.flowId ?? undefined;
  if (flowId !== undefined && (typeof flowId !== 'string' || flowId.trim() === '')) throw invalid('flowId', 'is not a flow id');
  if (input.region !== undefined && typeof input.region !== 'string') throw invalid('region', 'is not a string');
  // Terraform passes booleans through jsonencode; accept their string forms too.
  return {
    flowName: input.flowName as string,
    flowType: input.flowType as string,
    contentHash: input.contentHash as string,
    payloadPath: input.payloadPath as string,
    substitutions: substitutions as Record<string, string>,
    region: (input.region as string | undefined) ?? '',
    stackCallers: stackCallers as string[],
    republishExternalCallers: String(input.republishExternalCallers) === 'true',
    allowDestroyWithExternalCallers: String(input.allowDestroyWithExternalCallers) === 'true',
    ...(flowId !== undefined ? { flowId: flowId as string } : {}),
  };
}
