import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack, Testing } from 'cdktf';
import { GenesyscloudProvider } from '../../.gen/providers/genesyscloud/provider';
import { CallFlow, InboundIvr, Queue, SharedFlow } from '../../constructs';
import { CallSharedFlow, CommonModuleFlow, Disconnect, Expr, FlowValidationError, PlayAudio, Prompt, Task, queueNamed, sha256 } from '../../flow';
import { messageFlow, resourceAt, simpleModule, synthJson, testStack } from '../support/fixtures';

const ivrProps = (module: SharedFlow<'ok' | 'failed'>, extra: Record<string, unknown> = {}) => ({
  name: 'Sales IVR',
  dnis: ['+13175550101', '+13175550100'],
  sharedFlow: module,
  sharedFlowInputs: { Account: Expr.string('x') },
  routes: { ok: queueNamed('Sales'), failed: queueNamed('Operator') },
  ...extra,
});

describe('SharedFlow', () => {
  it('publishes its YAML asset with genesyscloud_flow and never sets name, type or file_content_hash', () => {
    const stack = testStack();
    new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    const flow = resourceAt(synthJson(stack), 'genesyscloud_flow', 'Pin/Publication/Resource');
    expect(flow.filepath).toMatch(/^assets\/Pin_Publication_Yaml_[0-9A-F]+\/[0-9A-F]{32}\/Shared-PIN\.yaml$/);
    expect(flow).not.toHaveProperty('name');
    expect(flow).not.toHaveProperty('type');
    expect(flow).not.toHaveProperty('file_content_hash');
    expect(flow.update_trigger_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exposes the content hash of exactly what it renders, and ships that file', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-'));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 's');
      new GenesyscloudProvider(stack, 'Genesys', {});
      new LocalBackend(stack, { path: 'x.tfstate' });
      const pin = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
      app.synth();
      const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/s/cdk.tf.json'), 'utf8'));
      const shipped = fs.readFileSync(path.join(outdir, 'stacks/s', resourceAt(json, 'genesyscloud_flow', 'Pin/Publication/Resource').filepath), 'utf8');
      expect(shipped).toBe(pin.definition.render().yaml);
      expect(pin.contentHash).toBe(sha256(shipped));
      expect(shipped.startsWith('commonModule:\n  name: Shared PIN\n')).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('fromName looks the module up as a COMMONMODULE and callers depend on the look-up', () => {
    const stack = testStack();
    const external = SharedFlow.fromName(stack, 'Auth', 'Org Auth', { inputs: { Account: { type: 'string', required: true } }, outcomes: ['ok', 'failed'] });
    new InboundIvr(stack, 'Ivr', { ...ivrProps(external as SharedFlow<'ok' | 'failed'>) });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveDataSourceWithProperties({ tfResourceType: 'genesyscloud_flow' } as never, { name: 'Org Auth', type: 'COMMONMODULE' });
    const json = JSON.parse(synthesized);
    const lookup = resourceAt(json, 'genesyscloud_flow', 'Auth/Lookup', 'data');
    expect(resourceAt(json, 'genesyscloud_flow', 'Ivr/Flow/Publication/Resource').depends_on).toEqual([lookup.address]);
    expect(external.contentHash).toBeUndefined();
  });

  it('reports flow-language problems with the construct path', () => {
    const stack = testStack();
    const props = simpleModule('Broken');
    let error: unknown;
    try {
      new SharedFlow(stack, 'Broken', { ...props, actions: [new PlayAudio('Only', { prompt: Prompt.tts('hi') })] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FlowValidationError);
    expect((error as FlowValidationError).problems.map((p) => p.code)).toEqual(['GC1005']);
    expect((error as Error).message).toContain('[test-stack/Broken > startUpTaskActions > Only]');
  });
});

describe('InboundIvr', () => {
  it('creates the IVR with sorted DNIS, its flow as open-hours flow, and depends on its DID pool', () => {
    const stack = testStack();
    const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    new InboundIvr(stack, 'Sales', ivrProps(module, { didPool: { startPhoneNumber: '+13175550100', endPhoneNumber: '+13175550109' } }));
    const json = synthJson(stack);
    const ivr = resourceAt(json, 'genesyscloud_architect_ivr', 'Sales/Resource');
    const flow = resourceAt(json, 'genesyscloud_flow', 'Sales/Flow/Publication/Resource');
    const pool = resourceAt(json, 'genesyscloud_telephony_providers_edges_did_pool', 'Sales/DidPool');
    expect(ivr.dnis).toEqual(['+13175550100', '+13175550101']);
    expect(ivr.name).toBe('Sales IVR');
    expect(ivr.open_hours_flow_id).toBe(`\${${flow.address}.id}`);
    expect(ivr.depends_on).toEqual([pool.address]);
    expect(pool).toMatchObject({ start_phone_number: '+13175550100', end_phone_number: '+13175550109', pool_provider: 'PURE_CLOUD_VOICE' });
    expect(ivr).not.toHaveProperty('schedule_group_id');
  });

  it('binds a schedule group with closed and holiday flows', () => {
    const stack = testStack();
    const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    const closed = new CallFlow(stack, 'Closed', messageFlow('Closed'));
    new InboundIvr(stack, 'Sales', ivrProps(module, { schedule: { scheduleGroupId: 'sg-1', closedHoursFlow: closed, holidayHoursFlow: closed } }));
    const json = synthJson(stack);
    const closedFlow = resourceAt(json, 'genesyscloud_flow', 'Closed/Publication/Resource');
    expect(resourceAt(json, 'genesyscloud_architect_ivr', 'Sales/Resource')).toMatchObject({
      schedule_group_id: 'sg-1',
      closed_hours_flow_id: `\${${closedFlow.address}.id}`,
      holiday_hours_flow_id: `\${${closedFlow.address}.id}`,
    });
  });

  it('routes each outcome of the shared flow to its queue in the rendered flow', () => {
    const stack = testStack();
    const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
    const ivr = new InboundIvr(stack, 'Sales', ivrProps(module, { routes: { ok: new Queue(stack, 'SalesQueue', { name: 'Sales' }), failed: queueNamed('Operator') } }));
    const yaml = ivr.flow.publication.rendered.yaml;
    expect(yaml).toContain('Shared PIN:\n                  ver_latestPublished:');
    expect(yaml).toContain('exp: Flow.Run_shared_flow_Outcome == "ok"');
    expect(yaml).toContain('name: "{{queue_SalesQueue}}"');
    expect(yaml).toContain('name: Operator');
    const flow = resourceAt(synthJson(stack), 'genesyscloud_flow', 'Sales/Flow/Publication/Resource');
    expect(Object.keys(flow.substitutions)).toEqual(['queue_SalesQueue']);
    expect(flow.substitutions.queue_SalesQueue).toMatch(/^\$\{genesyscloud_routing_queue\.SalesQueue_[0-9A-F]{8}\.name\}$/);
  });
});

describe('Queue', () => {
  it('creates a routing queue, or looks one up by name', () => {
    const stack = testStack();
    const made = new Queue(stack, 'Made', { name: 'Made Queue' });
    const found = Queue.fromName(stack, 'Found', 'Found Queue');
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties({ tfResourceType: 'genesyscloud_routing_queue' } as never, { name: 'Made Queue' });
    expect(synthesized).toHaveDataSourceWithProperties({ tfResourceType: 'genesyscloud_routing_queue' } as never, { name: 'Found Queue' });
    expect(made.nameInFlow).toBe('{{queue_Made}}');
    expect(found.nameInFlow).toBe('{{queue_Found}}');
    expect(found.queueName).toBe('Found Queue');
  });
});

describe('construct errors', () => {
  const module = (stack: TerraformStack) => new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));

  it('GC2001 rejects a DNIS that is not E.164', () => {
    const stack = testStack();
    expect(() => new InboundIvr(stack, 'Ivr', ivrProps(module(stack), { dnis: ['317-555-0100'] }))).toThrow(/GC2001 \[test-stack\/Ivr > dnis\].*"317-555-0100"/);
  });
  it('GC2002 requires a closed-hours flow with a schedule group', () => {
    const stack = testStack();
    expect(() => new InboundIvr(stack, 'Ivr', ivrProps(module(stack), { schedule: { scheduleGroupId: 'sg' } }))).toThrow(/GC2002/);
  });
  it('GC2003 rejects a DNIS outside the DID pool and an inverted pool', () => {
    const stack = testStack();
    const m = module(stack);
    expect(() => new InboundIvr(stack, 'Ivr', ivrProps(m, { didPool: { startPhoneNumber: '+13175550200', endPhoneNumber: '+13175550209' } }))).toThrow(/GC2003.*value: "\+13175550101"/);
    expect(() => new InboundIvr(stack, 'Ivr2', ivrProps(m, { didPool: { startPhoneNumber: '+13175550109', endPhoneNumber: '+13175550100' } }))).toThrow(/GC2003/);
  });
  it('GC2004 rejects queue names that would break the YAML', () => {
    const stack = testStack();
    expect(() => new Queue(stack, 'Q', { name: 'Sales "VIP"' })).toThrow(/GC2004/);
    expect(() => Queue.fromName(stack, 'Q2', ' Sales')).toThrow(/GC2004/);
  });
  it('GC2005 requires a route for every outcome', () => {
    const stack = testStack();
    expect(() => new InboundIvr(stack, 'Ivr', ivrProps(module(stack), { routes: { ok: queueNamed('Sales') } }))).toThrow(/GC2005.*'failed'/);
  });
  it('GC2006 rejects two flows of one name in a stack', () => {
    const stack = testStack();
    new CallFlow(stack, 'One', messageFlow('Same Name'));
    expect(() => new CallFlow(stack, 'Two', messageFlow('Same Name'))).toThrow(/GC2006.*test-stack\/One/);
  });
  it('GC2007 rejects an IVR without numbers, duplicate numbers, and calls to a bare definition', () => {
    const stack = testStack();
    const m = module(stack);
    expect(() => new InboundIvr(stack, 'A', ivrProps(m, { dnis: [] }))).toThrow(/GC2007/);
    expect(() => new InboundIvr(stack, 'B', ivrProps(m, { dnis: ['+13175550100', '+13175550100'] }))).toThrow(/GC2007.*twice/);
    const bare = new CommonModuleFlow(simpleModule('Bare'));
    const main = new Task('Main', [new CallSharedFlow('Call', { flow: bare, inputs: { Account: Expr.string('x') }, outcomes: { ok: [new Disconnect('a')], failed: [new Disconnect('b')] } })]);
    expect(() => new CallFlow(stack, 'C', { name: 'C', startUp: main, tasks: [main] })).toThrow(/GC2007.*SharedFlow/);
  });
});
