import {
  Builtin,
  CallSharedFlow,
  CollectDigits,
  CommonModuleFlow,
  CommonModuleFlowProps,
  Decision,
  Digits,
  Disconnect,
  EndSharedFlow,
  Expr,
  FlowProblem,
  FlowValidationError,
  InboundCallFlow,
  InboundCallFlowProps,
  JumpToMenu,
  Loop,
  LoopExit,
  LoopNext,
  Menu,
  MenuChoice,
  PlayAudio,
  Prompt,
  Task,
  TransferToAcd,
  UpdateData,
  Variable,
  assign,
  queueNamed,
} from '../../flow';

const say = (id: string) => new PlayAudio(id, { prompt: Prompt.tts('hello') });
const hangUp = (id = 'Hang up') => new Disconnect(id);
const task = (actions: ConstructorParameters<typeof Task>[1], id = 'Main') => new Task(id, actions);
const call = (tasks: Task[], extra: Partial<InboundCallFlowProps> = {}) => new InboundCallFlow({ name: 'Sales', startUp: tasks[0], tasks, ...extra });
const account = Variable.string('Common.Account');
const score = Variable.integer('Common.Score');
const moduleProps = (extra: Partial<CommonModuleFlowProps<'ok' | 'failed'>> = {}): CommonModuleFlowProps<'ok' | 'failed'> => ({
  name: 'Auth',
  inputs: [account, { variable: Variable.string('Common.Hint'), required: false }],
  outputs: [score],
  outcomes: ['ok', 'failed'],
  actions: [new EndSharedFlow('Done', 'ok')],
  ...extra,
});
const authModule = new CommonModuleFlow(moduleProps());
const callAuth = (props: Partial<ConstructorParameters<typeof CallSharedFlow>[1]> = {}, id = 'Auth call') =>
  new CallSharedFlow(id, { flow: authModule, inputs: { Account: Expr.string('a') }, outcomes: { ok: [hangUp('ok end')], failed: [hangUp('failed end')] }, ...props } as never);

function problems(def: InboundCallFlow | CommonModuleFlow): FlowProblem[] {
  return def.validate('dev/X');
}
function only(def: InboundCallFlow | CommonModuleFlow, code: string): FlowProblem {
  const found = problems(def);
  expect(found.map((p) => p.code)).toEqual([code]);
  return found[0];
}

describe('valid definitions', () => {
  it('a call flow and a module with every action kind validate cleanly and render', () => {
    const pin = Variable.string('Flow.Pin');
    const n = Variable.integer('Flow.N');
    const menu = new Menu('Main Menu', { prompt: Prompt.tts('Press 1'), choices: [MenuChoice.jumpToTask('1', 'To task', 'Work'), MenuChoice.disconnect('9', 'Bye')] });
    const work = task(
      [
        new Loop('Tries', {
          counter: n,
          count: 3,
          body: [
            new CollectDigits('Collect', {
              into: pin,
              digits: Digits.exactly(4),
              onSuccess: [new Decision('Good?', { condition: pin.ref().equals('1234'), yes: [new LoopExit('Exit')], no: [new LoopNext('Again')] })],
              onFailure: [say('Nothing')],
            }),
          ],
        }),
        new UpdateData('Set', [assign(pin, Expr.append(pin.ref(), Expr.string('!')))]),
        callAuth({ outputs: { Score: n } }),
      ],
      'Work',
    );
    const def = call([work], { startUp: menu, menus: [menu], variables: [pin, n] });
    expect(problems(def)).toEqual([]);
    expect(() => def.render()).not.toThrow();
    expect(problems(authModule)).toEqual([]);
  });
});

describe('every rule has a failing case', () => {
  it.each(['a[1', 'b]', 'c#', 'd~', 'e/f'])('GC1001 rejects the id %p', (id) => {
    const p = only(call([task([hangUp(id)])]), 'GC1001');
    expect(p.value).toBe(id);
    expect(p.path).toBe(`dev/X > tasks > Main > ${id}`);
  });

  it('GC1001 rejects an empty id', () => {
    expect(only(call([task([hangUp('')])]), 'GC1001').value).toBe('');
  });

  it('GC1002 rejects an id used twice, across tasks and actions', () => {
    const second = task([hangUp('Main')], 'Other');
    const def = call([task([new JumpToMenu('Go', 'M')]), second], { menus: [new Menu('M', { prompt: Prompt.tts('x'), choices: [MenuChoice.jumpToTask('1', 'c1', 'Other')] })] });
    const p = only(def, 'GC1002');
    expect(p.path).toBe('dev/X > tasks > Other > Main');
    expect(p.message).toContain('dev/X > tasks > Main');
  });

  it('GC1002 rejects a menu digit used twice and a variable declared twice', () => {
    const menu = new Menu('M', { prompt: Prompt.tts('x'), choices: [MenuChoice.disconnect('1', 'a'), MenuChoice.disconnect('1', 'b')] });
    expect(only(call([], { startUp: menu, menus: [menu] }), 'GC1002').path).toBe('dev/X > menus > M > b');
    const v = Variable.string('Flow.V');
    expect(only(call([task([hangUp()])], { variables: [v, Variable.string('Flow.V')] }), 'GC1002').value).toBe('Flow.V');
  });

  it('GC1003 reports a start-up, menu or task reference with no target and lists the known ones', () => {
    // Main is then unreachable too (GC1004): the dangling start-up is still reported with its value.
    const p = problems(call([task([hangUp()])], { startUp: 'Mian' })).find((x) => x.code === 'GC1003')!;
    expect(p).toMatchObject({ path: 'dev/X > startUp', value: 'Mian' });
    expect(p.message).toContain('known tasks: Main');
    expect(problems(call([task([new JumpToMenu('Go', 'Nowhere')])])).map((p) => p.code)).toEqual(['GC1003']);
    const stranger = new Menu('Stranger', { prompt: Prompt.tts('x'), choices: [MenuChoice.disconnect('1', 'x')] });
    expect(problems(call([task([new JumpToMenu('Go', stranger)])])).map((p) => p.code)).toEqual(['GC1003']);
    const menu = new Menu('M', { prompt: Prompt.tts('x'), choices: [MenuChoice.jumpToTask('1', 'c1', 'Ghost')] });
    expect(only(call([], { startUp: menu, menus: [menu] }), 'GC1003').value).toBe('Ghost');
  });

  it('GC1004 reports an action after a terminal action', () => {
    const p = only(call([task([hangUp(), say('Too late')])]), 'GC1004');
    expect(p).toMatchObject({ path: 'dev/X > tasks > Main > Too late', value: 'Too late' });
  });

  it('GC1004 reports an action after a decision whose branches both end', () => {
    const d = new Decision('D', { condition: Expr.boolean(true), yes: [hangUp('y')], no: [hangUp('n')] });
    expect(only(call([task([d, say('After')])]), 'GC1004').value).toBe('After');
  });

  it('GC1004 reports actions after a loop whose body always ends the call', () => {
    const n = Variable.integer('Flow.N');
    const loop = new Loop('L', { counter: n, count: 2, body: [hangUp('inside')] });
    expect(only(call([task([loop, hangUp('after')])], { variables: [n] }), 'GC1004').value).toBe('after');
  });

  it('GC1004 reports tasks and menus never reached from start-up', () => {
    const orphanMenu = new Menu('Orphan menu', { prompt: Prompt.tts('x'), choices: [MenuChoice.jumpToTask('1', 'c', 'Orphan task')] });
    const found = problems(call([task([hangUp()]), task([hangUp('h2')], 'Orphan task')], { menus: [orphanMenu] }));
    expect(found.map((p) => [p.code, p.path])).toEqual([
      ['GC1004', 'dev/X > tasks > Orphan task'],
      ['GC1004', 'dev/X > menus > Orphan menu'],
    ]);
  });

  it('GC1005 reports a task path that ends without a terminal action', () => {
    const d = new Decision('D', { condition: Expr.boolean(true), yes: [hangUp('y')], no: [] });
    expect(only(call([task([d])]), 'GC1005').path).toBe('dev/X > tasks > Main > D');
  });

  it('GC1005 reports a shared flow path that does not end with EndSharedFlow', () => {
    const p = only(new CommonModuleFlow(moduleProps({ actions: [say('Only')] })), 'GC1005');
    expect(p.path).toBe('dev/X > startUpTaskActions > Only');
    expect(p.fix).toContain('EndSharedFlow');
  });

  it('GC1005 reports an inline menu choice that does not end', () => {
    const menu = new Menu('M', { prompt: Prompt.tts('x'), choices: [MenuChoice.runActions('1', 'Inline', [say('Just talk')])] });
    expect(only(call([], { startUp: menu, menus: [menu] }), 'GC1005').path).toBe('dev/X > menus > M > Inline > Just talk');
  });

  it('GC1006 reports an undeclared variable, in reads and in writes', () => {
    const pin = Variable.string('Flow.Pin');
    const p = only(call([task([new Decision('D', { condition: pin.ref().equals('1'), yes: [hangUp('y')], no: [hangUp('n')] })])]), 'GC1006');
    expect(p).toMatchObject({ path: 'dev/X > tasks > Main > D', value: 'Flow.Pin' });
    const collect = new CollectDigits('C', { into: pin, digits: Digits.exactly(4), onSuccess: [hangUp('s')], onFailure: [hangUp('f')] });
    expect(only(call([task([collect])]), 'GC1006').path).toBe('dev/X > tasks > Main > C');
  });

  it('GC1007 rejects a variable in the wrong scope for the flow type', () => {
    expect(only(call([task([hangUp()])], { variables: [Variable.string('Common.X')] }), 'GC1007').value).toBe('Common.X');
    expect(only(new CommonModuleFlow(moduleProps({ variables: [Variable.string('Flow.X')] })), 'GC1007').value).toBe('Flow.X');
  });

  it('GC1007 rejects call data (Call.Ani) inside a shared flow', () => {
    const d = new Decision('Local?', { condition: Builtin.callAni.equals('+1'), yes: [new EndSharedFlow('a', 'ok')], no: [new EndSharedFlow('b', 'failed')] });
    expect(only(new CommonModuleFlow(moduleProps({ actions: [d] })), 'GC1007').path).toBe('dev/X > startUpTaskActions > Local?');
  });

  it('GC1008 rejects an assignment of the wrong type, a non-boolean condition and a mixed comparison', () => {
    const n = Variable.integer('Flow.N');
    const wrongAssign = new UpdateData('Set', [{ variable: n, value: Expr.string('x') } as never]);
    expect(problems(call([task([wrongAssign, hangUp()])], { variables: [n] })).map((p) => p.code)).toContain('GC1008');
    const rawCondition = new Decision('D', { condition: Expr.raw('string', 'Flow.X') as never, yes: [hangUp('y')], no: [hangUp('n')] });
    expect(only(call([task([rawCondition])]), 'GC1008').message).toContain('condition is string but boolean is required');
    const mixed = new Decision('M', { condition: Expr.integer(1).equals(Expr.string('1') as never), yes: [hangUp('y')], no: [hangUp('n')] });
    expect(only(call([task([mixed])]), 'GC1008').message).toContain('compares integer with string');
  });

  it('GC1008 rejects a variable used with another type than declared', () => {
    const declared = Variable.integer('Flow.V');
    const used = Variable.string('Flow.V');
    const d = new Decision('D', { condition: used.ref().equals('1'), yes: [hangUp('y')], no: [hangUp('n')] });
    expect(only(call([task([d])], { variables: [declared] }), 'GC1008').value).toBe('Flow.V');
  });

  it('GC1009 requires every required input of a called shared flow', () => {
    const p = only(call([task([callAuth({ inputs: {} })])]), 'GC1009');
    expect(p).toMatchObject({ path: 'dev/X > tasks > Main > Auth call', value: 'Account' });
  });

  it('GC1010 rejects an input the shared flow does not declare', () => {
    expect(only(call([task([callAuth({ inputs: { Account: Expr.string('a'), Acount: Expr.string('b') } })])]), 'GC1010').value).toBe('Acount');
  });

  it('GC1008 rejects an input of the wrong type', () => {
    expect(only(call([task([callAuth({ inputs: { Account: Expr.integer(1) } })])]), 'GC1008').message).toContain('input Account is integer but string is required');
  });

  it('GC1011 rejects reading an output the shared flow does not declare, GC1008 one of the wrong type', () => {
    const s = Variable.integer('Flow.S');
    const t = Variable.string('Flow.T');
    expect(only(call([task([callAuth({ outputs: { Scor: s } })])], { variables: [s] }), 'GC1011').value).toBe('Scor');
    expect(only(call([task([callAuth({ outputs: { Score: t } })])], { variables: [t] }), 'GC1008').value).toBe('Flow.T');
  });

  it('GC1012 requires every outcome to be handled and only declared ones', () => {
    expect(only(call([task([callAuth({ outcomes: { ok: [hangUp('o')] } as never })])]), 'GC1012').value).toBe('failed');
    const extra = callAuth({ outcomes: { ok: [hangUp('o')], failed: [hangUp('f')], maybe: [hangUp('m')] } as never });
    expect(only(call([task([extra])]), 'GC1012').value).toBe('maybe');
  });

  it('GC1012 rejects EndSharedFlow with an undeclared outcome', () => {
    expect(only(new CommonModuleFlow(moduleProps({ actions: [new EndSharedFlow('End', 'okay')] })), 'GC1012').value).toBe('okay');
  });

  it('GC1013 rejects a shared flow that calls another shared flow', () => {
    const nested = new CallSharedFlow('Nested', { flow: authModule, inputs: { Account: account.ref() }, outcomes: { ok: [new EndSharedFlow('a', 'ok')], failed: [new EndSharedFlow('b', 'failed')] } });
    const p = only(new CommonModuleFlow(moduleProps({ name: 'Outer', actions: [nested] })), 'GC1013');
    expect(p).toMatchObject({ path: 'dev/X > startUpTaskActions > Nested', value: 'Auth' });
  });

  it('GC1014 rejects invalid flow names', () => {
    for (const name of ['', ' Sales', 'Sales ', 'A{{b}}', 'Tab\there', 'x'.repeat(201)]) {
      expect(only(call([task([hangUp()])], { name }), 'GC1014').value).toBe(name);
    }
  });

  it('GC1014 rejects invalid variable names, outcome names and the reserved Common.Outcome', () => {
    expect(only(call([task([hangUp()])], { variables: [Variable.string('Flow.1st')] }), 'GC1014').value).toBe('Flow.1st');
    expect(only(new CommonModuleFlow(moduleProps({ outcomes: ['ok', 'not ok'] as never, actions: [new EndSharedFlow('e', 'ok')] })), 'GC1014').value).toBe('not ok');
    expect(problems(new CommonModuleFlow(moduleProps({ outputs: [Variable.string('Common.Outcome')] }))).map((p) => p.code)).toContain('GC1014');
  });

  it('GC1015 rejects LoopNext and LoopExit outside a loop', () => {
    expect(only(call([task([new LoopNext('Next')])]), 'GC1015').path).toBe('dev/X > tasks > Main > Next');
    expect(only(call([task([new LoopExit('Exit')])]), 'GC1015').value).toBe('Exit');
  });

  it('GC1016 rejects bad values where they are written', () => {
    expect(() => Digits.exactly(0)).toThrow(/GC1016/);
    expect(() => Digits.exactly(2.5)).toThrow(/GC1016/);
    expect(() => Digits.between(6, 4)).toThrow(/GC1016/);
    expect(() => Prompt.tts('  ')).toThrow(/GC1016/);
    expect(() => new Loop('L', { counter: Variable.integer('Flow.N'), count: 0, body: [] })).toThrow(/GC1016.*Loop L/);
    expect(() => new CollectDigits('C', { into: Variable.string('Flow.P'), digits: Digits.exactly(4), noEntryTimeoutSeconds: 0, onSuccess: [], onFailure: [] })).toThrow(/GC1016/);
    expect(() => MenuChoice.disconnect('#' as never, 'x')).toThrow(/GC1016/);
    expect(() => new TransferToAcd('T', { queue: queueNamed('Q'), priority: 1.5 })).toThrow(/GC1016/);
  });

  it('GC1016 requires a shared flow to declare an outcome', () => {
    expect(problems(new CommonModuleFlow(moduleProps({ outcomes: [] as never }))).map((p) => p.code)).toContain('GC1016');
  });

  it('GC1017 rejects EndSharedFlow in a call flow and JumpToMenu in a shared flow', () => {
    expect(only(call([task([new EndSharedFlow('End', 'ok')])]), 'GC1017').path).toBe('dev/X > tasks > Main > End');
    expect(only(new CommonModuleFlow(moduleProps({ actions: [new JumpToMenu('Jump', 'M')] })), 'GC1017').value).toBe('Jump');
  });

  it('GC1018 rejects calling a shared flow not compatible with the caller type', () => {
    const messagingOnly = new CommonModuleFlow(moduleProps({ name: 'Msg', compatibleFlowTypes: ['commonmodule'] }));
    const c = new CallSharedFlow('Call', { flow: messagingOnly, inputs: { Account: Expr.string('a') }, outcomes: { ok: [hangUp('o')], failed: [hangUp('f')] } });
    expect(only(call([task([c])]), 'GC1018').value).toBe('inboundcall');
  });
});

describe('render', () => {
  it('throws FlowValidationError listing every problem, not just the first', () => {
    const def = call([task([new LoopNext('Next'), say('after')])], { name: ' bad', startUp: 'Nope' });
    let error: FlowValidationError | undefined;
    try {
      def.render('dev/X');
    } catch (e) {
      error = e as FlowValidationError;
    }
    expect(error).toBeInstanceOf(FlowValidationError);
    expect(error!.problems.map((p) => p.code).sort()).toEqual(['GC1003', 'GC1004', 'GC1004', 'GC1014', 'GC1015']);
    expect(error!.message).toContain('GC1015 [dev/X > tasks > Main > Next]');
    expect(error!.message).toContain('Fix: ');
  });
});
