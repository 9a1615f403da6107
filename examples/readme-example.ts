import { App, TerraformStack } from 'cdktf';
import { DataAction, InboundIvr, Integration, Queue, SharedFlow } from '../constructs';
import {
  Builtin,
  CallData,
  CollectDigits,
  Decision,
  Digits,
  EndSharedFlow,
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

// The account service answers the caller's PIN; its contract types the call below.
const lookup = new DataAction(stack, 'AccountLookup', {
  integration: Integration.fromName(stack, 'Accounts', 'Account Data Actions'), // credentials set up in Genesys
  name: 'Account PIN Lookup',
  inputs: { ani: 'string' },
  outputs: { pin: 'string' },
  request: { urlTemplate: 'https://accounts.example.com/pin?ani=$esc.url(${input.ani})', method: 'GET' }, // + stays +
  response: { translationMap: { pin: '$.pin' } },
});

const caller = Variable.string('Common.Caller');
const expected = Variable.string('Common.ExpectedPin');
const pin = Variable.string('Common.Pin');
const attempt = Variable.integer('Common.Attempt');

const pinAuth = new SharedFlow(stack, 'PinAuth', {
  name: 'Shared PIN Auth',
  inputs: [caller], // Common.Caller, required
  outcomes: ['success', 'failure'], // put the safe outcome last: it also catches the unexpected
  variables: [expected, pin, attempt],
  actions: [
    new SetOutcome('Assume failure', 'failure'),
    new CallData('Look up PIN', {
      action: lookup,
      inputs: { ani: caller.ref() }, // a missing or unknown input does not compile
      outputs: { pin: expected },
      onFailure: [new PlayAudio('Lookup failed', { prompt: Prompt.tts('We cannot check your account right now.') })],
      onSuccess: [
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
      ],
    }),
    new Decision('Authenticated?', {
      condition: sharedFlowOutcome().ref().equals('success'),
      yes: [],
      no: [new PlayAudio('Not authenticated', { prompt: Prompt.tts('We could not check your PIN.') })],
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
  sharedFlowInputs: { Caller: Builtin.callAni },
  routes: { success: new Queue(stack, 'Sales', { name: 'Sales' }), failure: Queue.fromName(stack, 'Operator', 'Operator') },
});
