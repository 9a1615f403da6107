import { SharedFlowProps } from '../../constructs';
import {
  CallData,
  DataActionTarget,
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

/** `unavailable`: the account service could not answer; `failure` (last: the safe one) covers the rest. */
export type PinAuthOutcome = 'success' | 'unavailable' | 'failure';

/**
 * The account service's lookup, as a data action contract: the caller's number and an account number
 * (empty when looking up by number) in; whether an account was found, its number and its PIN out.
 */
export const ACCOUNT_LOOKUP_CONTRACT = {
  inputs: { ani: 'string', accountNumber: 'string' },
  outputs: { found: 'boolean', accountNumber: 'string', pin: 'string' },
} as const;

export type AccountLookupContract = typeof ACCOUNT_LOOKUP_CONTRACT;
export type AccountLookupTarget = DataActionTarget<AccountLookupContract['inputs'], AccountLookupContract['outputs']>;

export interface PinAuthOptions {
  readonly flowName: string;
  readonly division: string;
  /** Attempts before the failure outcome; each no-input or wrong PIN uses one. */
  readonly maxAttempts: number;
  /** The data action that looks callers up (`ACCOUNT_LOOKUP_CONTRACT`). */
  readonly accountLookup: AccountLookupTarget;
}

/** Inputs and outputs of the PIN module, for callers and tests. */
export const PIN_AUTH = {
  /** Input: the caller's number (`Call.Ani`), the first lookup key. */
  callerNumber: Variable.string('Common.CallerNumber'),
  /** Output: the authenticated account (NOT_SET unless the outcome is success). */
  accountNumber: Variable.string('Common.AccountNumber'),
  /** Output: PIN tries used. */
  attemptsUsed: Variable.integer('Common.AttemptsUsed'),
};

/** What a lookup concluded: `found`, `unknown` (the service knows no such caller) or `error` (failure or timeout). */
const LOOKUP = { found: 'found', unknown: 'unknown', error: 'error' } as const;

/**
 * The seed's shared PIN authentication. It looks the caller up by number through the account data
 * action; a caller it does not know enters an account number, looked up the same way. A known caller
 * gets `maxAttempts` tries to enter the PIN the service returned: `success`, else `failure`. A lookup
 * that fails or times out ends with `unavailable` (the IVR routes it to the operator, as `failure`). The
 * PIN is compared with the looked-up value: no PIN is written in the flow. Written in the forms real
 * module exports show: outcomes set with `SetOutcome`, loops left with `LoopExit`, one trailing `EndSharedFlow`.
 */
export function pinAuthFlow(options: PinAuthOptions): SharedFlowProps<PinAuthOutcome> {
  const { callerNumber, accountNumber, attemptsUsed } = PIN_AUTH;
  const pin = Variable.string('Common.Pin');
  const attempt = Variable.integer('Common.Attempt');
  const enteredAccount = Variable.string('Common.EnteredAccount');
  const accountAttempt = Variable.integer('Common.AccountAttempt');
  const found = Variable.boolean('Common.Found');
  const accountPin = Variable.string('Common.AccountPin');
  const foundAccount = Variable.string('Common.FoundAccount');
  const lookupResult = Variable.string('Common.LookupResult');

  const lookUp = (id: string, account: Variable<'string'> | undefined): CallData =>
    new CallData(id, {
      action: options.accountLookup,
      inputs: { ani: callerNumber.ref(), accountNumber: account ? account.ref() : Expr.string('') },
      outputs: { found, accountNumber: foundAccount, pin: accountPin },
      onSuccess: [
        new Decision(`${id}: found?`, {
          condition: found.ref().equals(true),
          yes: [new UpdateData(`${id}: found`, [assign(lookupResult, Expr.string(LOOKUP.found))])],
          no: [new UpdateData(`${id}: unknown`, [assign(lookupResult, Expr.string(LOOKUP.unknown))])],
        }),
      ],
      onFailure: [new UpdateData(`${id}: failed`, [assign(lookupResult, Expr.string(LOOKUP.error))])],
      onTimeout: [new UpdateData(`${id}: timed out`, [assign(lookupResult, Expr.string(LOOKUP.error))])],
    });

  return {
    name: options.flowName,
    description: 'Looks the caller up through the account data action and checks the PIN. Outcome success, unavailable or failure.',
    division: options.division,
    inputs: [{ variable: callerNumber, description: "The caller's number (Call.Ani)" }],
    outputs: [accountNumber, attemptsUsed],
    outcomes: ['success', 'unavailable', 'failure'],
    variables: [pin, attempt, enteredAccount, accountAttempt, found, accountPin, foundAccount, lookupResult],
    actions: [
      new SetOutcome('Not yet authenticated', 'failure'),
      new UpdateData('No attempts yet', [assign(attemptsUsed, Expr.integer(0)), assign(lookupResult, Expr.string(LOOKUP.unknown))]),
      lookUp('Look up caller by number', undefined),
      new Decision('Caller unknown by number?', {
        condition: lookupResult.ref().equals(LOOKUP.unknown),
        yes: [
          collectWithRetries('Collect account number', {
            collect: {
              into: enteredAccount,
              digits: Digits.between(6, 10, { terminateWithPound: true }),
              prompt: Prompt.tts('Please enter your account number, then press the pound key.'),
              noEntryTimeoutSeconds: 5,
            },
            attempts: options.maxAttempts,
            counter: accountAttempt,
            onValid: [lookUp('Look up account', enteredAccount), new LoopExit('Account entered')],
            noInputPrompt: Prompt.tts('Sorry, I did not get an account number.'),
          }),
        ],
        no: [],
      }),
      new Decision('Account found?', {
        condition: lookupResult.ref().equals(LOOKUP.found),
        yes: [
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
            isValid: pin.ref().equals(accountPin.ref()),
            onValid: [
              new UpdateData('Count attempts', [assign(attemptsUsed, Expr.plus(attempt.ref(), 1)), assign(accountNumber, foundAccount.ref())]),
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
        ],
        no: [
          new Decision('Lookup failed?', {
            condition: lookupResult.ref().equals(LOOKUP.error),
            yes: [
              new SetOutcome('Lookup unavailable', 'unavailable'),
              new PlayAudio('Say lookup unavailable', {
                prompt: Prompt.tts('We cannot reach your account right now. Let me transfer you to an operator.'),
              }),
            ],
            no: [
              new PlayAudio('Say caller not found', { prompt: Prompt.tts('We could not find your account. Let me transfer you to an operator.') }),
            ],
          }),
        ],
      }),
      new EndSharedFlow('End PIN check'),
    ],
  };
}
