import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../config';
import { CallScript, DataActionAnswer, DataActionCase, simulateCall } from '../../simulator';
import { ContactCenterStack, addEnvironments } from '../../stacks';

const [dev, test] = addEnvironments(Testing.app(), ENVIRONMENTS.slice(0, 2));

/** The PIN the account service answers in these scenarios (it lives only in the scripted answer). */
const PIN = '2468';
const ACCOUNT = '70012345';
const KNOWN: DataActionAnswer = { success: { found: true, accountNumber: ACCOUNT, pin: PIN } };
const UNKNOWN: DataActionAnswer = { success: { found: false } };

/** A script whose account lookup answers `answer` (one answer, or cases by input). */
function withLookup(stack: ContactCenterStack, answer: DataActionAnswer | DataActionCase[], script: CallScript = {}): CallScript {
  return { ...script, dataActions: { [stack.accountLookup.actionName]: answer } };
}

describe('the seed scenarios, simulated', () => {
  it("a known caller with the right PIN reaches the IVR's queue, and the module returns the account", () => {
    const call = simulateCall(dev.salesIvr, withLookup(dev, KNOWN, { dtmf: [PIN] }));
    expect(call).toEndInQueue('DEV Sales');
    expect(call).toPlay('Welcome to Sales.');
    expect(call).toPlay(/four digit PIN/, 1);
    expect(call).toCallSharedFlow('DEV Shared PIN Auth', { outcome: 'success' });
    const lookup = call.transcript.find((t) => t.kind === 'callData')!;
    expect(lookup.dataAction).toMatchObject({
      name: 'DEV Account PIN Lookup',
      inputs: { ani: '+15555550100', accountNumber: '' },
      result: 'success',
    });
    const ret = call.transcript.find((t) => t.kind === 'sharedFlowReturn')!;
    expect(ret.sharedFlow!.outputs).toEqual({ AccountNumber: ACCOUNT, AttemptsUsed: 1 });
    expect(simulateCall(dev.supportIvr, withLookup(dev, KNOWN, { dtmf: [PIN] }))).toEndInQueue('DEV Support');
  });

  it('a wrong PIN until the attempts run out reaches the operator queue', () => {
    const call = simulateCall(dev.salesIvr, withLookup(dev, KNOWN, { dtmf: ['1111', '2222', '3333'] }));
    expect(call).toEndInQueue('DEV Operator');
    expect(call).toPlay('That PIN is not correct.', 3);
    expect(call).toCallSharedFlow('DEV Shared PIN Auth', { outcome: 'failure' });
    expect(call.transcript.find((t) => t.kind === 'sharedFlowReturn')!.sharedFlow!.outputs).toEqual({ AccountNumber: undefined, AttemptsUsed: 3 });
  });

  it('a PIN another caller has is wrong for this one: the comparison is with the looked-up PIN', () => {
    const call = simulateCall(
      dev.salesIvr,
      withLookup(dev, { success: { found: true, accountNumber: ACCOUNT, pin: '1357' } }, { dtmf: [PIN, PIN, PIN] }),
    );
    expect(call).toCallSharedFlow('DEV Shared PIN Auth', { outcome: 'failure' });
  });

  it('no input re-prompts, then takes the no-input path to the operator', () => {
    const call = simulateCall(dev.salesIvr, withLookup(dev, KNOWN, { dtmf: [] }));
    expect(call).toPlay('Please enter your four digit PIN.', 3);
    expect(call).toPlay('Sorry, I did not get a PIN.', 3);
    expect(call).toEndInQueue('DEV Operator');
  });

  it('a right PIN on the last attempt still succeeds', () => {
    expect(simulateCall(dev.salesIvr, withLookup(dev, KNOWN, { dtmf: [null, '9999', PIN] }))).toEndInQueue('DEV Sales');
  });

  it('a caller unknown by number enters an account number, which is looked up, then the PIN', () => {
    const byInput: DataActionCase[] = [
      { when: { accountNumber: '' }, answer: UNKNOWN },
      { when: { accountNumber: ACCOUNT }, answer: KNOWN },
    ];
    const call = simulateCall(dev.salesIvr, withLookup(dev, byInput, { dtmf: [`${ACCOUNT}#`, PIN] }));
    expect(call).toPlay(/enter your account number/, 1);
    expect(call.transcript.filter((t) => t.kind === 'callData').map((t) => t.dataAction!.inputs)).toEqual([
      { ani: '+15555550100', accountNumber: '' },
      { ani: '+15555550100', accountNumber: ACCOUNT },
    ]);
    expect(call).toEndInQueue('DEV Sales');
  });

  it('an unknown caller (by number and by account) hears so and reaches the operator', () => {
    const call = simulateCall(dev.salesIvr, withLookup(dev, UNKNOWN, { dtmf: ['123456#'] }));
    expect(call).toPlay('We could not find your account. Let me transfer you to an operator.');
    expect(call).not.toPlay(/four digit PIN/);
    expect(call).toCallSharedFlow('DEV Shared PIN Auth', { outcome: 'failure' });
    expect(call).toEndInQueue('DEV Operator');
  });

  it.each(['failure', 'timeout'] as const)('a lookup %s makes the module unavailable: the caller reaches the operator', (answer) => {
    const call = simulateCall(dev.salesIvr, withLookup(dev, answer, { dtmf: [PIN] }));
    expect(call.transcript.find((t) => t.kind === 'callData')!.dataAction).toMatchObject({ result: answer });
    expect(call).toPlay('We cannot reach your account right now. Let me transfer you to an operator.');
    expect(call).not.toPlay(/four digit PIN/);
    expect(call).toCallSharedFlow('DEV Shared PIN Auth', { outcome: 'unavailable' });
    expect(call).toEndInQueue('DEV Operator');
  });

  it('a lookup without a scripted answer stops the simulation instead of guessing', () => {
    expect(simulateCall(dev.salesIvr, { dtmf: [PIN] })).toStopWithError(/data action 'DEV Account PIN Lookup'.*no scripted answer/);
  });

  it('follows the schedule of an environment that has one: closed and holiday hours', () => {
    expect(simulateCall(test.salesIvr, withLookup(test, KNOWN, { dtmf: [PIN] }))).toEndInQueue('TEST Sales');
    const closed = simulateCall(test.salesIvr, { schedule: 'closed' });
    expect(closed).toDisconnect();
    expect(closed).toPlay(/offices are closed/);
    const holiday = simulateCall(test.salesIvr, { schedule: 'holiday' });
    expect(holiday).toDisconnect();
    expect(holiday).toPlay(/offices are closed/);
  });

  it('in test (an environment with an in-queue flow) the caller waits in the queue with the waiting message, the estimated wait and hold music', () => {
    const call = simulateCall(test.salesIvr, withLookup(test, KNOWN, { dtmf: [PIN] }));
    expect(call.outcome).toEqual({ kind: 'queue', queueName: 'TEST Sales', inQueueFlow: 'TEST In-Queue Hold' });
    expect(simulateCall(test.salesIvr, withLookup(test, 'timeout', {})).outcome).toEqual({
      kind: 'queue',
      queueName: 'TEST Operator',
      inQueueFlow: 'TEST In-Queue Hold',
    });
    const waiting = simulateCall(test.waitingInQueue!, { estimatedWaitSeconds: 90 });
    expect(waiting.prompts).toEqual([ENVIRONMENTS[1].inQueue!.waitingMessage, 'Your estimated wait time is 1 minute and 30 seconds']);
    expect(waiting.transcript.find((t) => t.kind === 'holdMusic')).toMatchObject({ nodeId: 'Hold music' });
    // dev has none: its callers get the queues' own in-queue handling.
    expect(dev.waitingInQueue).toBeUndefined();
    expect(simulateCall(dev.salesIvr, withLookup(dev, KNOWN, { dtmf: [PIN] })).outcome).toEqual({ kind: 'queue', queueName: 'DEV Sales' });
  });

  it('each IVR follows a change of the shared flow (more attempts)', () => {
    const [relaxed] = addEnvironments(Testing.app(), [{ ...ENVIRONMENTS[0], pinAuth: { ...ENVIRONMENTS[0].pinAuth, maxAttempts: 5 } }]);
    const script = { dtmf: ['1', '2', '3', '4', PIN] };
    expect(simulateCall(dev.salesIvr, withLookup(dev, KNOWN, script))).toEndInQueue('DEV Operator');
    expect(simulateCall(relaxed.salesIvr, withLookup(relaxed, KNOWN, script))).toEndInQueue('DEV Sales');
    expect(simulateCall(relaxed.supportIvr, withLookup(relaxed, KNOWN, script))).toEndInQueue('DEV Support');
  });

  it('a failed transfer plays the apology and hangs up', () => {
    const call = simulateCall(dev.salesIvr, withLookup(dev, KNOWN, { dtmf: [PIN], failTransfers: true }));
    expect(call).toDisconnect();
    expect(call).toPlay(/no one can take your call/);
  });

  it('the transcript names nodes and construct paths', () => {
    const call = simulateCall(dev.salesIvr, withLookup(dev, KNOWN, { dtmf: [PIN] }));
    const collect = call.transcript.find((t) => t.kind === 'collectDigits' && t.input !== undefined)!;
    expect(collect).toMatchObject({ nodeId: 'Collect PIN', input: PIN, branch: 'success' });
    expect(collect.path).toBe(
      'contact-center-dev/SalesIvr/Flow > tasks > Main > Run shared flow > DEV Shared PIN Auth > Account found? > yes > Collect PIN tries > loop > Collect PIN',
    );
    expect(call.transcript.find((t) => t.variable === 'Common.Pin')).toMatchObject({ value: PIN });
  });
});
