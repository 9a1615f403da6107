/**
 * The EvaluateSchedule action (issue 15): validation, its Archy shape (unverified: no public export shows
 * it), simulation (the script's `schedules`; a schedule the script does not give is never guessed) and
 * plan review.
 */
import { parse } from 'yaml';
import { CommonModuleFlow, Disconnect, EndSharedFlow, EvaluateSchedule, EvaluateScheduleProps, InboundCallFlow, UNVERIFIED_SHAPES } from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, mermaid, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { ScriptError, simulateCall } from '../../simulator';
import { inboundFlowOf, say } from '../support/flow-builders';

const PATH = 'dev/X';
const evaluate = (props: Partial<EvaluateScheduleProps> = {}) =>
  new EvaluateSchedule('Lunch break?', { schedule: 'Lunch Break', onActive: [say('At lunch'), new Disconnect('Lunch bye')], ...props });
const flowOf = (props?: Partial<EvaluateScheduleProps>): InboundCallFlow =>
  inboundFlowOf('Hours IVR', [evaluate(props), say('Welcome'), new Disconnect('Bye')]);

describe('EvaluateSchedule validation', () => {
  it('accepts a schedule by name whose branches end or continue', () => {
    expect(flowOf().validate(PATH)).toEqual([]);
  });

  it('refuses an empty schedule name (GC1014)', () => {
    expect(flowOf({ schedule: ' ' }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1014', path: `${PATH} > tasks > Main > Lunch break?`, value: ' ', message: 'the schedule name is empty' }),
    ]);
  });

  it('ends the path only when both branches end', () => {
    const ends = inboundFlowOf('F', [evaluate({ onInactive: [new Disconnect('Open bye')] })]);
    expect(ends.validate(PATH)).toEqual([]);
    expect(inboundFlowOf('F', [evaluate()]).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1005' })]);
  });

  it('is allowed in a shared flow (Genesys help: available for all flow types)', () => {
    const module = new CommonModuleFlow({
      name: 'M',
      outcomes: ['done'],
      actions: [new EvaluateSchedule('Check', { schedule: 'Lunch Break' }), new EndSharedFlow('End', 'done')],
    });
    expect(module.validate(PATH)).toEqual([]);
  });
});

describe('EvaluateSchedule Archy shape', () => {
  it('writes the schedule by name, evaluated now, with the outputs that have actions (unverified)', () => {
    const actions = parse(flowOf().render().yaml).inboundCall.tasks[0].task.actions;
    expect(actions[0]).toEqual({
      evaluateSchedule: {
        name: 'Lunch break?',
        schedule: { lit: { name: 'Lunch Break' } },
        evaluate: { now: true },
        outputs: {
          active: { actions: [{ playAudio: { name: 'At lunch', audio: { tts: 'At lunch' } } }, { disconnect: { name: 'Lunch bye' } }] },
        },
      },
    });
    expect(UNVERIFIED_SHAPES.map((s) => s.id)).toContain('evaluateSchedule');
    expect(MODELLED_ARCHY_ACTIONS).toContain('evaluateSchedule');
  });
});

describe('EvaluateSchedule simulation', () => {
  it("takes the branch of the schedule's state in the script; an empty branch continues after the action", () => {
    const active = simulateCall(flowOf(), { schedules: { 'Lunch Break': 'active' } });
    expect(active.prompts).toEqual(['Hello.', 'At lunch']);
    expect(active.transcript).toContainEqual(
      expect.objectContaining({ kind: 'playAudio', nodeId: 'At lunch', path: 'Hours IVR > tasks > Main > Lunch break? > active > At lunch' }),
    );
    const inactive = simulateCall(flowOf(), { schedules: { 'Lunch Break': 'inactive' } });
    expect(inactive.transcript).toContainEqual(expect.objectContaining({ kind: 'evaluateSchedule', nodeId: 'Lunch break?', branch: 'inactive' }));
    expect(inactive.prompts).toEqual(['Hello.', 'Welcome']);
  });

  it('stops, naming the schedule, when the script does not say its state (never a guess)', () => {
    const result = simulateCall(flowOf(), { schedules: { Other: 'active' } });
    expect(result.outcome).toEqual(
      expect.objectContaining({ kind: 'error', nodeId: 'Lunch break?', message: expect.stringContaining("schedules: { 'Lunch Break'") }),
    );
    expect(result.prompts).toEqual(['Hello.']);
  });

  it('refuses a state other than active or inactive (ScriptError)', () => {
    expect(() => simulateCall(flowOf(), { schedules: { 'Lunch Break': 'open' as 'active' } })).toThrow(ScriptError);
  });
});

describe('EvaluateSchedule in plan review', () => {
  it('is a node with its schedule as a fact, its branch actions as children; a changed schedule is a change', () => {
    const outline = outlineFlow(flowOf().render().yaml);
    expect(outline.nodes.find((n) => n.kind === 'evaluateSchedule')!.facts).toEqual(
      expect.objectContaining({ 'schedule.lit.name': 'Lunch Break', 'evaluate.now': 'true' }),
    );
    expect(outline.nodes.map((n) => n.id)).toContain('task "Main" > evaluateSchedule "Lunch break?" [active] > playAudio "At lunch"');
    expect(diffOutlines(outline, outlineFlow(flowOf({ schedule: 'Meeting' }).render().yaml))).toEqual([
      expect.objectContaining({ id: 'task "Main" > evaluateSchedule "Lunch break?"', facts: { 'schedule.lit.name': ['Lunch Break', 'Meeting'] } }),
    ]);
  });

  it('draws the active branch as a labelled edge and control falling through the empty inactive branch', () => {
    const chart = mermaid(flowOf().render().yaml);
    expect(chart).toMatch(/-->\|active\|/);
    const box = /(n\d+)\["evaluateSchedule: Lunch break\?"\]/.exec(chart)![1];
    const next = /(n\d+)\["playAudio: Welcome"\]/.exec(chart)![1];
    expect(chart).toContain(`${box} --> ${next}`);
  });
});
