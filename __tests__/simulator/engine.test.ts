import {
  Action,
  Builtin,
  CallSharedFlow,
  CollectDigits,
  CommonModuleFlow,
  Decision,
  Digits,
  Disconnect,
  EndSharedFlow,
  Expr,
  GetParticipantData,
  InQueueCallFlow,
  InboundCallFlow,
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
  queueNamed,
} from '../../flow';
import { ScriptError, SimulationStop, evaluate, simulateCall } from '../../simulator';
import { problemsThrownBy } from '../support/fixtures';

const say = (id: string, text = id) => new PlayAudio(id, { prompt: Prompt.tts(text) });
const flow = (tasks: Task[], extra: Partial<ConstructorParameters<typeof InboundCallFlow>[0]> = {}) =>
  new InboundCallFlow({ name: 'Sim', initialGreeting: Prompt.tts('Hello.'), startUp: tasks[0], tasks, ...extra });

describe('every action kind', () => {
  it('menus: transfer, disconnect, jump to a task, inline actions, and back to a menu', () => {
    const n = Variable.integer('Flow.N');
    const helpTask = new Task('Help', [
      say('Help text'),
      new UpdateData('Count', [assign(n, Expr.plus(n.ref(), 1))]),
      new JumpToMenu('Back', 'Main Menu'),
    ]);
    const menu = new Menu('Main Menu', {
      prompt: Prompt.tts('Press 1 for sales, 2 for help, 3 for hours, 9 to hang up.'),
      choices: [
        MenuChoice.transferToAcd('1', 'Sales', queueNamed('Sales')),
        MenuChoice.jumpToTask('2', 'Get help', helpTask),
        MenuChoice.runActions('3', 'Hours', [say('Open 8 to 6'), new Disconnect('Bye')]),
        MenuChoice.disconnect('9', 'Hang up'),
      ],
    });
    const def = new InboundCallFlow({
      name: 'Menus',
      initialGreeting: Prompt.tts('Hello.'),
      startUp: menu,
      menus: [menu],
      tasks: [helpTask],
      variables: [n],
    });
    expect(simulateCall(def, { dtmf: ['1'] })).toEndInQueue('Sales');
    expect(simulateCall(def, { dtmf: ['9'] })).toDisconnect();
    expect(simulateCall(def, { dtmf: ['3'] })).toPlay('Open 8 to 6');
    const help = simulateCall(def, { dtmf: ['2', '2', '1'], variables: { 'Flow.N': 0 } });
    expect(help).toEndInQueue('Sales');
    expect(help).toPlay('Help text', 2);
    expect(help.transcript.filter((t) => t.variable === 'Flow.N').map((t) => t.value)).toEqual([1, 2]);
  });

  it('menus stop on no input instead of guessing the retry handling', () => {
    const menu = new Menu('M', { prompt: Prompt.tts('Press 1'), choices: [MenuChoice.disconnect('1', 'Bye')] });
    const def = new InboundCallFlow({ name: 'M', initialGreeting: Prompt.tts('Hello.'), startUp: menu, menus: [menu] });
    expect(simulateCall(def, { dtmf: [] })).toStopWithError(/menu 'M' got no input; Architect's menu retry and no-entry handling are not modelled/);
    expect(simulateCall(def, { dtmf: ['7'] })).toStopWithError(/got '7', which no choice answers/);
  });

  it('collect digits: exact length, range with # terminator, too few digits, no input', () => {
    const v = Variable.string('Flow.V');
    const mk = (digits: Digits) =>
      flow(
        [
          new Task('Main', [
            new CollectDigits('C', {
              into: v,
              digits,
              onSuccess: [new TransferToAcd('Ok', { queue: queueNamed('Got it') })],
              onFailure: [new Disconnect('No')],
            }),
            new Disconnect('Transfer failed'),
          ]),
        ],
        { variables: [v] },
      );
    expect(simulateCall(mk(Digits.exactly(4)), { dtmf: ['1234'] })).toEndInQueue('Got it');
    expect(simulateCall(mk(Digits.exactly(4)), { dtmf: ['123'] })).toDisconnect();
    expect(simulateCall(mk(Digits.exactly(4)), { dtmf: [null] })).toDisconnect();
    expect(
      simulateCall(mk(Digits.between(1, 6, { terminateWithPound: true })), { dtmf: ['42#'] }).transcript.find((t) => t.variable === 'Flow.V')?.value,
    ).toBe('42');
  });

  it('loops: next, exit, exhaustion', () => {
    const i = Variable.integer('Flow.I');
    const body = [new Decision('Third?', { condition: i.ref().equals(2), yes: [new LoopExit('Stop')], no: [say('Round'), new LoopNext('Next')] })];
    const def = flow([new Task('Main', [new Loop('L', { counter: i, count: 5, body }), say('After'), new Disconnect('End')])], { variables: [i] });
    const call = simulateCall(def);
    expect(call).toPlay('Round', 2);
    expect(call).toPlay('After');
    const exhausted = flow([new Task('Main', [new Loop('L', { counter: i, count: 2, body: [say('Round')] }), new Disconnect('End')])], {
      variables: [i],
    });
    expect(simulateCall(exhausted)).toPlay('Round', 2);
  });

  it('shared flows: inputs in, outputs back, outcome branches; an undeclared outcome takes the last branch', () => {
    const level = Variable.integer('Common.Level');
    const tier = Variable.string('Common.Tier');
    const module = new CommonModuleFlow({
      name: 'Tiering',
      inputs: [level],
      outputs: [tier],
      outcomes: ['gold', 'other'],
      actions: [
        new Decision('High?', {
          condition: level.ref().greaterThan(5),
          yes: [new UpdateData('Gold', [assign(tier, Expr.string('gold'))]), new EndSharedFlow('G', 'gold')],
          no: [new EndSharedFlow('O', 'other')],
        }),
      ],
    });
    const got = Variable.string('Flow.Tier');
    const call = (lvl: number) =>
      flow(
        [
          new Task('Main', [
            new CallSharedFlow('Tier', {
              flow: module,
              inputs: { Level: Expr.integer(lvl) },
              outputs: { Tier: got },
              outcomes: {
                gold: [new TransferToAcd('VIP', { queue: queueNamed('VIP') })],
                other: [new TransferToAcd('Std', { queue: queueNamed('Standard') })],
              },
            }),
            new Disconnect('Transfer failed'),
          ]),
        ],
        { variables: [got] },
      );
    const gold = simulateCall(call(9));
    expect(gold).toEndInQueue('VIP');
    expect(gold).toCallSharedFlow('Tiering', { outcome: 'gold' });
    expect(gold.transcript.find((t) => t.kind === 'sharedFlow')!.sharedFlow).toEqual({ name: 'Tiering', inputs: { Level: 9 } });
    expect(simulateCall(call(1))).toEndInQueue('Standard');
  });

  it('shared flows: SetOutcome sets the outcome, a trailing EndSharedFlow() returns it', () => {
    const level = Variable.integer('Common.Level');
    const module = new CommonModuleFlow({
      name: 'Tiering',
      inputs: [level],
      outcomes: ['gold', 'other'],
      actions: [
        new SetOutcome('Assume other', 'other'),
        new Decision('High?', { condition: level.ref().greaterThan(5), yes: [new SetOutcome('Gold', 'gold')], no: [] }),
        say('Module done'),
        new EndSharedFlow('End'),
      ],
    });
    expect(module.validate()).toEqual([]);
    const call = (lvl: number) =>
      flow([
        new Task('Main', [
          new CallSharedFlow('Tier', {
            flow: module,
            inputs: { Level: Expr.integer(lvl) },
            outcomes: {
              gold: [new TransferToAcd('VIP', { queue: queueNamed('VIP') })],
              other: [new TransferToAcd('Std', { queue: queueNamed('Standard') })],
            },
          }),
          new Disconnect('Transfer failed'),
        ]),
      ]);
    const gold = simulateCall(call(9));
    expect(gold).toPlay('Module done');
    expect(gold).toCallSharedFlow('Tiering', { outcome: 'gold' });
    expect(gold).toEndInQueue('VIP');
    expect(simulateCall(call(1))).toCallSharedFlow('Tiering', { outcome: 'other' });
  });

  it('shared flows: a module that can end without an outcome, or with an undeclared one, is refused before the call starts (GC1012)', () => {
    const level = Variable.integer('Common.Level');
    const forgetful = new CommonModuleFlow({
      name: 'Tiering',
      inputs: [level],
      outcomes: ['gold', 'other'],
      actions: [
        new Decision('High?', { condition: level.ref().greaterThan(5), yes: [new SetOutcome('Gold', 'gold')], no: [say('Forgot to set')] }),
        new EndSharedFlow('End'),
      ],
    });
    const loose = new CommonModuleFlow({
      name: 'Loose',
      outcomes: ['gold', 'other'],
      actions: [new SetOutcome('Bronze', 'bronze'), new EndSharedFlow('End')],
    });
    const caller = (module: CommonModuleFlow) =>
      flow([
        new Task('Main', [
          new CallSharedFlow('Tier', {
            flow: module,
            inputs: module === forgetful ? { Level: Expr.integer(1) } : {},
            outcomes: {
              gold: [new TransferToAcd('VIP', { queue: queueNamed('VIP') })],
              other: [new TransferToAcd('Std', { queue: queueNamed('Standard') })],
            },
          }),
          new Disconnect('Transfer failed'),
        ]),
      ]);
    for (const [module, where] of [
      [forgetful, 'Tiering > startUpTaskActions > End'],
      [loose, 'Loose > startUpTaskActions > Bronze'],
    ] as const) {
      expect(() => simulateCall(caller(module))).toThrow(ProblemError);
      expect(problemsThrownBy(() => simulateCall(caller(module)))).toEqual([expect.objectContaining({ code: 'GC1012', path: where })]);
    }
  });

  it('refuses a definition that fails validation before the call starts, with the ProblemError render() throws', () => {
    const delay = Variable.integer('Flow.Delay');
    const def = flow([new Task('Main', [new GetParticipantData('Get', [{ attribute: 'delay', into: delay }]), new Disconnect('Bye')])], {
      variables: [delay],
    });
    expect(problemsThrownBy(() => simulateCall(def, { participantData: { delay: 'abc' } }))).toEqual([
      expect.objectContaining({ code: 'GC1008', path: 'Sim > tasks > Main > Get', value: 'Flow.Delay' }),
    ]);
    expect(() => simulateCall(def)).toThrow(ProblemError);
    const silent = new InQueueCallFlow({ name: 'Hold', actions: [say('Thanks')] });
    expect(problemsThrownBy(() => simulateCall(silent)).map((p) => p.code)).toEqual(['GC1030']);
  });

  it('plays the initial greeting first', () => {
    const call = simulateCall(flow([new Task('Main', [say('Body'), new Disconnect('End')])]));
    expect(call.prompts).toEqual(['Hello.', 'Body']);
    expect(call.transcript.find((t) => t.kind === 'initialGreeting')).toMatchObject({ prompt: 'Hello.' });
  });

  it('a shared flow defined elsewhere cannot be simulated and says so', () => {
    const external = { flowName: 'Org Auth', inputs: {}, outputs: {}, outcomes: ['ok'], compatibleFlowTypes: ['inboundcall' as const] };
    const def = flow([new Task('Main', [new CallSharedFlow('Auth', { flow: external, outcomes: { ok: [new Disconnect('Bye')] } })])]);
    expect(simulateCall(def)).toStopWithError(/shared flow 'Org Auth' is defined elsewhere/);
  });
});

describe('Collect Input as documented: the first max digits, the rest typed ahead', () => {
  const v = Variable.string('Flow.V');
  const w = Variable.string('Flow.W');
  const x = Variable.string('Flow.X');
  /**
   * A collect whose success and failure paths both go on with `rest`; the actions after a failure get ids
   * of their own (`tag` names the failures on the path), as a valid flow needs, and say the same texts.
   */
  const got = (id: string, into: Variable<'string'>, digits: Digits, rest: (tag: string) => Action[], tag = '') =>
    new CollectDigits(`${id}${tag}`, {
      into,
      digits,
      onSuccess: rest(tag),
      onFailure: [say(`${id} failed${tag}`, `${id} failed`), ...rest(`${tag} after ${id} failed`)],
    });
  /** Three collects in a row, then a disconnect: each variable shows what its collect accepted. */
  const three = (d1: Digits, d2: Digits = d1, d3: Digits = d1) =>
    flow([new Task('Main', [got('A', v, d1, (a) => [got('B', w, d2, (b) => [got('C', x, d3, (c) => [new Disconnect(`End${c}`)], b)], a)])])], {
      variables: [v, w, x],
    });
  const values = (call: ReturnType<typeof simulateCall>) =>
    Object.fromEntries(call.transcript.filter((t) => t.variable).map((t) => [t.variable, t.value]));
  const inputs = (call: ReturnType<typeof simulateCall>) =>
    call.transcript.filter((t) => t.kind === 'collectDigits' && t.input !== undefined).map((t) => t.input);

  it('exact count: the first digits are the entry, the ones after are heard by the next collect', () => {
    const call = simulateCall(three(Digits.exactly(4)), { dtmf: ['12345678', '9999'] });
    expect(values(call)).toEqual({ 'Flow.V': '1234', 'Flow.W': '5678', 'Flow.X': '9999' });
    expect(call.transcript.find((t) => t.nodeId === 'A' && t.input !== undefined)).toMatchObject({
      input: '1234',
      typedAhead: '5678',
      branch: 'success',
    });
    expect(call.transcript.find((t) => t.nodeId === 'B' && t.input !== undefined)).not.toHaveProperty('typedAhead');
  });

  it("exact count: typed-ahead keys that are too few are continued by the caller's next entry", () => {
    expect(values(simulateCall(three(Digits.exactly(4)), { dtmf: ['12345', '678', '4321'] }))).toEqual({
      'Flow.V': '1234',
      'Flow.W': '5678',
      'Flow.X': '4321',
    });
    // ...and with no more input they are too few digits: the failure path, as any short entry.
    const short = simulateCall(three(Digits.exactly(4)), { dtmf: ['12345', null, '4321'] });
    expect(inputs(short)).toEqual(['1234', '5', '4321']);
    expect(short).toPlay('B failed');
    expect(values(short)).toEqual({ 'Flow.V': '1234', 'Flow.X': '4321' });
  });

  it('exact count: # after the count is typed ahead (no terminator with an exact count)', () => {
    const call = simulateCall(
      three(Digits.exactly(4), Digits.between(1, 4, { terminateWithPound: true }), Digits.between(1, 4, { terminateWithPound: true })),
      { dtmf: ['1234#', '77#'] },
    );
    // B hears the typed-ahead #: it ends B's entry with no digits (failure); C hears the next entry.
    expect(inputs(call)).toEqual(['1234', '#', '77#']);
    expect(values(call)).toEqual({ 'Flow.V': '1234', 'Flow.X': '77' });
  });

  it.each([
    [
      '* in an exact-count entry',
      Digits.exactly(4),
      '12*4',
      /'\*' in an exact-count entry \(exactly 4 digits\) of Collect Input 'A', after '12': .*not modelled/,
    ],
    ['# before the count in an exact-count entry', Digits.exactly(4), '12#', /'#' in an exact-count entry .* after '12'.*not modelled/],
    ['* first', Digits.exactly(4), '*', /'\*' in an exact-count entry .* as its first key.*not modelled/],
    [
      '# in a range without a terminator',
      Digits.between(2, 6),
      '123#',
      /'#' in a range entry without a terminating # \(2 to 6 digits\).*not modelled/,
    ],
  ])('%s stops the simulation: not documented, not modelled', (_name, digits, entry, message) => {
    const call = simulateCall(three(digits), { dtmf: [entry] });
    expect(call).toStopWithError(message);
    expect(call.outcome).toMatchObject({ nodeId: 'A', path: 'Sim > tasks > Main > A' });
  });

  it('range: the first max digits, then the rest is typed ahead; no more input with enough digits succeeds', () => {
    const range = Digits.between(2, 4);
    // typed-ahead 56 could take more digits: B listens on, and the caller's next entry continues it
    expect(values(simulateCall(three(range), { dtmf: ['123456', '7', '99'] }))).toEqual({ 'Flow.V': '1234', 'Flow.W': '567', 'Flow.X': '99' });
    expect(values(simulateCall(three(range), { dtmf: ['123', '1', '99'] }))).toEqual({ 'Flow.V': '123', 'Flow.X': '99' });
  });

  it('range with #: # ends the entry early and is consumed, * takes the failure path, keys after either are typed ahead', () => {
    const range = Digits.between(2, 4, { terminateWithPound: true });
    expect(values(simulateCall(three(range), { dtmf: ['42#', '1234', '99'] }))).toEqual({ 'Flow.V': '42', 'Flow.W': '1234', 'Flow.X': '99' });
    expect(values(simulateCall(three(range), { dtmf: ['42#77#', '99'] }))).toEqual({ 'Flow.V': '42', 'Flow.W': '77', 'Flow.X': '99' });
    // max digits reached: the # after them belongs to the next collect (an empty entry there: failure)
    const full = simulateCall(three(range), { dtmf: ['1234#', '99'] });
    expect(inputs(full)).toEqual(['1234', '#', '99']);
    expect(values(full)).toEqual({ 'Flow.V': '1234', 'Flow.X': '99' });
    // too few digits before # fails; * (the opposite key) fails
    const star = simulateCall(three(range), { dtmf: ['4#', '42*55', '9#'] });
    expect(inputs(star)).toEqual(['4#', '42*', '559#']);
    expect(star).toPlay('A failed');
    expect(star).toPlay('B failed');
    expect(values(star)).toEqual({ 'Flow.X': '559' });
  });

  it('a menu after a collect takes the next typed-ahead key; keys after a menu choice are typed ahead too', () => {
    const pin = Variable.string('Flow.Pin');
    const acct = Variable.string('Flow.Acct');
    const menu = new Menu('Main Menu', {
      prompt: Prompt.tts('Press 1 for sales, 2 for your account.'),
      choices: [
        MenuChoice.transferToAcd('1', 'Sales', queueNamed('Sales')),
        MenuChoice.runActions('2', 'Account', [
          got('Account number', acct, Digits.exactly(3), (t) => [
            new TransferToAcd(`To accounts${t}`, { queue: queueNamed('Accounts') }),
            new Disconnect(`Transfer failed${t}`),
          ]),
        ]),
      ],
    });
    const start = new Task('Pin', [got('PIN', pin, Digits.exactly(4), (t) => [new JumpToMenu(`Menu${t}`, menu)])]);
    const def = new InboundCallFlow({
      name: 'Typed',
      initialGreeting: Prompt.tts('Hello.'),
      startUp: start,
      tasks: [start],
      menus: [menu],
      variables: [pin, acct],
    });
    const call = simulateCall(def, { dtmf: ['12342987'] });
    expect(call).toEndInQueue('Accounts');
    expect(call.transcript.find((t) => t.kind === 'menu' && t.input !== undefined)).toMatchObject({ input: '2', typedAhead: '987' });
    expect(values(call)).toEqual({ 'Flow.Pin': '1234', 'Flow.Acct': '987' });
    expect(simulateCall(def, { dtmf: ['1234', '29', '87'] })).toEndInQueue('Accounts');
    expect(simulateCall(def, { dtmf: ['12341'] })).toEndInQueue('Sales');
  });

  it('a script entry that is not DTMF is a ScriptError before the call starts, not a wrong entry', () => {
    const def = three(Digits.exactly(4));
    expect(() => simulateCall(def, { dtmf: ['1234', '12a4'] })).toThrow(ScriptError);
    expect(() => simulateCall(def, { dtmf: ['1234', '12a4'] })).toThrow("dtmf[1]: '12a4' is not DTMF: valid keys are 0-9, *, # (none for no input)");
    expect(() => simulateCall(def, { dtmf: [' 1234'] })).toThrow(ScriptError);
    expect(inputs(simulateCall(def, { dtmf: ['none', '', null, '1234'] }))).toEqual([null, null, null]);
  });

  it('a closed or holiday schedule for a flow without a schedule group is a ScriptError', () => {
    const def = three(Digits.exactly(4));
    expect(() => simulateCall(def, { schedule: 'closed' })).toThrow("schedule 'closed': flow 'Sim' has no schedule group");
    expect(() => simulateCall({ definition: def }, { schedule: 'holiday' })).toThrow(ScriptError);
    expect(() => simulateCall({ flow: { definition: def } }, { schedule: 'closed' })).toThrow("IVR 'Sim' has no schedule group");
    expect(simulateCall(def, { schedule: 'open' })).toPlay('A failed');
  });
});

describe('expressions, case by case', () => {
  const ctx = (vars: Record<string, string | number | boolean | undefined> = {}, ani = '+13175550123') => ({
    variable: (n: string) => vars[n],
    builtin: (n: string) => (n === 'Call.Ani' ? ani : undefined),
  });
  const s = Variable.string('Flow.S');
  const i = Variable.integer('Flow.I');

  it.each([
    ['integer conversion', Expr.toInt(s.ref()), { 'Flow.S': ' 0042 ' }, 42],
    ['length', Expr.len(s.ref()), { 'Flow.S': 'abcd' }, 4],
    ['append', Expr.append(s.ref(), Expr.string('!')), { 'Flow.S': 'hi' }, 'hi!'],
    ['right', Expr.right(Builtin.callAni, 4), {}, '0123'],
    ['IsSet on NOT_SET', Expr.isSet(s.ref()), {}, false],
    ['IsNotSetOrEmpty on empty', Expr.isNotSetOrEmpty(s.ref()), { 'Flow.S': '' }, true],
    ['and / or / not', Expr.or(Expr.and(Expr.boolean(true), Expr.boolean(false)), Expr.not(Expr.boolean(false))), {}, true],
    ['integer comparison', i.ref().lessThanOrEqual(3), { 'Flow.I': 3 }, true],
    ['exact string equality', s.ref().equals('1234'), { 'Flow.S': '1234' }, true],
    ['plus and minus', Expr.minus(Expr.plus(i.ref(), 5), 2), { 'Flow.I': 1 }, 4],
    ['ToString', Expr.toString(i.ref()), { 'Flow.I': 7 }, '7'],
  ] as const)('%s', (_name, expression, vars, expected) => {
    expect(evaluate(expression, ctx(vars as Record<string, string | number | boolean>))).toBe(expected);
  });

  it.each([
    ['a NOT_SET operand fails the expression', s.ref().equals('x'), {}, /Flow.S is NOT_SET/],
    ['ToInt of text fails', Expr.toInt(s.ref()), { 'Flow.S': '12a' }, /ToInt\("12a"\) fails/],
    ['case-only differences are not guessed', s.ref().equals('abc'), { 'Flow.S': 'ABC' }, /letter case/],
    ['raw expressions are not evaluated', Expr.raw('boolean', 'Flow.X == 1'), {}, /raw expression 'Flow.X == 1'/],
  ] as const)('%s', (_name, expression, vars, message) => {
    expect(() => evaluate(expression, ctx(vars as Record<string, string>))).toThrow(SimulationStop);
    expect(() => evaluate(expression, ctx(vars as Record<string, string>))).toThrow(message);
  });
});

describe('guards', () => {
  it('an escape-hatch expression stops the simulation naming the node and the expression', () => {
    const def = flow([
      new Task('Main', [
        say('Hi'),
        new Decision('VIP?', { condition: Expr.raw('boolean', 'Flow.Vip == true'), yes: [new Disconnect('A')], no: [new Disconnect('B')] }),
      ]),
    ]);
    const call = simulateCall(def);
    expect(call).toStopWithError(/raw expression 'Flow.Vip == true' cannot be evaluated/);
    expect(call.outcome).toMatchObject({ nodeId: 'VIP?', path: 'Sim > tasks > Main > VIP?' });
    expect(call).toPlay('Hi');
  });

  it('an endless flow hits the step limit with a clear error', () => {
    const menu = new Menu('Loop Menu', {
      prompt: Prompt.tts('Again'),
      choices: [MenuChoice.runActions('1', 'Again', [new JumpToMenu('Back', 'Loop Menu')])],
    });
    const def = new InboundCallFlow({ name: 'Endless', initialGreeting: Prompt.tts('Hello.'), startUp: menu, menus: [menu] });
    const call = simulateCall(def, { dtmf: Array(500).fill('1'), maxSteps: 50 });
    expect(call).toStopWithError(/step limit of 50 reached at 'Loop Menu': the flow does not end/);
  });

  it('a script that runs out of input follows the no-input path', () => {
    const v = Variable.string('Flow.V');
    const def = flow(
      [
        new Task('Main', [
          new CollectDigits('C', {
            into: v,
            digits: Digits.exactly(1),
            onSuccess: [new Disconnect('Got')],
            onFailure: [say('Nothing'), new Disconnect('None')],
          }),
        ]),
      ],
      { variables: [v] },
    );
    expect(simulateCall(def, { dtmf: [] })).toPlay('Nothing');
  });
});
