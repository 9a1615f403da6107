import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { DataGenesyscloudFlow } from '../../.gen/providers/genesyscloud/data-genesyscloud-flow';
import { Flow as GenesyscloudFlow } from '../../.gen/providers/genesyscloud/flow';
import { CallFlow, Queue, SharedFlow } from '../../constructs';
import {
  CallSharedFlow,
  CommonModuleFlow,
  Disconnect,
  Expr,
  Menu,
  MenuChoice,
  PlayAudio,
  Prompt,
  Task,
  TransferToAcd,
  TransferToFlow,
  flowNamed,
  queueNamed,
  sha256,
} from '../../flow';
import { simulateCall } from '../../simulator';
import { messageFlow, problemsOf, resourceAt, simpleModule, synthJson, testStack } from '../support/fixtures';

/** The error `fn` throws; fails the test when it throws nothing. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, but nothing was thrown');
}

const callTo = (id: string, flow: SharedFlow<'ok' | 'failed'> | CommonModuleFlow<'ok' | 'failed'>) =>
  new CallSharedFlow(id, {
    flow,
    inputs: { Account: Expr.string('x') },
    outcomes: { ok: [new Disconnect(`${id} ok`)], failed: [new Disconnect(`${id} failed`)] },
  });

describe('CallFlow', () => {
  it('publishes its YAML with genesyscloud_flow, without name, type or file_content_hash', () => {
    const synthesized = Testing.synthScope((scope) => {
      new CallFlow(scope, 'Closed', messageFlow('After Hours'));
    });
    expect(synthesized).toHaveResourceWithProperties(GenesyscloudFlow, {
      filepath: expect.stringMatching(/^assets\/Closed_Publication_Yaml_[0-9A-F]+\/[0-9A-F]{32}\/After-Hours\.yaml$/),
      update_trigger_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const [flow] = Object.values(JSON.parse(synthesized).resource.genesyscloud_flow) as Record<string, unknown>[];
    for (const key of ['name', 'type', 'file_content_hash', 'depends_on', 'substitutions']) expect(flow).not.toHaveProperty(key);
  });

  it('renders an inboundCall document and exposes its content hash', () => {
    const stack = testStack();
    const flow = new CallFlow(stack, 'Closed', messageFlow('After Hours', 'We are closed.'));
    expect(flow.flowName).toBe('After Hours');
    expect(flow.publication.rendered.yaml.startsWith('inboundCall:\n  name: After Hours\n')).toBe(true);
    expect(flow.publication.rendered.yaml).toContain('tts: We are closed.');
    expect(flow.publication.rendered.contentHash).toBe(sha256(flow.definition.render().yaml));
    expect(flow.sharedFlows).toEqual([]);
  });

  it('depends on every shared flow it calls, each once, and lists them', () => {
    const stack = testStack();
    const a = new SharedFlow(stack, 'ModuleA', simpleModule('Module A'));
    const b = new SharedFlow(stack, 'ModuleB', simpleModule('Module B'));
    // A is called twice (in two places); B once.
    const second = new Task('Second', [callTo('Call A again', a)]);
    const main = new Task('Main', [
      new CallSharedFlow('Call A', {
        flow: a,
        inputs: { Account: Expr.string('x') },
        outcomes: { ok: [callTo('Call B', b)], failed: [new Disconnect('A failed')] },
      }),
    ]);
    const menu = new Menu('Menu', {
      prompt: Prompt.tts('Press 1.'),
      choices: [MenuChoice.jumpToTask('1', 'Go', second), MenuChoice.jumpToTask('2', 'Go main', main)],
    });
    const caller = new CallFlow(stack, 'Caller', {
      name: 'Caller',
      initialGreeting: Prompt.tts('Hello.'),
      startUp: menu,
      menus: [menu],
      tasks: [main, second],
    });
    expect(caller.sharedFlows).toEqual([a, b]);
    const json = synthJson(stack);
    const addressOf = (p: string) => resourceAt(json, 'genesyscloud_flow', p).address;
    expect([...resourceAt(json, 'genesyscloud_flow', 'Caller/Publication/Resource').depends_on].sort()).toEqual(
      [addressOf('ModuleA/Publication/Resource'), addressOf('ModuleB/Publication/Resource')].sort(),
    );
  });

  it('adds extra dependencies and force_unlock when given', () => {
    const stack = testStack();
    const queue = new Queue(stack, 'Q', { name: 'Q' });
    new CallFlow(stack, 'Closed', { ...messageFlow('Closed'), dependsOn: [queue.resource], forceUnlock: true });
    const json = synthJson(stack);
    const flow = resourceAt(json, 'genesyscloud_flow', 'Closed/Publication/Resource');
    expect(flow.depends_on).toEqual([resourceAt(json, 'genesyscloud_routing_queue', 'Q/Resource').address]);
    expect(flow.force_unlock).toBe(true);
  });

  it('maps queues from constructs to substitutions (actions and menu choices); literal queue names need none', () => {
    const stack = testStack();
    const sales = new Queue(stack, 'Sales', { name: 'Sales' });
    const support = Queue.fromName(stack, 'Support', 'Support');
    const main = new Task('Main', [new TransferToAcd('To sales', { queue: sales, onFailure: [new Disconnect('End')] })]);
    const menu = new Menu('Menu', {
      prompt: Prompt.tts('Press 1 for sales, 2 for support, 3 for the operator.'),
      choices: [
        MenuChoice.jumpToTask('1', 'Sales', main),
        MenuChoice.transferToAcd('2', 'Support', support),
        MenuChoice.transferToAcd('3', 'Operator', queueNamed('Operator')),
      ],
    });
    const flow = new CallFlow(stack, 'Menu', {
      name: 'Menu Flow',
      initialGreeting: Prompt.tts('Hello.'),
      startUp: menu,
      menus: [menu],
      tasks: [main],
    });
    const json = synthJson(stack);
    const resource = resourceAt(json, 'genesyscloud_flow', 'Menu/Publication/Resource');
    expect(resource.substitutions).toEqual({
      queue_Sales: `\${${resourceAt(json, 'genesyscloud_routing_queue', 'Sales/Resource').address}.name}`,
      queue_Support: `\${${resourceAt(json, 'genesyscloud_routing_queue', 'Support/Lookup', 'data').address}.name}`,
    });
    const yaml = flow.publication.rendered.yaml;
    expect(yaml).toContain('"{{queue_Sales}}"');
    expect(yaml).toContain('"{{queue_Support}}"');
    expect(yaml).toContain('Operator');
    expect(yaml).not.toContain('{{queue_Operator}}');
  });

  describe('errors', () => {
    it('surfaces a flow-language error as a ProblemError naming the construct path', () => {
      const stack = testStack();
      const main = new Task('Main', [new PlayAudio('Hello', { prompt: Prompt.tts('Hello.') })]);
      const error = thrown(() => new CallFlow(stack, 'Bad', { name: 'Bad', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] }));
      expect((error as Error).message).toContain('test-stack/Bad');
      expect(problemsOf(error)[0]).toMatchObject({
        code: 'GC1005',
        path: expect.stringContaining('test-stack/Bad > tasks > Main'),
      });
    });

    it('GC2006 rejects two call flows with the same name in one stack', () => {
      const stack = testStack();
      new CallFlow(stack, 'One', messageFlow('Same Name'));
      expect(() => new CallFlow(stack, 'Two', messageFlow('Same Name'))).toThrow(/^GC2006 \[test-stack\/Two\].*test-stack\/One/);
      const error = thrown(() => new CallFlow(stack, 'Three', messageFlow('Same Name')));
      expect(problemsOf(error)).toEqual([expect.objectContaining({ code: 'GC2006', path: 'test-stack/Three', value: 'Same Name' })]);
    });

    it('GC2006 keys names by flow type: a call flow may share its name with a shared flow', () => {
      const stack = testStack();
      new SharedFlow(stack, 'Module', simpleModule('Same Name'));
      expect(() => new CallFlow(stack, 'Flow', messageFlow('Same Name'))).not.toThrow();
    });

    it('GC2010 rejects calling a bare CommonModuleFlow definition instead of a SharedFlow construct', () => {
      const stack = testStack();
      const shared = new SharedFlow(stack, 'Module', simpleModule('Module'));
      const bare = new CommonModuleFlow(simpleModule('Bare'));
      for (const [id, target] of [
        ['Bare', bare],
        ['Definition', shared.definition],
      ] as const) {
        const main = new Task('Main', [callTo('Call', target)]);
        const error = thrown(() => new CallFlow(stack, id, { name: id, initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] }));
        expect(problemsOf(error)).toEqual([expect.objectContaining({ code: 'GC2010', path: `test-stack/${id}`, value: target.flowName })]);
        expect((error as Error).message).toMatch(/^GC2010 \[test-stack\/\w+\] .*SharedFlow/);
      }
    });

    it('GC2010 lists every called definition that is not a SharedFlow, in one error', () => {
      const stack = testStack();
      const first = new CommonModuleFlow(simpleModule('First'));
      const second = new CommonModuleFlow(simpleModule('Second'));
      const main = new Task('Main', [callTo('Call first', first), callTo('Call second', second)]);
      const error = thrown(
        () => new CallFlow(stack, 'Caller', { name: 'Caller', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] }),
      );
      expect(problemsOf(error).map((p) => [p.code, p.value])).toEqual([
        ['GC2010', 'First'],
        ['GC2010', 'Second'],
      ]);
    });

    it('GC2010 tells a SharedFlow by its marker, not by the names of its members', () => {
      const stack = testStack();
      const bare = new CommonModuleFlow(simpleModule('Lookalike'));
      // Everything an ISharedFlow has but the marker.
      const lookalike = Object.assign(Object.create(bare), { dependable: undefined, flowId: 'id', contentHash: undefined });
      const main = new Task('Main', [callTo('Call', lookalike)]);
      const error = thrown(
        () => new CallFlow(stack, 'Caller', { name: 'Caller', initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] }),
      );
      expect(problemsOf(error)).toEqual([expect.objectContaining({ code: 'GC2010', value: 'Lookalike' })]);
    });
  });

  it('synthesizes a stable flow resource (snapshot)', () => {
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        new CallFlow(scope, 'Closed', messageFlow('After Hours'));
      }),
    );
    expect(json.resource.genesyscloud_flow).toMatchSnapshot();
  });

  describe('as a transfer target', () => {
    /** A call flow whose only path transfers to `target`. */
    const transferringTo = (name: string, target: TransferToFlow['flow']) => {
      const main = new Task('Main', [new TransferToFlow('Transfer', { flow: target }), new Disconnect('Bye')]);
      return { name, initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] };
    };

    /** What a token resolves to in the synthesized stack (through an output). */
    const resolved = (stack: TerraformStack, token: string): string => {
      new TerraformOutput(stack, 'probe', { value: token });
      return synthJson(stack).output.probe.value;
    };

    it('is a FlowTarget of type inboundcall whose dependable is its flow resource', () => {
      const stack = testStack();
      const billing = new CallFlow(stack, 'Billing', messageFlow('Billing'));
      expect([billing.flowName, billing.flowType, billing.definition.type]).toEqual(['Billing', 'inboundcall', 'inboundcall']);
      expect(billing.dependable).toBe(billing.publication.resource);
    });

    it('a flow transferring to a CallFlow names it in its YAML and depends on its flow resource', () => {
      const stack = testStack();
      const billing = new CallFlow(stack, 'Billing', messageFlow('Billing'));
      const main = new CallFlow(stack, 'Main', transferringTo('Main Line', billing));
      const json = synthJson(stack);
      expect(resourceAt(json, 'genesyscloud_flow', 'Main/Publication/Resource').depends_on).toEqual([
        resourceAt(json, 'genesyscloud_flow', 'Billing/Publication/Resource').address,
      ]);
      expect(main.publication.rendered.yaml).toMatch(/transferToFlow:\n(.*\n)*? +targetFlow:\n +name: Billing\n/);
    });

    it('a transfer by name only adds no dependency', () => {
      const stack = testStack();
      new CallFlow(stack, 'Main', transferringTo('Main Line', flowNamed('Billing', 'inboundcall')));
      expect(resourceAt(synthJson(stack), 'genesyscloud_flow', 'Main/Publication/Resource')).not.toHaveProperty('depends_on');
    });

    it('the simulator follows the transfer into the CallFlow', () => {
      const stack = testStack();
      const billing = new CallFlow(stack, 'Billing', messageFlow('Billing', 'Billing speaking.'));
      const main = new CallFlow(stack, 'Main', transferringTo('Main Line', billing));
      const result = simulateCall(main);
      expect(result.prompts).toContain('Billing speaking.');
      expect(result.outcome).toEqual(expect.objectContaining({ kind: 'disconnect' }));
    });

    it('fromName looks the flow up with a genesyscloud_flow data source of type INBOUNDCALL; callers depend on it', () => {
      const stack = testStack();
      const billing = CallFlow.fromName(stack, 'Billing', 'Org Billing');
      expect([billing.flowName, billing.flowType, billing.definition]).toEqual(['Org Billing', 'inboundcall', undefined]);
      const main = new CallFlow(stack, 'Main', transferringTo('Main Line', billing));
      const json = synthJson(stack);
      const lookup = resourceAt(json, 'genesyscloud_flow', 'Billing/Lookup', 'data');
      expect(lookup).toMatchObject({ name: 'Org Billing', type: 'INBOUNDCALL' });
      expect(resourceAt(json, 'genesyscloud_flow', 'Main/Publication/Resource').depends_on).toEqual([lookup.address]);
      expect(main.publication.rendered.yaml).toContain('name: Org Billing');
      expect(resolved(stack, billing.flowId)).toBe(`\${${lookup.address}.id}`);
      expect(Testing.synthScope((scope) => CallFlow.fromName(scope, 'B', 'Org Billing'))).toHaveDataSource(DataGenesyscloudFlow);
    });

    it('GC2013: two flows transferring to each other (one must name the other by name) cannot both be published first', () => {
      const stack = testStack();
      const billing = new CallFlow(stack, 'Billing', transferringTo('Billing', flowNamed('Main Line', 'inboundcall')));
      const error = thrown(() => new CallFlow(stack, 'Main', transferringTo('Main Line', billing)));
      expect(problemsOf(error)).toEqual([
        {
          code: 'GC2013',
          path: 'test-stack/Main',
          message: expect.stringContaining("on a first deploy 'Main Line' does not exist yet when 'Billing' publishes"),
          value: 'Main Line → Billing → Main Line',
          fix: expect.stringContaining('shared flow'),
        },
      ]);
    });

    it('GC2013 follows a longer chain of flow constructs', () => {
      const stack = testStack();
      const c = new CallFlow(stack, 'C', transferringTo('C', flowNamed('A', 'inboundcall')));
      const b = new CallFlow(stack, 'B', transferringTo('B', c));
      expect(problemsOf(thrown(() => new CallFlow(stack, 'A', transferringTo('A', b))))).toEqual([
        expect.objectContaining({ code: 'GC2013', value: 'A → B → C → A' }),
      ]);
    });

    it('a flow transferring to itself by name is no publish-order problem', () => {
      const stack = testStack();
      const again = new CallFlow(stack, 'Again', transferringTo('Again', flowNamed('Again', 'inboundcall')));
      expect(again.publication.rendered.yaml).toContain('name: Again');
    });
  });
});

describe('a flow definition refused when its construct is made', () => {
  it.each<[string, string, (stack: TerraformStack) => unknown, (stack: TerraformStack) => unknown]>([
    [
      'CallFlow with a task that is not a Task',
      'Main',
      (stack) => new CallFlow(stack, 'Main', { ...messageFlow('Main Line'), tasks: [null] } as never),
      (stack) => new CallFlow(stack, 'Main', messageFlow('Main Line')),
    ],
    [
      'SharedFlow with an action that is not one',
      'Pin',
      (stack) => new SharedFlow(stack, 'Pin', { ...simpleModule('Shared PIN'), actions: [null] } as never),
      (stack) => new SharedFlow(stack, 'Pin', simpleModule('Shared PIN')),
    ],
  ])('%s: GC1016, no node left behind, a retry with the same id works', (_what, id, refused, fixed) => {
    const stack = testStack();
    expect(() => refused(stack)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ code: 'GC1016' })] }));
    expect(stack.node.tryFindChild(id)).toBeUndefined();
    expect(() => fixed(stack)).not.toThrow();
  });
});
