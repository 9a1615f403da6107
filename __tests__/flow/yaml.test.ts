/**
 * The Archy YAML the flow definitions render: determinism and hashing, YAML quoting and escaping, and
 * the shape of every action, menu choice, module call and common-module root.
 */
import { createHash } from 'crypto';
import { parse, parseDocument } from 'yaml';
import {
  Action,
  Builtin,
  CallData,
  CallSharedFlow,
  CollectDigits,
  CommonModuleFlow,
  CommonModuleFlowProps,
  Decision,
  Digits,
  Disconnect,
  EndSharedFlow,
  Expr,
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
  QueueTarget,
  SetParticipantData,
  SetScreenPop,
  Task,
  TransferToAcd,
  TransferToVoicemail,
  UpdateData,
  Variable,
  assign,
  dataActionNamed,
  queueNamed,
  sha256,
} from '../../flow';
import { libraryYaml } from '../../flow/archy/yaml';

// ---------------------------------------------------------------------------------------------------
// Builders

const say = (id: string, text = 'Hello.') => new PlayAudio(id, { prompt: Prompt.tts(text) });
const hangUp = (id = 'Hang up') => new Disconnect(id);
const salesQueue: QueueTarget = { queueName: 'Sales', nameInFlow: '{{queue_sales}}' };
const supportQueue: QueueTarget = { queueName: 'Support', nameInFlow: '{{queue_support}}' };

/** An inbound call flow with one task `Main` holding `actions`. */
function oneTask(actions: Action[], extra: Partial<InboundCallFlowProps> = {}): InboundCallFlow {
  const main = new Task('Main', actions);
  return new InboundCallFlow({ name: 'Test IVR', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main], ...extra });
}

/** Parsed `inboundCall.tasks[0].task.actions` of a one-task flow. */
function taskActions(actions: Action[], extra: Partial<InboundCallFlowProps> = {}): any[] {
  return parse(oneTask(actions, extra).render().yaml).inboundCall.tasks[0].task.actions;
}

/** Parsed `commonModule.startUpTaskActions` of a module running `actions`. */
function moduleActions(actions: Action[], extra: Partial<CommonModuleFlowProps<string>> = {}): any[] {
  return parse(new CommonModuleFlow({ name: 'M', outcomes: ['ok'], actions, ...extra }).render().yaml).commonModule.startUpTaskActions;
}

const account = Variable.string('Common.Account');
const hint = Variable.string('Common.Hint');
const score = Variable.integer('Common.Score');
const pinOk = Variable.boolean('Common.PinOk');
const local = Variable.decimal('Common.Local');

/** A module with every kind of parameter: required and optional input, output, in/out, a local. */
function accountModule(outcomes: readonly string[] = ['ok', 'failed'], extra: Partial<CommonModuleFlowProps<string>> = {}): CommonModuleFlow<string> {
  return new CommonModuleFlow<string>({
    name: 'Account Check',
    description: 'Checks an account.',
    inputs: [account, { variable: hint, required: false, description: 'optional hint' }, pinOk],
    outputs: [score, pinOk],
    outcomes,
    variables: [local],
    actions: [
      new UpdateData('Set score', [assign(score, Expr.integer(7)), assign(local, Expr.decimal(0.5))]),
      new EndSharedFlow('Done', outcomes[0]),
    ],
    ...extra,
  });
}

/** A representative inbound call flow (menu, task, module call, transfers); a new object each call. */
function salesFlow(greeting = 'Welcome to Example Corp.'): InboundCallFlow {
  const module = accountModule();
  const note = Variable.string('Flow.Note');
  const flowScore = Variable.integer('Flow.Score');
  const work = new Task('Work', [
    new UpdateData('Remember', [assign(note, Expr.string('He said "Hi" \\o/'))]),
    new CallSharedFlow('Check account', {
      flow: module,
      inputs: { Account: Expr.right(Builtin.callAni, 4), PinOk: Expr.boolean(true) },
      outputs: { Score: flowScore },
      outcomes: {
        ok: [new TransferToAcd('To Sales', { queue: salesQueue, priority: 2, onFailure: [hangUp('Sales failed')] })],
        failed: [hangUp('Not found')],
      },
    }),
  ]);
  const menu = new Menu('Main Menu', {
    prompt: Prompt.tts('Press 1 for sales, 2 for support, 3 for hours, 0 to hang up.'),
    choices: [
      MenuChoice.jumpToTask('1', 'Sales', work),
      MenuChoice.transferToAcd('2', 'Support', supportQueue),
      MenuChoice.runActions('3', 'Hours', [say('Say hours', 'We are open 8 to 6.'), new JumpToMenu('Back', 'Main Menu')]),
      MenuChoice.disconnect('0', 'Goodbye'),
    ],
  });
  return new InboundCallFlow({
    name: 'Sales IVR',
    description: 'Main line',
    startUp: menu,
    menus: [menu],
    tasks: [work],
    variables: [note, flowScore],
    initialGreeting: Prompt.tts(greeting),
  });
}

// ---------------------------------------------------------------------------------------------------

describe('determinism and content hash', () => {
  it('renders the same definition twice to the same bytes', () => {
    const def = salesFlow();
    const first = def.render();
    const second = def.render();
    expect(second.yaml).toBe(first.yaml);
    expect(second.contentHash).toBe(first.contentHash);
  });

  it('renders two separately built equal definitions to the same bytes and hash', () => {
    const a = salesFlow().render();
    const b = salesFlow().render();
    expect(b.yaml).toBe(a.yaml);
    expect(b.contentHash).toBe(a.contentHash);
    const m1 = accountModule().render();
    const m2 = accountModule().render();
    expect(m2.yaml).toBe(m1.yaml);
    expect(m2.contentHash).toBe(m1.contentHash);
  });

  it('does not depend on the key order of inputs and outcome handlers', () => {
    const module = accountModule();
    const build = (reversed: boolean) => {
      const inputs = reversed ? { PinOk: Expr.boolean(false), Account: Expr.string('1') } : { Account: Expr.string('1'), PinOk: Expr.boolean(false) };
      const outcomes = reversed ? { failed: [hangUp('F')], ok: [hangUp('O')] } : { ok: [hangUp('O')], failed: [hangUp('F')] };
      return oneTask([new CallSharedFlow('Call', { flow: module, inputs, outcomes })]).render();
    };
    expect(build(true).yaml).toBe(build(false).yaml);
  });

  it('contentHash is the sha256 hex digest of the YAML', () => {
    for (const rendered of [salesFlow().render(), accountModule().render()]) {
      expect(rendered.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(rendered.contentHash).toBe(createHash('sha256').update(rendered.yaml, 'utf8').digest('hex'));
      expect(sha256(rendered.yaml)).toBe(rendered.contentHash);
    }
  });

  it('a changed definition changes the YAML and the hash', () => {
    const a = salesFlow('Welcome.').render();
    const b = salesFlow('Welcome!').render();
    expect(b.yaml).not.toBe(a.yaml);
    expect(b.contentHash).not.toBe(a.contentHash);
  });

  it('reports the flow type and name', () => {
    expect(salesFlow().render()).toMatchObject({ type: 'inboundcall', name: 'Sales IVR' });
    expect(accountModule().render()).toMatchObject({ type: 'commonmodule', name: 'Account Check' });
  });
});

describe('YAML syntax', () => {
  it('quotes the decision outputs "yes" and "no" so YAML 1.1 readers keep them as strings', () => {
    const yaml = oneTask([new Decision('Check', { condition: Expr.boolean(true), yes: [hangUp('y')], no: [hangUp('n')] })]).render().yaml;
    expect(yaml).toMatch(/^ +"yes":$/m);
    expect(yaml).toMatch(/^ +"no":$/m);
    expect(yaml).not.toMatch(/^ +(yes|no):/m);
    const outputs = parse(yaml, { version: '1.1' }).inboundCall.tasks[0].task.actions[0].decision.outputs;
    expect(Object.keys(outputs)).toEqual(['yes', 'no']);
  });

  it('quotes other YAML 1.1 booleans and numbers-as-text in values', () => {
    const flag = Variable.string('Flow.Flag');
    const yaml = oneTask([say('no', 'yes'), new UpdateData('off', [assign(flag, Expr.raw('string', '1:20'))]), hangUp('on')], {
      name: 'Y',
      variables: [flag],
    }).render().yaml;
    const doc = parseDocument(yaml, { version: '1.1' });
    expect(doc.errors).toEqual([]);
    const actions = (doc.toJS() as any).inboundCall.tasks[0].task.actions;
    expect(actions[0].playAudio).toEqual({ name: 'no', audio: { tts: 'yes' } });
    expect(actions[1].updateData.name).toBe('off');
    expect(actions[1].updateData.statements[0].string.value.exp).toBe('1:20');
    expect(actions[2].disconnect.name).toBe('on');
  });

  it('quotes a name << (key or value), which YAML 1.1 readers would take for a merge key, and it round-trips', () => {
    const tier = Variable.string('Flow.Tier');
    const action = dataActionNamed('<<', '<<', { inputs: { '<<': 'string' }, outputs: { '<<': 'string' } });
    const flow = oneTask([new CallData('Look up', { action, inputs: { '<<': Expr.string('v') }, outputs: { '<<': tier } }), hangUp()], {
      variables: [tier],
    });
    const yaml = flow.render().yaml;
    expect(yaml).not.toMatch(/(^|[ -])<<:/m);
    expect(libraryYaml(parse(yaml))).toBe(yaml);
    const written = { '<<': { dataAction: { '<<': { inputs: { '<<': { exp: '"v"' } }, successOutputs: { '<<': { var: 'Flow.Tier' } } } } } };
    for (const merge of [false, true]) {
      const doc = parseDocument(yaml, { version: '1.1', merge });
      expect(doc.errors).toEqual([]);
      expect((doc.toJS() as any).inboundCall.tasks[0].task.actions[0].callData.category).toEqual(written);
    }
    const screenPop = oneTask([new SetScreenPop('Pop', { script: '<<', inputs: { '<<': Expr.string('x') } }), hangUp()]).render().yaml;
    const pop = parse(screenPop, { version: '1.1', merge: true }).inboundCall.tasks[0].task.actions[0].setScreenPop;
    expect(pop.screenPopScript).toEqual({ '<<': { inputs: { '<<': { exp: '"x"' } } } });
    const named = oneTask([new SetParticipantData('<<', [{ attribute: '<<', value: Expr.string('x') }]), hangUp()]).render().yaml;
    expect(named).toContain('name: "<<"');
  });

  it('keeps long expressions and texts on one line (no folding)', () => {
    const text = 'This is a very long prompt that goes on and on, well past the usual eighty characters of a YAML line.';
    const note = Variable.string('Flow.Note');
    const exp = Expr.append(...Array.from({ length: 8 }, (_, i) => Expr.string(`part number ${i}`)));
    const yaml = oneTask([say('Long', text), new UpdateData('Long exp', [assign(note, exp)]), hangUp()], { variables: [note] }).render().yaml;
    expect(yaml).toContain(`tts: ${text}\n`);
    expect(yaml).toContain(`exp: ${exp.render()}\n`);
  });

  it('writes no anchors or aliases when objects are reused', () => {
    const prompt = Prompt.tts('Same prompt');
    const q = queueNamed('Shared queue');
    const actions = [
      new PlayAudio('One', { prompt }),
      new PlayAudio('Two', { prompt }),
      new TransferToAcd('T1', { queue: q, failurePrompt: prompt }),
      new TransferToAcd('T2', { queue: q, failurePrompt: prompt }),
      hangUp(),
    ];
    const yaml = oneTask(actions).render().yaml;
    expect(yaml).not.toMatch(/[&*][A-Za-z0-9]/);
    expect(parse(yaml).inboundCall.tasks[0].task.actions[3].transferToAcd.failureTransferAudio).toEqual({ tts: 'Same prompt' });
  });
});

describe('expression escaping', () => {
  it('escapes quotes for Architect and the YAML keeps the Architect text', () => {
    const e = Expr.string('He said "Hi"');
    expect(e.render()).toBe('"He said \\"Hi\\""');
    const note = Variable.string('Flow.Note');
    const actions = taskActions([new UpdateData('Set', [assign(note, e)]), hangUp()], { variables: [note] });
    expect(actions[0].updateData.statements[0]).toEqual({ string: { variable: 'Flow.Note', value: { exp: '"He said \\"Hi\\""' } } });
  });

  it('escapes backslashes before quotes', () => {
    expect(Expr.string('C:\\temp\\').render()).toBe('"C:\\\\temp\\\\"');
    expect(Expr.string('\\"').render()).toBe('"\\\\\\""');
  });

  it.each([
    ['quotes', 'He said "Hi"'],
    ['backslashes', 'C:\\temp\\new'],
    ['quote after backslash', 'a\\"b'],
    ['comment marker', 'press # now'],
    ['colon and space', 'key: value'],
    ['leading single quote', "'quoted'"],
    ['anchor and alias characters', '&a *b'],
    ['flow indicators', '[x], {y}'],
    ['substitution', '{{queue_sales}}'],
    ['percent and at', '%50 @home'],
    ['unicode', 'Grüße – 你好'],
    ['empty', ''],
  ])('an expression with %s survives the YAML round trip', (_name, text) => {
    const note = Variable.string('Flow.Note');
    const value = Expr.append(note.ref(), Expr.string(text));
    const doc = parseDocument(oneTask([new UpdateData('Set', [assign(note, value)]), hangUp()], { variables: [note] }).render().yaml, {
      version: '1.1',
    });
    expect(doc.errors).toEqual([]);
    const exp = (doc.toJS() as any).inboundCall.tasks[0].task.actions[0].updateData.statements[0].string.value.exp;
    expect(exp).toBe(value.render());
    expect(exp).toBe(`Append(Flow.Note, ${JSON.stringify(text)})`);
  });

  it('renders a string literal on its own as a quoted YAML scalar that parses back to the Architect literal', () => {
    const note = Variable.string('Flow.Note');
    const yaml = oneTask([new UpdateData('Set', [assign(note, Expr.string('ok'))]), hangUp()], { variables: [note] }).render().yaml;
    expect(yaml).toContain(`exp: '"ok"'`);
    expect(parse(yaml).inboundCall.tasks[0].task.actions[0].updateData.statements[0].string.value.exp).toBe('"ok"');
  });
});

describe('substitution placeholders', () => {
  it('survive as quoted strings in transfers and menu transfers', () => {
    const yaml = salesFlow().render().yaml;
    expect(yaml).toContain('name: "{{queue_sales}}"');
    expect(yaml).toContain('name: "{{queue_support}}"');
    const root = parse(yaml).inboundCall;
    const support = root.menus[0].menu.choices[1].menuTransferToAcd;
    expect(support.targetQueue).toEqual({ lit: { name: '{{queue_support}}' } });
    const decision = root.tasks[0].task.actions[2].decision;
    expect(decision.outputs.yes.actions[0].transferToAcd.targetQueue).toEqual({ lit: { name: '{{queue_sales}}' } });
  });

  it('write the queue name when no substitution stands in', () => {
    const actions = taskActions([new TransferToAcd('T', { queue: queueNamed('Plain Queue'), onFailure: [hangUp()] })]);
    expect(actions[0].transferToAcd.targetQueue).toEqual({ lit: { name: 'Plain Queue' } });
  });
});

describe('commonModule root', () => {
  const root = () => parse(accountModule().render().yaml).commonModule;

  it('has the settings and action list of a common module, in a fixed key order', () => {
    const r = root();
    expect(Object.keys(r)).toEqual([
      'name',
      'description',
      'division',
      'supportedLanguages',
      'variables',
      'settingsCommonModule',
      'startUpTaskActions',
    ]);
    expect(r.name).toBe('Account Check');
    expect(r.description).toBe('Checks an account.');
    expect(r.division).toBe('Home');
    expect(r.supportedLanguages).toEqual({ 'en-us': { none: true } });
    expect(r.settingsCommonModule).toEqual({ compatibleFlowTypes: [{ flowType: 'inboundcall' }] });
    expect(Array.isArray(r.startUpTaskActions)).toBe(true);
  });

  it('marks inputs and outputs with isInput/isOutput, and returns the outcome in Common.Outcome', () => {
    expect(root().variables).toEqual([
      { stringVariable: { name: 'Common.Account', initialValue: { noValue: true }, isInput: true, isOutput: false } },
      { stringVariable: { name: 'Common.Hint', initialValue: { noValue: true }, isInput: true, isOutput: false } },
      { booleanVariable: { name: 'Common.PinOk', initialValue: { noValue: true }, isInput: true, isOutput: true } },
      { integerVariable: { name: 'Common.Score', initialValue: { noValue: true }, isInput: false, isOutput: true } },
      { stringVariable: { name: 'Common.Outcome', initialValue: { noValue: true }, isInput: false, isOutput: true } },
      { decimalVariable: { name: 'Common.Local', initialValue: { noValue: true }, isInput: false, isOutput: false } },
    ]);
  });

  it('uses the given division, language and compatible flow types, and omits an absent description', () => {
    const r = parse(
      accountModule(['ok'], {
        description: undefined,
        division: 'Sales',
        language: 'fr-ca',
        compatibleFlowTypes: ['inboundcall', 'commonmodule'],
      }).render().yaml,
    ).commonModule;
    expect(r.description).toBeUndefined();
    expect(r.division).toBe('Sales');
    expect(r.supportedLanguages).toEqual({ 'fr-ca': { none: true } });
    expect(r.settingsCommonModule.compatibleFlowTypes).toEqual([{ flowType: 'inboundcall' }, { flowType: 'commonmodule' }]);
  });

  it('ends the module by setting Common.Outcome and ending the task', () => {
    expect(root().startUpTaskActions.slice(-2)).toEqual([
      { updateData: { name: 'Done: outcome ok', statements: [{ string: { variable: 'Common.Outcome', value: { exp: '"ok"' } } }] } },
      { endTask: { name: 'Done' } },
    ]);
  });

  it('ends nested paths the same way, inside their branch', () => {
    const n = Variable.integer('Common.N');
    const actions = moduleActions(
      [new Decision('Big?', { condition: n.ref().greaterThan(5), yes: [new EndSharedFlow('Big', 'ok')], no: [] }), new EndSharedFlow('Small', 'ok')],
      { variables: [n] },
    );
    expect(actions[0].decision.outputs.yes.actions).toEqual([
      { updateData: { name: 'Big: outcome ok', statements: [{ string: { variable: 'Common.Outcome', value: { exp: '"ok"' } } }] } },
      { endTask: { name: 'Big' } },
    ]);
    // Blueprint "Proactive callback offer.yaml": an output without actions is left out.
    expect(actions[0].decision.outputs).not.toHaveProperty('no');
    expect(actions.slice(1).map((a) => Object.keys(a)[0])).toEqual(['updateData', 'endTask']);
  });
});

describe('inboundCall root', () => {
  it('has name, description, division, language, startUpRef, greeting, variables, menus and tasks in that order', () => {
    const r = parse(salesFlow().render().yaml).inboundCall;
    expect(Object.keys(r)).toEqual([
      'name',
      'description',
      'division',
      'defaultLanguage',
      'startUpRef',
      'initialGreeting',
      'variables',
      'menus',
      'tasks',
    ]);
    expect(r.division).toBe('Home');
    expect(r.defaultLanguage).toBe('en-us');
    expect(r.initialGreeting).toEqual({ tts: 'Welcome to Example Corp.' });
  });

  it('declares variables without isInput/isOutput, then one outcome variable per module call', () => {
    expect(parse(salesFlow().render().yaml).inboundCall.variables).toEqual([
      { stringVariable: { name: 'Flow.Note', initialValue: { noValue: true } } },
      { integerVariable: { name: 'Flow.Score', initialValue: { noValue: true } } },
      { stringVariable: { name: 'Flow.Check_account_Outcome', initialValue: { noValue: true } } },
    ]);
  });

  it('omits what the flow does not have', () => {
    const r = parse(oneTask([hangUp()], { division: 'Support', language: 'de-de' }).render().yaml).inboundCall;
    expect(Object.keys(r)).toEqual(['name', 'division', 'defaultLanguage', 'startUpRef', 'initialGreeting', 'tasks']);
    expect(r.division).toBe('Support');
    expect(r.defaultLanguage).toBe('de-de');
  });

  it("leaves supportedLanguages out (real exports that have it also name a voice; the provider's own test flows leave it out)", () => {
    expect(parse(salesFlow().render().yaml).inboundCall.supportedLanguages).toBeUndefined();
  });

  it('always has an initial greeting, and refuses a flow without one (GC1016)', () => {
    const flow = new InboundCallFlow({ name: 'No greeting', startUp: new Task('Main', [hangUp()]), tasks: [] } as any);
    expect(flow.validate()).toContainEqual(expect.objectContaining({ code: 'GC1016', path: 'No greeting > initialGreeting' }));
  });
});

describe('callCommonModule', () => {
  it('passes inputs and outputs under commonModule.<module name>.ver_latestPublished and returns the outcome into Flow.<id>_Outcome', () => {
    const actions = parse(salesFlow().render().yaml).inboundCall.tasks[0].task.actions;
    expect(actions[1]).toEqual({
      callCommonModule: {
        name: 'Check account',
        commonModule: {
          'Account Check': {
            ver_latestPublished: {
              inputs: {
                'Common.Account': { exp: 'Right(Call.Ani, 4)' },
                'Common.Hint': { noValue: true },
                'Common.PinOk': { exp: 'true' },
              },
              outputs: {
                'Common.PinOk': { noValue: true },
                'Common.Score': { var: 'Flow.Score' },
                'Common.Outcome': { var: 'Flow.Check_account_Outcome' },
              },
            },
          },
        },
      },
    });
  });

  it('lists inputs and outputs sorted by name, with the outcome last', () => {
    const zeta = Variable.string('Common.Zeta');
    const alpha = Variable.integer('Common.Alpha');
    const module = new CommonModuleFlow({
      name: 'Sorted',
      inputs: [zeta, alpha],
      outputs: [zeta, alpha],
      outcomes: ['ok'],
      actions: [new EndSharedFlow('E', 'ok')],
    });
    const call = new CallSharedFlow('Call', {
      flow: module,
      inputs: { Zeta: Expr.string('z'), Alpha: Expr.integer(1) },
      outcomes: { ok: [hangUp()] },
    });
    const published = taskActions([call])[0].callCommonModule.commonModule.Sorted.ver_latestPublished;
    expect(Object.keys(published.inputs)).toEqual(['Common.Alpha', 'Common.Zeta']);
    expect(Object.keys(published.outputs)).toEqual(['Common.Alpha', 'Common.Zeta', 'Common.Outcome']);
  });

  it.each([
    ['CheckPin', 'Flow.CheckPin_Outcome'],
    ['Check PIN (v2)', 'Flow.Check_PIN_v2_Outcome'],
    ['1st check', 'Flow.Call_1st_check_Outcome'],
  ])('names the outcome variable of call %p %p', (id, variable) => {
    const module = new CommonModuleFlow({ name: 'Mod', outcomes: ['ok'], actions: [new EndSharedFlow('E', 'ok')] });
    const flow = oneTask([new CallSharedFlow(id, { flow: module, outcomes: { ok: [hangUp()] } })]);
    const r = parse(flow.render().yaml).inboundCall;
    expect(r.tasks[0].task.actions[0].callCommonModule.commonModule.Mod.ver_latestPublished.outputs).toEqual({ 'Common.Outcome': { var: variable } });
    expect(r.variables).toEqual([{ stringVariable: { name: variable, initialValue: { noValue: true } } }]);
  });

  it('branches on the outcome with one decision per outcome, in module order, the last outcome taking any other value', () => {
    const module = new CommonModuleFlow({ name: 'Tri', outcomes: ['ok', 'retry', 'failed'], actions: [new EndSharedFlow('E', 'ok')] });
    const call = new CallSharedFlow('Call', { flow: module, outcomes: { failed: [hangUp('F')], retry: [hangUp('R')], ok: [hangUp('O')] } });
    const actions = taskActions([call]);
    expect(actions).toHaveLength(2);
    expect(Object.keys(actions[0])).toEqual(['callCommonModule']);
    expect(actions[1]).toEqual({
      decision: {
        name: 'Call: outcome ok?',
        condition: { exp: 'Flow.Call_Outcome == "ok"' },
        outputs: {
          yes: { actions: [{ disconnect: { name: 'O' } }] },
          no: {
            actions: [
              {
                decision: {
                  name: 'Call: outcome retry?',
                  condition: { exp: 'Flow.Call_Outcome == "retry"' },
                  outputs: { yes: { actions: [{ disconnect: { name: 'R' } }] }, no: { actions: [{ disconnect: { name: 'F' } }] } },
                },
              },
            ],
          },
        },
      },
    });
  });

  it('runs the only outcome of a single-outcome module without a decision, and continues after the call', () => {
    const module = new CommonModuleFlow({ name: 'One', outcomes: ['done'], actions: [new EndSharedFlow('E', 'done')] });
    const actions = taskActions([new CallSharedFlow('Call', { flow: module, outcomes: { done: [say('After module')] } }), hangUp('Bye')]);
    expect(actions.map((a) => Object.keys(a)[0])).toEqual(['callCommonModule', 'playAudio', 'disconnect']);
    expect(actions[1].playAudio.name).toBe('After module');
  });

  it('places actions that follow the call after the outcome decisions', () => {
    const module = accountModule();
    const call = new CallSharedFlow('Call', {
      flow: module,
      inputs: { Account: Expr.string('1'), PinOk: Expr.boolean(true) },
      outcomes: { ok: [], failed: [say('Failed', 'Sorry.')] },
    });
    const actions = taskActions([call, hangUp('Bye')]);
    expect(actions.map((a) => Object.keys(a)[0])).toEqual(['callCommonModule', 'decision', 'disconnect']);
    // An outcome without actions has no output (as exports leave out an output without actions).
    expect(actions[1].decision.outputs).toEqual({
      no: { actions: [{ playAudio: { name: 'Failed', audio: { tts: 'Sorry.' } } }] },
    });
  });
});

describe('actions', () => {
  it('TransferToAcd: failureOutputs, then onFailure actions inside the action (DR-Emergency-IVR.yaml), then the next actions', () => {
    const transfer = new TransferToAcd('To Sales', {
      queue: salesQueue,
      preTransferPrompt: Prompt.tts('Connecting.'),
      failurePrompt: Prompt.tts('Nobody there.'),
      priority: 3,
      onFailure: [say('Sorry', 'Sorry.')],
    });
    const actions = taskActions([transfer, hangUp('Bye')]);
    expect(actions).toEqual([
      {
        transferToAcd: {
          name: 'To Sales',
          targetQueue: { lit: { name: '{{queue_sales}}' } },
          priority: { lit: 3 },
          preTransferAudio: { tts: 'Connecting.' },
          failureTransferAudio: { tts: 'Nobody there.' },
          languageSkill: { noValue: true },
          failureOutputs: { errorType: { noValue: true }, errorMessage: { noValue: true } },
          outputs: { failure: { actions: [{ playAudio: { name: 'Sorry', audio: { tts: 'Sorry.' } } }] } },
        },
      },
      { disconnect: { name: 'Bye' } },
    ]);
  });

  it('TransferToAcd without prompts or onFailure has priority 0, no outputs, and continues with the next action', () => {
    const actions = taskActions([new TransferToAcd('T', { queue: queueNamed('Q') }), hangUp('Bye')]);
    expect(actions).toEqual([
      {
        transferToAcd: {
          name: 'T',
          targetQueue: { lit: { name: 'Q' } },
          priority: { lit: 0 },
          languageSkill: { noValue: true },
          failureOutputs: { errorType: { noValue: true }, errorMessage: { noValue: true } },
        },
      },
      { disconnect: { name: 'Bye' } },
    ]);
  });

  it('Loop renders currentIndex, loopCount and outputs.loop.actions, with loopNext and loopExit', () => {
    const i = Variable.integer('Flow.I');
    const body = [new Decision('Third?', { condition: i.ref().equals(2), yes: [new LoopExit('Leave')], no: [new LoopNext('Again')] })];
    const actions = taskActions([new Loop('Retry', { counter: i, count: 5, body }), hangUp('After')], { variables: [i] });
    expect(actions).toEqual([
      {
        loop: {
          name: 'Retry',
          currentIndex: { var: 'Flow.I' },
          loopCount: { lit: 5 },
          outputs: {
            loop: {
              actions: [
                {
                  decision: {
                    name: 'Third?',
                    condition: { exp: 'Flow.I == 2' },
                    outputs: { yes: { actions: [{ loopExit: { name: 'Leave' } }] }, no: { actions: [{ loopNext: { name: 'Again' } }] } },
                  },
                },
              ],
            },
          },
        },
      },
      { disconnect: { name: 'After' } },
    ]);
  });

  it('CollectDigits renders collectInput with its variable, prompt, timeouts and both outputs', () => {
    const p = Variable.string('Flow.Pin');
    const collect = new CollectDigits('Collect PIN', {
      into: p,
      digits: Digits.exactly(4),
      prompt: Prompt.tts('Enter your PIN.'),
      noEntryTimeoutSeconds: 7,
      interDigitTimeoutSeconds: 2,
      onSuccess: [hangUp('Got it')],
      onFailure: [hangUp('No input')],
    });
    expect(taskActions([collect], { variables: [p] })[0]).toEqual({
      collectInput: {
        name: 'Collect PIN',
        inputData: { var: 'Flow.Pin' },
        digits: { exact: 4 },
        inputAudio: { tts: 'Enter your PIN.' },
        interDigitTimeout: { lit: { seconds: 2 } },
        noEntryTimeout: { lit: { seconds: 7 } },
        verificationType: 'none',
        outputs: { success: { actions: [{ disconnect: { name: 'Got it' } }] }, failure: { actions: [{ disconnect: { name: 'No input' } }] } },
      },
    });
  });

  it('leaves out an output without actions, as the blueprint exports do (a decision with only yes, a collectInput with only success)', () => {
    const p = Variable.string('Flow.Pin');
    const actions = taskActions(
      [
        new CollectDigits('Collect', {
          into: p,
          digits: Digits.exactly(1),
          onSuccess: [new Decision('One?', { condition: p.ref().equals('1'), yes: [say('Yes', 'One.')], no: [] })],
          onFailure: [],
        }),
        new TransferToVoicemail('VM', { queue: queueNamed('Q') }),
        hangUp('Bye'),
      ],
      { variables: [p] },
    );
    const collect = actions[0].collectInput;
    expect(Object.keys(collect.outputs)).toEqual(['success']);
    expect(Object.keys(collect.outputs.success.actions[0].decision.outputs)).toEqual(['yes']);
    expect(actions[1].transferToVoicemail).not.toHaveProperty('outputs');
    expect(actions[1].transferToVoicemail).toHaveProperty('failureOutputs');
  });

  it.each([
    [
      'Digits.between(1, 6, {terminateWithPound: true})',
      Digits.between(1, 6, { terminateWithPound: true }),
      { range: { min: 1, max: 6, terminatingDtmf: 'digit_#' } },
    ],
    ['Digits.between(1, 6)', Digits.between(1, 6), { range: { min: 1, max: 6 } }],
    [
      'Digits.between(4, 4, {terminateWithPound: true})',
      Digits.between(4, 4, { terminateWithPound: true }),
      { range: { min: 4, max: 4, terminatingDtmf: 'digit_#' } },
    ],
    ['Digits.between(4, 4)', Digits.between(4, 4), { exact: 4 }],
    ['Digits.exactly(4)', Digits.exactly(4), { exact: 4 }],
  ])('%s renders its digits spec', (_name, digits, expected) => {
    const p = Variable.string('Flow.Pin');
    const collect = new CollectDigits('C', { into: p, digits, onSuccess: [hangUp('s')], onFailure: [hangUp('f')] });
    const yaml = oneTask([collect], { variables: [p] }).render().yaml;
    expect(parse(yaml).inboundCall.tasks[0].task.actions[0].collectInput.digits).toEqual(expected);
    expect(parse(yaml).inboundCall.tasks[0].task.actions[0].collectInput).toMatchObject({
      interDigitTimeout: { noValue: true },
      noEntryTimeout: { lit: { seconds: 5 } },
    });
    if ('range' in expected && 'terminatingDtmf' in expected.range) expect(yaml).toContain('terminatingDtmf: digit_#\n');
  });

  it('Decision renders its condition and yes/no outputs', () => {
    const n = Variable.integer('Flow.N');
    const d = new Decision('Big?', {
      condition: Expr.and(n.ref().greaterThan(5), Expr.not(n.ref().equals(7))),
      yes: [hangUp('y')],
      no: [hangUp('n')],
    });
    expect(taskActions([d], { variables: [n] })[0]).toEqual({
      decision: {
        name: 'Big?',
        condition: { exp: '(Flow.N > 5) and not (Flow.N == 7)' },
        outputs: { yes: { actions: [{ disconnect: { name: 'y' } }] }, no: { actions: [{ disconnect: { name: 'n' } }] } },
      },
    });
  });

  it('UpdateData writes one statement per assignment, keyed by the variable type', () => {
    const s = Variable.string('Flow.S');
    const i = Variable.integer('Flow.I');
    const b = Variable.boolean('Flow.B');
    const d = Variable.decimal('Flow.D');
    const update = new UpdateData('Set all', [
      assign(s, Expr.string('x')),
      assign(i, Expr.plus(i.ref(), 1)),
      assign(b, Expr.boolean(true)),
      assign(d, Expr.decimal(2.5)),
    ]);
    expect(taskActions([update, hangUp()], { variables: [s, i, b, d] })[0]).toEqual({
      updateData: {
        name: 'Set all',
        statements: [
          { string: { variable: 'Flow.S', value: { exp: '"x"' } } },
          { integer: { variable: 'Flow.I', value: { exp: 'Flow.I + 1' } } },
          { boolean: { variable: 'Flow.B', value: { exp: 'true' } } },
          { decimal: { variable: 'Flow.D', value: { exp: '2.5' } } },
        ],
      },
    });
  });

  it('PlayAudio, Disconnect and JumpToMenu', () => {
    const menu = new Menu('Main Menu', { prompt: Prompt.tts('Choose.'), choices: [MenuChoice.disconnect('9', 'Bye')] });
    const actions = taskActions([say('Hi', 'Hi there.'), new JumpToMenu('Go', menu)], { menus: [menu] });
    expect(actions).toEqual([
      { playAudio: { name: 'Hi', audio: { tts: 'Hi there.' } } },
      { jumpToMenu: { name: 'Go', targetMenuRef: '/inboundCall/menus/menu[Main Menu]' } },
    ]);
    expect(taskActions([say('Hi'), hangUp('Bye')])[1]).toEqual({ disconnect: { name: 'Bye' } });
  });
});

describe('menus', () => {
  it('render each choice kind with dtmf digit_N and references into the flow', () => {
    const r = parse(salesFlow().render().yaml).inboundCall;
    expect(r.startUpRef).toBe('/inboundCall/menus/menu[Main Menu]');
    expect(r.menus).toHaveLength(1);
    const menu = r.menus[0].menu;
    expect(Object.keys(menu)).toEqual(['name', 'refId', 'audio', 'choices']);
    expect(menu.name).toBe('Main Menu');
    expect(menu.refId).toBe('Main Menu');
    expect(menu.audio).toEqual({ tts: 'Press 1 for sales, 2 for support, 3 for hours, 0 to hang up.' });
    expect(menu.choices).toEqual([
      { menuJumpToTask: { name: 'Sales', dtmf: 'digit_1', targetTaskRef: '/inboundCall/tasks/task[Work]' } },
      { menuTransferToAcd: { name: 'Support', dtmf: 'digit_2', targetQueue: { lit: { name: '{{queue_support}}' } } } },
      {
        menuTask: {
          name: 'Hours',
          dtmf: 'digit_3',
          task: {
            actions: [
              { playAudio: { name: 'Say hours', audio: { tts: 'We are open 8 to 6.' } } },
              { jumpToMenu: { name: 'Back', targetMenuRef: '/inboundCall/menus/menu[Main Menu]' } },
            ],
          },
        },
      },
      { menuDisconnect: { name: 'Goodbye', dtmf: 'digit_0' } },
    ]);
    expect(r.tasks.map((t: any) => t.task.name)).toEqual(['Work']);
    expect(r.tasks[0].task.refId).toBe('Work');
  });

  it('a menuJumpToTask given a task id refers to that task', () => {
    const work = new Task('Work', [hangUp()]);
    const menu = new Menu('M', { prompt: Prompt.tts('Choose.'), choices: [MenuChoice.jumpToTask('7', 'Go', 'Work')] });
    const r = parse(
      new InboundCallFlow({ name: 'X', initialGreeting: Prompt.tts('Hello.'), startUp: 'M', menus: [menu], tasks: [work] }).render().yaml,
    ).inboundCall;
    expect(r.startUpRef).toBe('/inboundCall/menus/menu[M]');
    expect(r.menus[0].menu.choices[0]).toEqual({ menuJumpToTask: { name: 'Go', dtmf: 'digit_7', targetTaskRef: '/inboundCall/tasks/task[Work]' } });
  });

  it('startUpRef names the task when the flow starts in a task (object or id)', () => {
    const main = new Task('Main Task', [hangUp()]);
    expect(
      parse(new InboundCallFlow({ name: 'X', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] }).render().yaml).inboundCall
        .startUpRef,
    ).toBe('/inboundCall/tasks/task[Main Task]');
    expect(
      parse(new InboundCallFlow({ name: 'X', initialGreeting: Prompt.tts('Hello.'), startUp: 'Main Task', tasks: [main] }).render().yaml).inboundCall
        .startUpRef,
    ).toBe('/inboundCall/tasks/task[Main Task]');
  });
});
