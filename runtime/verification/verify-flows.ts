import type * as platformClient from 'purecloud-platform-client-v2';
import { ArchitectOps, PollOptions, lockHolder, publisherOf } from '../architect/architect-ops';
import { OWN_CLIENT, cutScrubbed, errorText } from '../genesys/genesys-error';
import { compareFlows, FlowDifference } from '../flow-compare';
import type { ExpectedFlow } from '../synth-output/synthesized-stack';
import { Finding, FindingKind } from './findings';

type Flow = platformClient.Models.Flow;

/** The flow types the stacks publish, as the flow listing takes them. */
export const VERIFIED_FLOW_TYPES = ['inboundcall', 'commonmodule', 'inqueuecall'];

export interface VerifyFlowsOptions {
  /** Flow versions per export job. @default 100 */
  readonly exportBatchSize?: number;
  /** Export jobs running at once. @default 10 */
  readonly exportConcurrency?: number;
  readonly poll?: PollOptions;
}

export interface FlowVerification {
  readonly findings: Finding[];
  /** The same findings by flow, keyed `<API TYPE>:<name>` (a module and an IVR may share a name). */
  readonly findingsByFlow: Map<string, Finding[]>;
  /** What could not be checked: the verification is incomplete, never "in sync". */
  readonly errors: string[];
}

/** The key of a flow in {@link FlowVerification.findingsByFlow}. */
export const flowKey = (name: string, type: string): string => `${type.toUpperCase()}:${name}`;

/**
 * Is what Genesys runs what was synthesized? The one engine behind drift detection and the post-apply
 * check, in bulk: `live` is one paged listing of the org's flows (`ops.listFlows`); the published
 * versions are exported in jobs of many versions each, with bounded concurrency, and compared by meaning
 * (`compareFlows`). Per flow it finds: missing, never published, published by someone else, locked, a
 * draft pending, content that differs (node by node), a caller embedding an older version of a shared
 * flow it calls; and shared flows the stack calls but does not define that are missing or unpublished.
 */
export async function verifyFlows(
  ops: ArchitectOps,
  expected: readonly ExpectedFlow[],
  live: readonly Flow[],
  options: VerifyFlowsOptions = {},
): Promise<FlowVerification> {
  const findings: Finding[] = [];
  const findingsByFlow = new Map<string, Finding[]>();
  const errors: string[] = [];
  const report = (kind: FindingKind, name: string, type: string, detail: string, differences?: FlowDifference[]) => {
    const finding: Finding = { kind, resource: 'flow', name, detail, ...(differences ? { differences } : {}) };
    findings.push(finding);
    findingsByFlow.set(flowKey(name, type), [...(findingsByFlow.get(flowKey(name, type)) ?? []), finding]);
  };
  const key = flowKey;
  const byKey = new Map(live.map((f) => [key(f.name, f.type ?? ''), f]));

  // Shared flows the stack calls but does not define (another stack or team owns them): the checks below
  // never see them, yet a caller's next publish fails when its module is gone (ARCHY-8).
  const defined = new Set(expected.map((f) => key(f.name, f.type)));
  const externalModuleCallers = new Map<string, string[]>();
  for (const flow of expected) {
    for (const moduleName of flow.callsModules) {
      if (defined.has(key(moduleName, 'COMMONMODULE'))) continue;
      externalModuleCallers.set(moduleName, [...(externalModuleCallers.get(moduleName) ?? []), flow.name]);
    }
  }
  for (const [moduleName, callers] of externalModuleCallers) {
    const named = callers.map((c) => `'${c}'`).join(', ');
    const whose = callers.length === 1 ? `${callers[0]}'s next publish` : `the next publish of ${named}`;
    const module = byKey.get(key(moduleName, 'COMMONMODULE'));
    if (!module) {
      report(
        'flow-missing',
        moduleName,
        'COMMONMODULE',
        `shared flow '${moduleName}', called by ${named}, does not exist in the org; ${whose} will fail`,
      );
    } else if (!module.publishedVersion?.id) {
      report(
        'flow-never-published',
        moduleName,
        'COMMONMODULE',
        `shared flow '${moduleName}', called by ${named}, exists but has no published version; ${whose} will fail`,
      );
    }
  }

  const toExport: Array<{ expected: ExpectedFlow; flow: Flow }> = [];
  const ties: Array<{ want: ExpectedFlow; flow: Flow; moduleName: string; module: Flow }> = [];
  for (const want of expected) {
    const flow = byKey.get(key(want.name, want.type));
    if (!flow) {
      report('flow-missing', want.name, want.type, `${want.type} flow '${want.name}' does not exist in the org`);
      continue;
    }
    const published = flow.publishedVersion;
    if (!published?.id) {
      report('flow-never-published', want.name, want.type, `flow '${want.name}' exists but has no published version`);
      continue;
    }
    if (published.createdBy || (published.createdByClient?.id && published.createdByClient.id !== ops.client.clientId)) {
      report(
        'flow-published-by-other',
        want.name,
        want.type,
        `published version ${published.id} was published by ${publisherOf(published, ops.client.clientId)}, not by ${OWN_CLIENT}`,
      );
    }
    const holder = lockHolder(flow, ops.client.clientId);
    if (holder) report('flow-locked', want.name, want.type, `locked by ${holder}`);
    if (flow.savedVersion?.id) {
      report(
        'flow-draft-pending',
        want.name,
        want.type,
        `a saved draft (${flow.savedVersion.id}) is pending on top of published version ${published.id}`,
      );
    }
    for (const moduleName of want.callsModules) {
      const module = byKey.get(key(moduleName, 'COMMONMODULE'));
      if (!module?.publishedVersion?.id) continue; // reported as missing or never published, here or as a flow of the stack
      // Architect binds a module when the caller is published: a module published later is not embedded.
      // Compared as instants (the API's ISO-8601 strings need not share one format); a date we cannot
      // read makes the verification incomplete, never "in sync".
      const moduleDate = publishedAt(module.publishedVersion.datePublished);
      const callerDate = publishedAt(published.datePublished);
      const unreadable = [
        ...(moduleDate.error ? [`the published version ${module.publishedVersion.id} of '${moduleName}' ${moduleDate.error}`] : []),
        ...(callerDate.error ? [`the published version ${published.id} of '${want.name}' ${callerDate.error}`] : []),
      ];
      if (unreadable.length > 0) {
        errors.push(`could not tell whether '${want.name}' embeds the current version of '${moduleName}': ${unreadable.join('; ')}`);
      } else if (moduleDate.ms! > callerDate.ms!) {
        report(
          'flow-embeds-old-module',
          want.name,
          want.type,
          `embeds an older version of '${moduleName}' (module published ${module.publishedVersion.datePublished}, caller ${published.datePublished}); republish the caller`,
        );
      } else if (moduleDate.ms === callerDate.ms) {
        // Published in the same millisecond: the dates cannot tell which came first; dependency tracking can.
        ties.push({ want, flow, moduleName, module });
      }
    }
    toExport.push({ expected: want, flow });
  }

  for (const { want, flow, moduleName, module } of ties) {
    try {
      const bound = await ops.boundModuleVersion({ id: flow.id, version: flow.publishedVersion!.id, type: `${want.type}FLOW` }, moduleName);
      if (bound !== module.publishedVersion!.id) {
        report(
          'flow-embeds-old-module',
          want.name,
          want.type,
          `embeds version ${bound ?? 'none'} of '${moduleName}', whose published version is ${module.publishedVersion!.id}; republish the caller`,
        );
      }
    } catch (err) {
      errors.push(`could not tell whether '${want.name}' embeds the current version of '${moduleName}': ${errorText(err)}`);
    }
  }

  try {
    await mapLimit(chunk(toExport, options.exportBatchSize ?? 100), options.exportConcurrency ?? 10, async (batch) => {
      const exported = await ops.exportVersions(
        batch.map((b) => ({ id: b.flow.id!, version: b.flow.publishedVersion!.id! })),
        options.poll,
      );
      for (const { expected: want, flow } of batch) {
        const differences = compareFlows(want.yaml, exported.get(flow.id!)!);
        if (differences.length > 0) {
          report(
            'flow-content-differs',
            want.name,
            want.type,
            `published version ${flow.publishedVersion!.id} differs from the synthesized flow in ${differences.length} place(s)`,
            differences,
          );
        }
      }
    });
  } catch (err) {
    errors.push(`exporting flows failed: ${errorText(err)}`);
  }
  return { findings, findingsByFlow, errors };
}

/**
 * A `datePublished` as epoch milliseconds, or why it cannot be read. The API gives ISO-8601 date-times
 * (`2024-05-01T09:30:00.000Z`); anything else (missing, another format, no offset) is not guessed at.
 */
function publishedAt(value: unknown): { ms?: number; error?: string } {
  if (value === undefined || value === null || value === '') return { error: 'has no datePublished' };
  // A date-time with its offset (the API's `...Z`): a date alone, or a time without an offset (read in the
  // runner's own time zone), cannot be compared with another flow's.
  const ms =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms))
    return { error: `has a datePublished that is not an ISO-8601 date-time with an offset (${cutScrubbed(JSON.stringify(value), 60, '')})` };
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
