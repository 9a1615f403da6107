import { SharedFlowProps } from '../../constructs';
import {
  Decision,
  Digits,
  EndSharedFlow,
  Expr,
  LoopExit,
  PlayAudio,
  Prompt,
  SetOutcome,
  UpdateData,
  Variable,
  assign,
  collectWithRetries,
  sharedFlowOutcome,
} from '../../flow';

export type PinAuthOutcome = 'success' | 'failure';

export interface PinAuthOptions {
  readonly flowName: string;
  readonly division: string;
  /** Attempts before the failure outcome; each no-input or wrong PIN uses one. */
  readonly maxAttempts: number;
}

/** Inputs and outputs of the PIN module, for callers and tests. */
export const PIN_AUTH = {
  expectedPin: Variable.string('Common.ExpectedPin'),
  attemptsUsed: Variable.integer('Common.AttemptsUsed'),
};

/**
 * The seed's shared PIN authentication: collect a 4-digit PIN, compare it with the PIN the caller
 * passes in (`ExpectedPin`, supplied per environment), re-prompt on no input or a wrong PIN, and end
 * with `success` or, once the attempts run out, `failure`. Written in the forms real module exports
 * show: the outcome is set (`SetOutcome`), the loop left with `LoopExit`, and the module ends with one
 * trailing `EndSharedFlow`.
 */
export function pinAuthFlow(options: PinAuthOptions): SharedFlowProps<PinAuthOutcome> {
  const pin = Variable.string('Common.Pin');
  const attempt = Variable.integer('Common.Attempt');
  const { expectedPin, attemptsUsed } = PIN_AUTH;
  return {
    name: options.flowName,
    description: 'Collects and checks a 4-digit PIN. Outcome success or failure; AttemptsUsed counts tries.',
    division: options.division,
    inputs: [{ variable: expectedPin, description: 'The PIN that authenticates the caller' }],
    outputs: [attemptsUsed],
    outcomes: ['success', 'failure'],
    variables: [pin, attempt],
    actions: [
      new SetOutcome('Not yet authenticated', 'failure'),
      new UpdateData('All attempts used', [assign(attemptsUsed, Expr.integer(options.maxAttempts))]),
      collectWithRetries('Collect PIN', {
        collect: {
          into: pin,
          digits: Digits.exactly(4),
          prompt: Prompt.tts('Please enter your four digit PIN.'),
          noEntryTimeoutSeconds: 5,
        },
        attempts: options.maxAttempts,
        counter: attempt,
        isValid: pin.ref().equals(expectedPin.ref()),
        onValid: [
          new UpdateData('Count attempts', [assign(attemptsUsed, Expr.plus(attempt.ref(), 1))]),
          new SetOutcome('Authenticated', 'success'),
          new LoopExit('PIN accepted'),
        ],
        noInputPrompt: Prompt.tts('Sorry, I did not get a PIN.'),
        badInputPrompt: Prompt.tts('That PIN is not correct.'),
      }),
      new Decision('Authenticated?', {
        condition: sharedFlowOutcome().ref().equals('success'),
        yes: [],
        no: [new PlayAudio('Not authenticated', { prompt: Prompt.tts('We could not check your PIN. Let me transfer you to an operator.') })],
      }),
      new EndSharedFlow('End PIN check'),
    ],
  };
}
