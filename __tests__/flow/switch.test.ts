/**
 * The Switch action (issue 15): validation, its Archy shape, simulation (first true case wins) and how
 * plan review outlines it (a change inside a case is a node-level difference).
 */
import { parse } from 'yaml';
import {
  Action,
  Disconnect,
  Expr,
  InboundCallFlow,
  PlayAudio,
  Prompt,
  Switch,
  Task,
  TransferToAcd,
  UNVERIFIED_SHAPES,
  Variable,
  queueNamed,
} from '../../flow';
import { diffOutlines, mermaid, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { simulateCall } from '../../simulator';

const PATH = 'dev/X';
const tier = Variable.string('Flow.Tier');
const say = (id: string, text = id) => new PlayAudio(id, { prompt: Prompt.tts(text) });
function flowOf(...actions: Action[]): InboundCallFlow {
  const main = new Task('Main', actions);
  return new InboundCallFlow({ name: 'Switch IVR', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main], variables: [tier] });
}

function routeByTier(goldText = 'Welcome, gold member.'): InboundCallFlow {
  const main = new Task('Main', [
    new Switch('Route by tier', {
      cases: [
        {
          condition: tier.ref().equals('gold'),
          actions: [say('Gold greeting', goldText), new TransferToAcd('To Gold', { queue: queueNamed('Gold') })],
        },
        { condition: tier.ref().equals('silver'), actions: [new TransferToAcd('To Silver', { queue: queueNamed('Silver') })] },
        { condition: Expr.boolean(true), actions: [say('Anyone')] },
      ],
      default: [say('Nobody')],
    }),
    new Disconnect('Bye'),
  ]);
  return new InboundCallFlow({ name: 'Switch IVR', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main], variables: [tier] });
}

describe('Switch validation', () => {
  it('accepts a switch whose cases and default continue or end', () => {
    expect(routeByTier().validate(PATH)).toEqual([]);
  });

  it('rejects a switch without cases (GC1016)', () => {
    const problems = flowOf(new Switch('Empty', { cases: [], default: [new Disconnect('Bye')] })).validate(PATH);
    expect(problems).toEqual([expect.objectContaining({ code: 'GC1016', path: `${PATH} > tasks > Main > Empty`, value: 'Empty' })]);
  });

  it('rejects a non-boolean case condition (GC1008), naming the case', () => {
    const s = new Switch('Route', {
      cases: [
        { condition: Expr.boolean(true), actions: [new Disconnect('A')] },
        { condition: tier.ref() as never, actions: [new Disconnect('B')] },
      ],
      default: [new Disconnect('C')],
    });
    const problems = flowOf(s).validate(PATH);
    expect(problems).toEqual([expect.objectContaining({ code: 'GC1008', path: `${PATH} > tasks > Main > Route`, value: 'Flow.Tier' })]);
    expect(problems[0].message).toContain('case 2 condition');
  });

  it('reports a case path that does not end (GC1005), as for a Decision branch', () => {
    const s = new Switch('Route', { cases: [{ condition: Expr.boolean(true), actions: [say('Hi')] }], default: [new Disconnect('C')] });
    const problems = flowOf(s).validate(PATH);
    expect(problems).toEqual([expect.objectContaining({ code: 'GC1005', path: `${PATH} > tasks > Main > Route` })]);
  });

  it('checks ids inside cases and the default, naming the branch in the path', () => {
    const s = new Switch('Route', {
      cases: [{ condition: Expr.boolean(true), actions: [new Disconnect('Bad/id')] }],
      default: [new Disconnect('Route')],
    });
    const problems = flowOf(s).validate(PATH);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'GC1001', path: `${PATH} > tasks > Main > Route > case 1 > Bad/id` }),
        expect.objectContaining({ code: 'GC1002', path: `${PATH} > tasks > Main > Route > default > Route` }),
      ]),
    );
  });

  it('ends a path when every case and the default end (what follows is unreachable, GC1004)', () => {
    const s = new Switch('Route', { cases: [{ condition: Expr.boolean(true), actions: [new Disconnect('A')] }], default: [new Disconnect('B')] });
    const problems = flowOf(s, new Disconnect('After')).validate(PATH);
    expect(problems).toEqual([expect.objectContaining({ code: 'GC1004', path: `${PATH} > tasks > Main > After` })]);
  });
});

describe('Switch YAML', () => {
  it('is switch / evaluate / firstTrue with cases and a default, as message and workflow exports show', () => {
    const task = parse(routeByTier().render().yaml).inboundCall.tasks[0].task;
    expect(task.actions[0]).toEqual({
      switch: {
        name: 'Route by tier',
        evaluate: {
          firstTrue: {
            cases: [
              {
                case: {
                  value: { exp: 'Flow.Tier == "gold"' },
                  actions: [
                    { playAudio: { name: 'Gold greeting', audio: { tts: 'Welcome, gold member.' } } },
                    { transferToAcd: expect.objectContaining({ name: 'To Gold', targetQueue: { lit: { name: 'Gold' } } }) },
                  ],
                },
              },
              { case: { value: { exp: 'Flow.Tier == "silver"' }, actions: [{ transferToAcd: expect.objectContaining({ name: 'To Silver' }) }] } },
              { case: { value: { exp: 'true' }, actions: [{ playAudio: { name: 'Anyone', audio: { tts: 'Anyone' } } }] } },
            ],
            default: { actions: [{ playAudio: { name: 'Nobody', audio: { tts: 'Nobody' } } }] },
          },
        },
      },
    });
  });

  it('is listed as an unverified shape (seen in message / workflow flows only)', () => {
    expect(UNVERIFIED_SHAPES.map((s) => s.id)).toContain('switch-in-inboundCall');
  });
});

describe('Switch simulation', () => {
  it('runs the first true case only', () => {
    const result = simulateCall(routeByTier(), { variables: { 'Flow.Tier': 'silver' } });
    expect(result.outcome).toEqual({ kind: 'queue', queueName: 'Silver' });
    expect(result.transcript).toContainEqual(
      expect.objectContaining({ kind: 'switch', nodeId: 'Route by tier', branch: 'case 2', path: 'Switch IVR > tasks > Main > Route by tier' }),
    );
  });

  it('takes an earlier true case over a later one that is also true', () => {
    const result = simulateCall(routeByTier(), { variables: { 'Flow.Tier': 'bronze' } });
    expect(result.transcript.find((e) => e.kind === 'switch')?.branch).toBe('case 3');
    expect(result.prompts).toEqual(['Hello.', 'Anyone']);
    expect(result.outcome).toEqual({ kind: 'disconnect' });
  });

  it('runs the default when no case is true, then continues after the switch', () => {
    const s = new Switch('Route', { cases: [{ condition: tier.ref().equals('gold'), actions: [say('Gold')] }], default: [say('Other')] });
    const result = simulateCall(flowOf(s, new Disconnect('Bye')), { variables: { 'Flow.Tier': 'bronze' } });
    expect(result.transcript.find((e) => e.kind === 'switch')?.branch).toBe('default');
    expect(result.transcript).toContainEqual(
      expect.objectContaining({ kind: 'playAudio', nodeId: 'Other', path: 'Switch IVR > tasks > Main > Route > default > Other' }),
    );
    expect(result.outcome).toEqual({ kind: 'disconnect' });
  });

  it('stops where a case condition fails (NOT_SET operand), naming the switch', () => {
    const result = simulateCall(routeByTier());
    expect(result.outcome).toEqual(expect.objectContaining({ kind: 'error', nodeId: 'Route by tier' }));
  });
});

describe('Switch in plan review', () => {
  it('outlines the actions of each case and the default as child nodes, with the conditions as facts', () => {
    const outline = outlineFlow(routeByTier().render().yaml);
    const node = outline.nodes.find((n) => n.kind === 'switch')!;
    expect(node.facts).toEqual({ 'case 1.value': 'Flow.Tier == "gold"', 'case 2.value': 'Flow.Tier == "silver"', 'case 3.value': 'true' });
    expect(outline.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining([
        'task "Main" > switch "Route by tier" ["case 1"] > playAudio "Gold greeting"',
        'task "Main" > switch "Route by tier" ["case 2"] > transferToAcd "To Silver"',
        'task "Main" > switch "Route by tier" [default] > playAudio "Nobody"',
      ]),
    );
  });

  it('shows a change inside a case as a change of that node', () => {
    const changes = diffOutlines(outlineFlow(routeByTier().render().yaml), outlineFlow(routeByTier('Hello, gold member.').render().yaml));
    expect(changes).toEqual([
      {
        id: 'task "Main" > switch "Route by tier" ["case 1"] > playAudio "Gold greeting"',
        change: 'changed',
        kind: 'playAudio',
        facts: { 'audio.tts': ['Welcome, gold member.', 'Hello, gold member.'] },
      },
    ]);
  });

  it('draws each case as a labelled edge', () => {
    const chart = mermaid(routeByTier().render().yaml);
    expect(chart).toMatch(/-->\|case 1\|/);
    expect(chart).toMatch(/-->\|default\|/);
  });
});
