import type * as platformClient from 'purecloud-platform-client-v2';
import { ArchitectOps } from '../architect/architect-ops';
import { errorText } from '../genesys/genesys-error';
import { TimeBudget } from '../genesys/time-budget';
import { ExpectedIvr, SynthesizedStack } from '../synth-output/synthesized-stack';
import { Finding, FindingKind } from '../verification/findings';
import { VERIFIED_FLOW_TYPES, VerifyFlowsOptions, verifyFlows } from '../verification/verify-flows';

type Flow = platformClient.Models.Flow;

export type { FindingKind } from '../verification/findings';
/** A difference drift detection found (the same findings as the post-apply check's). */
export type DriftFinding = Finding;

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

export interface DriftOptions extends VerifyFlowsOptions {
  /** Flows whose name starts with this and that no stack defines are orphans. @default - no orphan check */
  readonly namePrefix?: string;
  /**
   * Bounds the whole check (every listing, export job and retry): once it is spent, what is left is not
   * checked and the report is incomplete. @default - only the ops' and the client's budgets
   */
  readonly budget?: TimeBudget;
}

/**
 * Compares the live org with a synthesized stack, in bulk: one paged flow listing (500 per page), export
 * jobs of many versions each with bounded concurrency, one paged IVR listing. Anything it could not
 * check makes the report incomplete instead of silently "in sync".
 */
export async function detectDrift(
  ops: ArchitectOps,
  stack: Pick<SynthesizedStack, 'flows' | 'ivrs'>,
  stackName: string,
  options: DriftOptions = {},
): Promise<DriftReport> {
  // Every call below (and its retries and polls) ends when the check's budget is spent.
  ops = ops.within(options.budget);
  const findings: DriftFinding[] = [];
  const errors: string[] = [];
  const report = (kind: FindingKind, resource: 'flow' | 'ivr', name: string, detail: string) => findings.push({ kind, resource, name, detail });

  let live: Flow[];
  try {
    live = await ops.listFlows(VERIFIED_FLOW_TYPES);
  } catch (err) {
    return { stack: stackName, complete: false, findings, errors: [`listing flows failed: ${errorText(err)}`], checkedFlows: 0, checkedIvrs: 0 };
  }
  // The IVR pages are read while the export jobs run (no extra request, less waiting).
  const ivrListing = ops.listIvrs().then(
    (ivrs) => ({ ivrs }),
    (err: unknown) => ({ err }),
  );
  const verified = await verifyFlows(ops, stack.flows, live, options);
  findings.push(...verified.findings);
  errors.push(...verified.errors);
  const key = (name: string, type: string) => `${type.toUpperCase()}:${name}`;
  const defined = new Set(stack.flows.map((f) => key(f.name, f.type)));

  if (options.namePrefix) {
    for (const flow of live) {
      if (flow.name.startsWith(options.namePrefix) && !defined.has(key(flow.name, flow.type ?? ''))) {
        report(
          'flow-orphan',
          'flow',
          flow.name,
          `${flow.type} flow '${flow.name}' carries the environment prefix but no stack defines it (left behind by a rename?)`,
        );
      }
    }
  }

  let checkedIvrs = 0;
  const listed = await ivrListing;
  if ('err' in listed) {
    errors.push(`listing IVRs failed: ${errorText(listed.err)}`);
  } else {
    const flowNames = new Map(live.map((f) => [f.id!, f.name]));
    for (const expected of stack.ivrs) {
      checkedIvrs++;
      checkIvr(
        expected,
        listed.ivrs.find((i) => i.name === expected.name),
        flowNames,
        report,
      );
    }
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
      report(
        'ivr-flow-binding-differs',
        'ivr',
        expected.name,
        `${what} flow is ${haveName ? `'${haveName}'` : 'not set'} instead of ${want ? `'${want}'` : 'not set'}`,
      );
    }
  }
  if (expected.hasScheduleGroup !== Boolean(live.scheduleGroup?.id)) {
    report(
      'ivr-schedule-group-differs',
      'ivr',
      expected.name,
      expected.hasScheduleGroup ? 'has no schedule group, but the stack sets one' : 'has a schedule group, but the stack sets none',
    );
  }
}
