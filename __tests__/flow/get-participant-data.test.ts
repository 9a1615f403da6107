/**
 * The GetParticipantData action (issue 15): validation (declared string variables), its Archy shape
 * (that of the GenesysCloudBlueprints automated-callback-blueprint inbound-call export "Trigger proactive
 * callback workflow.yaml"), simulation (the script's `participantData`) and plan review.
 */
import { parse } from 'yaml';
import {
  Action,
  CommonModuleFlow,
  Decision,
  Disconnect,
  EndSharedFlow,
  GetParticipantData,
  InboundCallFlow,
  PlayAudio,
  Prompt,
  Task,
  UNVERIFIED_SHAPES,
  Variable,
} from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';

const PATH = 'dev/X';
const tier = Variable.string('Flow.Tier');
const account = Variable.string('Flow.Account');
const count = Variable.integer('Flow.Count');
const say = (id: string, text = id) => new PlayAudio(id, { prompt: Prompt.tts(text) });
function flowOf(actions: Action[], variables: Variable[] = [tier, account]): InboundCallFlow {
  const main = new Task('Main', actions);
  return new InboundCallFlow({ name: 'Data IVR', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main], variables });
}
const read = (attribute = 'CustomerTier') =>
  new GetParticipantData('Get Participant Data', [
    { attribute, into: tier },
    { attribute: 'AccountId', into: account },
  ]);
const routed = (attribute?: string) =>
  flowOf([
    read(attribute),
    new Decision('Gold?', { condition: tier.ref().equals('gold'), yes: [say('Gold')], no: [say('Other')] }),
    new Disconnect('Bye'),
  ]);

describe('GetParticipantData validation', () => {
  it('accepts attributes read into declared string variables', () => {
    expect(routed().validate(PATH)).toEqual([]);
  });

  it('reports an undeclared variable', () => {
    const problems = flowOf([read(), new Disconnect('Bye')], [tier]).validate(PATH);
    expect(problems).toEqual([expect.objectContaining({ path: `${PATH} > tasks > Main > Get Participant Data`, value: 'Flow.Account' })]);
  });

  it('reports a variable that is not a string (GC1008)', () => {
    const g = new GetParticipantData('Get', [{ attribute: 'Count', into: count }]);
    expect(flowOf([g, new Disconnect('Bye')], [count]).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1008', value: 'Flow.Count' })]);
  });

  it('needs an attribute (GC1016), valid attribute names (GC1025) and one attribute per variable (GC1016)', () => {
    expect(flowOf([new GetParticipantData('Get', []), new Disconnect('Bye')]).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1016', value: 'Get' }),
    ]);
    const g = new GetParticipantData('Get', [
      { attribute: ' ', into: tier },
      { attribute: 'B', into: tier },
    ]);
    expect(
      flowOf([g, new Disconnect('Bye')])
        .validate(PATH)
        .map((p) => p.code),
    ).toEqual(['GC1025', 'GC1016']);
  });
});

describe('GetParticipantData Archy shape', () => {
  it('writes each attribute by name with its variable, as the real export does (no longer listed as unverified)', () => {
    const actions = parse(routed().render().yaml).inboundCall.tasks[0].task.actions;
    expect(actions[0]).toEqual({
      getParticipantData: {
        name: 'Get Participant Data',
        attributes: [
          { attribute: { name: { lit: 'CustomerTier' }, variable: 'Flow.Tier' } },
          { attribute: { name: { lit: 'AccountId' }, variable: 'Flow.Account' } },
        ],
      },
    });
    expect(UNVERIFIED_SHAPES.map((s) => s.id)).not.toContain('getParticipantData');
    expect(MODELLED_ARCHY_ACTIONS).toContain('getParticipantData');
  });

  it('is written the same way in a shared flow, a placement no export shows (listed as unverified)', () => {
    const tier = Variable.string('Common.Tier');
    const module = new CommonModuleFlow({
      name: 'Tier module',
      outcomes: ['ok'],
      variables: [tier],
      actions: [new GetParticipantData('Get tier', [{ attribute: 'tier', into: tier }]), new EndSharedFlow('End', 'ok')],
    });
    expect(module.validate()).toEqual([]);
    const written = parse(module.render().yaml).commonModule.startUpTaskActions[0];
    expect(written).toEqual({
      getParticipantData: { name: 'Get tier', attributes: [{ attribute: { name: { lit: 'tier' }, variable: 'Common.Tier' } }] },
    });
    expect(UNVERIFIED_SHAPES.map((s) => s.id)).toContain('getParticipantData-in-commonModule');
  });
});

describe('GetParticipantData simulation', () => {
  it('sets the variables from the script participant data', () => {
    const result = simulateCall(routed(), { participantData: { CustomerTier: 'gold', AccountId: '42' } });
    expect(result.transcript).toContainEqual(
      expect.objectContaining({ kind: 'set', nodeId: 'Get Participant Data', variable: 'Flow.Tier', value: 'gold' }),
    );
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'set', variable: 'Flow.Account', value: '42' }));
    expect(result.prompts).toEqual(['Hello.', 'Gold']);
  });

  it('reads an attribute the call does not have as NOT_SET (a comparison on it then fails, as in Architect)', () => {
    const result = simulateCall(routed(), { participantData: { AccountId: '42' } });
    expect(result.outcome).toEqual(expect.objectContaining({ kind: 'error', nodeId: 'Gold?' }));
  });
});

describe('GetParticipantData in plan review', () => {
  it('is a node whose facts name the attributes and variables; a changed attribute is a node change', () => {
    const outline = outlineFlow(routed().render().yaml);
    const node = outline.nodes.find((n) => n.kind === 'getParticipantData')!;
    expect(JSON.stringify(node.facts)).toContain('CustomerTier');
    expect(JSON.stringify(node.facts)).toContain('Flow.Tier');
    const changes = diffOutlines(outline, outlineFlow(routed('Tier').render().yaml));
    expect(changes).toEqual([expect.objectContaining({ id: 'task "Main" > getParticipantData "Get Participant Data"', change: 'changed' })]);
  });
});
