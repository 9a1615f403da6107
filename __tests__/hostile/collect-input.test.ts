/**
 * Hostile input, case 10: Collect Input simulated as Genesys documents it ("Add a Collect Input action":
 * with an exact count "the flow accepts the first … digits heard. It interprets any digits that follow as
 * direction for the next action in the flow"), and the simulate CLI's bad arguments.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../config';
import { simulateCall } from '../../simulator';
import { addEnvironments } from '../../stacks';

const root = path.resolve(__dirname, '..', '..');
const simulate = (...args: string[]) => spawnSync(process.execPath, ['dist/tools/simulate.js', ...args], { cwd: root, encoding: 'utf8' });
const [dev, test] = addEnvironments(Testing.app(), ENVIRONMENTS.slice(0, 2));
/** A caller the account service knows, with the PIN `pin`. */
const known = (stack: typeof dev, pin: string, dtmf: string[]) => ({
  dtmf,
  dataActions: { [stack.accountLookup.actionName]: { success: { found: true, accountNumber: '70012345', pin } } },
});

describe('hostile input: Collect Input and the simulate CLI', () => {
  it('case 10: extra digits after a 4-digit PIN are typed ahead, not a failed entry', () => {
    // 12345 for a 4-digit PIN: the flow takes 1234, the 5 is left for the next input action.
    const call = simulateCall(dev.salesIvr, known(dev, '1234', ['12345']));
    expect(call).toEndInQueue('DEV Sales');
    expect(call.transcript.find((t) => t.kind === 'collectDigits' && t.input !== undefined)).toMatchObject({
      input: '1234',
      branch: 'success',
      typedAhead: '5',
    });
    // The next collect consumes the typed-ahead keys first: a wrong PIN, then the right one, in one go.
    const again = simulateCall(test.salesIvr, known(test, '4321', ['12344321']));
    expect(again).toEndInQueue('TEST Sales');
    expect(again).toPlay('That PIN is not correct.', 1);
    expect(again.transcript.filter((t) => t.kind === 'collectDigits' && t.input !== undefined).map((t) => t.input)).toEqual(['1234', '4321']);
  });

  it('case 10: 4321# is a complete 4-digit entry followed by # (no terminator with an exact count)', () => {
    const call = simulateCall(test.salesIvr, known(test, '4321', ['4321#']));
    expect(call).toEndInQueue('TEST Sales');
    expect(call.transcript.find((t) => t.variable === 'Common.Pin')).toMatchObject({ value: '4321' });
  });

  it('case 10: * inside an exact-count entry stops the simulation as not modelled', () => {
    const call = simulateCall(dev.salesIvr, known(dev, '1234', ['12*4']));
    expect(call).toStopWithError(/'\*' in an exact-count entry .*not modelled/);
    expect(call.outcome).toMatchObject({ nodeId: 'Collect PIN' });
  });

  it('case 10: --dtmf 12a4 is a bad argument (exit 1), not a wrong PIN', () => {
    const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--dtmf', '12a4');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--dtmf '12a4' is not DTMF: valid keys are 0-9, \*, #/);
    expect(run.stdout).toBe('');
  });

  it('case 10: an unknown --env lists the known environments', () => {
    const run = simulate('--env', 'staging', '--ivr', 'Sales IVR');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown environment staging; environments: dev, test, prod');
  });

  it('case 10: --schedule closed on an environment without a schedule group says so', () => {
    const run = simulate('--env', 'dev', '--ivr', 'Sales IVR', '--schedule', 'closed');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("--schedule closed: 'DEV Sales IVR' in dev has no schedule group");
    expect(run.stdout).toBe('');
  });
});
