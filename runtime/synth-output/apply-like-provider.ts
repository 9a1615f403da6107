import type * as platformClient from 'purecloud-platform-client-v2';
import { ArchitectOps, PollOptions } from '../architect/architect-ops';
import { SynthesizedStack } from './synthesized-stack';

/**
 * Publishes a synthesized stack's flows and IVRs the way the provider's apply does (import jobs,
 * modules first; IVR configs bound to the flows by id). For the demo and for tests against the emulator,
 * where no Terraform provider can run; a real org is deployed with `cdktf deploy`.
 */
export async function applyLikeProvider(ops: ArchitectOps, stack: SynthesizedStack, poll: PollOptions = {}): Promise<string[]> {
  const messages: string[] = [];
  const ids = new Map<string, string>();
  for (const flow of stack.flowsInPublishOrder()) {
    const result = await ops.importFlow(flow.yaml, poll);
    messages.push(...result.messages, `Published ${flow.type} '${flow.name}' (flow ${result.flowId ?? 'id not reported'}).`);
    if (result.flowId) ids.set(flow.name, result.flowId);
  }
  const ref = (name: string | undefined) => (name && ids.get(name) ? { id: ids.get(name)! } : undefined);
  for (const ivr of stack.ivrs) {
    const body: platformClient.Models.IVR = {
      name: ivr.name,
      dnis: [...ivr.dnis],
      openHoursFlow: ref(ivr.openHoursFlow),
      closedHoursFlow: ref(ivr.closedHoursFlow),
      holidayHoursFlow: ref(ivr.holidayHoursFlow),
      scheduleGroup: ivr.hasScheduleGroup ? { id: `schedule-group-of-${ivr.name}` } : undefined,
    };
    await ops.client.call('POST /api/v2/architect/ivrs', (a) => a.architect.postArchitectIvrs(body));
    messages.push(`Created IVR '${ivr.name}'.`);
  }
  return messages;
}
