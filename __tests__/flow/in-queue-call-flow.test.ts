/**
 * The in-queue call flow (issue 15): what it may contain (Task. variables, call data, no menus, no shared
 * flows yet), the implicit loop at the end of its task (GC1030 without hold music), its whole YAML against
 * the real in-queue exports, and its simulation as a caller waiting in queue.
 */
import { parse } from 'yaml';
import {
  Action,
  CallSharedFlow,
  CollectDigits,
  CommonModuleFlow,
  Decision,
  Digits,
  Disconnect,
  EndSharedFlow,
  Expr,
  FLOW_TYPE_INFO,
  HoldMusic,
  InQueueCallFlow,
  JumpToMenu,
  Loop,
  PlayAudio,
  Prompt,
  SetOutcome,
  TransferToAcd,
  UNVERIFIED_SHAPES,
  UpdateData,
  Variable,
  queueNamed,
  systemPrompt,
  userPromptNamed,
} from '../../flow';
import { simulateCall } from '../../simulator';

const PATH = 'dev/Hold';
const say = (id: string, text = id): PlayAudio => new PlayAudio(id, { prompt: Prompt.tts(text) });
const inQueue = (actions: Action[], variables?: Variable[]) =>
  new InQueueCallFlow({ name: 'Sales Hold', actions, ...(variables ? { variables } : {}) });

describe('InQueueCallFlow validation', () => {
  it('accepts a task that plays a message and hold music, then starts again', () => {
    expect(inQueue([say('Thanks', 'Thanks for waiting.'), new HoldMusic('Hold Music')]).validate(PATH)).toEqual([]);
  });

  it('reports a task that loops without hold music (GC1030), at its last action, with a fix that says a failed transfer continues', () => {
    expect(inQueue([say('Thanks')]).validate(PATH)).toEqual([
      expect.objectContaining({
        code: 'GC1030',
        path: `${PATH} > startUpTaskActions > Thanks`,
        value: 'Thanks',
        fix: "add new HoldMusic('Hold Music') to the task (e.g. as its last action), or end the path with Disconnect (a transfer continues when it fails)",
      }),
    ]);
  });

  it('reports a path that loops without hold music when only another branch plays it (GC1030)', () => {
    const vip = Variable.string('Task.Vip');
    const flow = inQueue(
      [new Decision('VIP?', { condition: Expr.isSet(vip.ref()), yes: [new HoldMusic('VIP music')], no: [] }), say('Thanks for waiting')],
      [vip],
    );
    expect(flow.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1030', value: 'Thanks for waiting' })]);
  });

  it('reports a path that loops without hold music when hold music plays only on a path that disconnects (GC1030)', () => {
    const flow = inQueue([
      say('Thanks'),
      new Decision('Never', { condition: Expr.boolean(false), yes: [new HoldMusic('Music'), new Disconnect('Bye')], no: [] }),
    ]);
    expect(flow.validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1030', value: 'Never' })]);
  });

  it('accepts hold music on every looping path: in each branch, or in a loop body that always plays it', () => {
    const vip = Variable.string('Task.Vip');
    const pass = Variable.integer('Task.Pass');
    const branches = new Decision('VIP?', { condition: Expr.isSet(vip.ref()), yes: [new HoldMusic('VIP music')], no: [new HoldMusic('Music')] });
    expect(inQueue([branches, say('Thanks')], [vip]).validate(PATH)).toEqual([]);
    const looped = new Loop('Twice', { counter: pass, count: 2, body: [new HoldMusic('Looped music')] });
    expect(inQueue([looped], [pass]).validate(PATH)).toEqual([]);
  });

  it('accepts a task without hold music when every path ends (Disconnect, transfer)', () => {
    expect(inQueue([say('Closed'), new Disconnect('Disconnect')]).validate(PATH)).toEqual([]);
  });

  it('uses Task. variables: a Flow. variable is in the wrong scope (GC1007)', () => {
    const flowVar = Variable.string('Flow.Choice');
    expect(inQueue([new HoldMusic('Hold Music')], [flowVar]).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1007', value: 'Flow.Choice', fix: 'name it Task.Choice' }),
    ]);
  });

  it('reads call data (the real export reads Call.EstimatedWaitTime and Call.PositionInQueue)', () => {
    const ewt = Variable.string('Task.EWT');
    const flow = inQueue(
      [
        new UpdateData('Convert EWT', [{ variable: ewt, value: Expr.toString(Expr.raw('integer', 'Call.PositionInQueue')) }]),
        new HoldMusic('Hold Music'),
      ],
      [ewt],
    );
    expect(flow.validate(PATH)).toEqual([]);
  });

  it('refuses menus and shared-flow outcomes (GC1017): an in-queue flow has neither', () => {
    const flow = inQueue([new SetOutcome('Outcome', 'done'), new JumpToMenu('To menu', 'Main')]);
    expect(
      flow
        .validate(PATH)
        .filter((p) => p.code === 'GC1017')
        .map((p) => p.value),
    ).toEqual(['Outcome', 'To menu']);
  });

  it('refuses a shared-flow call for now (GC1017): its outcome variable is a Flow. variable', () => {
    const module = new CommonModuleFlow({
      name: 'M',
      outcomes: ['done'],
      compatibleFlowTypes: ['inqueuecall'],
      actions: [new EndSharedFlow('End', 'done')],
    });
    const flow = inQueue([new CallSharedFlow('Call M', { flow: module, outcomes: { done: [] } }), new HoldMusic('Hold Music')]);
    expect(flow.validate(PATH)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'GC1017', value: 'Call M' })]));
  });

  it('needs at least one action (GC1016)', () => {
    expect(inQueue([]).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1016', path: `${PATH} > startUpTaskActions` })]);
  });

  it('reports actions after a terminal action as unreachable (GC1004)', () => {
    expect(inQueue([new Disconnect('Bye'), new HoldMusic('Hold Music')]).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1004', value: 'Hold Music' }),
    ]);
  });

  it('says whether its task loops', () => {
    expect(inQueue([new HoldMusic('Hold Music')]).loops()).toBe(true);
    expect(inQueue([new Disconnect('Bye')]).loops()).toBe(false);
  });
});

describe('InQueueCallFlow YAML', () => {
  it('is the provider example inqueuecall_default_example.yaml, minus the settings the platform adds', () => {
    const flow = new InQueueCallFlow({
      name: 'In-Queue Flow',
      description: 'This flow provides handling for calls waiting in a queue.',
      actions: [new HoldMusic('Hold Music')],
    });
    expect(parse(flow.render().yaml)).toEqual({
      inqueueCall: {
        name: 'In-Queue Flow',
        description: 'This flow provides handling for calls waiting in a queue.',
        division: 'Home',
        defaultLanguage: 'en-us',
        settingsInQueueCall: { holdMusic: { lit: { name: 'PromptSystem.on_hold_music' } } },
        startUpTaskActions: [
          {
            holdMusic: { name: 'Hold Music', prompt: { exp: 'Flow.HoldPrompt' }, bargeInEnabled: { lit: false }, playStyle: { entirePrompt: true } },
          },
        ],
      },
    });
    expect(flow.render().type).toBe('inqueuecall');
    expect(FLOW_TYPE_INFO.inqueuecall).toEqual({ yamlKey: 'inqueueCall', apiType: 'INQUEUECALL' });
  });

  it('writes a whole task as the blueprint "Proactive callback offer.yaml" does (collectInput, decision, hold music, disconnect)', () => {
    const input = Variable.string('Task.input');
    const flow = new InQueueCallFlow({
      name: 'Proactive callbacks',
      holdMusic: userPromptNamed('Calm_Music'),
      variables: [input],
      actions: [
        new CollectDigits('Collect Input', {
          into: input,
          digits: Digits.exactly(1),
          prompt: Prompt.tts('Press one for a callback.'),
          onSuccess: [new Decision('Decision', { condition: input.ref().equals('1'), yes: [new Disconnect('Callback taken')], no: [] })],
          onFailure: [],
        }),
        new HoldMusic('Hold Music'),
      ],
    });
    expect(flow.validate(PATH)).toEqual([]);
    const body = parse(flow.render().yaml).inqueueCall;
    // Task variables are not declared: the real export declares none.
    expect(Object.keys(body)).toEqual(['name', 'division', 'defaultLanguage', 'settingsInQueueCall', 'startUpTaskActions']);
    expect(body.settingsInQueueCall).toEqual({ holdMusic: { lit: { name: 'Prompt.Calm_Music' } } });
    // The real exports name only a system prompt there.
    expect(UNVERIFIED_SHAPES.map((s) => s.id)).toContain('settingsInQueueCall-holdMusic-userPrompt');
    expect(body.startUpTaskActions.map((a: object) => Object.keys(a)[0])).toEqual(['collectInput', 'holdMusic']);
    expect(body.startUpTaskActions[0].collectInput.outputs.success.actions[0].decision.condition).toEqual({ exp: 'Task.input == "1"' });
  });

  it('renders the same bytes for the same definition', () => {
    const make = () => inQueue([say('Thanks'), new HoldMusic('Hold Music')]).render();
    expect(make().yaml).toBe(make().yaml);
    expect(make().contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is its own FlowTarget: an in-queue flow a transfer names by its name and type', () => {
    const flow = inQueue([new HoldMusic('Hold Music')]);
    expect({ flowName: flow.flowName, flowType: flow.flowType, definition: flow.definition }).toEqual({
      flowName: 'Sales Hold',
      flowType: 'inqueuecall',
      definition: flow,
    });
    expect(InQueueCallFlow.isInQueueCallFlow(flow)).toBe(true);
    expect(InQueueCallFlow.isInQueueCallFlow({ name: 'x' })).toBe(false);
  });
});

describe('InQueueCallFlow simulation', () => {
  const flow = () => inQueue([say('Thanks', 'Thanks for waiting.'), new HoldMusic('Hold Music')]);

  it('runs the task, then an agent answers in the waiting queue: the outcome names the in-queue flow', () => {
    const result = simulateCall(flow(), { waitingQueue: 'Sales' });
    expect(result.prompts).toEqual(['Thanks for waiting.']);
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'Sales', inQueueFlow: 'Sales Hold' });
    expect(result.transcript.map((t) => t.kind)).toEqual(['flow', 'playAudio', 'holdMusic', 'agentAnswers']);
  });

  it("starts the task again at its end (Architect's implicit loop), inQueuePasses times", () => {
    const result = simulateCall(flow(), { inQueuePasses: 3 });
    expect(result.prompts).toEqual(['Thanks for waiting.', 'Thanks for waiting.', 'Thanks for waiting.']);
    expect(result.transcript.filter((t) => t.kind === 'loop').map((t) => t.branch)).toEqual([
      'task starts again (pass 2)',
      'task starts again (pass 3)',
    ]);
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'the waiting queue', inQueueFlow: 'Sales Hold' });
  });

  it('is bounded by maxSteps', () => {
    const result = simulateCall(flow(), { inQueuePasses: 100, maxSteps: 10 });
    expect(result.outcome).toEqual(expect.objectContaining({ kind: 'error', message: expect.stringMatching(/step limit of 10/) }));
  });

  it('collects input in queue, and a transfer from the in-queue flow ends the wait', () => {
    const input = Variable.string('Task.input');
    const offer = inQueue(
      [
        new CollectDigits('Offer', {
          into: input,
          digits: Digits.exactly(1),
          prompt: Prompt.tts('Press 1 for billing.'),
          onSuccess: [new TransferToAcd('To billing', { queue: queueNamed('Billing') })],
          onFailure: [],
        }),
        new HoldMusic('Hold Music'),
      ],
      [input],
    );
    expect(simulateCall(offer, { dtmf: ['1'] }).outcome).toEqual({ kind: 'queue', queueName: 'Billing' });
    expect(offer.queueTargets()).toEqual([queueNamed('Billing')]);
    expect(simulateCall(offer, { dtmf: [null] }).outcome).toEqual({ kind: 'queue', queueName: 'the waiting queue', inQueueFlow: 'Sales Hold' });
  });

  it('accepts a holder of the definition (an in-queue flow construct), naming its path', () => {
    const result = simulateCall({ definition: flow(), node: { path: 'dev/SalesHold' } });
    expect(result.transcript[0]).toEqual(expect.objectContaining({ kind: 'flow', nodeId: 'Sales Hold', path: 'dev/SalesHold' }));
  });

  it('refuses a schedule state or an emergency for an in-queue flow (it evaluates no schedule group)', () => {
    expect(() => simulateCall(flow(), { schedule: 'closed' })).toThrow(/in-queue flow 'Sales Hold' evaluates no schedule group/);
    expect(() => simulateCall(flow(), { inQueuePasses: 0 })).toThrow(/inQueuePasses must be a whole number/);
  });

  it('plays the flow hold prompt for HoldMusic without its own', () => {
    const custom = new InQueueCallFlow({ name: 'Q', holdMusic: systemPrompt('jazz'), actions: [new HoldMusic('Hold Music')] });
    expect(simulateCall(custom).transcript[1]).toEqual(expect.objectContaining({ kind: 'holdMusic', prompt: 'PromptSystem.jazz' }));
  });
});
