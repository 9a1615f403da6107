/**
 * The EvaluateScheduleGroup action (issue 15): validation, its Archy shape (the emergency-group form of
 * the GenesysCloudBlueprints dr-fallback-ivr export; a named schedule group is unverified), simulation
 * (the script's `emergency` and `schedule`) and how plan review outlines it.
 */
import { parse } from 'yaml';
import {
  Action,
  CommonModuleFlow,
  Disconnect,
  EndSharedFlow,
  EvaluateScheduleGroup,
  EvaluateScheduleGroupProps,
  HoldMusic,
  InQueueCallFlow,
  InboundCallFlow,
  TransferToVoicemail,
  UNVERIFIED_SHAPES,
  queueNamed,
} from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, mermaid, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { ScriptError, simulateCall } from '../../simulator';
import { inboundFlowOf, say } from '../support/flow-builders';

const PATH = 'dev/X';
const flowOf = (...actions: Action[]): InboundCallFlow => inboundFlowOf('Schedule IVR', actions);
const evaluate = (props: EvaluateScheduleGroupProps) => new EvaluateScheduleGroup('Evaluate Schedule Group', props);

/** The DR-Emergency-IVR.yaml start-up task: voicemail in an emergency, else on (here: a goodbye). */
function emergencyFlow(failureText = 'Sorry.'): InboundCallFlow {
  return flowOf(
    evaluate({
      emergencyGroup: 'Site Emergency Group',
      onEmergency: [
        new TransferToVoicemail('Transfer to Voicemail', {
          queue: queueNamed('General Help'),
          onFailure: [say('Play Audio', failureText), new Disconnect('Disconnect')],
        }),
      ],
    }),
    say('Welcome'),
    new Disconnect('Bye'),
  );
}

function hoursFlow(): InboundCallFlow {
  return flowOf(
    evaluate({ scheduleGroup: 'Main Office Hours', onClosed: [say('Closed'), new Disconnect('Closed bye')], onHoliday: [say('Holiday')] }),
    say('Welcome'),
    new Disconnect('Bye'),
  );
}

describe('EvaluateScheduleGroup validation', () => {
  it('accepts the emergency form and the schedule form whose branches end or continue', () => {
    expect(emergencyFlow().validate(PATH)).toEqual([]);
    expect(hoursFlow().validate(PATH)).toEqual([]);
  });

  it('needs a schedule group or an emergency group (GC1016)', () => {
    expect(flowOf(evaluate({}), new Disconnect('Bye')).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1016', path: `${PATH} > tasks > Main > Evaluate Schedule Group` }),
    ]);
  });

  it('refuses empty group names (GC1014) and branches whose group is missing (GC1016)', () => {
    const problems = flowOf(evaluate({ scheduleGroup: ' ', onEmergency: [new Disconnect('E')] }), new Disconnect('Bye')).validate(PATH);
    expect(problems.map((p) => p.code)).toEqual(['GC1014', 'GC1016']);
    expect(problems.map((p) => p.message).join(' ')).toMatch(/scheduleGroup name is empty.*no emergencyGroup/);
    const noSchedule = flowOf(evaluate({ emergencyGroup: 'E', onClosed: [say('Closed')] }), new Disconnect('Bye')).validate(PATH);
    expect(noSchedule).toEqual([expect.objectContaining({ code: 'GC1016', message: expect.stringContaining('no scheduleGroup') })]);
  });

  it('continues after the action when every branch it has ends: with only an emergency group, control may go on', () => {
    const flow = flowOf(evaluate({ emergencyGroup: 'E', onEmergency: [new Disconnect('E')] }));
    expect(flow.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1005' })]);
  });

  it('ends the path when the emergency, open, closed and holiday branches all end', () => {
    const end = (id: string) => [new Disconnect(id)];
    const flow = flowOf(
      evaluate({ scheduleGroup: 'S', emergencyGroup: 'E', onEmergency: end('1'), onOpen: end('2'), onClosed: end('3'), onHoliday: end('4') }),
    );
    expect(flow.validate(PATH)).toEqual([]);
  });

  it('is allowed in shared and in-queue flows (Genesys help: "Available for all flow types"), listed as unverified there', () => {
    const module = new CommonModuleFlow({
      name: 'M',
      outcomes: ['done'],
      actions: [evaluate({ emergencyGroup: 'E' }), new EndSharedFlow('End', 'done')],
    });
    expect(module.validate(PATH)).toEqual([]);
    const inQueue = new InQueueCallFlow({
      name: 'Hold',
      actions: [evaluate({ emergencyGroup: 'E', onEmergency: [new Disconnect('Bye')] }), new HoldMusic('Music')],
    });
    expect(inQueue.validate(PATH)).toEqual([]);
    expect(parse(inQueue.render().yaml).inqueueCall.startUpTaskActions[0]).toHaveProperty('evaluateScheduleGroup.emergencyGroup.name', 'E');
    const shapes = UNVERIFIED_SHAPES.map((s) => `${s.id}: ${s.shape}`);
    expect(shapes).toContain('evaluateScheduleGroup-in-commonModule: evaluateScheduleGroup inside a commonModule');
    expect(shapes.find((s) => s.startsWith('actions-in-inqueueCall:'))).toContain('evaluateScheduleGroup');
  });

  it('follows the emergency branch of an in-queue flow when the script says the emergency group is active', () => {
    const inQueue = new InQueueCallFlow({
      name: 'Hold',
      actions: [evaluate({ emergencyGroup: 'E', onEmergency: [say('Closing', 'We are closing.'), new Disconnect('Bye')] }), new HoldMusic('Music')],
    });
    const result = simulateCall(inQueue, { emergency: true });
    expect(result.prompts).toEqual(['We are closing.']);
    expect(result.outcome).toEqual({ kind: 'disconnect' });
  });
});

describe('EvaluateScheduleGroup Archy shape', () => {
  const actionsOf = (flow: InboundCallFlow) => parse(flow.render().yaml).inboundCall.tasks[0].task.actions;

  it('is the DR-Emergency-IVR.yaml shape for an emergency group', () => {
    expect(actionsOf(emergencyFlow())[0]).toEqual({
      evaluateScheduleGroup: {
        name: 'Evaluate Schedule Group',
        inServiceSchedules: { noValue: true },
        evaluate: { now: true },
        scheduleGroup: { exp: 'ToScheduleGroup(NOT_SET)' },
        emergencyGroup: { lit: { name: 'Site Emergency Group' }, name: 'Site Emergency Group' },
        outputs: {
          emergency: {
            actions: [
              {
                transferToVoicemail: expect.objectContaining({
                  name: 'Transfer to Voicemail',
                  outputs: {
                    failure: {
                      actions: [{ playAudio: { name: 'Play Audio', audio: { tts: 'Sorry.' } } }, { disconnect: { name: 'Disconnect' } }],
                    },
                  },
                }),
              },
            ],
          },
        },
      },
    });
  });

  it('writes a named schedule group and its closed / holiday outputs (unverified), leaving out empty outputs', () => {
    const node = actionsOf(hoursFlow())[0].evaluateScheduleGroup;
    expect(node.scheduleGroup).toEqual({ lit: { name: 'Main Office Hours' } });
    expect(node.emergencyGroup).toEqual({ noValue: true });
    expect(Object.keys(node.outputs)).toEqual(['closed', 'holiday']);
    const ids = UNVERIFIED_SHAPES.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'evaluateScheduleGroup-scheduleGroup',
        'evaluateScheduleGroup-open-closed-holiday',
        'evaluateScheduleGroup-no-emergencyGroup',
      ]),
    );
  });

  it('is a modelled Archy action (a RawAction may not write it)', () => {
    expect(MODELLED_ARCHY_ACTIONS).toContain('evaluateScheduleGroup');
  });
});

describe('EvaluateScheduleGroup simulation', () => {
  it('takes the emergency branch while the script says the emergency group is active', () => {
    const result = simulateCall(emergencyFlow(), { emergency: true });
    expect(result.transcript).toContainEqual(
      expect.objectContaining({ kind: 'evaluateScheduleGroup', nodeId: 'Evaluate Schedule Group', branch: 'emergency' }),
    );
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'General Help' });
  });

  it('continues after the action when there is no emergency and no schedule group', () => {
    const result = simulateCall(emergencyFlow());
    expect(result.transcript.find((e) => e.kind === 'evaluateScheduleGroup')?.branch).toBe('no emergency');
    expect(result.prompts).toEqual(['Hello.', 'Welcome']);
    expect(result.outcome).toEqual({ kind: 'disconnect' });
  });

  it('follows the script schedule state: open falls through, closed ends, holiday continues after its actions', () => {
    expect(simulateCall(hoursFlow()).prompts).toEqual(['Hello.', 'Welcome']);
    const closed = simulateCall(hoursFlow(), { schedule: 'closed' });
    expect(closed.prompts).toEqual(['Hello.', 'Closed']);
    expect(closed.transcript).toContainEqual(
      expect.objectContaining({
        kind: 'playAudio',
        nodeId: 'Closed',
        path: 'Schedule IVR > tasks > Main > Evaluate Schedule Group > closed > Closed',
      }),
    );
    expect(simulateCall(hoursFlow(), { schedule: 'holiday' }).prompts).toEqual(['Hello.', 'Holiday', 'Welcome']);
  });

  it('still refuses a closed schedule for a flow that evaluates no schedule group', () => {
    expect(() => simulateCall(emergencyFlow(), { schedule: 'closed' })).toThrow(/has no schedule group/);
  });
});

describe('EvaluateScheduleGroup in plan review', () => {
  it('is a node with its groups as facts and its branch actions as child nodes', () => {
    const outline = outlineFlow(emergencyFlow().render().yaml);
    const node = outline.nodes.find((n) => n.kind === 'evaluateScheduleGroup')!;
    expect(node.facts).toEqual(
      expect.objectContaining({
        'emergencyGroup.lit.name': 'Site Emergency Group',
        'scheduleGroup.exp': 'ToScheduleGroup(NOT_SET)',
        'evaluate.now': 'true',
      }),
    );
    expect(outline.nodes.map((n) => n.id)).toContain(
      'task "Main" > evaluateScheduleGroup "Evaluate Schedule Group" [emergency] > transferToVoicemail "Transfer to Voicemail"',
    );
  });

  it('shows a change inside a branch as a change of that node', () => {
    const changes = diffOutlines(outlineFlow(emergencyFlow().render().yaml), outlineFlow(emergencyFlow('Goodbye.').render().yaml));
    expect(changes).toEqual([
      expect.objectContaining({
        id: 'task "Main" > evaluateScheduleGroup "Evaluate Schedule Group" [emergency] > transferToVoicemail "Transfer to Voicemail" [failure] > playAudio "Play Audio"',
        change: 'changed',
      }),
    ]);
  });

  it('draws the branches as labelled edges, and control falling through to the next action', () => {
    const chart = mermaid(emergencyFlow().render().yaml);
    expect(chart).toMatch(/-->\|emergency\|/);
    const box = /(n\d+)\["evaluateScheduleGroup: Evaluate Schedule Group"\]/.exec(chart)![1];
    const next = /(n\d+)\["playAudio: Welcome"\]/.exec(chart)![1];
    expect(chart).toContain(`${box} --> ${next}`);
  });
});

describe('EvaluateScheduleGroup: a script for an emergency the flow never evaluates', () => {
  it('is a ScriptError, not a call that silently ignores emergency: true', () => {
    expect(() => simulateCall(hoursFlow(), { emergency: true })).toThrow(/evaluates no emergency group/);
    expect(() => simulateCall(flowOf(say('Hi'), new Disconnect('Bye')), { emergency: true })).toThrow(ScriptError);
  });
});
