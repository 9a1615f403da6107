/**
 * The SetParticipantData action (issue 15): validation, its Archy shape (that of the GenesysCloudBlueprints
 * automated-callback-blueprint export "Proactive callback offer.yaml"), simulation (one participant data
 * map per call, read back by GetParticipantData) and plan review.
 */
import { parse } from 'yaml';
import {
  Action,
  Builtin,
  CommonModuleFlow,
  Decision,
  Disconnect,
  EndSharedFlow,
  Expr,
  GetParticipantData,
  InboundCallFlow,
  SetParticipantData,
  UNVERIFIED_SHAPES,
  Variable,
} from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { inboundFlowOf, say } from '../support/flow-builders';

const PATH = 'dev/X';
const delay = Variable.string('Flow.Delay');
const flowOf = (actions: Action[], variables: Variable[] = [delay]): InboundCallFlow => inboundFlowOf('Data IVR', actions, variables);
const write = (value = Expr.string('5')) =>
  new SetParticipantData('Set Participant Data', [
    { attribute: 'delay', value },
    { attribute: 'caller', value: Builtin.callAni },
  ]);
/** Writes `delay`, reads it back, and says whether it is 5. */
const roundTrip = (value?: ReturnType<typeof Expr.string>) =>
  flowOf([
    write(value),
    new GetParticipantData('Get delay', [{ attribute: 'delay', into: delay }]),
    new Decision('Five?', { condition: delay.ref().equals('5'), yes: [say('Five')], no: [say('Other')] }),
    new Disconnect('Bye'),
  ]);

describe('SetParticipantData validation', () => {
  it('accepts attributes with string values, continuing after the action', () => {
    expect(roundTrip().validate(PATH)).toEqual([]);
  });

  it('needs at least one attribute (GC1016)', () => {
    expect(flowOf([new SetParticipantData('Set', []), new Disconnect('Bye')]).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1016', path: `${PATH} > tasks > Main > Set`, value: 'Set' }),
    ]);
  });

  it('refuses empty names, control characters and an attribute written twice (GC1025), naming the attribute', () => {
    const set = new SetParticipantData('Set', [
      { attribute: ' ', value: Expr.string('a') },
      { attribute: 'line\nbreak', value: Expr.string('b') },
      { attribute: 'delay', value: Expr.string('c') },
      { attribute: 'delay', value: Expr.string('d') },
    ]);
    const problems = flowOf([set, new Disconnect('Bye')]).validate(PATH);
    expect(problems.map((p) => [p.code, p.value])).toEqual([
      ['GC1025', ' '],
      ['GC1025', 'line\nbreak'],
      ['GC1025', 'delay'],
    ]);
    expect(problems.every((p) => p.path === `${PATH} > tasks > Main > Set` && p.fix.length > 0)).toBe(true);
  });

  it('needs string values (GC1008) and declared variables in them (GC1006)', () => {
    const set = new SetParticipantData('Set', [
      { attribute: 'count', value: Expr.integer(3) },
      { attribute: 'tier', value: Variable.string('Flow.Tier').ref() },
    ]);
    expect(
      flowOf([set, new Disconnect('Bye')])
        .validate(PATH)
        .map((p) => p.code),
    ).toEqual(['GC1008', 'GC1006']);
  });

  it('is allowed in a shared flow (participant data belongs to the call)', () => {
    const set = new SetParticipantData('Set', [{ attribute: 'delay', value: Expr.string('5') }]);
    const module = new CommonModuleFlow({ name: 'M', outcomes: ['done'], actions: [set, new EndSharedFlow('End', 'done')] });
    expect(module.validate(PATH)).toEqual([]);
  });
});

describe('SetParticipantData Archy shape', () => {
  it('writes each attribute by literal name with its value expression, as the real export does', () => {
    const actions = parse(roundTrip().render().yaml).inboundCall.tasks[0].task.actions;
    expect(actions[0]).toEqual({
      setParticipantData: {
        name: 'Set Participant Data',
        attributes: [
          { attribute: { name: { lit: 'delay' }, value: { exp: '"5"' } } },
          { attribute: { name: { lit: 'caller' }, value: { exp: 'Call.Ani' } } },
        ],
      },
    });
    expect(MODELLED_ARCHY_ACTIONS).toContain('setParticipantData');
  });

  it('lists its use outside an in-queue flow as unverified', () => {
    expect(UNVERIFIED_SHAPES.map((s) => s.id)).toContain('setParticipantData-in-inboundCall');
  });
});

describe('SetParticipantData simulation', () => {
  it('writes the call participant data (transcript: attribute and value), which GetParticipantData reads back', () => {
    const result = simulateCall(roundTrip(), { ani: '+15555550111' });
    expect(result.transcript).toContainEqual(
      expect.objectContaining({ kind: 'setParticipantData', nodeId: 'Set Participant Data', attribute: 'delay', value: '5' }),
    );
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'setParticipantData', attribute: 'caller', value: '+15555550111' }));
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'set', nodeId: 'Get delay', variable: 'Flow.Delay', value: '5' }));
    expect(result.prompts).toEqual(['Hello.', 'Five']);
  });

  it("overwrites an attribute the script's participant data gave", () => {
    expect(simulateCall(roundTrip(), { participantData: { delay: '9' } }).prompts).toEqual(['Hello.', 'Five']);
    expect(simulateCall(roundTrip(Expr.string('9')), { participantData: { delay: '5' } }).prompts).toEqual(['Hello.', 'Other']);
  });

  it('stops on a NOT_SET value (what Architect stores then is not documented)', () => {
    const tier = Variable.string('Flow.Tier');
    const flow = flowOf([new SetParticipantData('Set', [{ attribute: 'tier', value: tier.ref() }]), new Disconnect('Bye')], [tier]);
    expect(simulateCall(flow).outcome).toEqual(expect.objectContaining({ kind: 'error', nodeId: 'Set', message: expect.stringMatching(/NOT_SET/) }));
  });
});

describe('SetParticipantData in plan review', () => {
  it('is a node whose facts name the attributes and values; a changed value is a node change', () => {
    const outline = outlineFlow(roundTrip().render().yaml);
    const node = outline.nodes.find((n) => n.kind === 'setParticipantData')!;
    expect(node.id).toBe('task "Main" > setParticipantData "Set Participant Data"');
    expect(JSON.stringify(node.facts)).toContain('delay');
    const changes = diffOutlines(outline, outlineFlow(roundTrip(Expr.string('6')).render().yaml));
    expect(changes).toEqual([expect.objectContaining({ id: 'task "Main" > setParticipantData "Set Participant Data"', change: 'changed' })]);
  });
});
