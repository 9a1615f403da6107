import { CheckedFlow, FLOWS_PER_VARIABLE, FlowCheckInput, StackCheckInput } from '../../constructs/flow-check-contract';

export type { CheckedFlow, FlowCheckInput, StackCheckInput } from '../../constructs/flow-check-contract';

/** The environment variables that carry `input` (what Terraform sets from the construct's expressions). */
export function stackCheckEnvironment(input: StackCheckInput): Record<string, string> {
  const env: Record<string, string> = { FLOW_CHECK_INPUT: JSON.stringify(input.header) };
  for (let i = 0; i * FLOWS_PER_VARIABLE < input.flows.length; i++) env[`FLOW_CHECK_FLOWS_${i}`] = JSON.stringify(input.flows.slice(i * FLOWS_PER_VARIABLE, (i + 1) * FLOWS_PER_VARIABLE));
  return env;
}

/**
 * Reads and validates the stack check's input from the environment. Anything of the wrong shape, or a
 * flow count the slices do not add up to, is an error (the handler then exits 2, "could not check").
 */
export function parseStackCheckInput(env: NodeJS.ProcessEnv): StackCheckInput {
  const header = parseObject(env.FLOW_CHECK_INPUT, 'FLOW_CHECK_INPUT');
  const flowCount = Number(header.flowCount);
  if (!Number.isInteger(flowCount) || flowCount < 1) throw invalid('flowCount', 'is not a positive whole number');
  if (header.region !== undefined && typeof header.region !== 'string') throw invalid('region', 'is not a string');
  const flows: CheckedFlow[] = [];
  for (let i = 0; flows.length < flowCount; i++) {
    const name = `FLOW_CHECK_FLOWS_${i}`;
    if (env[name] === undefined) throw new Error(`${name} is not set: FLOW_CHECK_INPUT.flowCount says ${flowCount} flows, the slices before it hold ${flows.length}`);
    const slice = JSON.parse(env[name]!) as unknown;
    if (!Array.isArray(slice) || slice.length === 0) throw new Error(`${name} is not a list of flows`);
    slice.forEach((entry, j) => flows.push(parseCheckedFlow(entry, `${name}[${j}]`)));
  }
  if (flows.length !== flowCount || env[`FLOW_CHECK_FLOWS_${Math.ceil(flowCount / FLOWS_PER_VARIABLE)}`] !== undefined) {
    throw new Error(`FLOW_CHECK_FLOWS_n hold ${flows.length} flows or more, but FLOW_CHECK_INPUT.flowCount says ${flowCount}`);
  }
  // Terraform passes booleans through jsonencode; accept their string forms too.
  return { header: { region: (header.region as string | undefined) ?? '', republishExternalCallers: String(header.republishExternalCallers) === 'true', flowCount }, flows };
}

function parseObject(json: string | undefined, name: string): Record<string, unknown> {
  if (!json) throw new Error(`${name} is not set (the handler runs from the flow check provisioner)`);
  const parsed = JSON.parse(json) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${name} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

/** One flow entry; `at` names it in errors. A string `stackCallers` would otherwise make `includes` a substring match. */
function parseCheckedFlow(entry: unknown, at: string): CheckedFlow {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${at} is not a JSON object`);
  const input = entry as Record<string, unknown>;
  const bad = (key: string, why: string) => new Error(`${at}.${key} ${why}`);
  for (const key of ['flowName', 'flowType', 'contentHash', 'payloadPath'] as const) {
    if (typeof input[key] !== 'string' || input[key] === '') throw bad(key, 'is missing');
  }
  const substitutions = input.substitutions ?? {};
  if (typeof substitutions !== 'object' || substitutions === null || Array.isArray(substitutions) || Object.values(substitutions).some((v) => typeof v !== 'string')) {
    throw bad('substitutions', 'is not an object of strings');
  }
  const stackCallers = input.stackCallers ?? [];
  if (!Array.isArray(stackCallers) || stackCallers.some((c) => typeof c !== 'string' || c === '')) throw bad('stackCallers', 'is not a list of flow names');
  return {
    flowName: input.flowName as string,
    flowType: input.flowType as string,
    contentHash: input.contentHash as string,
    payloadPath: input.payloadPath as string,
    substitutions: substitutions as Record<string, string>,
    stackCallers: stackCallers as string[],
  };
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
