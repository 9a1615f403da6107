import { App, TerraformStack } from 'cdktf';
import { InboundIvr, Queue, SharedFlow } from '../constructs';
import {
  CollectDigits,
  Decision,
  Digits,
  EndSharedFlow,
  Expr,
  Loop,
  LoopExit,
  PlayAudio,
  Prompt,
  SetOutcome,
  Variable,
  sharedFlowOutcome,
} from '../flow';

const stack = new TerraformStack(new App(), 'example');
// (a real stack also declares the provider and a backend: see stacks/contact-center-stack.ts)
const pin = Variable.string('Common.Pin');
const expected = Variable.string('Common.ExpectedPin');
const attempt = Variable.integer('Common.Attempt');

const pinAuth = new SharedFlow(stack, 'PinAuth', {
  name: 'Shared PIN Auth',
  inputs: [expected], // Common.ExpectedPin, required
  outcomes: ['success', 'failure'], // put the safe outcome last: it also catches the unexpected
  variables: [pin, attempt],
  actions: [
    new SetOutcome('Assume failure', 'failure'),
    new Loop('PIN attempts', {
      counter: attempt,
      count: 3, // retries are bounded loops
      body: [
        new CollectDigits('Collect PIN', {
          into: pin,
          digits: Digits.exactly(4),
          prompt: Prompt.tts('Please enter your four digit PIN.'),
          onSuccess: [
            new Decision('PIN matches', {
              condition: pin.ref().equals(expected.ref()),
              yes: [new SetOutcome('Authenticated', 'success'), new LoopExit('Stop asking')],
              no: [new PlayAudio('Wrong PIN', { prompt: Prompt.tts('That PIN is not correct.') })],
            }),
          ],
          onFailure: [new PlayAudio('No PIN', { prompt: Prompt.tts('Sorry, I did not get a PIN.') })],
        }),
      ],
    }),
    new Decision('Authenticated?', {
      condition: sharedFlowOutcome().ref().equals('success'),
      yes: [],
      no: [new PlayAudio('Too many attempts', { prompt: Prompt.tts('We could not check your PIN.') })],
    }),
    new EndSharedFlow('Done'), // one trailing end, as real module exports have
  ],
});

new InboundIvr(stack, 'SalesIvr', {
  name: 'Sales IVR',
  greeting: Prompt.tts('Welcome to Example Corp sales.'),
  dnis: ['+13175550100'],
  didPool: { startPhoneNumber: '+13175550100', endPhoneNumber: '+13175550109' },
  sharedFlow: pinAuth,
  sharedFlowInputs: { ExpectedPin: Expr.string('1234') },
  routes: { success: new Queue(stack, 'Sales', { name: 'Sales' }), failure: Queue.fromName(stack, 'Operator', 'Operator') },
});
