import { Construct } from 'constructs';
import { Testing } from 'cdktf';
import { Flow as GenesyscloudFlow } from '../../.gen/providers/genesyscloud/flow';
import { DataGenesyscloudRoutingQueue } from '../../.gen/providers/genesyscloud/data-genesyscloud-routing-queue';
import { RoutingQueue } from '../../.gen/providers/genesyscloud/routing-queue';
import { CallFlow, IInQueueFlow, InboundIvr, InQueueFlow, IQueue, Queue, SharedFlow } from '../../constructs';
import { Expr, HoldMusic, ProblemError, queueNamed, Prompt, TransferToAcd } from '../../flow';
import { messageFlow, resourceAt, simpleModule, synthJson, testStack } from '../support/fixtures';

/** The error `fn` throws; fails the test when it throws nothing. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, but nothing was thrown');
}

describe('Queue', () => {
  it('creates a genesyscloud_routing_queue', () => {
    const synthesized = Testing.synthScope((scope) => {
      new Queue(scope, 'Sales', { name: 'Sales', description: 'Sales line', divisionId: 'div-1' });
    });
    expect(synthesized).toHaveResource(RoutingQueue);
    expect(synthesized).toHaveResourceWithProperties(RoutingQueue, { name: 'Sales', description: 'Sales line', division_id: 'div-1' });
    expect(synthesized).not.toHaveDataSource(DataGenesyscloudRoutingQueue);
  });

  it('writes {{queue_<path>}} into flows, with a key derived from its path inside the stack', () => {
    const stack = testStack();
    const top = new Queue(stack, 'Sales', { name: 'Sales' });
    const nested = new Queue(new Construct(stack, 'Queues'), 'Support', { name: 'Support' });
    expect(top.substitutionKey).toBe('queue_Sales');
    expect(top.nameInFlow).toBe('{{queue_Sales}}');
    expect(top.queueName).toBe('Sales');
    expect(nested.substitutionKey).toBe('queue_Queues_Support');
    expect(nested.nameInFlow).toBe('{{queue_Queues_Support}}');
  });

  it('fromName looks an existing queue up with the routing_queue data source and creates none', () => {
    const synthesized = Testing.synthScope((scope) => {
      const found = Queue.fromName(scope, 'Found', 'Found Queue');
      expect(found.queueName).toBe('Found Queue');
      expect(found.substitutionKey).toBe('queue_Found');
      expect(found.nameInFlow).toBe('{{queue_Found}}');
    });
    expect(synthesized).toHaveDataSource(DataGenesyscloudRoutingQueue);
    expect(synthesized).toHaveDataSourceWithProperties(DataGenesyscloudRoutingQueue, { name: 'Found Queue' });
    expect(synthesized).not.toHaveResource(RoutingQueue);
  });

  it('callers map queue_<path> to the queue name attribute (resource or data source) and write {{queue_<path>}}', () => {
    const stack = testStack();
    const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    const sales = new Queue(new Construct(stack, 'Queues'), 'Sales', { name: 'Sales' });
    const operator: IQueue = Queue.fromName(stack, 'Operator', 'Operator');
    const ivr = new InboundIvr(stack, 'Ivr', {
      greeting: Prompt.tts('Welcome.'),
      name: 'Sales IVR',
      dnis: ['+13175550100'],
      sharedFlow: module,
      sharedFlowInputs: { Account: Expr.string('x') },
      routes: { ok: sales, failed: operator },
    });
    const synthesized = Testing.synth(stack);
    const json = JSON.parse(synthesized);
    const salesAddress = resourceAt(json, 'genesyscloud_routing_queue', 'Queues/Sales/Resource').address;
    const operatorAddress = resourceAt(json, 'genesyscloud_routing_queue', 'Operator/Lookup', 'data').address;
    expect(salesAddress).toMatch(/^genesyscloud_routing_queue\.Queues_Sales_[0-9A-F]{8}$/);
    expect(operatorAddress).toMatch(/^data\.genesyscloud_routing_queue\.Operator_Lookup_[0-9A-F]{8}$/);
    expect(synthesized).toHaveResourceWithProperties(GenesyscloudFlow, {
      substitutions: { queue_Queues_Sales: `\${${salesAddress}.name}`, queue_Operator: `\${${operatorAddress}.name}` },
    });
    // Exactly these two keys: nothing else is substituted.
    expect(Object.keys(resourceAt(json, 'genesyscloud_flow', 'Ivr/Flow/Publication/Resource').substitutions).sort()).toEqual([
      'queue_Operator',
      'queue_Queues_Sales',
    ]);
    const yaml = ivr.flow.publication.rendered.yaml;
    expect(yaml).toContain('name: "{{queue_Queues_Sales}}"');
    expect(yaml).toContain('name: "{{queue_Operator}}"');
    // The configured names never reach the YAML: the provider substitutes them at publish time.
    expect(yaml).not.toMatch(/name: (Sales|Operator)\n/);
  });

  it('a literal queue name (queueNamed) is written as is and needs no substitution', () => {
    const stack = testStack();
    const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    const ivr = new InboundIvr(stack, 'Ivr', {
      greeting: Prompt.tts('Welcome.'),
      name: 'Sales IVR',
      dnis: ['+13175550100'],
      sharedFlow: module,
      sharedFlowInputs: { Account: Expr.string('x') },
      routes: { ok: queueNamed('Sales'), failed: queueNamed('Operator') },
    });
    expect(resourceAt(synthJson(stack), 'genesyscloud_flow', 'Ivr/Flow/Publication/Resource')).not.toHaveProperty('substitutions');
    expect(ivr.flow.publication.rendered.yaml).toContain('name: Sales\n');
  });

  describe('GC2004', () => {
    const bad = ['', '   ', ' Sales', 'Sales ', 'Sales "VIP"', 'Sales\\VIP', 'Sales\nVIP', 'Sales {{x}}', 'a}}b', 'tab\there'];

    it.each(bad)('new Queue rejects the name %j', (name) => {
      const stack = testStack();
      const error = thrown(() => new Queue(stack, 'Q', { name }));
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).problems).toEqual([expect.objectContaining({ code: 'GC2004', path: 'test-stack/Q', value: name })]);
      expect((error as Error).message).toMatch(/^GC2004 \[test-stack\/Q\]/);
    });

    it.each(bad)('Queue.fromName rejects the name %j', (name) => {
      const stack = testStack();
      expect((thrown(() => Queue.fromName(stack, 'Q', name)) as ProblemError).problems).toEqual([
        expect.objectContaining({ code: 'GC2004', path: 'test-stack/Q', value: name }),
      ]);
    });

    it.each(['Sales', 'Sales & Support (EU)', "O'Brien's queue", 'Ventes Québec', 'a{b}c'])('accepts the name %j', (name) => {
      const stack = testStack();
      expect(() => new Queue(stack, 'Q', { name })).not.toThrow();
      expect(() => Queue.fromName(stack, 'Q2', name)).not.toThrow();
    });
  });

  describe('inQueueFlow', () => {
    it("sets queue_flow_id from the in-queue flow's id, so the queue follows the flow's publication", () => {
      const stack = testStack();
      const hold = new InQueueFlow(stack, 'Hold', { name: 'Sales Hold', actions: [new HoldMusic('Hold Music')] });
      new Queue(stack, 'Sales', { name: 'Sales', inQueueFlow: hold });
      const json = synthJson(stack);
      const flow = resourceAt(json, 'genesyscloud_flow', 'Hold/Publication/Resource');
      expect(resourceAt(json, 'genesyscloud_routing_queue', 'Sales/Resource').queue_flow_id).toBe(`\${${flow.address}.id}`);
    });

    it('takes an in-queue flow looked up by name', () => {
      const stack = testStack();
      new Queue(stack, 'Sales', { name: 'Sales', inQueueFlow: InQueueFlow.fromName(stack, 'Hold', 'Org Hold') });
      const json = synthJson(stack);
      const lookup = resourceAt(json, 'genesyscloud_flow', 'Hold/Lookup', 'data');
      expect(lookup).toMatchObject({ name: 'Org Hold', type: 'INQUEUECALL' });
      expect(resourceAt(json, 'genesyscloud_routing_queue', 'Sales/Resource').queue_flow_id).toBe(`\${${lookup.address}.id}`);
    });

    it('sets no queue_flow_id without one', () => {
      const stack = testStack();
      new Queue(stack, 'Sales', { name: 'Sales' });
      expect(resourceAt(synthJson(stack), 'genesyscloud_routing_queue', 'Sales/Resource')).not.toHaveProperty('queue_flow_id');
    });

    it('GC2015: an in-queue flow transferring by name to the queue it is bound to', () => {
      const stack = testStack();
      const hold = new InQueueFlow(stack, 'Hold', {
        name: 'Sales Hold',
        actions: [new TransferToAcd('Requeue', { queue: queueNamed('Sales') }), new HoldMusic('Hold Music')],
      });
      const error = thrown(() => new Queue(stack, 'Sales', { name: 'Sales', inQueueFlow: hold }));
      expect((error as ProblemError).problems).toEqual([
        {
          code: 'GC2015',
          path: 'test-stack/Sales > inQueueFlow',
          message: expect.stringContaining('published before the queue exists'),
          value: 'Sales',
          fix: expect.stringContaining('TransferToAcd.inQueueFlow'),
        },
      ]);
      // Another queue by name is no problem.
      expect(() => new Queue(stack, 'Support', { name: 'Support', inQueueFlow: hold })).not.toThrow();
    });

    it('GC2014: a flow that is not an in-queue call flow (a caller without types)', () => {
      const stack = testStack();
      const inbound = new CallFlow(stack, 'Main', messageFlow('Main Line'));
      const error = thrown(() => new Queue(stack, 'Sales', { name: 'Sales', inQueueFlow: inbound as unknown as IInQueueFlow }));
      expect((error as ProblemError).problems).toEqual([
        {
          code: 'GC2014',
          path: 'test-stack/Sales > inQueueFlow',
          message: expect.stringContaining('inboundcall'),
          value: 'Main Line',
          fix: expect.stringContaining('InQueueFlow'),
        },
      ]);
    });
  });

  it('synthesizes a stable queue resource and look-up (snapshot)', () => {
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        new Queue(scope, 'Sales', { name: 'Sales' });
        Queue.fromName(scope, 'Operator', 'Operator');
      }),
    );
    expect({ resource: json.resource, data: json.data }).toMatchSnapshot();
  });
});
