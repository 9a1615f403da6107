import { App, Testing } from 'cdktf';
import { parse } from 'yaml';
import { ENVIRONMENTS, EnvironmentConfig } from '../../config';
import { ContactCenterStack, addEnvironments } from '../../stacks';
import { resourceAt } from '../support/fixtures';

const env = (name: string): EnvironmentConfig => ENVIRONMENTS.find((e) => e.name === name)!;

describe('contact-center stacks', () => {
  const app = Testing.app();
  const stacks = addEnvironments(app, ENVIRONMENTS);
  const json = (stack: ContactCenterStack) => JSON.parse(Testing.synth(stack));

  it('has one stack per environment with stable ids', () => {
    expect(stacks.map((s) => s.node.id)).toEqual(['contact-center-dev', 'contact-center-test', 'contact-center-prod']);
  });

  it.each(['dev', 'test', 'prod'])('%s: provider region from config, no credentials, a relative local backend', (name) => {
    const stack = stacks.find((s) => s.node.id === `contact-center-${name}`)!;
    const synthesized = json(stack);
    expect(synthesized.provider.genesyscloud).toEqual([{ aws_region: env(name).region }]);
    expect(synthesized.terraform.backend).toEqual({ local: { path: `terraform.contact-center-${name}.tfstate` } });
    expect(synthesized.terraform.required_providers.genesyscloud).toEqual({ source: 'mypurecloud/genesyscloud', version: '~> 1.84' });
  });

  it.each(['dev', 'test', 'prod'])('%s: Sales and Support IVRs both call the shared PIN module', (name) => {
    const stack = stacks.find((s) => s.node.id === `contact-center-${name}`)!;
    const synthesized = json(stack);
    const module = resourceAt(synthesized, 'genesyscloud_flow', 'PinAuth/Publication/Resource');
    for (const ivr of [stack.salesIvr, stack.supportIvr]) {
      const doc = parse(ivr.flow.publication.rendered.yaml);
      const call = doc.inboundCall.tasks[0].task.actions.find((a: object) => 'callCommonModule' in a).callCommonModule;
      expect(Object.keys(call.commonModule)).toEqual([stack.pinAuth.flowName]);
      expect(call.commonModule[stack.pinAuth.flowName].ver_latestPublished.inputs['Common.ExpectedPin']).toEqual({ exp: `"${env(name).pinAuth.expectedPin}"` });
      const flowPath = `${ivr.node.id}/Flow/Publication/Resource`;
      expect(resourceAt(synthesized, 'genesyscloud_flow', flowPath).depends_on).toEqual([module.address]);
    }
    expect(stack.pinAuth.flowName).toBe(`${env(name).namePrefix}Shared PIN Auth`);
    expect(resourceAt(synthesized, 'genesyscloud_architect_ivr', 'SalesIvr/Resource').dnis).toEqual([...env(name).ivrs.sales.dnis].sort());
  });

  it('the PIN module collects 4 digits with the configured number of attempts', () => {
    const dev = stacks[0];
    const root = parse(dev.pinAuth.publication.rendered.yaml).commonModule;
    const loop = root.startUpTaskActions[0].loop;
    expect(loop.loopCount).toEqual({ lit: env('dev').pinAuth.maxAttempts });
    expect(loop.outputs.loop.actions[0].collectInput.digits).toEqual({ exact: 4 });
  });

  it('dev creates its queues; prod looks them up', () => {
    const dev = Testing.synth(stacks[0]);
    expect(dev).toHaveResourceWithProperties({ tfResourceType: 'genesyscloud_routing_queue' } as never, { name: 'DEV Sales' });
    const prod = JSON.parse(Testing.synth(stacks[2]));
    expect(prod.resource.genesyscloud_routing_queue).toBeUndefined();
    expect(Object.values(prod.data.genesyscloud_routing_queue).map((q: any) => q.name).sort()).toEqual(['Operator', 'Sales', 'Support']);
  });

  it('test and prod bind a schedule group and the after-hours flow to both IVRs; dev has none', () => {
    for (const stack of [stacks[1], stacks[2]]) {
      const synthesized = json(stack);
      const group = resourceAt(synthesized, 'genesyscloud_architect_schedulegroups', 'BusinessHours');
      const closed = resourceAt(synthesized, 'genesyscloud_flow', 'AfterHours/Publication/Resource');
      for (const ivr of ['SalesIvr/Resource', 'SupportIvr/Resource']) {
        expect(resourceAt(synthesized, 'genesyscloud_architect_ivr', ivr)).toMatchObject({
          schedule_group_id: `\${${group.address}.id}`,
          closed_hours_flow_id: `\${${closed.address}.id}`,
        });
      }
    }
    expect(json(stacks[0]).resource.genesyscloud_architect_schedulegroups).toBeUndefined();
  });

  it('a second app gives identical Terraform JSON (deterministic synth)', () => {
    const again = addEnvironments(new App({ outdir: '/nonexistent-never-written' }), ENVIRONMENTS);
    stacks.forEach((s, i) => expect(Testing.synth(again[i])).toBe(Testing.synth(s)));
  });

  it.each([
    [{ type: 's3', bucket: 'state', key: 'genesys/dev.tfstate', region: 'eu-west-1', dynamodbTable: 'locks' }, { s3: { bucket: 'state', key: 'genesys/dev.tfstate', region: 'eu-west-1', dynamodb_table: 'locks', encrypt: true } }],
    [{ type: 'remote', organization: 'acme', workspace: 'genesys-dev' }, { remote: { organization: 'acme', workspaces: { name: 'genesys-dev' } } }],
  ] as const)('selects the %j backend per environment', (backend, expected) => {
    const [stack] = addEnvironments(Testing.app(), [{ ...env('dev'), backend }]);
    expect(JSON.parse(Testing.synth(stack)).terraform.backend).toEqual(expected);
  });

  it('selects a Terraform Cloud backend per environment', () => {
    const [stack] = addEnvironments(Testing.app(), [{ ...env('dev'), backend: { type: 'cloud', organization: 'acme', workspace: 'genesys-dev' } }]);
    expect(JSON.parse(Testing.synth(stack)).terraform.cloud).toEqual({ organization: 'acme', workspaces: { name: 'genesys-dev' } });
  });
});
