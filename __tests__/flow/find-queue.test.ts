/**
 * FindQueue (issue 15): a queue by a name computed at run time, found / notFound branches, and the found
 * queue as the target of a TransferToAcd inside the found branch (GC1031 anywhere else).
 */
import { parse } from 'yaml';
import {
  Expr,
  FindQueue,
  GetParticipantData,
  HoldMusic,
  InboundCallFlow,
  InQueueCallFlow,
  Menu,
  MenuChoice,
  PlayAudio,
  Prompt,
  TransferToAcd,
  TransferToVoicemail,
  UNVERIFIED_SHAPES,
  Variable,
  Disconnect,
} from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';
import { inboundFlowOf } from '../support/flow-builders';

const PATH = 'dev/Hold';
const target = Variable.string('Task.Target');

/** Reads the queue name from participant data, finds it and transfers there; else hold music. */
function routing(name = 'Find target'): { flow: InQueueCallFlow; find: FindQueue } {
  const find = new FindQueue(name, {
    queueName: target.ref(),
    onFound: (queue) => [new TransferToAcd('To found queue', { queue })],
    onNotFound: [new PlayAudio('Not found', { prompt: Prompt.tts('Please keep holding.') })],
  });
  return {
    find,
    flow: new InQueueCallFlow({
      name: 'Hold',
      variables: [target],
      actions: [new GetParticipantData('Read target', [{ attribute: 'target', into: target }]), find, new HoldMusic('Hold Music')],
    }),
  };
}

describe('FindQueue validation', () => {
  it('accepts a transfer to the found queue inside the found branch', () => {
    const { flow, find } = routing();
    expect(flow.validate(PATH)).toEqual([]);
    expect(find.onFound).toEqual([expect.objectContaining({ kind: 'transferToAcd', queue: find.foundQueue })]);
    // Only queues named in the YAML are targets a construct must substitute or depend on.
    expect(flow.queueTargets()).toEqual([]);
  });

  it('refuses the found queue outside the found branch (GC1031): it exists only there', () => {
    const find = new FindQueue('Find', { queueName: Expr.string('Sales'), onFound: [] });
    const flow = new InQueueCallFlow({
      name: 'Hold',
      actions: [find, new TransferToAcd('Too early', { queue: find.foundQueue }), new HoldMusic('Hold Music')],
    });
    expect(flow.validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1031', value: 'Too early', path: `${PATH} > startUpTaskActions > Too early` }),
    ]);
  });

  it('refuses the found queue as a voicemail target (GC1031): only a TransferToAcd can use it', () => {
    const find = new FindQueue('Find', { queueName: Expr.string('Sales'), onFound: (queue) => [new TransferToVoicemail('VM', { queue })] });
    const flow = new InQueueCallFlow({ name: 'Hold', actions: [find, new HoldMusic('Hold Music')] });
    expect(flow.validate(PATH).map((p) => p.code)).toEqual(['GC1031']);
  });

  it('refuses two FindQueues whose ids give the same found-queue variable (GC1002)', () => {
    const flow = new InQueueCallFlow({
      name: 'Hold',
      actions: [
        new FindQueue('Find a', { queueName: Expr.string('A'), onFound: [] }),
        new FindQueue('Find_a', { queueName: Expr.string('B'), onFound: [] }),
        new HoldMusic('Hold Music'),
      ],
    });
    expect(flow.validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1002', value: 'Find_a', message: expect.stringContaining('Task.FoundQueue_Find_a') }),
    ]);
  });

  it('refuses a FindQueue whose found-queue variable is also a declared variable (GC1002)', () => {
    const declared = Variable.integer('Task.FoundQueue_Find');
    const flow = new InQueueCallFlow({
      name: 'Hold',
      variables: [declared],
      actions: [
        new FindQueue('Find', { queueName: Expr.string('Sales'), onFound: (queue) => [new TransferToAcd('To it', { queue })] }),
        new HoldMusic('Hold Music'),
      ],
    });
    expect(flow.validate(PATH)).toEqual([
      expect.objectContaining({
        code: 'GC1002',
        value: 'Find',
        message: expect.stringContaining('Task.FoundQueue_Find is also a declared variable'),
      }),
    ]);
  });

  it('refuses the found queue as the queue of a menu choice (GC1031): a menu is never inside the found branch', () => {
    const find = new FindQueue('Find', { queueName: Expr.string('Sales'), onFound: [] });
    const menu = new Menu('Main menu', { prompt: Prompt.tts('Press 1'), choices: [MenuChoice.transferToAcd('1', 'To found', find.foundQueue)] });
    const flow = new InboundCallFlow({ name: 'IVR', initialGreeting: Prompt.tts('Hi'), startUp: menu, menus: [menu] });
    expect(flow.validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1031', value: 'To found', path: `${PATH} > menus > Main menu > To found` }),
    ]);
    // It is not a queue the YAML names, so no construct substitutes or depends on it.
    expect(flow.queueTargets()).toEqual([]);
  });

  it('is refused in an inbound call flow (GC1017)', () => {
    const flow = inboundFlowOf('IVR', [new FindQueue('Find', { queueName: Expr.string('Sales'), onFound: [] }), new Disconnect('Bye')]);
    expect(flow.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1017', value: 'Find' })]);
  });

  it('checks the queue name as a string expression over declared variables (GC1006)', () => {
    const find = new FindQueue('Find', { queueName: Variable.string('Task.Missing').ref(), onFound: [] });
    expect(new InQueueCallFlow({ name: 'Hold', actions: [find, new HoldMusic('Hold Music')] }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1006', value: 'Task.Missing' }),
    ]);
  });
});

describe('FindQueue Archy shape (unverified)', () => {
  it('writes the name expression, the result variable and both outputs; the transfer names that variable', () => {
    const actions = parse(routing().flow.render().yaml).inqueueCall.startUpTaskActions;
    expect(actions[1]).toEqual({
      findQueue: {
        name: 'Find target',
        findName: { exp: 'Task.Target' },
        findResult: { var: 'Task.FoundQueue_Find_target' },
        outputs: {
          found: {
            actions: [
              {
                transferToAcd: {
                  name: 'To found queue',
                  targetQueue: { var: 'Task.FoundQueue_Find_target' },
                  priority: { lit: 0 },
                  languageSkill: { noValue: true },
                  failureOutputs: { errorType: { noValue: true }, errorMessage: { noValue: true } },
                },
              },
            ],
          },
          notFound: { actions: [{ playAudio: { name: 'Not found', audio: { tts: 'Please keep holding.' } } }] },
        },
      },
    });
    expect(UNVERIFIED_SHAPES.map((u) => u.id)).toEqual(expect.arrayContaining(['findQueue', 'transferToAcd-found-queue']));
  });

  it('leaves out an output without actions, as the verified exports do', () => {
    const find = new FindQueue('Find', { queueName: Expr.string('Sales'), onFound: (queue) => [new TransferToAcd('To it', { queue })] });
    const flow = new InQueueCallFlow({ name: 'Hold', actions: [find, new HoldMusic('Hold Music')] });
    const written = parse(flow.render().yaml).inqueueCall.startUpTaskActions[0].findQueue;
    expect(Object.keys(written.outputs)).toEqual(['found']);
    expect(MODELLED_ARCHY_ACTIONS).toContain('findQueue');
  });
});

describe('FindQueue simulation', () => {
  it('finds a queue the script names and transfers to it', () => {
    const result = simulateCall(routing().flow, { participantData: { target: 'Billing' }, queues: ['Billing', 'Sales'] });
    expect(result.transcript).toContainEqual(
      expect.objectContaining({ kind: 'findQueue', nodeId: 'Find target', value: 'Billing', branch: 'found' }),
    );
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'Billing' });
  });

  it('takes notFound for a name no queue has, and the caller keeps waiting', () => {
    const result = simulateCall(routing().flow, { participantData: { target: 'Nowhere' }, queues: ['Billing'] });
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'findQueue', branch: 'notFound' }));
    expect(result.prompts).toEqual(['Please keep holding.']);
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'the waiting queue', inQueueFlow: 'Hold' });
  });

  it('stops on a NOT_SET queue name instead of guessing', () => {
    const result = simulateCall(routing().flow);
    expect(result.outcome).toEqual(expect.objectContaining({ kind: 'error', message: "queueName of 'Find target' evaluated to NOT_SET" }));
  });
});

describe('FindQueue in plan review', () => {
  it('shows its branches as child nodes, and a renamed variable source as a change', () => {
    const outline = outlineFlow(routing().flow.render().yaml);
    expect(outline.nodes.map((n) => n.id)).toContain('findQueue "Find target" [found] > transferToAcd "To found queue"');
    const renamed = outlineFlow(routing('Find queue').flow.render().yaml);
    expect(diffOutlines(outline, renamed).map((c) => c.change)).toEqual(expect.arrayContaining(['added', 'removed']));
  });
});
