import {
  Disconnect,
  EvaluateSchedule,
  Expr,
  FindQueue,
  GetParticipantData,
  HoldMusic,
  InQueueCallFlow,
  InboundCallFlow,
  PlayEstimatedWaitTime,
  Prompt,
  Task,
  TransferToAcd,
  Variable,
} from '../../flow';
import { CallScript, ScriptError, simulateCall } from '../../simulator';

const waiting = new InQueueCallFlow({
  name: 'Hold',
  actions: [
    new PlayEstimatedWaitTime('Wait time'),
    new FindQueue('Find', { queueName: Expr.string('Sal'), onFound: (q) => [new TransferToAcd('To found', { queue: q })] }),
    new HoldMusic('Hold music'),
  ],
});
const reason = Variable.string('Flow.Reason');
const inbound = new InboundCallFlow({
  name: 'Main line',
  initialGreeting: Prompt.tts('Hello.'),
  startUp: 'Main',
  variables: [reason],
  tasks: [
    new Task('Main', [
      new GetParticipantData('Read', [{ attribute: 'reason', into: reason }]),
      new EvaluateSchedule('Lunch?', { schedule: 'Lunch', onActive: [new Disconnect('Closed')] }),
      new Disconnect('End'),
    ]),
  ],
});

/** What a JavaScript caller may pass: anything. */
const simulateUntyped = (flow: InboundCallFlow | InQueueCallFlow, script: unknown) => simulateCall(flow, script as CallScript);

describe('a call script is checked field by field before the call starts', () => {
  it.each<[string, unknown, RegExp]>([
    ['estimatedWaitSeconds', NaN, /^estimatedWaitSeconds must be a whole number of seconds from 0 to 86400 .*, got NaN$/],
    ['estimatedWaitSeconds', Infinity, /got Infinity$/],
    ['estimatedWaitSeconds', -30, /got -30$/],
    ['estimatedWaitSeconds', null, /got null$/],
    ['estimatedWaitSeconds', 1e12, /got 1000000000000$/],
    ['estimatedWaitSeconds', 59.6, /got 59\.6$/],
    ['estimatedWaitSeconds', '90', /got "90"$/],
    ['maxSteps', NaN, /^maxSteps must be a whole number from 1 to 1000000, got NaN$/],
    ['maxSteps', 'x', /^maxSteps must be .*, got "x"$/],
    ['maxSteps', -1, /^maxSteps must be .*, got -1$/],
    ['maxSteps', 0, /^maxSteps must be .*, got 0$/],
    ['maxSteps', 1e7, /^maxSteps must be .*, got 10000000$/],
    ['inQueuePasses', '3', /^inQueuePasses must be a whole number, at least 1, got "3"$/],
    ['waitingQueue', 5, /^waitingQueue must be a non-empty string \(a queue name\), got 5$/],
    ['waitingQueue', '', /^waitingQueue must be .*, got ""$/],
    ['queues', 'Sales', /^queues must be a list of queue names, got "Sales"$/],
    ['queues', ['Sales', 7], /^queues\[1\] must be a non-empty string \(a queue name\), got 7$/],
    ['participantData', { reason: 5 }, /^participantData\["reason"\] must be a string \(participant data holds text\), got 5$/],
    ['participantData', { reason: { x: 1 } }, /^participantData\["reason"\] must be a string .*, got \{"x":1\}$/],
    ['participantData', 'abc', /^participantData must be an object of values by name, got "abc"$/],
    ['schedules', ['active'], /^schedules must be an object of values by name, got \["active"\]$/],
    ['schedules', { Lunch: 'open' }, /^schedules\["Lunch"\] must be 'active' or 'inactive', got "open"$/],
    ['variables', { 'Flow.Reason': NaN }, /^variables\["Flow\.Reason"\] must be a string, a finite number or a boolean, got NaN$/],
    ['variables', { 'Flow.Reason': null }, /^variables\["Flow\.Reason"\] must be .*, got null$/],
    ['ani', 15555550100, /^ani must be a non-empty string \(the caller number\), got 15555550100$/],
    ['dnis', '', /^dnis must be a non-empty string \(the dialled number\), got ""$/],
    ['schedule', 'lunch', /^schedule must be 'open', 'closed' or 'holiday', got "lunch"$/],
    ['emergency', 'yes', /^emergency must be true or false, got "yes"$/],
    ['failTransfers', 'no', /^failTransfers must be true or false, got "no"$/],
  ])('%s: %p is a ScriptError', (field, value, message) => {
    for (const flow of [waiting, inbound]) {
      const run = () => simulateUntyped(flow, { [field]: value });
      expect(run).toThrow(ScriptError);
      expect(run).toThrow(message);
    }
  });

  it('refuses a field it does not know (a typo would silently change nothing)', () => {
    expect(() => simulateUntyped(inbound, { dtfm: ['1'] })).toThrow(/^script field 'dtfm' is not known: the fields are dtmf, queues, /);
  });

  it('refuses a script that is not an object', () => {
    expect(() => simulateUntyped(inbound, null)).toThrow(new ScriptError('the script must be an object of CallScript fields, got null'));
    expect(() => simulateUntyped(inbound, 'dtmf')).toThrow(/^the script must be an object of CallScript fields, got "dtmf"$/);
  });

  it("refuses a variable the first flow does not declare, or a value of another type than the variable's", () => {
    expect(() => simulateCall(inbound, { variables: { 'Flow.Nope': 'x' } })).toThrow(
      new ScriptError(`variables["Flow.Nope"]: flow 'Main line' declares no such variable; its variables: Flow.Reason`),
    );
    expect(() => simulateCall(inbound, { variables: { 'Flow.Reason': 123 } })).toThrow(
      new ScriptError(`variables["Flow.Reason"] is 123, not of the variable's type string`),
    );
    expect(() => simulateCall(waiting, { variables: { 'Flow.Reason': 'x' } })).toThrow(
      /^variables\["Flow\.Reason"\]: flow 'Hold' declares no such variable; its variables: none$/,
    );
    expect(simulateCall(inbound, { variables: { 'Flow.Reason': 'x' }, schedules: { Lunch: 'inactive' } }).outcome).toEqual({ kind: 'disconnect' });
  });

  it('takes the ends of each documented range', () => {
    // Both ends are accepted; what the action says for them is not documented, so the call stops there.
    expect(simulateCall(waiting, { estimatedWaitSeconds: 0, queues: [] }).outcome).toEqual(
      expect.objectContaining({ kind: 'error', nodeId: 'Wait time' }),
    );
    expect(simulateCall(waiting, { estimatedWaitSeconds: 86_400 }).outcome).toEqual(expect.objectContaining({ kind: 'error', nodeId: 'Wait time' }));
    expect(simulateCall(waiting, { maxSteps: 1, inQueuePasses: 2 }).outcome).toEqual(expect.objectContaining({ kind: 'error' }));
    expect(simulateCall(waiting, { maxSteps: 1_000_000, queues: ['Sal'] }).outcome).toEqual({ kind: 'queue', queueName: 'Sal' });
  });
});
