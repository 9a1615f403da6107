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
}

export function parseFlowCheckInput(json: string | undefined): FlowCheckInput {
  if (!json) throw new Error('FLOW_CHECK_INPUT is not set (the handler runs from the flow check provisioner)');
  const input = JSON.parse(json) as FlowCheckInput;
  for (const key of ['flowName', 'flowType', 'contentHash', 'payloadPath'] as const) {
    if (typeof input[key] !== 'string' || input[key] === '') throw new Error(`FLOW_CHECK_INPUT.${key} is missing`);
  }
  // Terraform passes booleans and lists through jsonencode; accept their string forms too.
  return {
    ...input,
    substitutions: input.substitutions ?? {},
    stackCallers: input.stackCallers ?? [],
    republishExternalCallers: String(input.republishExternalCallers) === 'true',
    allowDestroyWithExternalCallers: String(input.allowDestroyWithExternalCallers) === 'true',
  };
}
