/**
 * One failing definition per rule of the flow language (GC1001–GC1019; GC1019, raw actions, in raw-action.test.ts): each test breaks exactly one
 * rule and checks the code, the path of the offending node and the bad value the problem reports.
 */
import {
  Action,
  Builtin,
  CallSharedFlow,
  CallSharedFlowProps,
  CollectDigits,
  CommonModuleFlow,
  CommonModuleFlowProps,
  Decision,
  Digits,
  Disconnect,
  EndSharedFlow,
  Expr,
  FLOW_ERROR_CODES,
  FlowErrorCode,
  FlowProblem,
  InboundCallFlow,
  InboundCallFlowProps,
  JumpToMenu,
  Loop,
  LoopExit,
  LoopNext,
  Menu,
  MenuChoice,
  PlayAudio,
  ProblemError,
  Prompt,
  SetOutcome,
  Task,
  TransferToAcd,
  UpdateData,
  Variable,
  assign,
  sharedFlowOutcome,
  formatProblem,
  queueNamed,
} from '../../flow';

// ---------------------------------------------------------------------------------------------------
// Builders

const PATH = 'dev/X';
const say = (id: string, text = 'Hello.') => new PlayAudio(id, { prompt: Prompt.tts(text) });
const hangUp = (id = 'Hang up') => new Disconnect(id);
const main = (...actions: Action[]) => new Task('Main', actions);
const menuOf = (id: string, ...choices: MenuChoice[]) => new Menu(id, { prompt: Prompt.tts('Choose.'), choices });

/** An inbound call flow starting in its first task. */
function inbound(tasks: Task[], extra: Partial<InboundCallFlowProps> = {}): InboundCallFlow {
  return new InboundCallFlow({ name: 'Sales IVR', initialGreeting: Prompt.tts('Hello.'), startUp: tasks[0], tasks, ...extra });
}

/** An inbound call flow starting in `menu`, with extra tasks. */
function menuFlow(menu: Menu, tasks: Task[] = [], extra: Partial<InboundCallFlowProps> = {}): InboundCallFlow {
  return new InboundCallFlow({ name: 'Sales IVR', initialGreeting: Prompt.tts('Hello.'), startUp: menu, menus: [menu], tasks, ...extra });
}

const account = Variable.string('Common.Account');
const hint = Variable.string('Common.Hint');
const score = Variable.integer('Common.Score');
type AuthOutcome = 'ok' | 'failed';

/** A shared flow: required input Account, optional input Hint, output Score, outcomes ok/failed. */
function authModule(extra: Partial<CommonModuleFlowProps<AuthOutcome>> = {}): CommonModuleFlow<AuthOutcome> {
  return new CommonModuleFlow<AuthOutcome>({
    name: 'Auth',
    inputs: [account, { variable: hint, required: false }],
    outputs: [score],
    outcomes: ['ok', 'failed'],
    actions: [new EndSharedFlow('Done', 'ok')],
    ...extra,
  });
}
const AUTH = authModule();

/** A valid call of AUTH unless `props` break it. */
function callAuth(props: Partial<CallSharedFlowProps<AuthOutcome>> = {}, id = 'Check account'): CallSharedFlow<AuthOutcome> {
  return new CallSharedFlow<AuthOutcome>(id, {
    flow: AUTH,
    inputs: { Account: Expr.string('42') },
    outcomes: { ok: [hangUp('Bye ok')], failed: [hangUp('Bye failed')] },
    ...props,
  });
}

const pin = Variable.string('Common.Pin');
const attempt = Variable.integer('Common.Attempt');
const expectedPin = Variable.string('Common.ExpectedPin');
type PinOutcome = 'success' | 'failure';

/** A shared flow with the given logic (inputs ExpectedPin, locals Pin and Attempt). */
function pinModule(actions: Action[], extra: Partial<CommonModuleFlowProps<PinOutcome>> = {}): CommonModuleFlow<PinOutcome> {
  return new CommonModuleFlow<PinOutcome>({
    name: 'PIN Auth',
    inputs: [expectedPin],
    outcomes: ['success', 'failure'],
    variables: [pin, attempt],
    actions,
    ...extra,
  });
}

// ---------------------------------------------------------------------------------------------------
// Assertions

type Definition = InboundCallFlow | CommonModuleFlow;

/**
 * Validates `def` at `dev/X`, expects a problem with `code` at exactly `path` with `value`, and (unless
 * `alone` is false) that it is the only problem: the definition breaks just that one rule.
 */
function expectProblem(def: Definition, code: FlowErrorCode, path: string, value: string, alone = true): FlowProblem {
  const problems = def.validate(PATH);
  const codes = problems.map((p) => p.code);
  expect(codes).toContain(code);
  if (alone) expect(codes).toEqual([code]);
  expect(problems.filter((p) => p.code === code)).toContainEqual(expect.objectContaining({ code, path, value }));
  const found = problems.find((p) => p.code === code && p.path === path && p.value === value)!;
  expect(found.message.length).toBeGreaterThan(0);
  expect(found.fix.length).toBeGreaterThan(0);
  return found;
}

function expectValid(def: Definition): void {
  expect(def.validate(PATH)).toEqual([]);
  expect(() => def.render(PATH)).not.toThrow();
}

/** The ProblemError of flow problems `fn` throws (fails the test when it throws nothing or something else). */
function thrownBy(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    for (const p of (e as ProblemError).problems) expect(p.code).toMatch(/^GC1\d{3}$/);
    return e as ProblemError;
  }
  throw new Error('expected a ProblemError, nothing was thrown');
}

// ---------------------------------------------------------------------------------------------------

describe('the error code list', () => {
  it('is exactly GC1001 to GC1023, GC1025 and GC1026, then GC1030 to GC1032 (in-queue flows), each with a description', () => {
    const expected = [...Array.from({ length: 23 }, (_, i) => `GC${1001 + i}`), 'GC1025', 'GC1026', 'GC1030', 'GC1031', 'GC1032'];
    expect(Object.keys(FLOW_ERROR_CODES)).toEqual(expected);
    for (const text of Object.values(FLOW_ERROR_CODES)) expect(text.length).toBeGreaterThan(0);
  });
});

describe('valid definitions have no problems', () => {
  it('an inbound call flow using every action kind, menus, loops and a shared-flow call', () => {
    const flowPin = Variable.string('Flow.Pin');
    const tries = Variable.integer('Flow.Tries');
    const flowScore = Variable.integer('Flow.Score');
    const flag = Variable.boolean('Flow.Flag');
    const amount = Variable.decimal('Flow.Amount');
    const work = new Task('Work', [
      new UpdateData('Init', [assign(flag, Expr.boolean(false)), assign(amount, Expr.decimal(1.5)), assign(flowPin, Expr.right(Builtin.callAni, 4))]),
      new Loop('Tries', {
        counter: tries,
        count: 3,
        body: [
          new CollectDigits('Collect PIN', {
            into: flowPin,
            digits: Digits.exactly(4),
            prompt: Prompt.tts('Enter your PIN.'),
            onSuccess: [
              new Decision('Good PIN?', { condition: flowPin.ref().equals('1234'), yes: [new LoopExit('Accept')], no: [new LoopNext('Again')] }),
            ],
            onFailure: [say('Nothing entered')],
          }),
        ],
      }),
      callAuth({ inputs: { Account: Expr.append(flowPin.ref(), Builtin.calledAddress) }, outputs: { Score: flowScore } }),
    ]);
    const menu = menuOf(
      'Main Menu',
      MenuChoice.jumpToTask('1', 'To work', work),
      MenuChoice.transferToAcd('2', 'To queue', queueNamed('Sales')),
      MenuChoice.runActions('3', 'Inline', [say('Inline hello'), new JumpToMenu('Back', 'Main Menu')]),
      MenuChoice.disconnect('9', 'Bye'),
    );
    const def = menuFlow(menu, [work], { variables: [flowPin, tries, flowScore, flag, amount] });
    expectValid(def);
  });

  it('a shared flow with an in/out parameter, an optional input and loops', () => {
    const both = Variable.string('Common.Both');
    const def = pinModule(
      [
        new Loop('PIN attempts', {
          counter: attempt,
          count: 3,
          body: [
            new CollectDigits('Collect PIN', {
              into: pin,
              digits: Digits.exactly(4),
              onSuccess: [
                new Decision('PIN correct?', {
                  condition: pin.ref().equals(expectedPin.ref()),
                  yes: [new EndSharedFlow('Accepted', 'success')],
                  no: [],
                }),
              ],
              onFailure: [],
            }),
          ],
        }),
        new UpdateData('Copy', [assign(both, Expr.append(both.ref(), hint.ref()))]),
        new EndSharedFlow('Rejected', 'failure'),
      ],
      { inputs: [expectedPin, both, { variable: hint, required: false }], outputs: [both] },
    );
    expectValid(def);
    expectValid(AUTH);
  });

  it('a call flow may omit an optional shared-flow input and leave outputs unread', () => {
    expectValid(inbound([main(callAuth())]));
  });

  it('call data (Call.Ani, Call.CalledAddress) may be read in an inbound call flow', () => {
    const d = new Decision('Local?', {
      condition: Expr.and(Builtin.callAni.equals('+1555'), Builtin.calledAddress.notEquals('')),
      yes: [hangUp('y')],
      no: [hangUp('n')],
    });
    expectValid(inbound([main(d)]));
  });
});

describe('GC1001 invalid identifier', () => {
  it.each(['a[1', 'b]', 'c#d', 'e~f', 'g/h'])('rejects the action id %p (reference-path character)', (id) => {
    expectProblem(inbound([main(hangUp(id))]), 'GC1001', `${PATH} > tasks > Main > ${id}`, id);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['leading space', ' Hang up'],
    ['trailing space', 'Hang up '],
    ['control character', 'Hang\tup'],
    ['substitution braces', 'Hang {{up}}'],
    ['more than 200 characters', 'x'.repeat(201)],
  ])('rejects an action id that is %s', (_why, id) => {
    expectProblem(inbound([main(hangUp(id))]), 'GC1001', `${PATH} > tasks > Main > ${id}`, id);
  });

  it('accepts an id of exactly 200 characters', () => {
    expectValid(inbound([main(hangUp('x'.repeat(200)))]));
  });

  it('rejects a bad id nested in a branch, naming the branch in the path', () => {
    const d = new Decision('Check', { condition: Expr.boolean(true), yes: [hangUp('Yes/No')], no: [hangUp('n')] });
    expectProblem(inbound([main(d)]), 'GC1001', `${PATH} > tasks > Main > Check > yes > Yes/No`, 'Yes/No');
  });

  it('rejects a task id, a menu id and a menu-choice id with a forbidden character', () => {
    const t = new Task('Task#1', [hangUp()]);
    expectProblem(inbound([t]), 'GC1001', `${PATH} > tasks > Task#1`, 'Task#1');

    const m = menuOf('Menu[1]', MenuChoice.disconnect('9', 'Bye'));
    expectProblem(menuFlow(m), 'GC1001', `${PATH} > menus > Menu[1]`, 'Menu[1]');

    const m2 = menuOf('Main Menu', MenuChoice.disconnect('9', 'Bye~now'));
    expectProblem(menuFlow(m2), 'GC1001', `${PATH} > menus > Main Menu > Bye~now`, 'Bye~now');
  });

  it('rejects a bad action id in a shared flow', () => {
    expectProblem(pinModule([new EndSharedFlow('Done/1', 'success')]), 'GC1001', `${PATH} > startUpTaskActions > Done/1`, 'Done/1');
  });
});

describe('GC1002 duplicate identifier', () => {
  it('rejects an action id used in two tasks, naming where it was first used', () => {
    const menu = menuOf('M', MenuChoice.jumpToTask('1', 'To A', 'A'), MenuChoice.jumpToTask('2', 'To B', 'B'));
    const def = menuFlow(menu, [new Task('A', [hangUp('Bye')]), new Task('B', [hangUp('Bye')])]);
    const p = expectProblem(def, 'GC1002', `${PATH} > tasks > B > Bye`, 'Bye');
    expect(p.message).toContain(`${PATH} > tasks > A > Bye`);
  });

  it('rejects an action id equal to a task id', () => {
    const p = expectProblem(inbound([main(hangUp('Main'))]), 'GC1002', `${PATH} > tasks > Main > Main`, 'Main');
    expect(p.message).toContain(`${PATH} > tasks > Main`);
  });

  it('rejects the same id in both branches of a decision', () => {
    const d = new Decision('Check', { condition: Expr.boolean(true), yes: [hangUp('Bye')], no: [hangUp('Bye')] });
    expectProblem(inbound([main(d)]), 'GC1002', `${PATH} > tasks > Main > Check > no > Bye`, 'Bye');
  });

  it('rejects a menu-choice id equal to an action id', () => {
    const t = new Task('Work', [hangUp('Bye')]);
    const menu = menuOf('M', MenuChoice.jumpToTask('1', 'Go', t), MenuChoice.disconnect('9', 'Bye'));
    expectProblem(menuFlow(menu, [t]), 'GC1002', `${PATH} > menus > M > Bye`, 'Bye');
  });

  it('rejects a menu id equal to a task id', () => {
    const menu = menuOf('Main', MenuChoice.disconnect('9', 'Bye'));
    expectProblem(inbound([main(new JumpToMenu('Go', menu))], { menus: [menu] }), 'GC1002', `${PATH} > menus > Main`, 'Main');
  });

  it('rejects two menu choices with the same digit', () => {
    const menu = menuOf('M', MenuChoice.disconnect('1', 'First'), MenuChoice.disconnect('1', 'Second'));
    const p = expectProblem(menuFlow(menu), 'GC1002', `${PATH} > menus > M > Second`, '1');
    expect(p.message).toContain('digit 1');
  });

  it('rejects a variable declared twice', () => {
    expectProblem(
      inbound([main(hangUp())], { variables: [Variable.string('Flow.V'), Variable.string('Flow.V')] }),
      'GC1002',
      `${PATH} > variables`,
      'Flow.V',
    );
  });

  it('rejects an outcome declared twice', () => {
    const def = pinModule([new EndSharedFlow('Done', 'success')], { outcomes: ['success', 'failure', 'success'] });
    expectProblem(def, 'GC1002', `${PATH} > outcomes`, 'success');
  });

  it('rejects two shared-flow calls whose outcome variables collide', () => {
    // `Check-account` and `Check account` both return their outcome in Flow.Check_account_Outcome.
    const def = inbound([main(callAuth({ outcomes: { ok: [], failed: [] } }, 'Check account'), callAuth({}, 'Check-account'))]);
    // Outcome variables belong to the whole flow, so the clash is reported with the flow's variables, naming the call.
    const p = expectProblem(def, 'GC1002', `${PATH} > variables`, 'Flow.Check_account_Outcome');
    expect(p.message).toContain("outcome variable of call 'Check-account'");
  });
});

describe('GC1003 unresolved reference', () => {
  it('rejects a jump to a menu id that is not in the flow, listing the known menus', () => {
    const real = menuOf('Real Menu', MenuChoice.disconnect('9', 'Bye'));
    const def = inbound(
      [
        main(
          new Decision('Where?', { condition: Expr.boolean(true), yes: [new JumpToMenu('Go real', real)], no: [new JumpToMenu('Go', 'Nowhere')] }),
        ),
      ],
      { menus: [real] },
    );
    const p = expectProblem(def, 'GC1003', `${PATH} > tasks > Main > Where? > no > Go`, 'Nowhere');
    expect(p.message).toContain('Real Menu');
  });

  it('rejects a jump to a Menu object that is not in the flow', () => {
    const stranger = menuOf('Stranger', MenuChoice.disconnect('9', 'Bye'));
    expectProblem(inbound([main(new JumpToMenu('Go', stranger))]), 'GC1003', `${PATH} > tasks > Main > Go`, 'Stranger');
  });

  it('rejects a jump to a Menu object that only shares its id with a menu of the flow', () => {
    const real = menuOf('M', MenuChoice.disconnect('9', 'Bye'));
    const lookalike = menuOf('M', MenuChoice.disconnect('8', 'Other bye'));
    const d = new Decision('Where?', {
      condition: Expr.boolean(true),
      yes: [new JumpToMenu('Go real', real)],
      no: [new JumpToMenu('Go fake', lookalike)],
    });
    expectProblem(inbound([main(d)], { menus: [real] }), 'GC1003', `${PATH} > tasks > Main > Where? > no > Go fake`, 'M');
  });

  it('rejects a menu choice jumping to an unknown task id, listing the known tasks', () => {
    const work = new Task('Work', [hangUp()]);
    const menu = menuOf('M', MenuChoice.jumpToTask('1', 'To work', work), MenuChoice.jumpToTask('2', 'To ghost', 'Ghost'));
    const p = expectProblem(menuFlow(menu, [work]), 'GC1003', `${PATH} > menus > M > To ghost`, 'Ghost');
    expect(p.message).toContain('Work');
  });

  it('rejects a menu choice jumping to a Task object that is not in the flow', () => {
    const stray = new Task('Stray', [hangUp()]);
    expectProblem(menuFlow(menuOf('M', MenuChoice.jumpToTask('1', 'To stray', stray))), 'GC1003', `${PATH} > menus > M > To stray`, 'Stray');
  });

  it('rejects a menu choice jumping to a Task object that only shares its id with a task of the flow', () => {
    const work = new Task('Work', [hangUp()]);
    const lookalike = new Task('Work', [hangUp('Other')]);
    const menu = menuOf('M', MenuChoice.jumpToTask('1', 'To work', work), MenuChoice.jumpToTask('2', 'To lookalike', lookalike));
    expectProblem(menuFlow(menu, [work]), 'GC1003', `${PATH} > menus > M > To lookalike`, 'Work');
  });

  it('rejects a startUp Task object that is not in the flow', () => {
    const stray = new Task('Stray', [hangUp('Stray bye')]);
    expectProblem(
      inbound([main(hangUp())], { initialGreeting: Prompt.tts('Hello.'), startUp: stray }),
      'GC1003',
      `${PATH} > startUp`,
      'Stray',
      false,
    );
  });

  it('rejects a startUp naming no task or menu (the tasks are then unreachable too)', () => {
    expectProblem(
      inbound([main(hangUp())], { initialGreeting: Prompt.tts('Hello.'), startUp: 'Mian' }),
      'GC1003',
      `${PATH} > startUp`,
      'Mian',
      false,
    );
  });
});

describe('GC1004 unreachable node', () => {
  it('rejects an action after a Disconnect', () => {
    expectProblem(inbound([main(hangUp(), say('Too late'))]), 'GC1004', `${PATH} > tasks > Main > Too late`, 'Too late');
  });

  it('rejects an action after a JumpToMenu', () => {
    const menu = menuOf('M', MenuChoice.disconnect('9', 'Bye'));
    expectProblem(
      inbound([main(new JumpToMenu('Go', menu), say('Too late'))], { menus: [menu] }),
      'GC1004',
      `${PATH} > tasks > Main > Too late`,
      'Too late',
    );
  });

  it('rejects an action after a decision whose branches both end', () => {
    const d = new Decision('Check', { condition: Expr.boolean(true), yes: [hangUp('y')], no: [hangUp('n')] });
    expectProblem(inbound([main(d, say('After'))]), 'GC1004', `${PATH} > tasks > Main > After`, 'After');
  });

  it('rejects an action after a transfer whose failure path ends', () => {
    const t = new TransferToAcd('Transfer', { queue: queueNamed('Sales'), onFailure: [hangUp('Failed')] });
    expectProblem(inbound([main(t, say('After'))]), 'GC1004', `${PATH} > tasks > Main > After`, 'After');
  });

  it('rejects an action after a loop whose body always ends the call', () => {
    const n = Variable.integer('Flow.N');
    const loop = new Loop('Loop', { counter: n, count: 2, body: [hangUp('Inside')] });
    expectProblem(inbound([main(loop, hangUp('After'))], { variables: [n] }), 'GC1004', `${PATH} > tasks > Main > After`, 'After');
  });

  it('rejects an action after LoopExit inside a loop body', () => {
    const n = Variable.integer('Flow.N');
    const loop = new Loop('Loop', { counter: n, count: 2, body: [new LoopExit('Leave'), say('Dead')] });
    expectProblem(inbound([main(loop, hangUp())], { variables: [n] }), 'GC1004', `${PATH} > tasks > Main > Loop > loop > Dead`, 'Dead');
  });

  it('rejects an action after EndSharedFlow in a shared flow', () => {
    expectProblem(pinModule([new EndSharedFlow('Done', 'success'), say('After')]), 'GC1004', `${PATH} > startUpTaskActions > After`, 'After');
  });

  it('rejects an unreachable action inside an inline menu choice', () => {
    const menu = menuOf('M', MenuChoice.runActions('1', 'Inline', [hangUp('Bye'), say('Dead')]));
    expectProblem(menuFlow(menu), 'GC1004', `${PATH} > menus > M > Inline > Dead`, 'Dead');
  });

  it('rejects a task never reached from startUp', () => {
    expectProblem(inbound([main(hangUp()), new Task('Orphan', [hangUp('Orphan bye')])]), 'GC1004', `${PATH} > tasks > Orphan`, 'Orphan');
  });

  it('rejects a menu never reached from startUp', () => {
    const orphan = menuOf('Orphan Menu', MenuChoice.disconnect('9', 'Bye'));
    expectProblem(inbound([main(hangUp())], { menus: [orphan] }), 'GC1004', `${PATH} > menus > Orphan Menu`, 'Orphan Menu');
  });

  it('rejects a task reached only from an unreachable menu (reachability follows jumps)', () => {
    const orphanTask = new Task('Orphan', [hangUp('Orphan bye')]);
    const orphanMenu = menuOf('Orphan Menu', MenuChoice.jumpToTask('1', 'To orphan', orphanTask));
    const problems = inbound([main(hangUp()), orphanTask], { menus: [orphanMenu] }).validate(PATH);
    expect(problems.map((p) => [p.code, p.path, p.value])).toEqual([
      ['GC1004', `${PATH} > tasks > Orphan`, 'Orphan'],
      ['GC1004', `${PATH} > menus > Orphan Menu`, 'Orphan Menu'],
    ]);
  });

  it('counts a menu reached from an inline menu choice, and the task it leads to, as reachable', () => {
    const details = new Task('Details', [hangUp('Details bye')]);
    const more = menuOf('More', MenuChoice.jumpToTask('1', 'To details', details));
    const start = menuOf('Start', MenuChoice.runActions('1', 'Inline', [say('Intro'), new JumpToMenu('To more', more)]));
    expectValid(
      new InboundCallFlow({ name: 'Sales IVR', initialGreeting: Prompt.tts('Hello.'), startUp: start, menus: [start, more], tasks: [details] }),
    );
  });

  it('counts a task reached through a menu that a task jumps to as reachable', () => {
    const second = new Task('Second', [hangUp('Second bye')]);
    const menu = menuOf('M', MenuChoice.jumpToTask('1', 'To second', second));
    expectValid(inbound([main(new JumpToMenu('Go', menu)), second], { menus: [menu] }));
  });
});

describe('GC1005 path does not end in a terminal action', () => {
  it('rejects a task whose collect failure path falls off the end', () => {
    const p = Variable.string('Flow.Pin');
    const collect = new CollectDigits('Collect PIN', { into: p, digits: Digits.exactly(4), onSuccess: [hangUp('Done')], onFailure: [] });
    expectProblem(inbound([main(collect)], { variables: [p] }), 'GC1005', `${PATH} > tasks > Main > Collect PIN`, 'Collect PIN');
  });

  it('rejects a task ending in an action that continues', () => {
    expectProblem(inbound([main(say('Only talk'))]), 'GC1005', `${PATH} > tasks > Main > Only talk`, 'Only talk');
  });

  it('rejects a task without actions', () => {
    expectProblem(inbound([main()]), 'GC1005', `${PATH} > tasks > Main`, '(no actions)');
  });

  it('rejects a task ending in a transfer without failure handling (a transfer can fail)', () => {
    expectProblem(
      inbound([main(new TransferToAcd('Transfer', { queue: queueNamed('Sales') }))]),
      'GC1005',
      `${PATH} > tasks > Main > Transfer`,
      'Transfer',
    );
  });

  it('rejects a task ending in a loop that can run out', () => {
    const n = Variable.integer('Flow.N');
    const loop = new Loop('Loop', {
      counter: n,
      count: 3,
      body: [new Decision('Check', { condition: Expr.boolean(true), yes: [hangUp()], no: [new LoopNext('Again')] })],
    });
    expectProblem(inbound([main(loop)], { variables: [n] }), 'GC1005', `${PATH} > tasks > Main > Loop`, 'Loop');
  });

  it('rejects a shared-flow call with an outcome branch that falls off the end of the task', () => {
    expectProblem(
      inbound([main(callAuth({ outcomes: { ok: [hangUp('Bye ok')], failed: [] } }))]),
      'GC1005',
      `${PATH} > tasks > Main > Check account`,
      'Check account',
    );
  });

  it('rejects a shared flow whose path does not end with EndSharedFlow', () => {
    const loop = new Loop('PIN attempts', {
      counter: attempt,
      count: 3,
      body: [
        new CollectDigits('Collect PIN', {
          into: pin,
          digits: Digits.exactly(4),
          onSuccess: [new EndSharedFlow('Accepted', 'success')],
          onFailure: [],
        }),
      ],
    });
    const p = expectProblem(pinModule([loop]), 'GC1005', `${PATH} > startUpTaskActions > PIN attempts`, 'PIN attempts');
    expect(p.fix).toContain('EndSharedFlow');
  });

  it('rejects a shared flow without actions', () => {
    expectProblem(pinModule([]), 'GC1005', `${PATH} > startUpTaskActions`, '(no actions)');
  });

  it('rejects an inline menu choice that does not end', () => {
    const menu = menuOf('M', MenuChoice.runActions('1', 'Hours', [say('Say hours')]));
    expectProblem(menuFlow(menu), 'GC1005', `${PATH} > menus > M > Hours > Say hours`, 'Say hours');
  });
});

describe('GC1006 variable not declared', () => {
  it('rejects reading an undeclared variable in a decision, listing the declared ones', () => {
    const p = Variable.string('Flow.Pin');
    const other = Variable.string('Flow.Other');
    const d = new Decision('Check', { condition: p.ref().equals('1234'), yes: [hangUp('y')], no: [hangUp('n')] });
    const problem = expectProblem(inbound([main(d)], { variables: [other] }), 'GC1006', `${PATH} > tasks > Main > Check`, 'Flow.Pin');
    expect(problem.message).toContain('Flow.Other');
  });

  it('rejects collecting digits into an undeclared variable', () => {
    const collect = new CollectDigits('Collect PIN', {
      into: Variable.string('Flow.Pin'),
      digits: Digits.exactly(4),
      onSuccess: [hangUp('s')],
      onFailure: [hangUp('f')],
    });
    expectProblem(inbound([main(collect)]), 'GC1006', `${PATH} > tasks > Main > Collect PIN`, 'Flow.Pin');
  });

  it('rejects assigning an undeclared variable', () => {
    expectProblem(
      inbound([main(new UpdateData('Set', [assign(Variable.integer('Flow.N'), Expr.integer(1))]), hangUp())]),
      'GC1006',
      `${PATH} > tasks > Main > Set`,
      'Flow.N',
    );
  });

  it('rejects an undeclared loop counter', () => {
    const loop = new Loop('Loop', { counter: Variable.integer('Flow.I'), count: 2, body: [say('Tick')] });
    expectProblem(inbound([main(loop, hangUp())]), 'GC1006', `${PATH} > tasks > Main > Loop`, 'Flow.I');
  });

  it('rejects a shared-flow output read into an undeclared variable', () => {
    expectProblem(
      inbound([main(callAuth({ outputs: { Score: Variable.integer('Flow.Score') } }))]),
      'GC1006',
      `${PATH} > tasks > Main > Check account`,
      'Flow.Score',
    );
  });

  it('rejects a shared flow reading a Common. variable it does not declare', () => {
    const d = new Decision('Check', {
      condition: Variable.string('Common.Missing').ref().equals('x'),
      yes: [new EndSharedFlow('a', 'success')],
      no: [new EndSharedFlow('b', 'failure')],
    });
    expectProblem(pinModule([d]), 'GC1006', `${PATH} > startUpTaskActions > Check`, 'Common.Missing');
  });
});

describe('GC1007 variable in the wrong scope', () => {
  it('rejects a Common. variable in an inbound call flow', () => {
    const p = expectProblem(inbound([main(hangUp())], { variables: [Variable.string('Common.X')] }), 'GC1007', `${PATH} > variables`, 'Common.X');
    expect(p.fix).toContain('Flow.X');
  });

  it('rejects a variable without scope', () => {
    expectProblem(inbound([main(hangUp())], { variables: [Variable.string('Pin')] }), 'GC1007', `${PATH} > variables`, 'Pin');
  });

  it('rejects Flow. variables in a shared flow (variables, inputs and outputs)', () => {
    const p = expectProblem(
      pinModule([new EndSharedFlow('Done', 'success')], { variables: [Variable.string('Flow.X')] }),
      'GC1007',
      `${PATH} > variables`,
      'Flow.X',
    );
    expect(p.fix).toContain('Common.X');
    expectProblem(
      pinModule([new EndSharedFlow('Done', 'success')], { inputs: [Variable.string('Flow.In')] }),
      'GC1007',
      `${PATH} > inputs`,
      'Flow.In',
    );
    expectProblem(
      pinModule([new EndSharedFlow('Done', 'success')], { outputs: [Variable.string('Flow.Out')] }),
      'GC1007',
      `${PATH} > outputs`,
      'Flow.Out',
    );
  });

  it('rejects call data (Call.Ani) in a shared flow', () => {
    const d = new Decision('Local caller?', {
      condition: Builtin.callAni.equals('+1555'),
      yes: [new EndSharedFlow('a', 'success')],
      no: [new EndSharedFlow('b', 'failure')],
    });
    const p = expectProblem(pinModule([d]), 'GC1007', `${PATH} > startUpTaskActions > Local caller?`, 'Call.Ani == "+1555"');
    expect(p.message).toContain('call data');
  });

  it('rejects Call.CalledAddress, and Call. inside raw text, in a shared flow', () => {
    expectProblem(
      pinModule([new UpdateData('Dialled', [assign(pin, Builtin.calledAddress)]), new EndSharedFlow('Done', 'success')]),
      'GC1007',
      `${PATH} > startUpTaskActions > Dialled`,
      'Call.CalledAddress',
    );
    expectProblem(
      pinModule([new UpdateData('Raw', [assign(pin, Expr.raw('string', 'Right(Call.Ani, 4)'))]), new EndSharedFlow('Done', 'success')]),
      'GC1007',
      `${PATH} > startUpTaskActions > Raw`,
      'Right(Call.Ani, 4)',
    );
  });
});

describe('GC1008 type mismatch', () => {
  it('rejects an UpdateData assignment of the wrong type', () => {
    const n = Variable.integer('Flow.N');
    const wrong = new UpdateData('Set count', [{ variable: n, value: Expr.string('three') } as never]);
    const p = expectProblem(inbound([main(wrong, hangUp())], { variables: [n] }), 'GC1008', `${PATH} > tasks > Main > Set count`, '"three"', false);
    expect(p.message).toContain('string but integer is required');
    expect(
      new Set(
        inbound([main(wrong, hangUp())], { variables: [n] })
          .validate(PATH)
          .map((x) => x.code),
      ),
    ).toEqual(new Set(['GC1008']));
  });

  it('rejects a decision condition built with Expr.raw of another type than boolean', () => {
    const d = new Decision('Check', { condition: Expr.raw('string', 'Flow.Anything') as never, yes: [hangUp('y')], no: [hangUp('n')] });
    const p = expectProblem(inbound([main(d)]), 'GC1008', `${PATH} > tasks > Main > Check`, 'Flow.Anything');
    expect(p.message).toContain('condition is string but boolean is required');
  });

  it('rejects comparing a string with an integer (the types forced by a cast)', () => {
    const p = Variable.string('Flow.Pin');
    const d = new Decision('Check', { condition: p.ref().equals(Expr.integer(1234) as never), yes: [hangUp('y')], no: [hangUp('n')] });
    const problem = expectProblem(inbound([main(d)], { variables: [p] }), 'GC1008', `${PATH} > tasks > Main > Check`, 'Flow.Pin == 1234');
    expect(problem.message).toContain('compares string with integer');
  });

  it('rejects and/not applied to non-booleans', () => {
    const p = Variable.string('Flow.Pin');
    const and = new Decision('And', { condition: Expr.and(p.ref() as never, Expr.boolean(true)), yes: [hangUp('y')], no: [hangUp('n')] });
    expectProblem(inbound([main(and)], { variables: [p] }), 'GC1008', `${PATH} > tasks > Main > And`, 'Flow.Pin and true');
    const not = new Decision('Not', { condition: Expr.not(Expr.integer(1) as never), yes: [hangUp('y')], no: [hangUp('n')] });
    expectProblem(inbound([main(not)]), 'GC1008', `${PATH} > tasks > Main > Not`, 'not 1');
  });

  it('rejects a variable used with another type than it is declared with', () => {
    const declared = Variable.integer('Flow.V');
    const used = Variable.string('Flow.V');
    const d = new Decision('Check', { condition: used.ref().equals('1'), yes: [hangUp('y')], no: [hangUp('n')] });
    expectProblem(inbound([main(d)], { variables: [declared] }), 'GC1008', `${PATH} > tasks > Main > Check`, 'Flow.V');
  });

  it('rejects collecting digits into a non-string variable', () => {
    const n = Variable.integer('Flow.N');
    const collect = new CollectDigits('Collect', { into: n as never, digits: Digits.exactly(4), onSuccess: [hangUp('s')], onFailure: [hangUp('f')] });
    expectProblem(inbound([main(collect)], { variables: [n] }), 'GC1008', `${PATH} > tasks > Main > Collect`, 'Flow.N');
  });

  it('rejects a shared-flow input of the wrong type', () => {
    const p = expectProblem(
      inbound([main(callAuth({ inputs: { Account: Expr.integer(42) as never } }))]),
      'GC1008',
      `${PATH} > tasks > Main > Check account`,
      '42',
    );
    expect(p.message).toContain('input Account is integer but string is required');
  });

  it('rejects a shared-flow output read into a variable of another type', () => {
    const t = Variable.string('Flow.T');
    expectProblem(
      inbound([main(callAuth({ outputs: { Score: t } }))], { variables: [t] }),
      'GC1008',
      `${PATH} > tasks > Main > Check account`,
      'Flow.T',
    );
  });
});

describe('GC1009–GC1013 shared-flow calls', () => {
  it('GC1009 rejects a call missing a required input', () => {
    const p = expectProblem(inbound([main(callAuth({ inputs: {} }))]), 'GC1009', `${PATH} > tasks > Main > Check account`, 'Account');
    expect(p.message).toContain("'Auth'");
  });

  it('GC1009 rejects a call with no inputs at all', () => {
    expectProblem(inbound([main(callAuth({ inputs: undefined }))]), 'GC1009', `${PATH} > tasks > Main > Check account`, 'Account');
  });

  it('GC1010 rejects an input the shared flow does not declare', () => {
    const p = expectProblem(
      inbound([main(callAuth({ inputs: { Account: Expr.string('42'), Acount: Expr.string('43') } }))]),
      'GC1010',
      `${PATH} > tasks > Main > Check account`,
      'Acount',
    );
    expect(p.message).toContain('Account');
  });

  it('GC1011 rejects reading an output the shared flow does not declare', () => {
    const s = Variable.integer('Flow.S');
    expectProblem(
      inbound([main(callAuth({ outputs: { Scor: s } }))], { variables: [s] }),
      'GC1011',
      `${PATH} > tasks > Main > Check account`,
      'Scor',
    );
  });

  it('GC1012 rejects a call that does not handle an outcome', () => {
    expectProblem(
      inbound([main(callAuth({ outcomes: { ok: [hangUp('Bye ok')] } as never }))]),
      'GC1012',
      `${PATH} > tasks > Main > Check account`,
      'failed',
    );
  });

  it('GC1012 rejects a call handling an outcome the shared flow does not have', () => {
    const outcomes = { ok: [hangUp('Bye ok')], failed: [hangUp('Bye failed')], maybe: [hangUp('Bye maybe')] };
    expectProblem(inbound([main(callAuth({ outcomes } as never))]), 'GC1012', `${PATH} > tasks > Main > Check account`, 'maybe');
  });

  it('GC1012 rejects EndSharedFlow with an undeclared outcome, listing the declared ones', () => {
    const p = expectProblem(pinModule([new EndSharedFlow('Done', 'succes')]), 'GC1012', `${PATH} > startUpTaskActions > Done`, 'succes');
    expect(p.message).toContain('success, failure');
  });

  it('GC1014 rejects writing the outcome with UpdateData (only SetOutcome may, so it is always a declared outcome)', () => {
    const write = new UpdateData('Sneaky', [assign(sharedFlowOutcome(), Expr.string('platinum'))]);
    expectProblem(
      pinModule([new SetOutcome('Default', 'failure'), write, new EndSharedFlow('Done')]),
      'GC1014',
      `${PATH} > startUpTaskActions > Sneaky`,
      'Common.Outcome',
    );
  });

  it('GC1012 rejects SetOutcome with an undeclared outcome', () => {
    expectProblem(pinModule([new SetOutcome('Set', 'succes'), new EndSharedFlow('Done')]), 'GC1012', `${PATH} > startUpTaskActions > Set`, 'succes');
  });

  it('GC1012 rejects EndSharedFlow without an outcome in a module that never sets one', () => {
    const p = expectProblem(pinModule([say('Hi'), new EndSharedFlow('Done')]), 'GC1012', `${PATH} > startUpTaskActions > Done`, 'Done');
    expect(p.fix).toContain('SetOutcome');
  });

  it('accepts SetOutcome in branches and one trailing EndSharedFlow without an outcome', () => {
    expectValid(
      pinModule([
        new SetOutcome('Assume failure', 'failure'),
        new Decision('Lucky?', { condition: Expr.boolean(true), yes: [new SetOutcome('Lucky', 'success')], no: [] }),
        new EndSharedFlow('Done'),
      ]),
    );
  });

  describe('GC1012: every path to an EndSharedFlow without an outcome sets one first', () => {
    const lucky = (yes: Action[], no: Action[]) => new Decision('Lucky?', { condition: Expr.boolean(true), yes, no });

    it('rejects a path that skips the only SetOutcome (review repro: set in one branch, the other forgot), with the safe outcome in the fix', () => {
      const p = expectProblem(
        pinModule([lucky([new SetOutcome('Lucky', 'success')], [say('Forgot to set')]), new EndSharedFlow('Done')]),
        'GC1012',
        `${PATH} > startUpTaskActions > Done`,
        'Done',
      );
      expect(p.fix).toContain('SetOutcome');
      expect(p.fix).toContain("'failure'");
      expect(p.message).toContain('NOT_SET');
    });

    it('accepts a default set before the branch, and a SetOutcome in both branches', () => {
      expectValid(
        pinModule([
          new SetOutcome('Assume failure', 'failure'),
          lucky([new SetOutcome('Lucky', 'success')], [say('Unlucky')]),
          new EndSharedFlow('Done'),
        ]),
      );
      expectValid(pinModule([lucky([new SetOutcome('Lucky', 'success')], [new SetOutcome('Unlucky', 'failure')]), new EndSharedFlow('Done')]));
    });

    it('accepts a branch that ends with its own outcome while the other sets one', () => {
      expectValid(pinModule([lucky([new EndSharedFlow('Lucky end', 'success')], [new SetOutcome('Unlucky', 'failure')]), new EndSharedFlow('Done')]));
    });

    it('rejects a bare EndSharedFlow inside the branch that never set the outcome, and only there', () => {
      const def = pinModule([lucky([new SetOutcome('Lucky', 'success'), new EndSharedFlow('Lucky end')], [new EndSharedFlow('Unlucky end')])]);
      expectProblem(def, 'GC1012', `${PATH} > startUpTaskActions > Lucky? > no > Unlucky end`, 'Unlucky end');
    });

    it('rejects an outcome set only inside a loop body (the body may be left before it runs)', () => {
      const body = [
        new CollectDigits('Collect PIN', {
          into: pin,
          digits: Digits.exactly(4),
          onSuccess: [
            new Decision('PIN correct?', {
              condition: pin.ref().equals(expectedPin.ref()),
              yes: [new SetOutcome('Accepted', 'success'), new LoopExit('Leave')],
              no: [],
            }),
          ],
          onFailure: [new LoopNext('Again')],
        }),
      ];
      expectProblem(
        pinModule([new Loop('PIN attempts', { counter: attempt, count: 3, body }), new EndSharedFlow('Done')]),
        'GC1012',
        `${PATH} > startUpTaskActions > Done`,
        'Done',
      );
      const first = [new SetOutcome('Assume failure', 'failure'), new LoopExit('Leave')];
      expectProblem(
        pinModule([new Loop('Once', { counter: attempt, count: 1, body: first }), new EndSharedFlow('Done')]),
        'GC1012',
        `${PATH} > startUpTaskActions > Done`,
        'Done',
      );
      expectValid(
        pinModule([
          new SetOutcome('Assume failure', 'failure'),
          new Loop('PIN attempts', { counter: attempt, count: 3, body }),
          new EndSharedFlow('Done'),
        ]),
      );
    });

    it('inside a loop body, what was set before the loop and earlier in the body counts', () => {
      const body = [new SetOutcome('Assume failure', 'failure'), lucky([new EndSharedFlow('Early')], [new LoopNext('Again')])];
      expectValid(pinModule([new Loop('Tries', { counter: attempt, count: 2, body }), new EndSharedFlow('Done', 'failure')]));
      const unset = [lucky([new EndSharedFlow('Early')], [new LoopNext('Again')])];
      expectProblem(
        pinModule([new Loop('Tries', { counter: attempt, count: 2, body: unset }), new EndSharedFlow('Done', 'failure')]),
        'GC1012',
        `${PATH} > startUpTaskActions > Tries > loop > Lucky? > yes > Early`,
        'Early',
      );
    });
  });

  it('GC1013 rejects a shared flow calling another shared flow', () => {
    const nested = new CallSharedFlow<AuthOutcome>('Nested call', {
      flow: AUTH,
      inputs: { Account: account.ref() },
      outcomes: { ok: [new EndSharedFlow('Nested ok', 'ok')], failed: [new EndSharedFlow('Nested failed', 'failed')] },
    });
    const outer = authModule({ name: 'Outer', inputs: [account], actions: [nested] });
    expectProblem(outer, 'GC1013', `${PATH} > startUpTaskActions > Nested call`, 'Auth');
  });

  it('GC1018 rejects calling a shared flow not compatible with inbound calls', () => {
    const other = authModule({ name: 'Messaging only', compatibleFlowTypes: ['commonmodule'] });
    const c = new CallSharedFlow<AuthOutcome>('Call it', {
      flow: other,
      inputs: { Account: Expr.string('1') },
      outcomes: { ok: [hangUp('o')], failed: [hangUp('f')] },
    });
    const p = expectProblem(inbound([main(c)]), 'GC1018', `${PATH} > tasks > Main > Call it`, 'inboundcall');
    expect(p.message).toContain('Messaging only');
  });
});

describe('GC1014 invalid name', () => {
  it.each([
    ['empty', ''],
    ['blank', '  '],
    ['leading space', ' Sales'],
    ['trailing space', 'Sales '],
    ['substitution braces', 'Sales {{x}}'],
    ['closing braces', 'Sales }}'],
    ['a tab', 'Sales\tIVR'],
    ['a newline', 'Sales\nIVR'],
    ['a DEL character', 'Sales\u007f'],
    ['longer than 200 characters', 'S'.repeat(201)],
  ])('rejects a flow name that is %s', (_why, name) => {
    expectProblem(inbound([main(hangUp())], { name }), 'GC1014', PATH, name);
    expectProblem(pinModule([new EndSharedFlow('Done', 'success')], { name }), 'GC1014', PATH, name);
  });

  it('accepts a 200-character flow name with punctuation', () => {
    expectValid(inbound([main(hangUp())], { name: 'Sales / Support: #1 (EU) ' + 'x'.repeat(175) }));
  });

  it.each(['Flow.1st', 'Flow.my-var', 'Flow.has space', 'Flow._x', 'Flow.', 'Flow.a.b', 'Flow.Prüfung'])('rejects the variable name %p', (name) => {
    expectProblem(inbound([main(hangUp())], { variables: [Variable.string(name)] }), 'GC1014', `${PATH} > variables`, name);
  });

  it('rejects an invalid input name of a shared flow', () => {
    expectProblem(
      pinModule([new EndSharedFlow('Done', 'success')], { inputs: [Variable.string('Common.2nd')] }),
      'GC1014',
      `${PATH} > inputs`,
      'Common.2nd',
    );
  });

  it('rejects Common.Outcome as a shared-flow output or input (it is reserved)', () => {
    const asOutput = expectProblem(
      pinModule([new EndSharedFlow('Done', 'success')], { outputs: [Variable.string('Common.Outcome')] }),
      'GC1014',
      `${PATH} > variables`,
      'Common.Outcome',
      false,
    );
    expect(asOutput.message).toContain('reserved');
    expectProblem(
      pinModule([new EndSharedFlow('Done', 'success')], { inputs: [Variable.string('Common.Outcome')] }),
      'GC1014',
      `${PATH} > variables`,
      'Common.Outcome',
      false,
    );
  });

  it.each(['not ok', '1st', 'ok-ish', ''])('rejects the outcome name %p', (outcome) => {
    const def = new CommonModuleFlow({ name: 'M', outcomes: ['ok', outcome], actions: [new EndSharedFlow('Done', 'ok')] });
    expectProblem(def, 'GC1014', `${PATH} > outcomes`, outcome);
  });
});

describe('GC1015 loop control outside a loop', () => {
  it('rejects LoopNext in a task', () => {
    expectProblem(inbound([main(new LoopNext('Next'))]), 'GC1015', `${PATH} > tasks > Main > Next`, 'Next');
  });

  it('rejects LoopExit in a decision branch of a shared flow', () => {
    const d = new Decision('Check', { condition: Expr.boolean(true), yes: [new LoopExit('Leave')], no: [] });
    expectProblem(pinModule([d, new EndSharedFlow('After', 'failure')]), 'GC1015', `${PATH} > startUpTaskActions > Check > yes > Leave`, 'Leave');
  });

  it('rejects LoopExit in an inline menu choice', () => {
    expectProblem(
      menuFlow(menuOf('M', MenuChoice.runActions('1', 'Inline', [new LoopExit('Leave')]))),
      'GC1015',
      `${PATH} > menus > M > Inline > Leave`,
      'Leave',
    );
  });

  it('accepts LoopNext and LoopExit nested in branches inside a loop body', () => {
    const n = Variable.integer('Flow.N');
    const body = [new Decision('Check', { condition: n.ref().greaterThan(1), yes: [new LoopExit('Leave')], no: [new LoopNext('Again')] })];
    expectValid(inbound([main(new Loop('Loop', { counter: n, count: 3, body }), hangUp())], { variables: [n] }));
  });
});

describe('GC1016 invalid value', () => {
  it.each<[string, () => unknown, string]>([
    ['Digits.exactly(0)', () => Digits.exactly(0), '0'],
    ['Digits.exactly(33)', () => Digits.exactly(33), '33'],
    ['Digits.exactly(2.5)', () => Digits.exactly(2.5), '2.5'],
    ['Digits.between(0, 4)', () => Digits.between(0, 4), '0'],
    ['Digits.between(6, 4)', () => Digits.between(6, 4), '6..4'],
    ['Loop count 0', () => new Loop('Retry', { counter: Variable.integer('Flow.N'), count: 0, body: [] }), '0'],
    ['Loop count 101', () => new Loop('Retry', { counter: Variable.integer('Flow.N'), count: 101, body: [] }), '101'],
    ['Loop count 1.5', () => new Loop('Retry', { counter: Variable.integer('Flow.N'), count: 1.5, body: [] }), '1.5'],
    ["Prompt.tts('')", () => Prompt.tts(''), ''],
    ["Prompt.tts('   ')", () => Prompt.tts('   '), '   '],
    [
      'CollectDigits noEntryTimeoutSeconds 0',
      () =>
        new CollectDigits('Collect', {
          into: Variable.string('Flow.P'),
          digits: Digits.exactly(4),
          noEntryTimeoutSeconds: 0,
          onSuccess: [],
          onFailure: [],
        }),
      '0',
    ],
    [
      'CollectDigits interDigitTimeoutSeconds 61',
      () =>
        new CollectDigits('Collect', {
          into: Variable.string('Flow.P'),
          digits: Digits.exactly(4),
          interDigitTimeoutSeconds: 61,
          onSuccess: [],
          onFailure: [],
        }),
      '61',
    ],
    ["MenuChoice digit '#'", () => MenuChoice.disconnect('#' as never, 'Bye'), '#'],
    ["MenuChoice digit '10'", () => MenuChoice.disconnect('10' as never, 'Bye'), '10'],
    ['TransferToAcd priority 1.5', () => new TransferToAcd('Transfer', { queue: queueNamed('Sales'), priority: 1.5 }), '1.5'],
  ])('%s throws at construction', (_what, make, value) => {
    expect(make).toThrow(/GC1016/);
    const error = thrownBy(make);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ code: 'GC1016', value });
  });

  it('names the action in the path of a construction error', () => {
    expect(thrownBy(() => new Loop('Retry', { counter: Variable.integer('Flow.N'), count: 0, body: [] })).problems[0].path).toBe('Loop Retry');
    expect(thrownBy(() => new TransferToAcd('To Sales', { queue: queueNamed('Sales'), priority: 0.5 })).problems[0].path).toBe(
      'TransferToAcd To Sales',
    );
    expect(
      thrownBy(
        () =>
          new CollectDigits('Collect PIN', {
            into: Variable.string('Flow.P'),
            digits: Digits.exactly(4),
            noEntryTimeoutSeconds: 0,
            onSuccess: [],
            onFailure: [],
          }),
      ).problems[0].path,
    ).toBe('CollectDigits Collect PIN');
  });

  it('accepts the boundary values', () => {
    expect(() => Digits.exactly(1)).not.toThrow();
    expect(() => Digits.exactly(32)).not.toThrow();
    expect(() => Digits.between(4, 4)).not.toThrow();
    expect(() => new Loop('L', { counter: Variable.integer('Flow.N'), count: 100, body: [] })).not.toThrow();
    expect(
      () =>
        new CollectDigits('C', {
          into: Variable.string('Flow.P'),
          digits: Digits.exactly(1),
          noEntryTimeoutSeconds: 60,
          interDigitTimeoutSeconds: 1,
          onSuccess: [],
          onFailure: [],
        }),
    ).not.toThrow();
    expect(() => new TransferToAcd('T', { queue: queueNamed('Q'), priority: -5 })).not.toThrow();
  });

  it('rejects a shared flow without outcomes', () => {
    const def = new CommonModuleFlow({ name: 'No outcomes', outcomes: [], actions: [new EndSharedFlow('Done', 'ok')] });
    // EndSharedFlow('ok') is then also an undeclared outcome (GC1012).
    expectProblem(def, 'GC1016', `${PATH} > outcomes`, '[]', false);
  });
});

describe('GC1017 action not allowed in this flow type', () => {
  it('rejects EndSharedFlow in an inbound call flow', () => {
    expectProblem(inbound([main(new EndSharedFlow('End', 'success'))]), 'GC1017', `${PATH} > tasks > Main > End`, 'End');
  });

  it('rejects SetOutcome in an inbound call flow', () => {
    expectProblem(inbound([main(new SetOutcome('Set', 'success'), hangUp('Bye'))]), 'GC1017', `${PATH} > tasks > Main > Set`, 'Set');
  });

  it('rejects JumpToMenu in a shared flow', () => {
    expectProblem(pinModule([new JumpToMenu('Jump', 'Main Menu')]), 'GC1017', `${PATH} > startUpTaskActions > Jump`, 'Jump');
  });
});

describe('render', () => {
  it('throws a ProblemError listing every problem, not just the first', () => {
    const def = inbound([main(new LoopNext('Next'), say('After')), new Task('Orphan', [new EndSharedFlow('End', 'x')])], {
      name: ' Sales',
      variables: [Variable.string('Common.X')],
    });
    const expected = def.validate(PATH);
    expect(new Set(expected.map((p) => p.code))).toEqual(new Set(['GC1014', 'GC1007', 'GC1015', 'GC1004', 'GC1017']));

    const error = thrownBy(() => def.render(PATH));
    expect(error.name).toBe('ProblemError');
    expect(error.problems).toEqual(expected);
    expect(error.message).toContain(`${expected.length} problem(s) in flow definition:`);
    for (const p of expected) expect(error.message).toContain(formatProblem(p));
    expect(error.message).toContain(`GC1015 [${PATH} > tasks > Main > Next]`);
    expect(error.message).toContain(`GC1004 [${PATH} > tasks > Orphan]`);
  });

  it('uses the flow name as the path by default', () => {
    const error = thrownBy(() => inbound([main(say('Only talk'))]).render());
    expect(error.problems[0].path).toBe('Sales IVR > tasks > Main > Only talk');
  });

  it('formats a problem with code, path, message, quoted value and fix', () => {
    const [p] = inbound([main(hangUp('a/b'))]).validate(PATH);
    expect(formatProblem(p)).toBe(`GC1001 [${PATH} > tasks > Main > a/b] ${p.message} (value: "a/b"). Fix: ${p.fix}`);
  });

  it('renders a valid flow', () => {
    const rendered = inbound([main(hangUp())]).render(PATH);
    expect(rendered.type).toBe('inboundcall');
    expect(rendered.name).toBe('Sales IVR');
    expect(rendered.yaml).toContain('inboundCall:');
  });
});
