/**
 * PlayEstimatedWaitTime (issue 15): only in in-queue call flows; its (unverified) Archy shape; what the
 * caller hears for a given estimate and, as the Genesys help documents, nothing without one; plan review.
 */
import { parse } from 'yaml';
import { Disconnect, HoldMusic, InQueueCallFlow, PlayEstimatedWaitTime, UNVERIFIED_SHAPES } from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { inboundFlowOf } from '../support/flow-builders';

const PATH = 'dev/Hold';
const ewtFlow = (...extra: PlayEstimatedWaitTime[]) =>
  new InQueueCallFlow({ name: 'Hold', actions: [new PlayEstimatedWaitTime('Wait time'), ...extra, new HoldMusic('Hold Music')] });

describe('PlayEstimatedWaitTime validation', () => {
  it('is accepted in an in-queue call flow', () => {
    expect(ewtFlow().validate(PATH)).toEqual([]);
  });

  it('is refused in an inbound call flow (GC1017): the action exists only in in-queue flows', () => {
    const flow = inboundFlowOf('IVR', [new PlayEstimatedWaitTime('Wait time'), new Disconnect('Bye')]);
    expect(flow.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1017', value: 'Wait time' })]);
  });

  it('has an id checked like every action (GC1002 for a duplicate)', () => {
    expect(ewtFlow(new PlayEstimatedWaitTime('Wait time')).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1002', value: 'Wait time' })]);
  });
});

describe('PlayEstimatedWaitTime Archy shape', () => {
  it('plays Call.EstimatedWaitTime precisely (unverified: no public export shows the action)', () => {
    expect(parse(ewtFlow().render().yaml).inqueueCall.startUpTaskActions[0]).toEqual({
      playEstimatedWaitTime: { name: 'Wait time', estimatedWaitTime: { exp: 'Call.EstimatedWaitTime' }, playbackMode: { precise: true } },
    });
    expect(UNVERIFIED_SHAPES.map((u) => u.id)).toContain('playEstimatedWaitTime');
    expect(MODELLED_ARCHY_ACTIONS).toContain('playEstimatedWaitTime');
  });
});

describe('PlayEstimatedWaitTime simulation', () => {
  it.each([
    [271, 'Your estimated wait time is 4 minutes and 31 seconds'],
    [61, 'Your estimated wait time is 1 minute and 1 second'],
    [3599, 'Your estimated wait time is 59 minutes and 59 seconds'],
  ])('says the estimate of %d seconds precisely, in the documented minutes-and-seconds wording', (seconds, text) => {
    const result = simulateCall(ewtFlow(), { estimatedWaitSeconds: seconds });
    expect(result.prompts).toEqual([text]);
    expect(result.transcript[1]).toEqual(expect.objectContaining({ kind: 'playEstimatedWaitTime', nodeId: 'Wait time', prompt: text }));
  });

  it.each([0, 45, 60, 3600, 86_400])('stops at an estimate of %d seconds, whose wording Genesys help does not document', (seconds) => {
    const result = simulateCall(ewtFlow(), { estimatedWaitSeconds: seconds });
    expect(result.prompts).toEqual([]);
    expect(result.outcome).toEqual({
      kind: 'error',
      nodeId: 'Wait time',
      path: expect.stringContaining('Wait time'),
      message: expect.stringContaining(`estimated wait time of ${seconds} seconds: Genesys help documents only the wording of minutes and seconds`),
    });
  });

  it('plays nothing without an estimate (NOT_SET), and control continues', () => {
    const result = simulateCall(ewtFlow());
    expect(result.prompts).toEqual([]);
    expect(result.transcript[1]).toEqual(expect.objectContaining({ kind: 'playEstimatedWaitTime', branch: 'no estimate: nothing played' }));
    expect(result.transcript[2]).toEqual(expect.objectContaining({ kind: 'holdMusic' }));
  });
});

describe('PlayEstimatedWaitTime in plan review', () => {
  it('is a node of the task; adding one is an added node', () => {
    const before = outlineFlow(new InQueueCallFlow({ name: 'Hold', actions: [new HoldMusic('Hold Music')] }).render().yaml);
    const after = outlineFlow(ewtFlow().render().yaml);
    expect(diffOutlines(before, after)).toEqual([expect.objectContaining({ id: 'playEstimatedWaitTime "Wait time"', change: 'added' })]);
  });
});
