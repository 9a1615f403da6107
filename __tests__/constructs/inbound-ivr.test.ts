import { TerraformStack, Testing } from 'cdktf';
import { ArchitectIvr } from '../../.gen/providers/genesyscloud/architect-ivr';
import { TelephonyProvidersEdgesDidPool } from '../../.gen/providers/genesyscloud/telephony-providers-edges-did-pool';
import { CallFlow, IInQueueFlow, InboundIvr, InboundIvrProps, InQueueFlow, Queue, SharedFlow } from '../../constructs';
import { CommonModuleFlow, Expr, HoldMusic, Problem, Prompt, formatProblem, queueNamed } from '../../flow';
import { simulateCall } from '../../simulator';
import { messageFlow, problemsOf, resourceAt, simpleModule, synthJson, testStack } from '../support/fixtures';

type Outcome = 'ok' | 'failed';

/** The error `fn` throws; fails the test when it throws nothing. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, but nothing was thrown');
}

const ivrProps = (module: SharedFlow<Outcome>, extra: Partial<InboundIvrProps<Outcome>> = {}): InboundIvrProps<Outcome> => ({
  name: 'Sales IVR',
  greeting: Prompt.tts('Welcome.'),
  dnis: ['+13175550101', '+13175550100'],
  sharedFlow: module,
  sharedFlowInputs: { Account: Expr.string('x') },
  routes: { ok: queueNamed('Sales'), failed: queueNamed('Operator') },
  ...extra,
});

const pool = { startPhoneNumber: '+13175550100', endPhoneNumber: '+13175550109' };

describe('InboundIvr', () => {
  it('creates the IVR with sorted DNIS and its own flow as the open-hours flow', () => {
    const synthesized = Testing.synthScope((scope) => {
      const module = new SharedFlow(scope, 'Pin', simpleModule('Shared PIN'));
      new InboundIvr(scope, 'Sales', ivrProps(module, { dnis: ['+13175550109', '+13175550100', '+13175550105'] }));
    });
    expect(synthesized).toHaveResource(ArchitectIvr);
    expect(synthesized).toHaveResourceWithProperties(ArchitectIvr, {
      name: 'Sales IVR',
      dnis: ['+13175550100', '+13175550105', '+13175550109'],
      open_hours_flow_id: expect.stringMatching(/^\$\{genesyscloud_flow\.Sales_Flow_Publication_[0-9A-F]{8}\.id\}$/),
    });
    expect(synthesized).not.toHaveResource(TelephonyProvidersEdgesDidPool);
    const json = JSON.parse(synthesized);
    const [ivr] = Object.values(json.resource.genesyscloud_architect_ivr) as Record<string, unknown>[];
    for (const key of ['depends_on', 'schedule_group_id', 'closed_hours_flow_id', 'holiday_hours_flow_id']) expect(ivr).not.toHaveProperty(key);
    // Its flow is a genesyscloud_flow like any other: no name/type/file_content_hash, depends on the module.
    const flow = resourceAt(json, 'genesyscloud_flow', 'Sales/Flow/Publication/Resource');
    for (const key of ['name', 'type', 'file_content_hash']) expect(flow).not.toHaveProperty(key);
    expect(flow.depends_on).toEqual([resourceAt(json, 'genesyscloud_flow', 'Pin/Publication/Resource').address]);
  });

  it('names the flow after the IVR unless flowName is given, and passes description and division', () => {
    const stack = testStack();
    const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    const a = new InboundIvr(stack, 'A', ivrProps(module, { name: 'A IVR', dnis: ['+13175550100'] }));
    const b = new InboundIvr(
      stack,
      'B',
      ivrProps(module, {
        name: 'B IVR',
        flowName: 'B Flow',
        dnis: ['+13175550101'],
        description: 'Line B',
        divisionId: 'div-1',
        divisionName: 'Sales Div',
      }),
    );
    expect(a.flow.flowName).toBe('A IVR');
    expect(b.flow.flowName).toBe('B Flow');
    expect(b.flow.publication.rendered.yaml).toContain('division: Sales Div');
    expect(resourceAt(synthJson(stack), 'genesyscloud_architect_ivr', 'B/Resource')).toMatchObject({
      name: 'B IVR',
      description: 'Line B',
      division_id: 'div-1',
    });
  });

  it('creates the DID pool when given and the IVR depends on it', () => {
    const stack = testStack();
    const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    const ivr = new InboundIvr(stack, 'Sales', ivrProps(module, { didPool: { ...pool, description: 'Sales numbers' } }));
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(TelephonyProvidersEdgesDidPool, {
      start_phone_number: '+13175550100',
      end_phone_number: '+13175550109',
      pool_provider: 'PURE_CLOUD_VOICE',
      description: 'Sales numbers',
    });
    const json = JSON.parse(synthesized);
    const didPool = resourceAt(json, 'genesyscloud_telephony_providers_edges_did_pool', 'Sales/DidPool');
    expect(resourceAt(json, 'genesyscloud_architect_ivr', 'Sales/Resource').depends_on).toEqual([didPool.address]);
    expect(ivr.didPool).toBeDefined();
  });

  it('binds a schedule group with closed and holiday flows', () => {
    const stack = testStack();
    const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    const closed = new CallFlow(stack, 'Closed', messageFlow('Closed'));
    const holiday = new CallFlow(stack, 'Holiday', messageFlow('Holiday'));
    new InboundIvr(stack, 'Sales', ivrProps(module, { schedule: { scheduleGroupId: 'sg-1', closedHoursFlow: closed, holidayHoursFlow: holiday } }));
    const json = synthJson(stack);
    expect(resourceAt(json, 'genesyscloud_architect_ivr', 'Sales/Resource')).toMatchObject({
      schedule_group_id: 'sg-1',
      closed_hours_flow_id: `\${${resourceAt(json, 'genesyscloud_flow', 'Closed/Publication/Resource').address}.id}`,
      holiday_hours_flow_id: `\${${resourceAt(json, 'genesyscloud_flow', 'Holiday/Publication/Resource').address}.id}`,
    });
  });

  it('runs the shared flow with its inputs and routes each outcome to its queue', () => {
    const stack = testStack();
    const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    const salesQueue = new Queue(stack, 'SalesQueue', { name: 'Sales' });
    const ivr = new InboundIvr(
      stack,
      'Sales',
      ivrProps(module, { greeting: Prompt.tts('Welcome to Sales.'), routes: { ok: salesQueue, failed: queueNamed('Operator') } }),
    );
    const yaml = ivr.flow.publication.rendered.yaml;
    expect(yaml).toContain('tts: Welcome to Sales.');
    expect(yaml).toContain('Shared PIN:\n                  ver_latestPublished:');
    expect(yaml).toContain('Common.Account:\n                        exp: \'"x"\'');
    expect(yaml).toContain('exp: Flow.Run_shared_flow_Outcome == "ok"');
    expect(yaml).toContain('name: "{{queue_SalesQueue}}"');
    expect(yaml).toContain('name: Operator');
    expect(ivr.flow.sharedFlows).toEqual([module]);
    const flow = resourceAt(synthJson(stack), 'genesyscloud_flow', 'Sales/Flow/Publication/Resource');
    expect(flow.substitutions).toEqual({
      queue_SalesQueue: expect.stringMatching(/^\$\{genesyscloud_routing_queue\.SalesQueue_[0-9A-F]{8}\.name\}$/),
    });
  });

  describe('errors', () => {
    let stack: TerraformStack;
    let module: SharedFlow<Outcome>;
    beforeEach(() => {
      stack = testStack();
      module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    });

    it.each(['317-555-0100', '3175550100', '+03175550100', '+1317555010012345', '+1 317 555 0100', ''])('GC2001 rejects the DNIS %j', (bad) => {
      const error = thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { dnis: [bad] })));
      expect(problemsOf(error)).toEqual([expect.objectContaining({ code: 'GC2001', path: 'test-stack/Ivr > dnis', value: bad })]);
      expect((error as Error).message).toMatch(/^GC2001 \[test-stack\/Ivr > dnis\]/);
    });

    it('GC2001 rejects a DID pool bound that is not E.164', () => {
      expect(
        problemsOf(thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { didPool: { ...pool, endPhoneNumber: '13175550109' } })))),
      ).toEqual([expect.objectContaining({ code: 'GC2001', path: 'test-stack/Ivr > didPool.endPhoneNumber' })]);
    });

    it('GC2002 rejects a schedule without a closed-hours flow (JS callers bypass the types)', () => {
      const error = thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { schedule: { scheduleGroupId: 'sg' } as any })));
      expect(problemsOf(error)).toEqual([expect.objectContaining({ code: 'GC2002', path: 'test-stack/Ivr > schedule' })]);
    });

    it('GC2003 rejects a DNIS outside the DID pool', () => {
      const outside = thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { dnis: ['+13175550100', '+13175550110'], didPool: pool })));
      expect(problemsOf(outside)).toEqual([expect.objectContaining({ code: 'GC2003', path: 'test-stack/Ivr > dnis', value: '+13175550110' })]);
      // Same prefix, different length: not in the pool either.
      expect(
        problemsOf(thrown(() => new InboundIvr(stack, 'Ivr2', ivrProps(module, { dnis: ['+131755501000'], didPool: pool })))).map((p) => p.code),
      ).toEqual(['GC2003']);
    });

    it('reports a number listed twice and outside the pool once as a repeat and once as outside (not twice outside)', () => {
      const error = thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { dnis: ['+13175550110', '+13175550110'], didPool: pool })));
      expect(
        problemsOf(error)
          .map((p) => p.code)
          .sort(),
      ).toEqual(['GC2003', 'GC2007']);
    });

    it('GC2003 rejects a DID pool whose start is after its end', () => {
      const error = thrown(
        () => new InboundIvr(stack, 'Ivr', ivrProps(module, { didPool: { startPhoneNumber: '+13175550109', endPhoneNumber: '+13175550100' } })),
      );
      expect(problemsOf(error)).toEqual([
        expect.objectContaining({ code: 'GC2003', path: 'test-stack/Ivr > didPool', value: '+13175550109..+13175550100' }),
      ]);
    });

    it('GC2005 requires a route for every outcome of the shared flow', () => {
      const error = thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { routes: { ok: queueNamed('Sales') } as any })));
      expect(problemsOf(error)).toEqual([expect.objectContaining({ code: 'GC2005', path: 'test-stack/Ivr > routes', value: 'failed' })]);
      expect((error as Error).message).toContain("outcome 'failed' of shared flow 'Shared PIN' has no route");
    });

    it('GC2006 rejects a second IVR whose flow has the same name', () => {
      new InboundIvr(stack, 'One', ivrProps(module, { dnis: ['+13175550100'] }));
      expect(problemsOf(thrown(() => new InboundIvr(stack, 'Two', ivrProps(module, { dnis: ['+13175550101'] }))))).toEqual([
        expect.objectContaining({ code: 'GC2006', path: 'test-stack/Two/Flow' }),
      ]);
    });

    it('GC2007 rejects an IVR without DNIS', () => {
      expect(problemsOf(thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { dnis: [] }))))).toEqual([
        expect.objectContaining({ code: 'GC2007', path: 'test-stack/Ivr' }),
      ]);
    });

    it('GC2007 rejects a DNIS listed twice', () => {
      const error = thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { dnis: ['+13175550100', '+13175550101', '+13175550100'] })));
      expect(problemsOf(error)).toEqual([expect.objectContaining({ code: 'GC2007', path: 'test-stack/Ivr > dnis', value: '+13175550100' })]);
      expect((error as Error).message).toContain('twice');
    });

    it('GC2010 rejects a bare CommonModuleFlow definition as the shared flow', () => {
      const bare = new CommonModuleFlow(simpleModule('Bare'));
      const error = thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(bare as any)));
      expect(problemsOf(error)).toEqual([expect.objectContaining({ code: 'GC2010', path: 'test-stack/Ivr/Flow', value: 'Bare' })]);
    });

    it('surfaces a flow-language error as a ProblemError naming the construct path', () => {
      // Module input Account is required and typed string: pass an integer.
      const error = thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { sharedFlowInputs: { Account: Expr.integer(1) as any } })));
      expect(problemsOf(error).map((p) => p.code)).toEqual(['GC1008']);
      expect((error as Error).message).toContain('[test-stack/Ivr/Flow > tasks > Main > Run shared flow]');
    });

    it('reports every problem of its properties in one error, each on its own line', () => {
      const error = thrown(
        () =>
          new InboundIvr(
            stack,
            'Ivr',
            ivrProps(module, {
              dnis: ['bad', '+13175550100', '+13175550100', '+13175550120'],
              didPool: pool,
              routes: { ok: queueNamed('Sales') } as any,
              schedule: { scheduleGroupId: 'sg' } as any,
            }),
          ),
      );
      const problems = problemsOf(error);
      expect(problems.map((p) => [p.code, p.path, p.value])).toEqual([
        ['GC2001', 'test-stack/Ivr > dnis', 'bad'],
        ['GC2007', 'test-stack/Ivr > dnis', '+13175550100'],
        ['GC2003', 'test-stack/Ivr > dnis', '+13175550120'],
        ['GC2002', 'test-stack/Ivr > schedule', 'closedHoursFlow missing'],
        ['GC2005', 'test-stack/Ivr > routes', 'failed'],
      ]);
      expect((error as Error).message).toBe(['5 problem(s):', ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'));
      expect(synthJson(stack).resource.genesyscloud_architect_ivr).toBeUndefined();
    });

    it('reports every bad DID pool bound, and checks the range only when both are numbers', () => {
      const error = thrown(
        () => new InboundIvr(stack, 'Ivr', ivrProps(module, { didPool: { startPhoneNumber: '3175550100', endPhoneNumber: '+1 317 555 0109' } })),
      );
      expect(problemsOf(error).map((p) => [p.code, p.path])).toEqual([
        ['GC2001', 'test-stack/Ivr > didPool.startPhoneNumber'],
        ['GC2001', 'test-stack/Ivr > didPool.endPhoneNumber'],
      ]);
    });

    it('throws before adding anything to the stack', () => {
      thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { dnis: ['bad'] })));
      const json = synthJson(stack);
      expect(json.resource.genesyscloud_architect_ivr).toBeUndefined();
      expect(Object.keys(json.resource.genesyscloud_flow)).toHaveLength(1);
    });
  });

  describe('routes with an in-queue flow', () => {
    const holdProps = { name: 'Sales Hold', actions: [new HoldMusic('Hold Music')] };

    it("override the route's in-queue handling in the IVR flow's YAML and make the IVR flow depend on the in-queue flow", () => {
      const stack = testStack();
      const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
      const hold = new InQueueFlow(stack, 'Hold', holdProps);
      const ivr = new InboundIvr(
        stack,
        'Ivr',
        ivrProps(module, { routes: { ok: { queue: queueNamed('Sales'), inQueueFlow: hold }, failed: queueNamed('Operator') } }),
      );
      const yaml = ivr.flow.publication.rendered.yaml;
      expect(yaml).toMatch(/name: Route ok\n(.*\n)*? +overrideInQueueFlow:\n +name: Sales Hold\n/);
      // The other route keeps the queue's own handling.
      expect(yaml.match(/overrideInQueueFlow:/g)).toHaveLength(1);
      const json = synthJson(stack);
      expect(resourceAt(json, 'genesyscloud_flow', 'Ivr/Flow/Publication/Resource').depends_on).toEqual([
        resourceAt(json, 'genesyscloud_flow', 'Hold/Publication/Resource').address,
        resourceAt(json, 'genesyscloud_flow', 'Pin/Publication/Resource').address,
      ]);
    });

    it('work with an imported queue and an in-queue flow looked up by name', () => {
      const stack = testStack();
      const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
      const queue = Queue.fromName(stack, 'Operator', 'Operator');
      const hold = InQueueFlow.fromName(stack, 'Hold', 'Org Hold');
      const ivr = new InboundIvr(stack, 'Ivr', ivrProps(module, { routes: { ok: queueNamed('Sales'), failed: { queue, inQueueFlow: hold } } }));
      expect(ivr.flow.publication.rendered.yaml).toMatch(/overrideInQueueFlow:\n +name: Org Hold\n/);
      const json = synthJson(stack);
      const flow = resourceAt(json, 'genesyscloud_flow', 'Ivr/Flow/Publication/Resource');
      expect(flow.depends_on).toContain(resourceAt(json, 'genesyscloud_flow', 'Hold/Lookup', 'data').address);
      expect(Object.keys(flow.substitutions)).toEqual([queue.substitutionKey]);
    });

    it('the simulated call ends in the queue and names the in-queue flow', () => {
      const stack = testStack();
      const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
      const hold = new InQueueFlow(stack, 'Hold', holdProps);
      const ivr = new InboundIvr(
        stack,
        'Ivr',
        ivrProps(module, { routes: { ok: { queue: queueNamed('Sales'), inQueueFlow: hold }, failed: queueNamed('Operator') } }),
      );
      const result = simulateCall(ivr);
      expect(result.outcome).toEqual({ kind: 'queue', queueName: 'Sales', inQueueFlow: 'Sales Hold' });
      expect(result.transcript.some((e) => e.kind === 'transferToAcd' && e.branch === 'queue Sales (in-queue flow Sales Hold)')).toBe(true);
    });

    it('GC1032 for a route whose in-queue flow is not an in-queue call flow, with the other problems, before anything is added', () => {
      const stack = testStack();
      const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
      const inbound = new CallFlow(stack, 'Main', messageFlow('Main Line'));
      const error = thrown(
        () =>
          new InboundIvr(
            stack,
            'Ivr',
            ivrProps(module, {
              dnis: ['bad'],
              routes: {
                ok: { queue: queueNamed('Sales'), inQueueFlow: inbound as unknown as IInQueueFlow },
                failed: { inQueueFlow: undefined } as any,
              },
            }),
          ),
      );
      expect(problemsOf(error)).toEqual([
        expect.objectContaining({ code: 'GC2001', value: 'bad' }),
        {
          code: 'GC1032',
          path: 'test-stack/Ivr > routes.ok.inQueueFlow',
          message: expect.stringContaining('inboundcall'),
          value: 'Main Line',
          fix: expect.stringContaining('InQueueFlow'),
        },
        expect.objectContaining({ code: 'GC2005', path: 'test-stack/Ivr > routes', value: 'failed', fix: 'add routes.failed.queue' }),
      ]);
      expect(synthJson(stack).resource.genesyscloud_architect_ivr).toBeUndefined();
      expect(stack.node.tryFindChild('Ivr')?.node.children).toEqual([]);
    });
  });

  describe('routes from JavaScript', () => {
    it.each<[string, unknown, Partial<Problem>]>([
      ['routes null', null, { code: 'GC2007', path: 'test-stack/Ivr > routes', value: 'null' }],
      ['routes a list', [queueNamed('Sales')], { code: 'GC2007', path: 'test-stack/Ivr > routes' }],
      [
        "a route given as the queue's name",
        { ok: 'Sales', failed: queueNamed('Operator') },
        { code: 'GC2005', path: 'test-stack/Ivr > routes.ok', value: 'Sales' },
      ],
      [
        'a route whose queue is a name',
        { ok: { queue: 'Sales' }, failed: queueNamed('Operator') },
        { code: 'GC2005', path: 'test-stack/Ivr > routes.ok', value: '{"queue":"Sales"}' },
      ],
      [
        'an in-queue flow given as a string',
        { ok: { queue: queueNamed('Sales'), inQueueFlow: 'abc' }, failed: queueNamed('Operator') },
        {
          code: 'GC1032',
          path: 'test-stack/Ivr > routes.ok.inQueueFlow',
          value: 'abc',
          message: 'the in-queue flow a route overrides with is not a flow',
        },
      ],
    ])('%s: one coded problem showing the value given, before anything is added', (_what, routes, problem) => {
      const stack = testStack();
      const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
      const error = thrown(() => new InboundIvr(stack, 'Ivr', ivrProps(module, { routes: routes as any })));
      expect(problemsOf(error)).toEqual([expect.objectContaining({ ...problem, fix: expect.any(String) })]);
      expect(problemsOf(error)[0].message).not.toMatch(/undefined/);
      expect(stack.node.tryFindChild('Ivr')?.node.children).toEqual([]);
    });
  });

  it('synthesizes a stable IVR resource (snapshot)', () => {
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        const module = new SharedFlow(scope, 'Pin', simpleModule('Shared PIN'));
        new InboundIvr(scope, 'Sales', ivrProps(module, { didPool: pool }));
      }),
    );
    expect({ ivr: json.resource.genesyscloud_architect_ivr, flow: json.resource.genesyscloud_flow }).toMatchSnapshot();
  });
});
