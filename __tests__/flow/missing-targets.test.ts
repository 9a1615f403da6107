/**
 * A JavaScript caller (no TypeScript to stop it) that leaves out or mistypes what an action needs gets a
 * coded ProblemError naming the action and the field when the action is made, not a TypeError at
 * validation, rendering or simulation.
 */
import {
  CallData,
  DataTableLookup,
  EvaluateSchedule,
  EvaluateScheduleGroup,
  Expr,
  FindQueue,
  GetParticipantData,
  HoldMusic,
  InQueueCallFlow,
  ProblemError,
  SetParticipantData,
  SetScreenPop,
  TransferToAcd,
  TransferToFlow,
  TransferToFlowSecure,
  Variable,
  dataActionNamed,
  queueNamed,
} from '../../flow';

const made = (make: () => unknown): ProblemError => {
  try {
    make();
  } catch (err) {
    if (err instanceof ProblemError) return err;
    throw err;
  }
  throw new Error('no problem reported');
};

/** Calls a constructor the way JavaScript can: with anything. */
const js = <T>(ctor: T): new (...args: unknown[]) => unknown => ctor as unknown as new (...args: unknown[]) => unknown;

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

describe('JavaScript callers passing the wrong kind of value', () => {
  const tier = Variable.string('Flow.Tier');
  const contract = dataActionNamed('Integ', 'Lookup', { inputs: {}, outputs: {} });
  it.each<[string, () => unknown, string, string, RegExp]>([
    ['SetScreenPop without props', () => new (js(SetScreenPop))('Pop'), 'GC1016', 'SetScreenPop Pop', /^script is missing$/],
    ['SetScreenPop script 5', () => new (js(SetScreenPop))('Pop', { script: 5 }), 'GC1016', 'SetScreenPop Pop', /^script is not a string$/],
    [
      'SetScreenPop input a string',
      () => new (js(SetScreenPop))('Pop', { script: 'S', inputs: { a: 'x' } }),
      'GC1008',
      'SetScreenPop Pop',
      /script input a is not an expression/,
    ],
    ['EvaluateSchedule {}', () => new (js(EvaluateSchedule))('S', {}), 'GC1016', 'EvaluateSchedule S', /^schedule is missing$/],
    [
      'EvaluateSchedule schedule 5',
      () => new (js(EvaluateSchedule))('S', { schedule: 5 }),
      'GC1016',
      'EvaluateSchedule S',
      /^schedule is not a string$/,
    ],
    [
      'EvaluateScheduleGroup group 5',
      () => new (js(EvaluateScheduleGroup))('S', { scheduleGroup: 5 }),
      'GC1016',
      'EvaluateScheduleGroup S',
      /^scheduleGroup is not a string$/,
    ],
    ['TransferToFlowSecure {}', () => new (js(TransferToFlowSecure))('S', {}), 'GC1016', 'TransferToFlowSecure S', /^secureFlowName is missing$/],
    [
      'TransferToFlowSecure invocationData a string',
      () => new (js(TransferToFlowSecure))('S', { secureFlowName: 'Sec', invocationData: 'x' }),
      'GC1008',
      'TransferToFlowSecure S',
      /^invocationData is not an expression$/,
    ],
    [
      'SetParticipantData without attributes',
      () => new (js(SetParticipantData))('S'),
      'GC1016',
      'SetParticipantData S',
      /^the attribute list is missing$/,
    ],
    [
      'SetParticipantData attributes an object',
      () => new (js(SetParticipantData))('S', { a: Expr.string('x') }),
      'GC1016',
      'SetParticipantData S',
      /is not a list/,
    ],
    [
      'SetParticipantData attribute 5',
      () => new (js(SetParticipantData))('S', [{ attribute: 5, value: Expr.string('x') }]),
      'GC1016',
      'SetParticipantData S',
      /attribute name is not a string/,
    ],
    [
      'SetParticipantData value a string',
      () => new (js(SetParticipantData))('S', [{ attribute: 'a', value: 'x' }]),
      'GC1008',
      'SetParticipantData S',
      /value of attribute a is not an expression/,
    ],
    [
      'GetParticipantData without attributes',
      () => new (js(GetParticipantData))('S'),
      'GC1016',
      'GetParticipantData S',
      /^the attribute list is missing$/,
    ],
    [
      'GetParticipantData attribute 5',
      () => new (js(GetParticipantData))('S', [{ attribute: 5, into: tier }]),
      'GC1016',
      'GetParticipantData S',
      /attribute name is not a string/,
    ],
    [
      'GetParticipantData without into',
      () => new (js(GetParticipantData))('S', [{ attribute: 'a' }]),
      'GC1016',
      'GetParticipantData S',
      /variable of attribute a is missing/,
    ],
    [
      'GetParticipantData into a string',
      () => new (js(GetParticipantData))('S', [{ attribute: 'a', into: 'Flow.Tier' }]),
      'GC1008',
      'GetParticipantData S',
      /is not a Variable/,
    ],
    [
      'CallData target without a contract',
      () => new (js(CallData))('S', { action: { integrationName: 'I', actionName: 'A' }, inputs: {} }),
      'GC1016',
      'S',
      /input contract is missing/,
    ],
    [
      'CallData inputs a string',
      () => new (js(CallData))('S', { action: contract, inputs: 'x' }),
      'GC1016',
      'S',
      /^inputs is not an object of names$/,
    ],
    [
      'DataTableLookup table without fields',
      () => new (js(DataTableLookup))('S', { table: { tableName: 'T' }, key: Expr.string('k') }),
      'GC1016',
      'S',
      /fields is missing/,
    ],
    ['TransferToFlow flow {}', () => new (js(TransferToFlow))('S', { flow: {} }), 'GC1016', 'S', /^the target flow is not a flow$/],
    ['FindQueue without props', () => new (js(FindQueue))('FQ'), 'GC1016', 'FindQueue FQ', /^queueName is missing$/],
    [
      'FindQueue queueName a string',
      () => new (js(FindQueue))('FQ', { queueName: 'Sales', onFound: [] }),
      'GC1008',
      'FindQueue FQ',
      /^queueName is not an expression$/,
    ],
    [
      'FindQueue without onFound',
      () => new (js(FindQueue))('FQ', { queueName: Expr.string('Sales') }),
      'GC1016',
      'FindQueue FQ',
      /^onFound is missing$/,
    ],
    ['HoldMusic prompt {}', () => new (js(HoldMusic))('H', { prompt: {} }), 'GC1016', 'HoldMusic H', /^prompt is not a prompt$/],
    ['InQueueCallFlow without actions', () => new (js(InQueueCallFlow))({ name: 'Q' }), 'GC1016', 'Q', /^actions is missing$/],
    [
      'InQueueCallFlow holdMusic a string',
      () => new (js(InQueueCallFlow))({ name: 'Q', holdMusic: 'x', actions: [] }),
      'GC1016',
      'Q > holdMusic',
      /^holdMusic is not a prompt$/,
    ],
    ['TransferToAcd without a queue', () => new (js(TransferToAcd))('T', {}), 'GC1016', 'TransferToAcd T', /^queue is missing$/],
    [
      'TransferToAcd inQueueFlow a string',
      () => new (js(TransferToAcd))('T', { queue: queueNamed('Q'), inQueueFlow: 'X' }),
      'GC1016',
      'TransferToAcd T',
      /^inQueueFlow is not a flow$/,
    ],
    [
      'a branch that is not a list',
      () => new (js(EvaluateSchedule))('S', { schedule: 'Hours', onActive: 'x' }),
      'GC1016',
      'EvaluateSchedule S',
      /^onActive is not a list$/,
    ],
  ])('%s: a coded problem when the action is made', (_what, make, code, path, message) => {
    const problems = made(make).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, path });
    expect(problems[0].message).toMatch(message);
    expect(problems[0].fix).toBeTruthy();
  });
});
