/**
 * The input contract between the check constructs (constructs/flow-check.ts) and their handler
 * (runtime/flow-check/): the `input` of each `terraform_data`, passed as JSON in environment variables.
 * No secrets: credentials come from the environment. No imports: the handler bundle includes this file.
 */

/** One flow the post-apply check verifies. */
export interface CheckedFlow {
  /** Flow name and API type (`INBOUNDCALL`, `COMMONMODULE`, `INQUEUECALL`). */
  readonly flowName: string;
  readonly flowType: string;
  /** sha256 of the rendered YAML. */
  readonly contentHash: string;
  /** The rendered YAML, relative to the working directory (the stack folder). */
  readonly payloadPath: string;
  /** Provider substitutions, resolved by Terraform. */
  readonly substitutions: Readonly<Record<string, string>>;
}

/**
 * The stack's one post-apply check: every flow of the stack. Terraform passes `header` as JSON in
 * FLOW_CHECK_INPUT and the flows in slices of {@link FLOWS_PER_VARIABLE} in FLOW_CHECK_FLOWS_0, _1, …: one
 * environment string is limited to 128 KiB on Linux, and a stack of 1 000 IVRs holds more than that.
 */
export interface StackCheckInput {
  readonly header: {
    /** Provider `aws_region` of the environment (informational; credentials and gateway come from the environment). */
    readonly region: string;
    /** Republish published callers outside the stack that still embed an older module version. */
    readonly republishExternalCallers: boolean;
    /** How many flows the FLOW_CHECK_FLOWS_n variables hold together: a missing slice is an error, not fewer flows. */
    readonly flowCount: number;
  };
  readonly flows: readonly CheckedFlow[];
}

/**
 * Flows per FLOW_CHECK_FLOWS_n variable. One entry is a name (at most 200 characters), a hash, a path and
 * the resolved substitutions (queue names): about 400 bytes typically, a few KiB at worst in UTF-8, so 25
 * stay below Linux's 128 KiB per environment string. (The stack's callers of a shared flow are not in the
 * input: the handler reads them from the flows' YAML, so a module called by 1 000 IVRs adds nothing.)
 */
export const FLOWS_PER_VARIABLE = 25;

/**
 * The destroy guard's input (one per shared flow), passed as JSON in FLOW_CHECK_INPUT.
 */
export interface FlowCheckInput {
  /** Flow name and API type (`INBOUNDCALL`, `COMMONMODULE`, `INQUEUECALL`). */
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
