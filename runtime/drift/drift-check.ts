import type * as platformClient from 'purecloud-platform-client-v2';
import { ArchitectOps, PollOptions, lockHolder, publisherOf } from '../architect/architect-ops';
import { OWN_CLIENT, cutScrubbed, errorText } from '../genesys/genesys-error';
import { TimeBudget } from '../genesys/time-budget';
import { compareFlows, FlowDifference } from '../flow-compare';
import { ExpectedFlow, ExpectedIvr, SynthesizedStack } from '../synth-output/synthesized-stack';

type Flow = platformClient.Models.Flow;

/** What kind of difference a finding is. Stable: part of the JSON output schema. */
export type FindingKind =
  | 'flow-missing'
  | 'flow-never-published'
  | 'flow-published-by-other'
  | 'flow-content-differs'
  | 'flow-locked'
  | 'flow-draft-pending'
  | 'flow-embeds-old-module'
  | 'flow-orphan'
  | 'ivr-missing'
  | 'ivr-dnis-differs'
  | 'ivr-flow-binding-differs'
  | 'ivr-schedule-group-differs';

export interface DriftFinding {
  readonly kind: FindingKind;
  readonly resource: 'flow' | 'ivr';
  /** Flow or IVR name. */
  readonly name: string;
  /** One readable sentence. */
  readonly detail: string;
  /** Node-level differences of `flow-content-differs`. */
  readonly differences?: readonly FlowDifference[];
}

export interface DriftReport {
  readonly stack: string;
  /** False when some check could not run (then the report must not be read as "in sync"). */
  readonly complete: boolean;
  readonly findings: DriftFinding[];
  /** Why the check is incomplete. */
  readonly errors: string[];
  readonly checkedFlows: number;
  readonly checkedIvrs: number;
}

export interface DriftOptions {
  /** Flow versions per export job. @default 100 */
  readonly exportBatchSize?: number;
  /** Export jobs running at once. @default 10 */
  readonly exportConcurrency?: number;
  /** Flows whose name starts with this and that no stack defines are orphans. @default - no orphan check */
  readonly namePrefix?: string;
  readonly poll?: PollOptions;
  /**
   * Bounds the whole check (every listing, export job and retry): once it is spent, what is left is not
   * checked and the report is incomplete. @default - only the ops' and the client's budgets
   */
  readonly budget?: TimeBudget;
}

const FLOW_TYPES = ['inboundcall', 'commonmodule'];

/**
 * Compares the live org with a synthesized stack, in bulk: one paged flow listing (500 per page), export
 * jobs of many versions each with bounded concurrency, one paged IVR listing. Anything it could not
 * check makes the report incomplete instead of silently "in sync".
 */
export async function detectDrift(ops: ArchitectOps, stack: Pick<SynthesizedStack, 'flows' | 'ivrs'>, stackName: string, options: DriftOptions = {}): Promise<DriftReport> {
  // Every call below (and its retries and polls) ends when the check's budget is spent.
  ops = ops.within(options.budget);
  const findings: DriftFinding[] = [];
  const errors: string[] = [];
  const report = (kind: FindingKind, resource: 'flow' | 'ivr', name: string, detail: string, differences?: FlowDifference[]) =>
    findings.push({ kind, resource, name, detail, ...(differences ? { differences } : {}) });

  let live: Flow[] = [];
  try {
    live = await ops.listFlows(FLOW_TYPES);
  } catch (err) {
    return { stack: stackName, complete: false, findings, errors: [`listing flows failed: ${errorText(err)}`], checkedFlows: 0, checkedIvrs: 0 };
  }
  const key = (name: string, type: string) => `${type.toUpperCase()}:${name}`;
  const byKey = new Map(live.map((f) => [key(f.name, f.type ?? ''), f]));

  // Shared flows the stack calls but does not define (another stack or team owns them): the stack's
  // checks below never see them, yet a caller's next publish fails when its module is gone (ARCHY-8).
  const defined = new Set(stack.flows.map((f) => key(f.name, f.type)));
  const externalModuleCallers = new Map<string, string[]>();
  for (const expected of stack.flows) {
    for (const moduleName of expected.callsModules) {
      if (defined.has(key(moduleName, 'COMMONMODULE'))) continue;
      externalModuleCallers.set(moduleName, [...(externalModuleCallers.get(moduleName) ?? []), expected.name]);
    }
  }
  for (const [moduleName, callers] of externalModuleCallers) {
    const named = callers.map((c) => `'${c}'`).join(', ');
    const whose = callers.length === 1 ? `${callers[0]}'s next publish` : `the next publish of ${named}`;
    const module = byKey.get(key(moduleName, 'COMMONMODULE'));
    if (!module) {
      report('flow-missing', 'flow', moduleName, `shared flow '${moduleName}', called by ${named}, does not exist in the org; ${whose} will fail`);
    } else if (!module.publishedVersion?.id) {
      report('flow-never-published', 'flow', moduleName, `shared flow '${moduleName}', called by ${named}, exists but has no published version; ${whose} will fail`);
    }
  }

  const toExport: Array<{ expected: ExpectedFlow; flow: Flow }> = [];
  for (const expected of stack.flows) {
    const flow = byKey.get(key(expected.name, expected.type));
    if (!flow) {
      report('flow-missing', 'flow', expected.name, `${expected.type} flow '${expected.name}' does not exist in the org`);
      continue;
    }
    const published = flow.publishedVersion;
    if (!published?.id) {
      report('flow-never-published', 'flow', expected.name, `flow '${expected.name}' exists but has no published version`);
      continue;
    }
    if (published.createdBy || (published.createdByClient?.id && published.createdByClient.id !== ops.client.clientId)) {
      report('flow-published-by-other', 'flow', expected.name, `published version ${published.id} was published by ${publisherOf(published, ops.client.clientId)}, not by ${OWN_CLIENT}`);
    }
    const holder = lockHolder(flow, ops.client.clientId);
    if (holder) report('flow-locked', 'flow', expected.name, `locked by ${holder}`);
    if (flow.savedVersion?.id) {
      report('flow-draft-pending', 'flow', expected.name, `a saved draft (${flow.savedVersion.id}) is pending on top of published version ${published.id}`);
    }
    for (const moduleName of expected.callsModules) {
      const module = byKey.get(key(moduleName, 'COMMONMODULE'));
      if (!module?.publishedVersion?.id) continue; // reported as missing or never published above, or as a flow of the stack
      // Architect binds a module when the caller is published: a module published later is not embedded.
      // Compared as instants (the API's ISO-8601 strings need not share one format); a date we cannot
      // read makes the report incomplete, never "in sync".
      const moduleDate = publishedAt(module.publishedVersion.datePublished);
      const callerDate = publishedAt(published.datePublished);
      const unreadable = [
        ...(moduleDate.error ? [`the published version ${module.publishedVersion.id} of '${moduleName}' ${moduleDate.error}`] : []),
        ...(callerDate.error ? [`the published version ${published.id} of '${expected.name}' ${callerDate.error}`] : []),
      ];
      if (unreadable.length > 0) {
        errors.push(`could not tell whether '${expected.name}' embeds the current version of '${moduleName}': ${unreadable.join('; ')}`);
      } else if (moduleDate.ms! > callerDate.ms!) {
        report('flow-embeds-old-module', 'flow', expected.name, `embeds an older version of '${moduleName}' (module published ${module.publishedVersion.datePublished}, caller ${published.datePublished}); republish the caller`);
      }
    }
    toExport.push({ expected, flow });
  }

  try {
    const batches = chunk(toExport, options.exportBatchSize ?? 100);
    await mapLimit(batches, options.exportConcurrency ?? 10, async (batch) => {
      const exported = await ops.exportVersions(batch.map((b) => ({ id: b.flow.id!, version: b.flow.publishedVersion!.id! })), options.poll);
      for (const { expected, flow } of batch) {
        const differences = compareFlows(expected.yaml, exported.get(flow.id!)!);
        if (differences.length > 0) {
          report('flow-content-differs', 'flow', expected.name, `published version ${flow.publishedVersion!.id} differs from the synthesized flow in ${differences.length} place(s)`, differences);
        }
      }
    });
  } catch (err) {
    errors.push(`exporting flows failed: ${errorText(err)}`);
  }

  if (options.namePrefix) {
    for (const flow of live) {
      if (flow.name.startsWith(options.namePrefix) && !defined.has(key(flow.name, flow.type ?? ''))) {
        report('flow-orphan', 'flow', flow.name, `${flow.type} flow '${flow.name}' carries the environment prefix but no stack defines it (left behind by a rename?)`);
      }
    }
  }

  let checkedIvrs = 0;
  try {
    const ivrs = await ops.listIvrs();
    const flowNames = new Map(live.map((f) => [f.id!, f.name]));
    for (const expected of stack.ivrs) {
      checkedIvrs++;
      checkIvr(expected, ivrs.find((i) => i.name === expected.name), flowNames, report);
    }
  } catch (err) {
    errors.push(`listing IVRs failed: ${errorText(err)}`);
  }

  const order = (f: DriftFinding) => `${f.resource}:${f.name}:${f.kind}`;
  findings.sort((a, b) => order(a).localeCompare(order(b)));
  return { stack: stackName, complete: errors.length === 0, findings, errors, checkedFlows: stack.flows.length, checkedIvrs };
}

function checkIvr(
  expected: ExpectedIvr,
  live: platformClient.Models.IVR | undefined,
  flowNames: Map<string, string>,
  report: (kind: FindingKind, resource: 'flow' | 'ivr', name: string, detail: string) => void,
): void {
  if (!live) return report('ivr-missing', 'ivr', expected.name, `IVR '${expected.name}' does not exist in the org`);
  const dnis = [...(live.dnis ?? [])].sort();
  if (dnis.join(',') !== expected.dnis.join(',')) {
    report('ivr-dnis-differs', 'ivr', expected.name, `DNIS ${JSON.stringify(dnis)} instead of ${JSON.stringify(expected.dnis)}`);
  }
  const bindings: Array<[string, string | undefined, platformClient.Models.DomainEntityRef | undefined]> = [
    ['open hours', expected.openHoursFlow, live.openHoursFlow],
    ['closed hours', expected.closedHoursFlow, live.closedHoursFlow],
    ['holiday hours', expected.holidayHoursFlow, live.holidayHoursFlow],
  ];
  for (const [what, want, have] of bindings) {
    const haveName = have?.id ? (flowNames.get(have.id) ?? have.name ?? have.id) : undefined;
    if ((want ?? '') !== (haveName ?? '')) {
      report('ivr-flow-binding-differs', 'ivr', expected.name, `${what} flow is ${haveName ? `'${haveName}'` : 'not set'} instead of ${want ? `'${want}'` : 'not set'}`);
    }
  }
  if (expected.hasScheduleGroup !== Boolean(live.scheduleGroup?.id)) {
    report('ivr-schedule-group-differs', 'ivr', expected.name, expected.hasScheduleGroup ? 'has no schedule group, but the stack sets one' : 'has a schedule group, but the stack sets none');
  }
}

/**
 * A `datePublished` as epoch milliseconds, or why it cannot be read. The API gives ISO-8601 date-times
 * (`2024-05-01T09:30:00.000Z`); anything else (missing, another format) is not guessed at.
 */
function publishedAt(value: unknown): { ms?: number; error?: string } {
  if (value === undefined || value === null || value === '') return { error: 'has no datePublished' };
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) return { error: `has a datePublished that is not an ISO-8601 date (${cutScrubbed(JSON.stringify(value), 60, '')})` };
  return { ms };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `work` over `items` with at most `limit` in flight; the first failure rejects. */
async function mapLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(runners);
}
