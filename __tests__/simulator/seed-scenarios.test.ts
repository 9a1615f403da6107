import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../config';
import { simulateCall } from '../../simulator';
import { addEnvironments } from '../../stacks';

const [dev, test] = addEnvironments(Testing.app(), ENVIRONMENTS.slice(0, 2));

describe('the seed scenarios, simulated', () => {
  it("the right PIN reaches the IVR's queue", () => {
    const call = simulateCall(dev.salesIvr, { dtmf: ['1234'] });
    expect(call).toEndInQueue('DEV Sales');
    expect(call).toPlay('Welcome to Sales.');
    expect(call).toPlay(/four digit PIN/, 1);
    expect(call).toCallSharedFlow('DEV Shared PIN Auth', { outcome: 'success' });
    expect(simulateCall(dev.supportIvr, { dtmf: ['1234'] })).toEndInQueue('DEV Support');
  });

  it('a wrong PIN until the attempts run out reaches the operator queue', () => {
    const call = simulateCall(dev.salesIvr, { dtmf: ['1111', '2222', '3333'] });
    expect(call).toEndInQueue('DEV Operator');
    expect(call).toPlay('That PIN is not correct.', 3);
    expect(call).toCallSharedFlow('DEV Shared PIN Auth', { outcome: 'failure' });
    const ret = call.transcript.find((t) => t.kind === 'sharedFlowReturn')!;
    expect(ret.sharedFlow!.outputs).toEqual({ AttemptsUsed: 3 });
  });

  it('no input re-prompts, then takes the no-input path to the operator', () => {
    const call = simulateCall(dev.salesIvr, { dtmf: [] });
    expect(call).toPlay('Please enter your four digit PIN.', 3);
    expect(call).toPlay('Sorry, I did not get a PIN.', 3);
    expect(call).toEndInQueue('DEV Operator');
  });

  it('a right PIN on the last attempt still succeeds', () => {
    expect(simulateCall(dev.salesIvr, { dtmf: [null, '9999', '1234'] })).toEndInQueue('DEV Sales');
  });

  it("follows each environment's PIN and its schedule", () => {
    expect(simulateCall(test.salesIvr, { dtmf: ['1234'] })).not.toEndInQueue('TEST Sales');
    expect(simulateCall(test.salesIvr, { dtmf: ['4321'] })).toEndInQueue('TEST Sales');
    const closed = simulateCall(test.salesIvr, { schedule: 'closed' });
    expect(closed).toDisconnect();
    expect(closed).toPlay(/offices are closed/);
    expect(simulateCall(test.salesIvr, { schedule: 'holiday' })).toPlay(/offices are closed/);
  });

  it('each IVR follows a change of the shared flow (more attempts)', () => {
    const [relaxed] = addEnvironments(Testing.app(), [{ ...ENVIRONMENTS[0], pinAuth: { ...ENVIRONMENTS[0].pinAuth, maxAttempts: 5 } }]);
    const script = { dtmf: ['1', '2', '3', '4', '1234'] };
    expect(simulateCall(dev.salesIvr, script)).toEndInQueue('DEV Operator');
    expect(simulateCall(relaxed.salesIvr, script)).toEndInQueue('DEV Sales');
    expect(simulateCall(relaxed.supportIvr, script)).toEndInQueue('DEV Support');
  });

  it('a failed transfer plays the apology and hangs up', () => {
    const call = simulateCall(dev.salesIvr, { dtmf: ['1234'], failTransfers: true });
    expect(call).toDisconnect();
    expect(call).toPlay(/no one can take your call/);
  });

  it('the transcript names nodes and construct paths', () => {
    const call = simulateCall(dev.salesIvr, { dtmf: ['1234'] });
    const collect = call.transcript.find((t) => t.kind === 'collectDigits' && t.input !== undefined)!;
    expect(collect).toMatchObject({ nodeId: 'Collect PIN', input: '1234', branch: 'success' });
    expect(collect.path).toBe(
      'contact-center-dev/SalesIvr/Flow > tasks > Main > Run shared flow > DEV Shared PIN Auth > Collect PIN tries > loop > Collect PIN',
    );
    expect(call.transcript.find((t) => t.variable === 'Common.Pin')).toMatchObject({ value: '1234' });
  });
});
