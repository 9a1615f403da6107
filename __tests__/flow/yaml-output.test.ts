import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import {
  CallSharedFlow,
  CommonModuleFlow,
  Digits,
  Disconnect,
  Expr,
  InboundCallFlow,
  Menu,
  MenuChoice,
  PlayAudio,
  Prompt,
  Task,
  TransferToAcd,
  UpdateData,
  Variable,
  CollectDigits,
  Builtin,
  assign,
  dataActionNamed,
  queueNamed,
  sha256,
} from '../../flow';
import { ACCOUNT_LOOKUP_CONTRACT, PinAuthOutcome, pinAuthFlow } from '../../stacks/flows/pin-auth';

const GOLDEN = path.join(__dirname, '..', 'golden');

const ACCOUNT_LOOKUP = dataActionNamed('Account Data Actions', 'Account PIN Lookup', ACCOUNT_LOOKUP_CONTRACT);

function pinModule(): CommonModuleFlow<PinAuthOutcome> {
  return new CommonModuleFlow(pinAuthFlow({ flowName: 'Shared PIN Auth', division: 'Home', maxAttempts: 3, accountLookup: ACCOUNT_LOOKUP }));
}

/** A call flow with a menu, tasks, a module call, transfers and a quoted expression. */
function salesFlow(module = pinModule()): InboundCallFlow {
  const note = Variable.string('Flow.Note');
  const sales = { queueName: 'Sales', nameInFlow: '{{queue_sales}}' };
  const authenticate = new Task('Authenticate', [
    new UpdateData('Remember caller', [assign(note, Expr.append(Expr.string('He said "Hi" \\ '), Expr.string('ok')))]),
    new CallSharedFlow('Check PIN', {
      flow: module,
      inputs: { CallerNumber: Builtin.callAni },
      outcomes: {
        success: [
          new TransferToAcd('To Sales', {
            queue: sales,
            preTransferPrompt: Prompt.tts('Connecting you.'),
            onFailure: [new Disconnect('Sales failed')],
          }),
        ],
        unavailable: [new PlayAudio('Say unavailable', { prompt: Prompt.tts('Please try again later.') }), new Disconnect('Unavailable')],
        failure: [
          new TransferToAcd('To Operator', {
            queue: queueNamed('Operator'),
            failurePrompt: Prompt.tts('Nobody is available.'),
            onFailure: [new Disconnect('Operator failed')],
          }),
        ],
      },
    }),
  ]);
  const menu = new Menu('Main Menu', {
    prompt: Prompt.tts('For sales press 1. For the operator press 0. To hang up press 9.'),
    choices: [
      MenuChoice.jumpToTask('1', 'Sales', authenticate),
      MenuChoice.transferToAcd('0', 'Operator', queueNamed('Operator')),
      MenuChoice.runActions('5', 'Hours', [new PlayAudio('Say hours', { prompt: Prompt.tts('We are open 8 to 6.') }), new Disconnect('After hours')]),
      MenuChoice.disconnect('9', 'Hang up'),
    ],
  });
  return new InboundCallFlow({
    name: 'Sales IVR',
    description: 'Golden sample',
    startUp: menu,
    menus: [menu],
    tasks: [authenticate],
    variables: [note],
    initialGreeting: Prompt.tts('Welcome!'),
  });
}

function golden(file: string, actual: string): void {
  const target = path.join(GOLDEN, file);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(target, actual);
  expect(actual).toBe(fs.readFileSync(target, 'utf8'));
}

describe('golden Archy YAML', () => {
  it('PIN authentication module', () => golden('pin-auth.commonmodule.yaml', pinModule().render().yaml));
  // sales-ivr.inboundcall.yaml is owned by golden.test.ts (its own Sales IVR definition).
});

describe('YAML output', () => {
  it('is deterministic: equal definitions give byte-identical YAML and hash', () => {
    const a = salesFlow().render();
    const b = salesFlow().render();
    expect(b.yaml).toBe(a.yaml);
    expect(a.contentHash).toBe(sha256(a.yaml));
    expect(b.contentHash).toBe(a.contentHash);
  });

  it('quotes the "yes" and "no" decision outputs', () => {
    const yaml = pinModule().render().yaml;
    expect(yaml).toMatch(/^ +"yes":$/m);
    expect(yaml).toMatch(/^ +"no":$/m);
    expect(yaml).not.toMatch(/^ +(yes|no):$/m);
  });

  it('escapes expressions for Architect and for YAML', () => {
    const doc = parse(salesFlow().render().yaml);
    const statement = doc.inboundCall.tasks[0].task.actions[0].updateData.statements[0].string;
    expect(statement).toEqual({ variable: 'Flow.Note', value: { exp: 'Append("He said \\"Hi\\" \\\\ ", "ok")' } });
  });

  it('keeps substitution placeholders as plain strings', () => {
    const yaml = salesFlow().render().yaml;
    expect(yaml).toContain('name: "{{queue_sales}}"');
    const module = parse(yaml).inboundCall.tasks[0].task.actions;
    expect(module[2].decision.outputs.yes.actions[0].transferToAcd.targetQueue).toEqual({ lit: { name: '{{queue_sales}}' } });
  });

  it('renders a common module with the shapes real exports show', () => {
    const root = parse(pinModule().render().yaml).commonModule;
    expect(Object.keys(root)).toEqual([
      'name',
      'description',
      'division',
      'supportedLanguages',
      'variables',
      'settingsCommonModule',
      'startUpTaskActions',
    ]);
    expect(root.settingsCommonModule).toEqual({ compatibleFlowTypes: [{ flowType: 'inboundcall' }] });
    expect(root.variables).toContainEqual({
      stringVariable: { name: 'Common.CallerNumber', initialValue: { noValue: true }, isInput: true, isOutput: false },
    });
    expect(root.variables).toContainEqual({
      stringVariable: { name: 'Common.Outcome', initialValue: { noValue: true }, isInput: false, isOutput: true },
    });
    expect(root.variables).toContainEqual({
      integerVariable: { name: 'Common.AttemptsUsed', initialValue: { noValue: true }, isInput: false, isOutput: true },
    });
    const actions = JSON.stringify(root.startUpTaskActions);
    // endTask only as the last action, the outcome set with updateData, the loop left with loopExit.
    expect(root.startUpTaskActions[root.startUpTaskActions.length - 1]).toEqual({ endTask: { name: 'End PIN check' } });
    expect(actions.match(/"endTask"/g)).toHaveLength(1);
    expect(actions).toContain('"loopExit"');
    expect(root.startUpTaskActions[0]).toEqual({
      updateData: { name: 'Not yet authenticated', statements: [{ string: { variable: 'Common.Outcome', value: { exp: '"failure"' } } }] },
    });
  });

  it('calls a module under ver_latestPublished and branches on its outcome, the last outcome taking the rest', () => {
    const actions = parse(salesFlow().render().yaml).inboundCall.tasks[0].task.actions;
    expect(actions[1].callCommonModule).toEqual({
      name: 'Check PIN',
      commonModule: {
        'Shared PIN Auth': {
          ver_latestPublished: {
            inputs: { 'Common.CallerNumber': { exp: 'Call.Ani' } },
            outputs: {
              'Common.AccountNumber': { noValue: true },
              'Common.AttemptsUsed': { noValue: true },
              'Common.Outcome': { var: 'Flow.Check_PIN_Outcome' },
            },
          },
        },
      },
    });
    const decision = actions[2].decision;
    expect(decision.condition).toEqual({ exp: 'Flow.Check_PIN_Outcome == "success"' });
    expect(decision.outputs.yes.actions.map((a: object) => Object.keys(a)[0])).toEqual(['transferToAcd']);
    // The failure actions are inside the transfer, as the real exports write them.
    expect(Object.keys(decision.outputs.yes.actions[0].transferToAcd.outputs.failure.actions[0])).toEqual(['disconnect']);
    const unavailable = decision.outputs.no.actions[0].decision;
    expect(unavailable.condition).toEqual({ exp: 'Flow.Check_PIN_Outcome == "unavailable"' });
    expect(unavailable.outputs.yes.actions.map((a: object) => Object.keys(a)[0])).toEqual(['playAudio', 'disconnect']);
    expect(unavailable.outputs.no.actions[0].transferToAcd.targetQueue).toEqual({ lit: { name: 'Operator' } });
    expect(unavailable.outputs.no.actions[0].transferToAcd.failureTransferAudio).toEqual({ tts: 'Nobody is available.' });
  });

  it('renders menus, references and digits', () => {
    const root = parse(salesFlow().render().yaml).inboundCall;
    expect(root.startUpRef).toBe('/inboundCall/menus/menu[Main Menu]');
    expect(root.initialGreeting).toEqual({ tts: 'Welcome!' });
    expect(root.variables).toEqual([
      { stringVariable: { name: 'Flow.Note', initialValue: { noValue: true } } },
      { stringVariable: { name: 'Flow.Check_PIN_Outcome', initialValue: { noValue: true } } },
    ]);
    const choices = root.menus[0].menu.choices;
    expect(choices[0]).toEqual({ menuJumpToTask: { name: 'Sales', dtmf: 'digit_1', targetTaskRef: '/inboundCall/tasks/task[Authenticate]' } });
    expect(choices[1]).toEqual({ menuTransferToAcd: { name: 'Operator', dtmf: 'digit_0', targetQueue: { lit: { name: 'Operator' } } } });
    expect(choices[2].menuTask.task.actions).toHaveLength(2);
    expect(choices[3]).toEqual({ menuDisconnect: { name: 'Hang up', dtmf: 'digit_9' } });
  });

  it('renders digit ranges with a # terminator and the loop shape', () => {
    const pin = Variable.string('Flow.Pin');
    const collect = new CollectDigits('Account', {
      into: pin,
      digits: Digits.between(1, 6, { terminateWithPound: true }),
      onSuccess: [new Disconnect('a')],
      onFailure: [new Disconnect('b')],
    });
    const main = new Task('Main', [collect]);
    const yaml = parse(
      new InboundCallFlow({ name: 'X', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main], variables: [pin] }).render().yaml,
    );
    expect(yaml.inboundCall.tasks[0].task.actions[0].collectInput.digits).toEqual({ range: { min: 1, max: 6, terminatingDtmf: 'digit_#' } });
    const loops: Array<Record<string, any>> = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        for (const [key, value] of Object.entries(x)) {
          if (key === 'loop') loops.push(value as Record<string, any>);
          walk(value);
        }
      }
    };
    walk(parse(pinModule().render().yaml));
    const loop = loops.find((l) => l.name === 'Collect PIN tries')!;
    expect(loop).toMatchObject({ name: 'Collect PIN tries', currentIndex: { var: 'Common.Attempt' }, loopCount: { lit: 3 } });
    expect(Object.keys(loop.outputs.loop.actions[0])).toEqual(['collectInput']);
  });

  it('compares the PIN with the PIN the data action looked up, not a literal', () => {
    const yaml = pinModule().render().yaml;
    expect(yaml).toContain('exp: Common.Pin == Common.AccountPin');
    expect(yaml).not.toMatch(/"\d{4}"/);
  });
});
