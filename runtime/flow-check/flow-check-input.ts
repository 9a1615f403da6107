import { CheckedFlow, FLOWS_PER_VARIABLE, FlowCheckInput, StackCheckInput } from '../../constructs/flow-check-contract';

export type { CheckedFlow, FlowCheckInput, StackCheckInput } from '../../constructs/flow-check-contract';

/** The environment variables that carry `input` (what Terraform sets from the construct's expressions). */
export function stackCheckEnvironment(input: StackCheckInput): Record<string, string> {
  const env: Record<string, string> = { FLOW_CHECK_INPUT: JSON.stringify(input.header) };
  for (let i = 0; i * FLOWS_PER_VARIABLE < input.flows.length; i++)
    env[`FLOW_CHECK_FLOWS_${i}`] = JSON.stringify(input.flows.slice(i * FLOWS_PER_VARIABLE, (i + 1) * FLOWS_PER_VARIABLE));
  return env;
}

/**
 * Reads and validates the stack check's input from the environment. Anything of the wrong shape, or a
 * flow count the slices do not add up to, is an error (the handler then exits 2, "could not check").
 */
export function parseStackCheckInput(env: NodeJS.ProcessEnv): StackCheckInput {
  const header = parseObject(env.FLOW_CHECK_INPUT, 'FLOW_CHECK_INPUT');
  const flowCount = header.flowCount;
  if (typeof flowCount !== 'number' || !Number.isInteger(flowCount) || flowCount < 1) throw invalid('flowCount', 'is not a positive whole number');
  if (header.region !== undefined && typeof header.region !== 'string') throw invalid('region', 'is not a string');
  // Exactly the slices the count needs, each as full as the construct writes them: a flow that is not
  // read is never taken for checked.
  const slices = Math.ceil(flowCount / FLOWS_PER_VARIABLE);
  const stray = Object.keys(env).filter(
    (k) => /^FLOW_CHECK_FLOWS_/.test(k) && !(/^FLOW_CHECK_FLOWS_(0|[1-9][0-9]*)$/.test(k) && Number(k.slice(17)) < slices),
  );
  if (stray.length > 0)
    throw new Error(
      `${stray.sort().join(', ')} set, but FLOW_CHECK_INPUT.flowCount (${flowCount}) needs only FLOW_CHECK_FLOWS_0 to FLOW_CHECK_FLOWS_${slices - 1}`,
    );
  const flows: CheckedFlow[] = [];
  for (let i = 0; i < slices; i++) {
    const name = `FLOW_CHECK_FLOWS_${i}`;
    if (env[name] === undefined)
      throw new Error(`${name} is not set: FLOW_CHECK_INPUT.flowCount (${flowCount}) needs FLOW_CHECK_FLOWS_0 to FLOW_CHECK_FLOWS_${slices - 1}`);
    const slice = JSON.parse(env[name]!) as unknown;
    const expected = Math.min(FLOWS_PER_VARIABLE, flowCount - i * FLOWS_PER_VARIABLE);
    if (!Array.isArray(slice)) throw new Error(`${name} is not a list of flows`);
    if (slice.length !== expected)
      throw new Error(`${name} holds ${slice.length} flow(s), but FLOW_CHECK_INPUT.flowCount (${flowCount}) puts ${expected} in it`);
    slice.forEach((entry, j) => flows.push(parseCheckedFlow(entry, `${name}[${j}]`)));
  }
  // Terraform passes booleans through jsonencode; accept their string forms too.
  return {
    header: {
      region: (header.region as string | undefined) ?? '',
      republishExternalCallers: String(header.republishExternalCallers) === 'true',
      flowCount,
    },
    flows,
  };
}

/** Where flow `index` of a stack check's input is, for messages (`FLOW_CHECK_FLOWS_1[3]`). */
export function checkedFlowLocation(index: number): string {
  return `FLOW_CHECK_FLOWS_${Math.floor(index / FLOWS_PER_VARIABLE)}[${index % FLOWS_PER_VARIABLE}]`;
}

function parseObject(json: string | undefined, name: string): Record<string, unknown> {
  if (!json) throw new Error(`${name} is not set (the handler runs from the flow check provisioner)`);
  const parsed = JSON.parse(json) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${name} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

/** One flow entry; `at` names it in errors. */
function parseCheckedFlow(entry: unknown, at: string): CheckedFlow {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${at} is not a JSON object`);
  const input = entry as Record<string, unknown>;
  const bad = (key: string, why: string) => new Error(`${at}.${key} ${why}`);
  for (const key of ['flowName', 'flowType', 'contentHash', 'payloadPath'] as const) {
    if (typeof input[key] !== 'string' || input[key] === '') throw bad(key, 'is missing');
  }
  const substitutions = input.substitutions ?? {};
  if (
    typeof substitutions !== 'object' ||
    substitutions === null ||
    Array.isArray(substitutions) ||
    Object.values(substitutions).some((v) => typeof v !== 'string')
  ) {
    throw bad('substitutions', 'is not an object of strings');
  }
  return {
    flowName: input.flowName as string,
    flowType: input.flowType as string,
    contentHash: input.contentHash as string,
    payloadPath: input.payloadPath as string,
    substitutions: substitutions as Record<string, string>,
  };
}

const invalid = (key: string, why: string) => new Error(`FLOW_CHECK_INPUT.${key} ${why}`);

/**
 * Reads and validates the handler's input. A field of the wrong shape is an error (the handler then
 * exits 2, "could not check"): a string `stackCallers` would otherwise make `includes` a substring match.
 */
export function parseFlowCheckInput(json: string | undefined): FlowCheckInput {
  const input = parseObject(json, 'FLOW_CHECK_INPUT');
  const flow = parseCheckedFlow(input, 'FLOW_CHECK_INPUT');
  const stackCallers = input.stackCallers ?? [];
  if (!Array.isArray(stackCallers) || stackCallers.some((c) => typeof c !== 'string' || c === '')) {
    throw invalid('stackCallers', 'is not a list of flow names');
  }
  const flowId = input.flowId ?? undefined;
  if (flowId !== undefined && (typeof flowId !== 'string' || flowId.trim() === '')) throw invalid('flowId', 'is not a flow id');
  if (input.region !== undefined && typeof input.region !== 'string') throw invalid('region', 'is not a string');
  // Terraform passes booleans through jsonencode; accept their string forms too.
  return {
    ...flow,
    region: (input.region as string | undefined) ?? '',
    stackCallers: stackCallers as string[],
    republishExternalCallers: String(input.republishExternalCallers) === 'true',
    allowDestroyWithExternalCallers: String(input.allowDestroyWithExternalCallers) === 'true',
    ...(flowId !== undefined ? { flowId: flowId as string } : {}),
  };
}
