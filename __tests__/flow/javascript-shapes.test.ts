/**
 * A JavaScript caller (no TypeScript to stop it) that passes a wrong shape — an action without an id, a
 * list item that is not an action, a Switch without its cases, flow props of the wrong kind, a data
 * action or table without its contract — gets a coded ProblemError (code, path, the bad value, a fix)
 * when the object is made, never a TypeError at validation, rendering or simulation.
 */
import {
  CallData,
  CommonModuleFlow,
  DataTableLookup,
  Decision,
  Disconnect,
  EndSharedFlow,
  Expr,
  FindQueue,
  HoldMusic,
  InQueueCallFlow,
  InboundCallFlow,
  Loop,
  Menu,
  MenuChoice,
  PlayAudio,
  ProblemError,
  Prompt,
  Switch,
  Task,
  TransferToFlow,
  Variable,
  dataActionNamed,
  dataTableNamed,
  flowNamed,
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

/** Calls a constructor or factory the way JavaScript can: with anything. */
const js = <T>(ctor: T): new (...args: unknown[]) => unknown => ctor as unknown as new (...args: unknown[]) => unknown;
const call = <T>(fn: T): ((...args: unknown[]) => unknown) => fn as unknown as (...args: unknown[]) => unknown;

const counter = Variable.integer('Task.Attempt');
const yes = Expr.boolean(true);

/** Expects exactly one problem with this code, path and value, and a message and fix. */
function expectProblem(make: () => unknown, code: string, path: string, value: string, message: RegExp): void {
  const problems = made(make).problems;
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ code, path, value });
  expect(problems[0].message).toMatch(message);
  expect(problems[0].fix).toBeTruthy();
}

describe('an action id', () => {
  it.each<[string, (id: unknown) => unknown]>([
    ['HoldMusic', (id) => new (js(HoldMusic))(id)],
    ['Disconnect', (id) => new (js(Disconnect))(id)],
    ['PlayAudio', (id) => new (js(PlayAudio))(id, { prompt: Prompt.tts('Hi') })],
    ['TransferToFlow', (id) => new (js(TransferToFlow))(id, { flow: flowNamed('Main', 'inboundcall') })],
    ['Decision', (id) => new (js(Decision))(id, { condition: yes, yes: [], no: [] })],
    ['Switch', (id) => new (js(Switch))(id, { cases: [], default: [] })],
  ])('%s: missing or not text is GC1016 naming the action class', (kind, make) => {
    expectProblem(() => make(undefined), 'GC1016', kind, 'undefined', /^the action id is missing$/);
    expectProblem(() => make(5), 'GC1016', kind, '5', /^the action id is not a string$/);
  });
});

describe('Switch from JavaScript', () => {
  it.each<[string, unknown, string, string, string, RegExp]>([
    ['cases a string', { cases: 'abc', default: [] }, 'GC1016', 'Switch W', 'abc', /^cases is not a list$/],
    ['a case null', { cases: [null], default: [] }, 'GC1016', 'Switch W > case 1', 'null', /^the case is not an object of names$/],
    [
      'a condition a string',
      { cases: [{ condition: 'true', actions: [] }], default: [] },
      'GC1008',
      'Switch W > case 1',
      'true',
      /^condition is not an expression$/,
    ],
    ['a case without actions', { cases: [{ condition: yes }], default: [] }, 'GC1016', 'Switch W > case 1', 'undefined', /^actions is missing$/],
    [
      'a case action null',
      { cases: [{ condition: yes, actions: [null] }], default: [] },
      'GC1016',
      'Switch W > case 1 > actions[0]',
      'null',
      /is not an action$/,
    ],
    ['no default', { cases: [{ condition: yes, actions: [] }] }, 'GC1016', 'Switch W', 'undefined', /^default is missing$/],
    ['no props', undefined, 'GC1016', 'Switch W', 'undefined', /^cases is missing$/],
  ])('%s: a coded problem when made', (_what, props, code, path, value, message) => {
    expectProblem(() => new (js(Switch))('W', props), code, path, value, message);
  });
});

describe('items of action lists', () => {
  const found = { queueName: Expr.string('Sales') };
  it.each<[string, () => unknown, string, string]>([
    ['FindQueue onFound [null]', () => new (js(FindQueue))('FQ', { ...found, onFound: [null] }), 'FindQueue FQ > onFound[0]', 'null'],
    ['FindQueue onFound returning [1]', () => new (js(FindQueue))('FQ', { ...found, onFound: () => [1] }), 'FindQueue FQ > onFound[0]', '1'],
    [
      'TransferToFlow onFailure [1]',
      () => new (js(TransferToFlow))('T', { flow: flowNamed('Main', 'inboundcall'), onFailure: [1] }),
      'T > onFailure[0]',
      '1',
    ],
    ['Loop body [null]', () => new (js(Loop))('L', { counter, count: 2, body: [null] }), 'Loop L > body[0]', 'null'],
    ['Decision no [{}]', () => new (js(Decision))('D', { condition: yes, yes: [], no: [{}] }), 'Decision D > no[0]', '{}'],
    [
      'an object posing as an action (unknown kind)',
      () => new Task('T', [Object.assign(Object.create(Disconnect.prototype) as object, { id: 'X', kind: 'hold' }) as never]),
      'Task T > actions[0]',
      '{"id":"X","kind":"hold"}',
    ],
    ['Task actions [null]', () => new (js(Task))('T', [null]), 'Task T > actions[0]', 'null'],
    ['MenuChoice.runActions [null]', () => call(MenuChoice.runActions)('1', 'Run', [null]), 'MenuChoice Run > actions[0]', 'null'],
    ['InQueueCallFlow actions [null]', () => new (js(InQueueCallFlow))({ name: 'Hold', actions: [null] }), 'Hold > actions[0]', 'null'],
    [
      'CommonModuleFlow actions [null]',
      () => new (js(CommonModuleFlow))({ name: 'Lookup', outcomes: ['done'], actions: [new EndSharedFlow('End', 'done'), null] }),
      'Lookup > actions[1]',
      'null',
    ],
  ])('%s: GC1016 with the index and the value', (_what, make, path, value) => {
    expectProblem(make, 'GC1016', path, value, /\[\d+\] is not an action$/);
  });

  it('accepts a list of real actions', () => {
    expect(() => new Task('T', [new Decision('D', { condition: yes, yes: [new HoldMusic('H')], no: [] }), new Disconnect('Bye')])).not.toThrow();
  });
});

describe('flow definition props from JavaScript', () => {
  const main = new Task('Main', [new Disconnect('Bye')]);
  const inbound = { name: 'IVR', initialGreeting: Prompt.tts('Hi'), startUp: main, tasks: [main] };
  const hold = { name: 'Hold', actions: [new HoldMusic('H')] };
  const module = { name: 'Lookup', outcomes: ['done'], actions: [new EndSharedFlow('End', 'done')] };
  it.each<[string, new (...args: unknown[]) => unknown, object]>([
    ['InQueueCallFlow', js(InQueueCallFlow), hold],
    ['InboundCallFlow', js(InboundCallFlow), inbound],
    ['CommonModuleFlow', js(CommonModuleFlow), module],
  ])('%s: one shared check of name, texts and variables', (kind, Flow, good) => {
    const name = (good as { name: string }).name;
    expect(() => new Flow(good)).not.toThrow();
    expectProblem(() => new Flow(null), 'GC1016', kind, 'null', /^the props are not an object$/);
    expectProblem(() => new Flow({ ...good, name: 5 }), 'GC1016', `${kind} > name`, '5', /^the flow name is not a string$/);
    expectProblem(() => new Flow({ ...good, division: 7 }), 'GC1016', `${name} > division`, '7', /^division is not a string$/);
    expectProblem(() => new Flow({ ...good, variables: 'x' }), 'GC1016', name, 'x', /^variables is not a list$/);
    expectProblem(() => new Flow({ ...good, variables: [null] }), 'GC1016', `${name} > variables[0]`, 'null', /^variables\[0\] is not a Variable$/);
  });

  it('InboundCallFlow: tasks and menus are Tasks and Menus', () => {
    expectProblem(() => new (js(InboundCallFlow))({ ...inbound, tasks: [null] }), 'GC1016', 'IVR > tasks[0]', 'null', /^tasks\[0\] is not a Task$/);
    expectProblem(() => new (js(InboundCallFlow))({ ...inbound, menus: ['Main'] }), 'GC1016', 'IVR > menus[0]', 'Main', /^menus\[0\] is not a Menu$/);
    expectProblem(
      () => new (js(Menu))('M', { prompt: Prompt.tts('Press 1'), choices: [null] }),
      'GC1016',
      'Menu M > choices[0]',
      'null',
      /is not a MenuChoice$/,
    );
  });

  it('CommonModuleFlow: inputs, outputs and outcomes are lists of their kind', () => {
    expectProblem(() => new (js(CommonModuleFlow))({ ...module, inputs: [null] }), 'GC1016', 'Lookup > inputs[0]', 'null', /is not a Variable or/);
    expectProblem(() => new (js(CommonModuleFlow))({ ...module, outputs: ['Tier'] }), 'GC1016', 'Lookup > outputs[0]', 'Tier', /is not a Variable$/);
    expectProblem(() => new (js(CommonModuleFlow))({ ...module, outcomes: 'done' }), 'GC1016', 'Lookup', 'done', /^outcomes is not a list$/);
  });
});

describe('data actions and tables named from JavaScript', () => {
  const contract = { inputs: {}, outputs: {} };
  it.each<[string, () => unknown, string, string, string, RegExp]>([
    [
      'dataActionNamed without a contract',
      () => call(dataActionNamed)('CRM', 'Lookup', null),
      'GC1016',
      'dataActionNamed(CRM, Lookup)',
      'null',
      /^the contract is/,
    ],
    [
      'dataActionNamed inputs null',
      () => call(dataActionNamed)('CRM', 'Lookup', { inputs: null, outputs: {} }),
      'GC1016',
      'dataActionNamed(CRM, Lookup)',
      'null',
      /^inputs is/,
    ],
    [
      'dataActionNamed name 5',
      () => call(dataActionNamed)('CRM', 5, contract),
      'GC1016',
      'dataActionNamed(CRM, 5)',
      '5',
      /^the data action name is not a string$/,
    ],
    ['dataTableNamed fields null', () => call(dataTableNamed)('Branches', null), 'GC1016', 'dataTableNamed(Branches)', 'null', /^fields is/],
    [
      'CallData inputs null (not silently none)',
      () => new (js(CallData))('Look up', { action: dataActionNamed('CRM', 'Lookup', contract), inputs: null }),
      'GC1016',
      'Look up',
      'null',
      /^inputs is not an object of names$/,
    ],
    [
      'DataTableLookup key a string (as CallData and FindQueue refuse theirs)',
      () => new (js(DataTableLookup))('Find', { table: dataTableNamed('Branches', { queue: 'string' }), key: 'B1' }),
      'GC1008',
      'Find',
      'B1',
      /^key is not an expression$/,
    ],
  ])('%s: a coded problem when made', (_what, make, code, path, value, message) => {
    expectProblem(make, code, path, value, message);
  });
});
