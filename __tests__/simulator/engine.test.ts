import {
  Builtin,
  CallSharedFlow,
  CollectDigits,
  CommonModuleFlow,
  Decision,
  Digits,
  Disconnect,
  EndSharedFlow,
  Expr,
  InboundCallFlow,
  JumpToMenu,
  Loop,
  LoopExit,
  LoopNext,
  Menu,
  MenuChoice,
  PlayAudio,
  Prompt,
  SetOutcome,
  Task,
  TransferToAcd,
  UpdateData,
  Variable,
  assign,
  queueNamed,
} from '../../flow';
import { SimulationStop, evaluate, simulateCall } from '../../simulator';

const say = (id: string, text = id) => new PlayAudio(id, { prompt: Prompt.tts(text) });
const flow = (tasks: Task[], extra: Partial<ConstructorParameters<typeof InboundCallFlow>[0]> = {}) => new InboundCallFlow({ name: 'Sim', initialGreeting: Prompt.tts('Hello.'), startUp: tasks[0], tasks, ...extra });

describe('every action kind', () => {
  it('menus: transfer, disconnect, jump to a task, inline actions, and back to a menu', () => {
    const n = Variable.integer('Flow.N');
    const helpTask = new Task('Help', [say('Help text'), new UpdateData('Count', [assign(n, Expr.plus(n.ref(), 1))]), new JumpToMenu('Back', 'Main Menu')]);
    const menu = new Menu('Main Menu', {
      prompt: Prompt.tts('Press 1 for sales, 2 for help, 3 for hours, 9 to hang up.'),
      choices: [MenuChoice.transferToAcd('1', 'Sales', queueNamed('Sales')), MenuChoice.jumpToTask('2', 'Help', helpTask), MenuChoice.runActions('3', 'Hours', [say('Open 8 to 6'), new Disconnect('Bye')]), MenuChoice.disconnect('9', 'Hang up')],
    });
    const def = new InboundCallFlow({ name: 'Menus', initialGreeting: Prompt.tts('Hello.'), startUp: menu, menus: [menu], tasks: [helpTask], variables: [n] });
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
    const mk = (digits: Digits) => flow([new Task('Main', [new CollectDigits('C', { into: v, digits, onSuccess: [new TransferToAcd('Ok', { queue: queueNamed('Got it') })], onFailure: [new Disconnect('No')] })])], { variables: [v] });
    expect(simulateCall(mk(Digits.exactly(4)), { dtmf: ['1234'] })).toEndInQueue('Got it');
    expect(simulateCall(mk(Digits.exactly(4)), { dtmf: ['123'] })).toDisconnect();
    expect(simulateCall(mk(Digits.exactly(4)), { dtmf: [null] })).toDisconnect();
    expect(simulateCall(mk(Digits.between(1, 6, { terminateWithPound: true })), { dtmf: ['42#'] }).transcript.find((t) => t.variable === 'Flow.V')?.value).toBe('42');
  });

  it('loops: next, exit, exhaustion', () => {
    const i = Variable.integer('Flow.I');
    const body = [new Decision('Third?', { condition: i.ref().equals(2), yes: [new LoopExit('Stop')], no: [say('Round'), new LoopNext('Next')] })];
    const def = flow([new Task('Main', [new Loop('L', { counter: i, count: 5, body }), say('After'), new Disconnect('End')])], { variables: [i] });
    const call = simulateCall(def);
    expect(call).toPlay('Round', 2);
    expect(call).toPlay('After');
    const exhausted = flow([new Task('Main', [new Loop('L', { counter: i, count: 2, body: [say('Round')] }), new Disconnect('End')])], { variables: [i] });
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
      actions: [new Decision('High?', { condition: level.ref().greaterThan(5), yes: [new UpdateData('Gold', [assign(tier, Expr.string('gold'))]), new EndSharedFlow('G', 'gold')], no: [new EndSharedFlow('O', 'other')] })],
    });
    const got = Variable.string('Flow.Tier');
    const call = (lvl: number) =>
      flow([new Task('Main', [new CallSharedFlow('Tier', { flow: module, inputs: { Level: Expr.integer(lvl) }, outputs: { Tier: got }, outcomes: { gold: [new TransferToAcd('VIP', { queue: queueNamed('VIP') })], other: [new TransferToAcd('Std', { queue: queueNamed('Standard') })] } })])], { variables: [got] });
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
      flow([new Task('Main', [new CallSharedFlow('Tier', { flow: module, inputs: { Level: Expr.integer(lvl) }, outcomes: { gold: [new TransferToAcd('VIP', { queue: queueNamed('VIP') })], other: [new TransferToAcd('Std', { queue: queueNamed('Standard') })] } })])]);
    const gold = simulateCall(call(9));
    expect(gold).toPlay('Module done');
    expect(gold).toCallSharedFlow('Tiering', { outcome: 'gold' });
    expect(gold).toEndInQueue('VIP');
    expect(simulateCall(call(1))).toCallSharedFlow('Tiering', { outcome: 'other' });
  });

  it('shared flows: a module that ends without setting its outcome (unvalidated) returns NOT_SET, not ""', () => {
    const level = Variable.integer('Common.Level');
    const actions = [new Decision('High?', { condition: level.ref().greaterThan(5), yes: [new SetOutcome('Gold', 'gold')], no: [say('Forgot to set')] }), new EndSharedFlow('End')];
    const mk = (outcomes: string[]) => new CommonModuleFlow({ name: 'Tiering', inputs: [level], outcomes, actions });
    const two = mk(['gold', 'other']);
    expect(two.validate().map((p) => p.code)).toEqual(['GC1012']);
    const caller = (module: CommonModuleFlow, handlers: Record<string, TransferToAcd[]>) =>
      flow([new Task('Main', [new CallSharedFlow('Tier', { flow: module, inputs: { Level: Expr.integer(1) }, outcomes: handlers })])]);
    const call = simulateCall(caller(two, { gold: [new TransferToAcd('VIP', { queue: queueNamed('VIP') })], other: [new TransferToAcd('Std', { queue: queueNamed('Standard') })] }));
    expect(call.transcript.find((t) => t.kind === 'endSharedFlow')).toMatchObject({ nodeId: 'End', branch: 'NOT_SET' });
    const ret = call.transcript.find((t) => t.kind === 'sharedFlowReturn')!;
    expect(ret).toMatchObject({ variable: 'Flow.Tier_Outcome', branch: 'outcome NOT_SET' });
    expect(ret.sharedFlow!.outcome).toBeUndefined();
    expect(call).not.toCallSharedFlow('Tiering', { outcome: '' });
    // The caller's decision `Flow.Tier_Outcome == "gold"` has a NOT_SET operand: it fails, it does not fall to the last branch.
    expect(call).toStopWithError(/returned no outcome \(NOT_SET\): the caller's decision 'Tier: outcome gold\?' fails/);
    expect(call.outcome).toMatchObject({ nodeId: 'Tier: outcome gold?' });
    // With one outcome there is no decision: the caller goes on with NOT_SET in its outcome variable.
    const one = simulateCall(caller(mk(['other']), { other: [new TransferToAcd('Std', { queue: queueNamed('Standard') })] }));
    expect(one).toEndInQueue('Standard');
    expect(one.transcript.find((t) => t.kind === 'sharedFlowReturn')).toMatchObject({ branch: 'outcome NOT_SET' });
  });

  it('shared flows: a set but undeclared outcome still takes the last branch', () => {
    const module = new CommonModuleFlow({ name: 'Loose', outcomes: ['gold', 'other'], actions: [new SetOutcome('Bronze', 'bronze'), new EndSharedFlow('End')] });
    const def = flow([new Task('Main', [new CallSharedFlow('Tier', { flow: module, outcomes: { gold: [new TransferToAcd('VIP', { queue: queueNamed('VIP') })], other: [new TransferToAcd('Std', { queue: queueNamed('Standard') })] } })])]);
    const call = simulateCall(def);
    expect(call).toCallSharedFlow('Loose', { outcome: 'bronze' });
    expect(call).toEndInQueue('Standard');
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

describe('expressions, case by case', () => {
  const ctx = (vars: Record<string, string | number | boolean | undefined> = {}, ani = '+13175550123') => ({ variable: (n: string) => vars[n], builtin: (n: string) => (n === 'Call.Ani' ? ani : undefined) });
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
    const def = flow([new Task('Main', [say('Hi'), new Decision('VIP?', { condition: Expr.raw('boolean', 'Flow.Vip == true'), yes: [new Disconnect('A')], no: [new Disconnect('B')] })])]);
    const call = simulateCall(def);
    expect(call).toStopWithError(/raw expression 'Flow.Vip == true' cannot be evaluated/);
    expect(call.outcome).toMatchObject({ nodeId: 'VIP?', path: 'Sim > tasks > Main > VIP?' });
    expect(call).toPlay('Hi');
  });

  it('an endless flow hits the step limit with a clear error', () => {
    const menu = new Menu('Loop Menu', { prompt: Prompt.tts('Again'), choices: [MenuChoice.runActions('1', 'Again', [new JumpToMenu('Back', 'Loop Menu')])] });
    const def = new InboundCallFlow({ name: 'Endless', initialGreeting: Prompt.tts('Hello.'), startUp: menu, menus: [menu] });
    const call = simulateCall(def, { dtmf: Array(500).fill('1'), maxSteps: 50 });
    expect(call).toStopWithError(/step limit of 50 reached at 'Loop Menu': the flow does not end/);
  });

  it('a script that runs out of input follows the no-input path', () => {
    const v = Variable.string('Flow.V');
    const def = flow([new Task('Main', [new CollectDigits('C', { into: v, digits: Digits.exactly(1), onSuccess: [new Disconnect('Got')], onFailure: [say('Nothing'), new Disconnect('None')] })])], { variables: [v] });
    expect(simulateCall(def, { dtmf: [] })).toPlay('Nothing');
  });
});
