/**
 * Stable problem codes of every area, one table per area. Codes never change meaning; a new rule gets a
 * new code. They all live here, in the lowest layer, so that `ProblemCode` is one union every layer can
 * name; each area's own module re-exports its table.
 */

/** The flow language (flow/). */
export const FLOW_ERROR_CODES = {
  GC1001: 'invalid identifier',
  GC1002: 'duplicate identifier',
  GC1003: 'unresolved reference',
  GC1004: 'unreachable node',
  GC1005: 'path does not end in a terminal action',
  GC1006: 'variable not declared',
  GC1007: 'variable in the wrong scope',
  GC1008: 'type mismatch',
  GC1009: 'required shared-flow input not provided',
  GC1010: 'unknown shared-flow input',
  GC1011: 'unknown shared-flow output',
  GC1012: 'shared-flow outcome not handled or unknown',
  GC1013: 'shared flow calls another shared flow',
  GC1014: 'invalid name',
  GC1015: 'loop control outside a loop',
  GC1016: 'invalid value',
  GC1017: 'action not allowed in this flow type',
  GC1018: 'shared flow not compatible with the calling flow type',
  GC1019: 'raw action is not exactly one Archy action the language does not model',
  GC1020: 'data action input not provided',
  GC1021: 'unknown data action input',
  GC1022: 'unknown data action output or data table field',
  GC1023: 'data action timeout out of range',
  GC1025: 'invalid or repeated participant data attribute name',
  GC1026: 'transfer target is not an inbound call flow',
  GC1030: 'in-queue task loops without hold music',
  GC1031: 'queue found at run time used outside the found branch of its FindQueue',
  GC1032: 'in-queue flow override is not an in-queue call flow',
} as const;

/** The constructs (constructs/). */
export const CONSTRUCT_ERROR_CODES = {
  GC2001: 'invalid E.164 number',
  GC2002: 'schedule group needs open and closed hours flows',
  GC2003: 'DNIS number outside the DID pool',
  GC2004: 'invalid queue name',
  GC2005: 'shared-flow outcome has no route',
  GC2006: 'flow name clash in one stack',
  GC2007: 'invalid IVR definition',
  GC2008: 'build output missing',
  GC2009: 'flow check without flows',
  GC2010: 'called shared flow is not a SharedFlow construct or reference',
  GC2011: 'flow check attached twice',
  GC2012: 'flow defined after the flow check was built',
  GC2013: 'flow names back a flow it is published before',
  GC2014: "queue's in-queue flow is not an in-queue call flow",
  GC2015: 'in-queue flow names by name the queue it is bound to',
  GC2016: 'invalid data action definition',
  GC2017: 'invalid data table definition',
  GC2018: 'data table row does not fit the table',
  GC2019: 'invalid user prompt name',
  GC2020: 'invalid user prompt resource',
  GC2021: 'user prompt audio file not found or too large',
  GC2022: 'invalid integration name',
  GC2023: 'user prompt, data table or data action name clash in one stack',
  GC2024: 'flow named by a flow is a bare definition, not a flow construct or reference',
} as const;

/** The environment configuration (config/). */
export const CONFIG_ERROR_CODES = {
  GC3001: 'unknown region',
  GC3002: 'invalid phone number',
  GC3003: 'invalid name',
  GC3004: 'invalid backend',
  GC3005: 'invalid PIN settings',
  GC3006: 'duplicate environment, number, queue or DID pool',
  GC3007: 'invalid business hours',
  GC3008: 'invalid configuration structure',
  GC3009: 'no environment to synthesize',
  GC3010: 'invalid in-queue settings',
} as const;

/** The runtime (runtime/: Genesys client, handlers). */
export const RUNTIME_ERROR_CODES = {
  GC4001: 'credentials missing',
  GC4002: 'invalid connection setting',
  GC4003: 'Genesys API call failed',
  GC4004: 'retries exhausted or time budget spent',
  GC4005: 'authentication failed',
  GC4006: 'answer is not what the Genesys API contract promises',
  GC4007: 'invalid handler setting',
  GC4008: 'flow check payload file refused (outside the stack folder, not a regular file, or too large)',
} as const;

/** Inputs of the review tools (runtime/plan-review/). */
export const REVIEW_ERROR_CODES = {
  GC5001: 'plan file not readable as a Terraform plan',
} as const;

/** The workflow jobs' check before `terraform init` (tools/pipeline-preflight.ts). */
export const PREFLIGHT_ERROR_CODES = {
  GC6001: 'synthesized stack missing',
  GC6002: 'backend not shared (local, or without settings)',
  GC6003: 'provider lock file missing or not locking a required provider',
  GC6004: 'Terraform Cloud host without a token variable',
  GC6005: 'S3 backend without state locking',
} as const;

/** Writing the provider lock file (tools/providers-lock.ts). */
export const PROVIDERS_LOCK_ERROR_CODES = {
  GC7001: 'terraform not on PATH',
  GC7002: 'terraform providers lock failed',
  GC7003: 'stacks require different providers',
  GC7004: 'lock file does not lock a required provider',
  GC7005: 'no project to lock',
  GC7006: 'lock file cannot be written',
  GC7007: 'invalid arguments',
} as const;

export type FlowErrorCode = keyof typeof FLOW_ERROR_CODES;
export type ConstructErrorCode = keyof typeof CONSTRUCT_ERROR_CODES;
export type ConfigErrorCode = keyof typeof CONFIG_ERROR_CODES;
export type RuntimeErrorCode = keyof typeof RUNTIME_ERROR_CODES;
export type ReviewErrorCode = keyof typeof REVIEW_ERROR_CODES;
export type PreflightErrorCode = keyof typeof PREFLIGHT_ERROR_CODES;
export type ProvidersLockErrorCode = keyof typeof PROVIDERS_LOCK_ERROR_CODES;

/** Every code of every area. */
export type ProblemCode =
  FlowErrorCode | ConstructErrorCode | ConfigErrorCode | RuntimeErrorCode | ReviewErrorCode | PreflightErrorCode | ProvidersLockErrorCode;

/** Every area's table by the area's name, e.g. to list all codes or find a code's meaning. */
export const PROBLEM_CODE_TABLES = {
  flow: FLOW_ERROR_CODES,
  construct: CONSTRUCT_ERROR_CODES,
  config: CONFIG_ERROR_CODES,
  runtime: RUNTIME_ERROR_CODES,
  review: REVIEW_ERROR_CODES,
  preflight: PREFLIGHT_ERROR_CODES,
  providersLock: PROVIDERS_LOCK_ERROR_CODES,
} as const;

export type ProblemArea = keyof typeof PROBLEM_CODE_TABLES;

/** The area whose table holds `code`. */
export function problemArea(code: ProblemCode): ProblemArea {
  const areas = Object.keys(PROBLEM_CODE_TABLES) as ProblemArea[];
  return areas.find((area) => Object.hasOwn(PROBLEM_CODE_TABLES[area], code))!;
}
