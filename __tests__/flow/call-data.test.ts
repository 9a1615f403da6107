/**
 * The CallData action (issue 15): validation (the data action's typed contract), its Archy shape (that of
 * the GenesysCloudBlueprints automated-callback-blueprint exports; failure / timeout outputs and a timeout
 * in seconds are unverified), simulation (the script's `dataActions`) and how plan review outlines it.
 */
import { parse } from 'yaml';
import {
  Action,
  Builtin,
  CallData,
  CallDataProps,
  Disconnect,
  Expr,
  InboundCallFlow,
  UNVERIFIED_SHAPES,
  Variable,
  dataActionNamed,
} from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, mermaid, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { ScriptError, simulateCall } from '../../simulator';
import { inboundFlowOf, say } from '../support/flow-builders';

const PATH = 'dev/X';
const AT = `${PATH} > tasks > Main > Lookup`;
const lookupCustomer = dataActionNamed('CRM Integration', 'Lookup customer', {
  inputs: { phone: 'string', region: 'string' },
  outputs: { tier: 'string', balance: 'integer' },
});
type Props = Partial<CallDataProps<typeof lookupCustomer.inputs, typeof lookupCustomer.outputs>>;
const tier = Variable.string('Flow.Tier');
const balance = Variable.integer('Flow.Balance');
const flowOf = (...actions: Action[]): InboundCallFlow => inboundFlowOf('Data IVR', actions, [tier, balance]);
const lookup = (props: Props = {}) =>
  new CallData('Lookup', {
    action: lookupCustomer,
    inputs: { phone: Builtin.callAni, region: Expr.string('EU') },
    outputs: { tier, balance },
    onSuccess: [say('Found')],
    onFailure: [say('Failed')],
    onTimeout: [say('Too slow')],
    ...props,
  });
const routed = (props?: Props) => flowOf(lookup(props), new Disconnect('Bye'));

describe('CallData validation', () => {
  it('accepts every contract input of its type and outputs into declared variables of their type', () => {
    expect(routed().validate(PATH)).toEqual([]);
  });

  it('refuses a secure data action (GC1017): Genesys calls those only with Call Secure Data in a secure flow', () => {
    const secure = { ...lookupCustomer, secure: true };
    expect(routed({ action: secure }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1017', path: AT, value: 'Lookup customer', message: expect.stringContaining('Call Secure Data') }),
    ]);
    expect(routed({ action: { ...lookupCustomer, secure: false } }).validate(PATH)).toEqual([]);
  });

  it('reports a contract input that is not given (GC1020)', () => {
    expect(routed({ inputs: { phone: Builtin.callAni } as never }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1020', path: AT, value: 'region' }),
    ]);
  });

  it('reports every contract input when a JavaScript caller gives no inputs at all (GC1020)', () => {
    expect(
      routed({ inputs: undefined } as never)
        .validate(PATH)
        .map((p) => [p.code, p.value]),
    ).toEqual([
      ['GC1020', 'phone'],
      ['GC1020', 'region'],
    ]);
  });

  it('reports an input the contract does not have (GC1021)', () => {
    const inputs = { phone: Builtin.callAni, region: Expr.string('EU'), country: Expr.string('DE') };
    expect(routed({ inputs } as never).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1021', path: AT, value: 'country' })]);
  });

  it('reports an output the contract does not have (GC1022)', () => {
    expect(routed({ outputs: { tier, score: balance } as never }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1022', path: AT, value: 'score' }),
    ]);
  });

  it.each([0, 61, 1.5, Number.NaN])('reports a timeout of %s seconds (GC1023)', (timeoutSeconds) => {
    expect(routed({ timeoutSeconds }).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1023', path: AT, value: String(timeoutSeconds) })]);
  });

  it('reports an input expression of another type than the contract (GC1008)', () => {
    expect(routed({ inputs: { phone: Builtin.callAni, region: Expr.integer(3) } as never }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1008', path: AT, value: '3' }),
    ]);
  });

  it('reports an input that is not an expression (GC1008)', () => {
    expect(routed({ inputs: { phone: Builtin.callAni, region: 'EU' } as never }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1008', path: AT, value: 'EU' }),
    ]);
  });

  it('reports an output variable of another type than the contract (GC1008) and an undeclared one (GC1006)', () => {
    const other = Variable.string('Flow.Other');
    expect(routed({ outputs: { tier, balance: Variable.string('Flow.Tier') } as never }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1008', path: AT, value: 'Flow.Tier' }),
    ]);
    expect(routed({ outputs: { tier: other } }).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1006', path: AT, value: 'Flow.Other' })]);
  });

  it('reports an empty integration or action name (GC1014)', () => {
    const nameless = dataActionNamed(' ', '', { inputs: {}, outputs: {} });
    const problems = flowOf(new CallData('Lookup', { action: nameless, inputs: {} }), new Disconnect('Bye')).validate(PATH);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['GC1014', AT],
      ['GC1014', AT],
    ]);
  });

  it('checks the actions of its branches like any other', () => {
    expect(routed({ onTimeout: [new Disconnect('Hang up'), say('Never')] }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1004', path: `${AT} > timeout > Never` }),
    ]);
  });

  it('names its data action as what the flow references', () => {
    expect(lookup().references()).toEqual([lookupCustomer]);
    expect(routed().references()).toContain(lookupCustomer);
  });
});

describe('CallData Archy shape', () => {
  const actionsOf = (flow: InboundCallFlow) => parse(flow.render().yaml).inboundCall.tasks[0].task.actions;

  it('writes the real export shape: no processing prompt, 1 minute, inputs and success outputs sorted by name, each branch with actions', () => {
    expect(actionsOf(routed({ inputs: { region: Expr.string('EU'), phone: Builtin.callAni } }))[0]).toEqual({
      callData: {
        name: 'Lookup',
        processingPrompt: { noValue: true },
        timeout: { lit: { minutes: 1 } },
        category: {
          'CRM Integration': {
            dataAction: {
              'Lookup customer': {
                inputs: { phone: { exp: 'Call.Ani' }, region: { exp: '"EU"' } },
                successOutputs: { balance: { var: 'Flow.Balance' }, tier: { var: 'Flow.Tier' } },
              },
            },
          },
        },
        outputs: {
          success: { actions: [{ playAudio: { name: 'Found', audio: { tts: 'Found' } } }] },
          failure: { actions: [{ playAudio: { name: 'Failed', audio: { tts: 'Failed' } } }] },
          timeout: { actions: [{ playAudio: { name: 'Too slow', audio: { tts: 'Too slow' } } }] },
        },
      },
    });
    expect(Object.keys(actionsOf(routed())[0].callData.category['CRM Integration'].dataAction['Lookup customer'].inputs)).toEqual([
      'phone',
      'region',
    ]);
  });

  it('leaves out successOutputs when no output is read, and an output without actions (as the real export does)', () => {
    const written = actionsOf(routed({ outputs: {}, onFailure: [], onTimeout: [] }))[0].callData;
    expect(written.category['CRM Integration'].dataAction['Lookup customer']).toEqual({ inputs: expect.any(Object) });
    expect(written.outputs).toEqual({ success: expect.any(Object) });
    expect(actionsOf(routed({ onSuccess: [], onFailure: [], onTimeout: [] }))[0].callData).not.toHaveProperty('outputs');
  });

  it('leaves out inputs when the data action has none (no export shows an empty inputs map), listed as unverified', () => {
    const ping = dataActionNamed('CRM Integration', 'Ping', { inputs: {}, outputs: {} });
    const written = actionsOf(flowOf(new CallData('Ping', { action: ping, inputs: {} }), new Disconnect('Bye')))[0].callData;
    expect(written.category['CRM Integration'].dataAction.Ping).toEqual({});
    expect(UNVERIFIED_SHAPES.find((s) => s.id === 'callData-no-inputs')?.shape).toContain('without an inputs key');
  });

  it('writes a timeout that is not 60 seconds in seconds (unverified)', () => {
    expect(actionsOf(routed({ timeoutSeconds: 15 }))[0].callData.timeout).toEqual({ lit: { seconds: 15 } });
  });

  it('lists callData as modelled and its unverified forms with their basis', () => {
    expect(MODELLED_ARCHY_ACTIONS).toContain('callData');
    const ids = UNVERIFIED_SHAPES.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['callData-failure-timeout-outputs', 'callData-timeout-seconds']));
  });
});

describe('CallData simulation', () => {
  const answered = (answer: unknown) => ({ dtmf: [], dataActions: { 'Lookup customer': answer } }) as never;

  it('on success sets the mapped outputs, shows the call in the transcript and runs the success branch, then continues', () => {
    const result = simulateCall(routed(), answered({ success: { tier: 'gold', balance: 12 } }));
    expect(result.transcript).toContainEqual(
      expect.objectContaining({
        kind: 'callData',
        nodeId: 'Lookup',
        branch: 'success',
        dataAction: {
          name: 'Lookup customer',
          inputs: { phone: '+15555550100', region: 'EU' },
          result: 'success',
          outputs: { balance: 12, tier: 'gold' },
        },
      }),
    );
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'set', variable: 'Flow.Tier', value: 'gold' }));
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'set', variable: 'Flow.Balance', value: 12 }));
    expect(result.prompts).toEqual(['Hello.', 'Found']);
    expect(result.outcome).toEqual({ kind: 'disconnect' });
  });

  it('reads an output the answer lacks as NOT_SET', () => {
    const result = simulateCall(routed(), answered({ success: { tier: 'gold' } }));
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'set', variable: 'Flow.Balance', value: undefined }));
  });

  it.each([
    ['failure', 'Failed'],
    ['timeout', 'Too slow'],
  ])('on %s runs that branch and sets nothing', (answer, prompt) => {
    const result = simulateCall(routed(), answered(answer));
    expect(result.prompts).toEqual(['Hello.', prompt]);
    expect(result.transcript.filter((t) => t.kind === 'set')).toEqual([]);
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'callData', branch: answer }));
  });

  it('answers with the first case whose `when` inputs match the inputs sent', () => {
    const cases = [
      { when: { phone: '+4930123', region: 'EU' }, answer: 'timeout' },
      { when: { phone: '+15555550100' }, answer: { success: { tier: 'silver' } } },
      { answer: 'failure' },
    ];
    expect(simulateCall(routed(), answered(cases)).transcript).toContainEqual(
      expect.objectContaining({ kind: 'set', variable: 'Flow.Tier', value: 'silver' }),
    );
    expect(simulateCall(routed(), { ...answered(cases), ani: '+4930123' }).prompts).toEqual(['Hello.', 'Too slow']);
    expect(simulateCall(routed(), { ...answered(cases), ani: '+100' }).prompts).toEqual(['Hello.', 'Failed']);
  });

  it('stops, naming the action and its inputs, when no answer is scripted or none matches (never assumes success)', () => {
    expect(simulateCall(routed()).outcome).toEqual({
      kind: 'error',
      message: expect.stringMatching(
        /^data action 'Lookup customer' \(Lookup\) has no scripted answer for inputs \{"phone":"\+15555550100","region":"EU"\}/,
      ),
      nodeId: 'Lookup',
      path: `Data IVR > tasks > Main > Lookup`,
    });
    expect(simulateCall(routed(), answered([{ when: { region: 'US' }, answer: 'failure' }])).outcome).toEqual(
      expect.objectContaining({ kind: 'error', message: expect.stringContaining('no scripted answer') }),
    );
  });

  it('is a ScriptError when a success answer does not fit the contract (an unknown field, a wrong type)', () => {
    expect(() => simulateCall(routed(), answered({ success: { tier: 'gold', score: 1 } }))).toThrow(/does not declare/);
    expect(() => simulateCall(routed(), answered({ success: { balance: '12' } }))).toThrow(ScriptError);
    expect(() => simulateCall(routed(), answered({ success: { balance: 1.5 } }))).toThrow(/field 'balance' is 1.5, not of type integer/);
  });

  it('is a ScriptError, before the call starts, when the answers are not answers', () => {
    expect(() => simulateCall(routed(), answered('ok'))).toThrow(/script.dataActions\["Lookup customer"\] must be 'failure', 'timeout' or/);
    expect(() => simulateCall(routed(), answered([{ when: { phone: ['x'] }, answer: 'failure' }]))).toThrow(ScriptError);
  });
});

describe('CallData in plan review', () => {
  it('is a node whose facts name the data action, its inputs and outputs; branches are child nodes in order', () => {
    const outline = outlineFlow(routed().render().yaml);
    const node = outline.nodes.find((n) => n.kind === 'callData')!;
    expect(node.facts).toEqual(
      expect.objectContaining({
        'category.CRM Integration.dataAction.Lookup customer.inputs.phone.exp': 'Call.Ani',
        'category.CRM Integration.dataAction.Lookup customer.successOutputs.tier.var': 'Flow.Tier',
        'timeout.lit.minutes': '1',
      }),
    );
    expect(outline.nodes.map((n) => n.id).filter((id) => id.includes('callData "Lookup" ['))).toEqual([
      'task "Main" > callData "Lookup" [success] > playAudio "Found"',
      'task "Main" > callData "Lookup" [failure] > playAudio "Failed"',
      'task "Main" > callData "Lookup" [timeout] > playAudio "Too slow"',
    ]);
  });

  it('shows a changed input expression, and a changed branch, as a change of that node', () => {
    const before = outlineFlow(routed().render().yaml);
    expect(diffOutlines(before, outlineFlow(routed({ inputs: { phone: Builtin.callAni, region: Expr.string('US') } }).render().yaml))).toEqual([
      expect.objectContaining({
        id: 'task "Main" > callData "Lookup"',
        change: 'changed',
        facts: { 'category.CRM Integration.dataAction.Lookup customer.inputs.region.exp': ['"EU"', '"US"'] },
      }),
    ]);
    expect(diffOutlines(before, outlineFlow(routed({ onTimeout: [say('Too slow', 'Try later.')] }).render().yaml))).toEqual([
      expect.objectContaining({ id: 'task "Main" > callData "Lookup" [timeout] > playAudio "Too slow"', change: 'changed' }),
    ]);
  });

  it('draws control falling through a branch without actions to the next action', () => {
    const chart = mermaid(routed({ onFailure: [], onTimeout: [] }).render().yaml);
    const box = /(n\d+)\["callData: Lookup"\]/.exec(chart)![1];
    const next = /(n\d+)\(\["disconnect: Bye"\]\)/.exec(chart)![1];
    expect(chart).toContain(`${box} --> ${next}`);
    expect(chart).toMatch(/-->\|success\|/);
  });
});
