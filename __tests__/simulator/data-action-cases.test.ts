import { CallData, Disconnect, InboundCallFlow, PlayAudio, Prompt, Task, Variable, dataActionNamed } from '../../flow';
import { CallScript, ScriptError, simulateCall } from '../../simulator';

const account = Variable.string('Flow.Account');
const attempts = Variable.integer('Flow.Attempts');
const lookup = dataActionNamed('CRM', 'Lookup', { inputs: { account: 'string', attempts: 'integer' }, outputs: {} });
const flow = new InboundCallFlow({
  name: 'Accounts',
  initialGreeting: Prompt.tts('Hello.'),
  startUp: 'Main',
  variables: [account, attempts],
  tasks: [
    new Task('Main', [
      new CallData('Look up', {
        action: lookup,
        inputs: { account: account.ref(), attempts: attempts.ref() },
        onSuccess: [new PlayAudio('Found', { prompt: Prompt.tts('Found.') })],
        onFailure: [new PlayAudio('Failed', { prompt: Prompt.tts('Failed.') })],
      }),
      new Disconnect('End'),
    ]),
  ],
});
const known = { 'Flow.Account': '123', 'Flow.Attempts': 1 };
const answers = (when: Record<string, string | number | boolean>): CallScript['dataActions'] => ({
  Lookup: [{ when, answer: 'failure' }, { answer: { success: {} } }],
});

describe("a data action's scripted cases against its contract", () => {
  it('answers by the first case whose when inputs all equal the inputs sent', () => {
    const call = simulateCall(flow, { variables: known, dataActions: answers({ account: '123', attempts: 1 }) });
    expect(call.prompts).toEqual(['Hello.', 'Failed.']);
  });

  it('refuses a when input the contract does not declare, naming the action, input and contract', () => {
    const run = () => simulateCall(flow, { variables: known, dataActions: answers({ acount: '123' }) });
    expect(run).toThrow(ScriptError);
    expect(run).toThrow(
      `script.dataActions["Lookup"][0].when has input 'acount', which data action 'Lookup' does not declare; its inputs: account (string), attempts (integer)`,
    );
  });

  it.each<[Record<string, string | number | boolean>, string]>([
    [{ account: 123 }, `script.dataActions["Lookup"][0].when.account is 123, not of type string`],
    [{ attempts: '1' }, `script.dataActions["Lookup"][0].when.attempts is "1", not of type integer`],
    [{ attempts: 1.5 }, `script.dataActions["Lookup"][0].when.attempts is 1.5, not of type integer`],
  ])('refuses a when value of another type than the input: %p', (when, message) => {
    expect(() => simulateCall(flow, { variables: known, dataActions: answers(when) })).toThrow(message);
  });

  it('stops on a NOT_SET input instead of letting a catch-all case answer it', () => {
    const call = simulateCall(flow, { variables: { 'Flow.Attempts': 1 }, dataActions: answers({ account: '123' }) });
    expect(call.outcome).toEqual(
      expect.objectContaining({
        kind: 'error',
        nodeId: 'Look up',
        message: expect.stringMatching(/^input 'account' of data action 'Lookup' \(Look up\) is NOT_SET: .*input schema/),
      }),
    );
    expect(call.prompts).toEqual(['Hello.']);
  });
});

it('the flow of these tests validates', () => {
  expect(flow.validate()).toEqual([]);
});
