/**
 * Golden Archy YAML for a representative PIN-auth common module and the inbound call flow that calls it.
 * Any change to the emitter shows up as a diff of these files. To accept a deliberate change, run
 *   UPDATE_GOLDEN=1 npx jest __tests__/flow/golden.test.ts
 * then review the diff of __tests__/golden/ before committing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
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
  QueueTarget,
  Task,
  TransferToAcd,
  UpdateData,
  Variable,
  assign,
  queueNamed,
  sharedFlowOutcome,
} from '../../flow';

const GOLDEN_DIR = path.join(__dirname, '..', 'golden');
const MODULE_FILE = 'pin-auth.module.yaml';
const INBOUND_FILE = 'sales-ivr.inboundcall.yaml';

type PinOutcome = 'success' | 'failure';

/**
 * PIN authentication: up to 3 attempts to enter exactly 4 digits; each entry is compared with the
 * `ExpectedPin` input. Ends with `success` (PIN matched) or `failure` (attempts used up).
 */
function pinAuthModule(): CommonModuleFlow<PinOutcome> {
  const expectedPin = Variable.string('Common.ExpectedPin');
  const attemptsUsed = Variable.integer('Common.AttemptsUsed');
  const pin = Variable.string('Common.Pin');
  const attempt = Variable.integer('Common.Attempt');
  return new CommonModuleFlow<PinOutcome>({
    name: 'PIN Auth',
    description: 'Asks for a 4-digit PIN up to 3 times and compares it with ExpectedPin.',
    inputs: [{ variable: expectedPin, description: 'The PIN the caller must enter' }],
    outputs: [attemptsUsed],
    outcomes: ['success', 'failure'],
    variables: [pin, attempt],
    actions: [
      new SetOutcome('Assume failure', 'failure'),
      new UpdateData('All attempts used', [assign(attemptsUsed, Expr.integer(3))]),
      new Loop('PIN attempts', {
        counter: attempt,
        count: 3,
        body: [
          new CollectDigits('Collect PIN', {
            into: pin,
            digits: Digits.exactly(4),
            prompt: Prompt.tts('Please enter your 4-digit PIN.'),
            noEntryTimeoutSeconds: 5,
            interDigitTimeoutSeconds: 3,
            onSuccess: [
              new Decision('PIN correct?', {
                condition: pin.ref().equals(expectedPin.ref()),
                yes: [
                  new UpdateData('Count attempts', [assign(attemptsUsed, Expr.plus(attempt.ref(), 1))]),
                  new SetOutcome('PIN accepted', 'success'),
                  new LoopExit('Stop asking'),
                ],
                no: [new PlayAudio('Wrong PIN', { prompt: Prompt.tts('That PIN is not correct.') }), new LoopNext('Try again')],
              }),
            ],
            onFailure: [new PlayAudio('No PIN', { prompt: Prompt.tts('Sorry, I did not get your PIN.') })],
          }),
        ],
      }),
      new Decision('PIN accepted?', {
        condition: sharedFlowOutcome().ref().equals('success'),
        yes: [],
        no: [new PlayAudio('Too many attempts', { prompt: Prompt.tts('We could not verify your PIN.') })],
      }),
      new EndSharedFlow('End PIN check'),
    ],
  });
}

/** Sales line: a main menu; option 1 verifies the caller's PIN, then transfers to the sales queue. */
function salesIvr(module: CommonModuleFlow<PinOutcome>): InboundCallFlow {
  const sales: QueueTarget = { queueName: 'Sales', nameInFlow: '{{queue_sales}}' };
  const support: QueueTarget = { queueName: 'Support', nameInFlow: '{{queue_support}}' };
  const operator = queueNamed('Operator');
  const attempts = Variable.integer('Flow.PinAttempts');
  const note = Variable.string('Flow.Note');

  const verify = new Task('Verify caller', [
    new UpdateData('Remember caller', [assign(note, Expr.append(Expr.string('Sales line "PIN" check for '), Builtin.callAni))]),
    new CallSharedFlow('Check PIN', {
      flow: module,
      inputs: { ExpectedPin: Expr.string('4321') },
      outputs: { AttemptsUsed: attempts },
      outcomes: {
        success: [
          new TransferToAcd('To Sales', {
            queue: sales,
            preTransferPrompt: Prompt.tts('Thank you. Connecting you to sales.'),
            priority: 5,
            onFailure: [
              new PlayAudio('Sales unavailable', { prompt: Prompt.tts('Sales is not available right now.') }),
              new JumpToMenu('Back to menu', 'Main Menu'),
            ],
          }),
        ],
        failure: [
          new TransferToAcd('To Operator', {
            queue: operator,
            failurePrompt: Prompt.tts('Nobody is available. Goodbye.'),
            onFailure: [new Disconnect('Operator failed')],
          }),
        ],
      },
    }),
  ]);

  const menu = new Menu('Main Menu', {
    prompt: Prompt.tts('For sales press 1. For support press 2. For our opening hours press 3. To hang up press 9.'),
    choices: [
      MenuChoice.jumpToTask('1', 'Sales', verify),
      MenuChoice.transferToAcd('2', 'Support', support),
      MenuChoice.runActions('3', 'Opening hours', [
        new PlayAudio('Say hours', { prompt: Prompt.tts('We are open from 8 to 6, Monday to Friday.') }),
        new JumpToMenu('Hours back to menu', 'Main Menu'),
      ]),
      MenuChoice.disconnect('9', 'Goodbye'),
    ],
  });

  return new InboundCallFlow({
    name: 'Sales IVR',
    description: 'Main sales line',
    startUp: menu,
    menus: [menu],
    tasks: [verify],
    variables: [attempts, note],
    initialGreeting: Prompt.tts('Thank you for calling Example Corp.'),
  });
}

/** Compares `actual` with the golden file, or writes it when UPDATE_GOLDEN=1. */
function expectGolden(file: string, actual: string): void {
  const target = path.join(GOLDEN_DIR, file);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(target, actual);
  }
  if (!fs.existsSync(target)) throw new Error(`golden file ${target} is missing; run with UPDATE_GOLDEN=1 to create it`);
  expect(actual).toBe(fs.readFileSync(target, 'utf8'));
}

describe('golden Archy YAML', () => {
  it('the definitions are valid', () => {
    const module = pinAuthModule();
    expect(module.validate('golden')).toEqual([]);
    expect(salesIvr(module).validate('golden')).toEqual([]);
  });

  it(`PIN-auth common module matches ${MODULE_FILE}`, () => {
    expectGolden(MODULE_FILE, pinAuthModule().render().yaml);
  });

  it(`sales inbound call flow matches ${INBOUND_FILE}`, () => {
    expectGolden(INBOUND_FILE, salesIvr(pinAuthModule()).render().yaml);
  });

  it.each([MODULE_FILE, INBOUND_FILE])('%s is well-formed YAML 1.1 with a single flow root', (file) => {
    const doc = parseDocument(fs.readFileSync(path.join(GOLDEN_DIR, file), 'utf8'), { version: '1.1' });
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
    expect(Object.keys(doc.toJS())).toEqual([file.endsWith('.module.yaml') ? 'commonModule' : 'inboundCall']);
  });
});
