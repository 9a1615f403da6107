import { parse } from 'yaml';
import { calledModules } from '../synth-output/called-modules';
import { ArchitectOps, PollOptions, lockHolder, publisherOf, unpublishedChanges } from '../architect/architect-ops';
import { compareFlows, formatDifferences } from '../flow-compare';
import { applySubstitutions } from '../synth-output/substitutions';
import { FlowCheckInput } from './flow-check-input';
import { readPayloadFile } from './payload-file';

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
   * The rendered flow, already read with `readPayloadFile` (the handler reads it before connecting).
   * @default - read from `payloadPath` in `stackDir`
   */
  readonly payload?: string;
}

/**
 * After an apply: the flow is published, its published content carries everything we rendered, and
 * (for a shared flow) callers outside the stack are not left embedding an older module version.
 * Read-only apart from the opt-in republish, which converges: a re-run finds nothing left to do.
 */
export async function checkPublishedFlow(ops: ArchitectOps, input: FlowCheckInput, options: FlowCheckOptions = {}): Promise<FlowCheckReport> {
  const lines: string[] = [];
  const what = `${input.flowType} '${input.flowName}'`;
  // Read (and confined to the stack folder) before any API call: a refused path costs no request.
  const payload = options.payload ?? readPayloadFile(options.stackDir ?? process.cwd(), input.payloadPath);
  const flow = await ops.waitForPublished(input.flowName, input.flowType, options.poll);
  const published = flow.publishedVersion!;
  lines.push(`${what}: published version ${published.id} (flow ${flow.id})`);
  const holder = lockHolder(flow, ops.client.clientId);
  if (holder) lines.push(`${what}: locked by ${holder}; the next publish of this flow will fail until it is unlocked (or set force_unlock)`);

  const rendered = applySubstitutions(payload, input.substitutions);
  const exported = (await ops.exportVersions([{ id: flow.id!, version: published.id! }], options.poll)).get(flow.id!)!;
  const differences = compareFlows(rendered, exported);
  if (differences.length > 0) {
    lines.push(`${what}: published version ${published.id} does not match the synthesized flow (${differences.length} difference(s)):`);
    // One line per difference: a name in a path may hold a line break, which is shown, never a new line.
    lines.push(...differences.map((d) => formatDifferences([d])));
    const by = publisherOf(published, ops.client.clientId);
    if (by) lines.push(`  that version was published by ${by}`);
    return { exitCode: FLOW_CHECK_EXIT.checkFailed, lines };
  }
  lines.push(`${what}: published content matches the synthesized flow (${input.contentHash.slice(0, 12)})`);

  // Architect binds a module at the caller's publish: the caller must embed each module's current version.
  for (const moduleName of calledModules(parse(rendered))) {
    const module = await ops.findFlow(moduleName, 'COMMONMODULE');
    const latest = module?.publishedVersion?.id;
    const bound = await ops.boundModuleVersion({ id: flow.id, version: published.id, type: `${input.flowType.toUpperCase()}FLOW` }, moduleName);
    if (!latest || bound !== latest) {
      lines.push(`${what}: embeds version ${bound ?? 'none'} of shared flow '${moduleName}', but its published version is ${latest ?? 'none'}; the caller must be republished after the module`);
      return { exitCode: FLOW_CHECK_EXIT.checkFailed, lines };
    }
    lines.push(`${what}: embeds the current version ${latest} of shared flow '${moduleName}'`);
  }

  if (input.flowType.toUpperCase() === 'COMMONMODULE') {
    const stale = await staleExternalCallers(ops, flow.id!, input, published.id!);
    let leftWithChanges = 0;
    for (const caller of stale) {
      if (!input.republishExternalCallers) {
        lines.push(`${what}: caller ${caller.name} (outside this stack) still embeds module version ${caller.bound}; republish it, or set republishExternalCallers`);
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
      const bound = now.publishedVersion?.id ? await ops.boundModuleVersion({ id: now.id, version: now.publishedVersion.id, type: `${caller.type}FLOW` }, input.flowName) : undefined;
      if (bound !== published.id) {
        lines.push(`${what}: republished caller ${caller.name}, but it embeds module version ${bound ?? 'none'} instead of ${published.id}`);
        return { exitCode: FLOW_CHECK_EXIT.checkFailed, lines };
      }
      lines.push(`${what}: republished caller ${caller.name} (outside this stack); it now embeds module version ${published.id}`);
    }
    if (stale.length === 0) lines.push(`${what}: no caller outside this stack embeds an older module version`);
    if (leftWithChanges > 0) {
      lines.push(`${what}: ${leftWithChanges} caller(s) outside this stack still embed an older module version and were not republished because of their unpublished changes`);
      return { exitCode: FLOW_CHECK_EXIT.checkFailed, lines };
    }
  }
  return { exitCode: FLOW_CHECK_EXIT.ok, lines };
}

interface StaleCaller {
  id: string;
  name: string;
  type: string;
  bound: string | undefined;
}

async function staleExternalCallers(ops: ArchitectOps, moduleId: string, input: FlowCheckInput, latest: string): Promise<StaleCaller[]> {
  const consumers = await ops.consumersOf(moduleId);
  const stale: StaleCaller[] = [];
  for (const c of consumers) {
    if (!c.id || !c.name || input.stackCallers.includes(c.name)) continue;
    const bound = await ops.boundModuleVersion(c, input.flowName);
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
      return { exitCode: FLOW_CHECK_EXIT.ok, lines: [`${what}: already gone (no shared flow by this name; looked up by name: this state has no flow id)`] };
    }
    flowId = flow.id!;
  }
  const external = (await ops.consumersOf(flowId)).filter((c) => c.name && !input.stackCallers.includes(c.name));
  if (external.length === 0) return { exitCode: FLOW_CHECK_EXIT.ok, lines: [...lines, `${what}: no published flow outside this stack calls it; destroy may proceed`] };
  const names = external.map((c) => c.name).join(', ');
  if (input.allowDestroyWithExternalCallers) {
    return { exitCode: FLOW_CHECK_EXIT.ok, lines: [...lines, `${what}: destroying although ${names} still call it (allowDestroyWithExternalCallers is set)`] };
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
