import { CallFlow, InQueueFlow, Queue } from '../../constructs';
import {
  Disconnect,
  HoldMusic,
  InQueueCallFlow,
  InboundCallFlow,
  Prompt,
  Task,
  TransferToAcd,
  TransferToFlow,
  flowNamed,
  queueNamed,
} from '../../flow';
import { problemsThrownBy, synthJson, testStack } from '../support/fixtures';

/** A call flow whose only task transfers to `queue`, with `inQueueFlow` as the override when given. */
function transferringFlow(name: string, props: ConstructorParameters<typeof TransferToAcd>[1]) {
  const main = new Task('Main', [new TransferToAcd('To queue', props), new Disconnect('Hang up')]);
  return { name, initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] };
}

const bareHold = () => new InQueueCallFlow({ name: 'Hold', actions: [new HoldMusic('Hold Music')] });

describe('GC2013 through a queue: a flow transferring to a queue is published after the queue, and so after its in-queue flow', () => {
  it('refuses a call flow transferring to a queue whose in-queue flow transfers back to that call flow (Main → queue Sales → Hold → Main)', () => {
    const stack = testStack();
    const hold = new InQueueFlow(stack, 'Hold', {
      name: 'Hold',
      actions: [new TransferToFlow('Back to main', { flow: flowNamed('Main', 'inboundcall') }), new HoldMusic('Hold Music')],
    });
    const sales = new Queue(stack, 'Sales', { name: 'Sales', inQueueFlow: hold });
    expect(problemsThrownBy(() => new CallFlow(stack, 'Main', transferringFlow('Main', { queue: sales })))).toEqual([
      expect.objectContaining({ code: 'GC2013', path: 'test-stack/Main', value: 'Main → Hold → Main' }),
    ]);
  });

  it('accepts the queue when its in-queue flow does not name the call flow', () => {
    const stack = testStack();
    const hold = new InQueueFlow(stack, 'Hold', { name: 'Hold', actions: [new HoldMusic('Hold Music')] });
    const sales = new Queue(stack, 'Sales', { name: 'Sales', inQueueFlow: hold });
    new CallFlow(stack, 'Main', transferringFlow('Main', { queue: sales }));
    expect(Object.keys(synthJson(stack).resource.genesyscloud_flow)).toHaveLength(2);
  });
});

describe('GC2024: a flow named as a bare definition (never published, never ordered)', () => {
  it('refuses a call flow whose TransferToAcd overrides the in-queue flow with a bare InQueueCallFlow, adding nothing', () => {
    const stack = testStack();
    expect(
      problemsThrownBy(() => new CallFlow(stack, 'Main', transferringFlow('Main', { queue: queueNamed('Sales'), inQueueFlow: bareHold() }))),
    ).toEqual([expect.objectContaining({ code: 'GC2024', path: 'test-stack/Main', value: 'Hold', fix: expect.stringContaining('InQueueFlow') })]);
    expect(stack.node.tryFindChild('Main')).toBeUndefined();
  });

  it('refuses an in-queue flow naming a bare definition (here a transfer to a bare call flow), before adding its node', () => {
    const stack = testStack();
    const main = new Task('Main', [new HoldMusic('Hold Music')]);
    const bareMain = new InboundCallFlow({ name: 'Main', initialGreeting: Prompt.tts('Hi.'), startUp: main, tasks: [main] });
    const props = { name: 'Hold', actions: [new TransferToFlow('To main', { flow: bareMain }), new HoldMusic('Hold Music')] };
    expect(problemsThrownBy(() => new InQueueFlow(stack, 'Hold', props))).toEqual([expect.objectContaining({ code: 'GC2024', value: 'Main' })]);
    expect(stack.node.tryFindChild('Hold')).toBeUndefined();
  });

  it('accepts the InQueueFlow construct, and a name-only flowNamed target', () => {
    const stack = testStack();
    const hold = new InQueueFlow(stack, 'Hold', { name: 'Hold', actions: [new HoldMusic('Hold Music')] });
    new CallFlow(stack, 'Main', transferringFlow('Main', { queue: queueNamed('Sales'), inQueueFlow: hold }));
    new CallFlow(stack, 'Other', transferringFlow('Other', { queue: queueNamed('Sales'), inQueueFlow: flowNamed('Elsewhere Hold', 'inqueuecall') }));
    expect(Object.keys(synthJson(stack).resource.genesyscloud_flow)).toHaveLength(3);
  });

  it("refuses a bare InQueueCallFlow as a queue's in-queue flow (it has no id to bind) (GC2014)", () => {
    const stack = testStack();
    expect(problemsThrownBy(() => new Queue(stack, 'Sales', { name: 'Sales', inQueueFlow: bareHold() as never }))).toEqual([
      expect.objectContaining({ code: 'GC2014', value: 'Hold', fix: expect.stringContaining('InQueueFlow construct') }),
    ]);
  });
});
