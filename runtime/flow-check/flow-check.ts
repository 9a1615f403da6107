import type * as platformClient from 'purecloud-platform-client-v2';
import { parse } from 'yaml';
import { ArchitectOps, PollOptions, pollMs, unpublishedChanges } from '../architect/architect-ops';
import { formatDifferences } from '../flow-compare';
import { GenesysError } from '../genesys/genesys-error';
import { TimeBudget, pause } from '../genesys/time-budget';
import { calledModules } from '../../formats/archy-called-modules';
import { applySubstitutions } from '../synth-output/substitutions';
import type { ExpectedFlow } from '../synth-output/synthesized-stack';
import { FindingKind } from '../verification/findings';
import { VERIFIED_FLOW_TYPES, flowKey, verifyFlows } from '../verification/verify-flows';
import { FlowCheckInput, StackCheckInput, checkedFlowLocation } from './flow-check-input';
import { readPayloadFile } from './payload-file';

type Flow = platformClient.Models.Flow;

/** Exit codes of the handler: scripts and Terraform rely on them. */
export const FLOW_CHECK_EXIT = { ok: 0, checkFailed: 1, couldNotCheck: 2 } as const;

export interface FlowCheckReport {
  readonly exitCode: number;
  /**
   * Readable lines, in order, one entry per line. Names in them come from the org as they are: print
   * each through `terminalText` (runtime/genesys/terminal-text.ts), as the handler does.
   */
  readonly lines: string[];
}

export interface FlowCheckOptions {
  readonly poll?: PollOptions;
  /**
   * The stack folder `payloadPath` is relative to and confined to (see `readPayloadFile`).
   * @default process.cwd() - Terraform runs the provisioner in the stack folder
   */
  readonly stackDir?: string;
  /**
   * The rendered flows, in the order of `input.flows`, already read with `readPayloadFile` (the handler
   * reads them before connecting).
   * @default - read from each `payloadPath` in `stackDir`
   */
  readonly payloads?: readonly string[];
}

/** Up to this many flows that match are listed one per line; more are summed up in one line. */
const MATCHING_LINES_MAX = 50;

/** Findings that fail the check; the others (a lock, a draft, another publisher of the same content) are reported. */
const FAILING: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'flow-missing',
  'flow-never-published',
  'flow-content-differs',
  'flow-embeds-old-module',
]);

/**
 * After an apply, for every flow of the stack at once (the same engine as drift detection: one listing,
 * batched exports, comparison by meaning): each flow is published, its published content carries
 * everything we rendered, each caller embeds the current version of the shared flows it calls, and (for
 * a shared flow) callers outside the stack are not left embedding an older version. Read-only apart from
 * the opt-in republish, which converges: a re-run finds nothing left to do.
 */
export async function checkStackFlows(ops: ArchitectOps, input: StackCheckInput, options: FlowCheckOptions = {}): Promise<FlowCheckReport> {
  const lines: string[] = [];
  // Read (and confined to the stack folder) before any API call: a refused path costs no request.
  const payloads =
    options.payloads ??
    input.flows.map((f, i) => readPayloadFile(options.stackDir ?? process.cwd(), f.payloadPath, `${checkedFlowLocation(i)}.payloadPath`));
  const expected: ExpectedFlow[] = input.flows.map((f, i) => {
    const yaml = applySubstitutions(payloads[i], f.substitutions);
    return { name: f.flowName, type: f.flowType.toUpperCase(), yaml, callsModules: calledModules(parse(yaml)) };
  });
  const live = await listWhenPublished(ops, expected, options.poll);
  const { findingsByFlow, errors } = await verifyFlows(ops, expected, live, { poll: options.poll });
  const liveByKey = new Map(live.map((f) => [flowKey(f.name, f.type ?? ''), f]));
  const unreported = new Map(findingsByFlow);
  let failed = false;
  // A large stack gets one line for the flows that match, not one each: Terraform's provisioner output
  // has been seen to drop lines of a long burst, and nobody reads 1 000 "matches" lines.
  const matching: string[] = [];

  expected.forEach((want, i) => {
    const what = `${want.type} '${want.name}'`;
    const own = findingsByFlow.get(flowKey(want.name, want.type)) ?? [];
    unreported.delete(flowKey(want.name, want.type));
    for (const finding of own) {
      failed ||= FAILING.has(finding.kind);
      lines.push(
        `${what}: ${finding.detail}${finding.kind === 'flow-locked' ? '; the next publish of this flow will fail until it is unlocked (or set force_unlock)' : ''}`,
      );
      // One line per difference: a name in a path may hold a line break, which is shown, never a new line.
      for (const d of finding.differences ?? []) lines.push(formatDifferences([d]));
    }
    if (!own.some((f) => FAILING.has(f.kind)) && !errors.length) {
      const published = liveByKey.get(flowKey(want.name, want.type))?.publishedVersion?.id;
      const hash = input.flows[i].contentHash.slice(0, 12);
      matching.push(
        `${what}: published version ${published} matches the synthesized flow (${hash})${want.callsModules.length ? `, and embeds the current version of ${want.callsModules.map((m) => `'${m}'`).join(', ')}` : ''}`,
      );
    }
  });
  if (matching.length <= MATCHING_LINES_MAX) lines.push(...matching);
  else
    lines.push(
      `${matching.length} of ${expected.length} flows: the published version matches the synthesized flow and embeds the current version of the shared flows it calls`,
    );
  // Findings on flows the stack calls but does not define (a missing or unpublished external module).
  for (const finding of [...unreported.values()].flat()) {
    failed ||= FAILING.has(finding.kind);
    lines.push(`shared flow '${finding.name}': ${finding.detail}`);
  }
  if (errors.length > 0) return { exitCode: FLOW_CHECK_EXIT.couldNotCheck, lines: [...lines, ...errors.map((e) => `could not check: ${e}`)] };

  for (const module of expected.filter((f) => f.type === 'COMMONMODULE')) {
    const flow = liveByKey.get(flowKey(module.name, module.type));
    if (!flow?.publishedVersion?.id) continue; // reported above
    // Republish others' flows only onto a module that is what we synthesized and published.
    const verified = !(findingsByFlow.get(flowKey(module.name, module.type)) ?? []).some(
      (f) => FAILING.has(f.kind) || f.kind === 'flow-published-by-other',
    );
    // The stack's own callers are republished by Terraform: derived from the flows' YAML, not carried in the input.
    const stackCallers = expected.filter((f) => f.callsModules.includes(module.name)).map((f) => f.name);
    const result = await reconcileExternalCallers(
      ops,
      flow.id!,
      flow.publishedVersion.id,
      module.name,
      stackCallers,
      input.header.republishExternalCallers && verified,
    );
    if (input.header.republishExternalCallers && !verified)
      result.lines.push(
        `COMMONMODULE '${module.name}': its callers outside this stack are not republished: the published module is not the one synthesized`,
      );
    lines.push(...result.lines);
    failed ||= result.failed;
  }
  return { exitCode: failed ? FLOW_CHECK_EXIT.checkFailed : FLOW_CHECK_EXIT.ok, lines };
}

/**
 * The org's flows, listed again until every expected flow has a published version: the provider's import
 * job has finished, but a listing may lag behind it. The wait takes at most the poll's timeout and two
 * thirds of what the enclosing budgets have left, so the verification keeps time to report what is still
 * missing (a failed check) instead of running out (could not check). The first listing always runs.
 */
async function listWhenPublished(ops: ArchitectOps, expected: readonly ExpectedFlow[], poll: PollOptions = {}): Promise<Flow[]> {
  const enclosing = [poll.budget, ops.budget, ops.client.budget].filter((b): b is TimeBudget => b !== undefined);
  const left = Math.min(...enclosing.map((b) => b.remainingMs));
  const budget = TimeBudget.within(
    Math.min(pollMs(poll.timeoutMs, 120_000), Number.isFinite(left) ? Math.floor((left * 2) / 3) : Infinity),
    enclosing,
  );
  const interval = pollMs(poll.intervalMs, 1000);
  const published = (live: readonly Flow[]) => {
    const keys = new Set(live.filter((f) => f.publishedVersion?.id).map((f) => `${(f.type ?? '').toUpperCase()}:${f.name}`));
    return expected.every((e) => keys.has(`${e.type}:${e.name}`));
  };
  let live = await ops.listFlows(VERIFIED_FLOW_TYPES);
  while (!published(live) && budget.remainingMs > interval) {
    await pause(interval);
    try {
      live = await ops.within(budget).listFlows(VERIFIED_FLOW_TYPES);
    } catch (err) {
      // The wait ended during a listing: the last complete listing is the answer.
      if (err instanceof GenesysError && err.code === 'GC4004' && budget.expired) return live;
      throw err;
    }
  }
  return live;
}

/** What the external-caller reconciliation of one shared flow found. */
interface Reconciliation {
  readonly lines: string[];
  readonly failed: boolean;
}

/**
 * Callers outside the stack that still embed an older version of the shared flow: reported, or
 * republished when `republish` is set (never one with unpublished work of someone else).
 */
async function reconcileExternalCallers(
  ops: ArchitectOps,
  moduleId: string,
  latest: string,
  moduleName: string,
  stackCallers: readonly string[],
  republish: boolean,
): Promise<Reconciliation> {
  const what = `COMMONMODULE '${moduleName}'`;
  const lines: string[] = [];
  const stale = await staleExternalCallers(ops, moduleId, moduleName, stackCallers, latest);
  let leftWithChanges = 0;
  for (const caller of stale) {
    if (!republish) {
      lines.push(
        `${what}: caller ${caller.name} (outside this stack) still embeds module version ${caller.bound}; republish it, or set republishExternalCallers`,
      );
      continue;
    }
    // A publish takes the caller's latest configuration: never publish someone else's unpublished work.
    const current = await ops.getFlow(caller.id);
    const changes = unpublishedChanges(current, ops.client.clientId);
    if (changes) {
      leftWithChanges++;
      lines.push(
        `${what}: caller ${caller.name} (outside this stack) has unpublished changes (${changes}); not republished: republish it yourself after reviewing them (it still embeds module version ${caller.bound ?? 'none'})`,
      );
      continue;
    }
    await ops.publish(caller.id);
    const now = await ops.getFlow(caller.id);
    const bound = now.publishedVersion?.id
      ? await ops.boundModuleVersion({ id: now.id, version: now.publishedVersion.id, type: `${caller.type}FLOW` }, moduleName)
      : undefined;
    if (bound !== latest) {
      lines.push(`${what}: republished caller ${caller.name}, but it embeds module version ${bound ?? 'none'} instead of ${latest}`);
      return { lines, failed: true };
    }
    lines.push(`${what}: republished caller ${caller.name} (outside this stack); it now embeds module version ${latest}`);
  }
  if (stale.length === 0) lines.push(`${what}: no caller outside this stack embeds an older module version`);
  if (leftWithChanges > 0) {
    lines.push(
      `${what}: ${leftWithChanges} caller(s) outside this stack still embed an older module version and were not republished because of their unpublished changes`,
    );
    return { lines, failed: true };
  }
  return { lines, failed: false };
}

interface StaleCaller {
  id: string;
  name: string;
  type: string;
  bound: string | undefined;
}

async function staleExternalCallers(
  ops: ArchitectOps,
  moduleId: string,
  moduleName: string,
  stackCallers: readonly string[],
  latest: string,
): Promise<StaleCaller[]> {
  const consumers = await ops.consumersOf(moduleId);
  const stale: StaleCaller[] = [];
  for (const c of consumers) {
    if (!c.id || !c.name || stackCallers.includes(c.name)) continue;
    const bound = await ops.boundModuleVersion(c, moduleName);
    if (bound !== latest) stale.push({ id: c.id, name: c.name, type: (c.type ?? 'INBOUNDCALLFLOW').replace(/FLOW$/, ''), bound });
  }
  return stale;
}

/**
 * Before a shared flow is destroyed: refuse while published flows outside the stack still call it
 * (Genesys would refuse the delete, or those flows would break at their next publish).
 *
 * The flow is looked up by the id in the input (the flow resource's id): a rename in Architect does not
 * hide it, and only a 404 for that id means it is already gone. State written before the guard carried
 * the id falls back to the name; then "gone" needs a name listing that states its total.
 */
export async function checkSharedFlowDestroy(ops: ArchitectOps, input: FlowCheckInput): Promise<FlowCheckReport> {
  const what = `${input.flowType} '${input.flowName}'`;
  if (input.flowType.toUpperCase() !== 'COMMONMODULE') return { exitCode: FLOW_CHECK_EXIT.ok, lines: [`${what}: nothing to check before destroy`] };
  const lines: string[] = [];
  let flowId: string;
  if (input.flowId) {
    const flow = await ops.getFlowIfExists(input.flowId);
    if (!flow) return { exitCode: FLOW_CHECK_EXIT.ok, lines: [`${what}: already gone (no flow with id ${input.flowId})`] };
    flowId = flow.id!;
    if (flow.name !== input.flowName) lines.push(`${what}: flow ${flow.id} is now named '${flow.name}' (renamed in Architect); checking its callers`);
  } else {
    const { flow, statedTotal } = await ops.lookupFlow(input.flowName, input.flowType);
    if (!flow) {
      if (statedTotal === undefined) {
        return {
          exitCode: FLOW_CHECK_EXIT.couldNotCheck,
          lines: [
            `${what}: refusing to destroy: the flow listing found no shared flow by this name but stated no total, so it cannot show that the flow is gone.`,
            "  Retry; if it persists, check in Architect that the shared flow is gone (or renamed), then destroy with FLOW_CHECK_SKIP=1. An apply records the flow's id for this guard.",
          ],
        };
      }
      return {
        exitCode: FLOW_CHECK_EXIT.ok,
        lines: [`${what}: already gone (no shared flow by this name; looked up by name: this state has no flow id)`],
      };
    }
    flowId = flow.id!;
  }
  const external = (await ops.consumersOf(flowId)).filter((c) => c.name && !input.stackCallers.includes(c.name));
  if (external.length === 0)
    return { exitCode: FLOW_CHECK_EXIT.ok, lines: [...lines, `${what}: no published flow outside this stack calls it; destroy may proceed`] };
  const names = external.map((c) => c.name).join(', ');
  if (input.allowDestroyWithExternalCallers) {
    return {
      exitCode: FLOW_CHECK_EXIT.ok,
      lines: [...lines, `${what}: destroying although ${names} still call it (allowDestroyWithExternalCallers is set)`],
    };
  }
  return {
    exitCode: FLOW_CHECK_EXIT.checkFailed,
    lines: [
      ...lines,
      `${what}: refusing to destroy: published flows outside this stack still call it: ${names}.`,
      '  Remove the call from those flows and republish them, or set allowDestroyWithExternalCallers on the SharedFlow, then destroy again.',
    ],
  };
}
