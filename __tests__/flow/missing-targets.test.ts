/**
 * A JavaScript caller that leaves out the object an action names (data action, data table, target flow)
 * gets GC1016 naming the action when the action is made, not a TypeError at validation or synth.
 */
import { CallData, DataTableLookup, Expr, ProblemError, TransferToFlow } from '../../flow';

const made = (make: () => unknown): ProblemError => {
  try {
    make();
  } catch (err) {
    if (err instanceof ProblemError) return err;
    throw err;
  }
  throw new Error('no problem reported');
};

describe('actions without the object they name', () => {
  it.each([
    ['CallData', () => new CallData('Look up', { inputs: {} } as never), 'the data action is missing'],
    ['CallData without props', () => new (CallData as unknown as new (id: string) => unknown)('Look up'), 'the data action is missing'],
    ['DataTableLookup', () => new DataTableLookup('Look up', { key: Expr.string('k') } as never), 'the data table is missing'],
    ['TransferToFlow', () => new TransferToFlow('Transfer', {} as never), 'the target flow is missing'],
  ])('%s: GC1016 with the action id and the fix', (_what, make, message) => {
    const [problem] = made(make).problems;
    expect(problem).toMatchObject({ code: 'GC1016', message, value: 'undefined' });
    expect(problem.path).toMatch(/^(Look up|Transfer)$/);
    expect(problem.fix).toMatch(/^pass /);
  });
});
