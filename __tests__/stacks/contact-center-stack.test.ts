import { Testing } from 'cdktf';
import { parse } from 'yaml';
import { ArchitectIvr } from '../../.gen/providers/genesyscloud/architect-ivr';
import { ArchitectSchedulegroups } from '../../.gen/providers/genesyscloud/architect-schedulegroups';
import { ArchitectSchedules } from '../../.gen/providers/genesyscloud/architect-schedules';
import { DataGenesyscloudAuthDivisionHome } from '../../.gen/providers/genesyscloud/data-genesyscloud-auth-division-home';
import { DataGenesyscloudRoutingQueue } from '../../.gen/providers/genesyscloud/data-genesyscloud-routing-queue';
import { Flow as GenesyscloudFlow } from '../../.gen/providers/genesyscloud/flow';
import { GenesyscloudProvider } from '../../.gen/providers/genesyscloud/provider';
import { RoutingQueue } from '../../.gen/providers/genesyscloud/routing-queue';
import { ENVIRONMENTS, EnvironmentConfig, ProblemError } from '../../config';
import { ContactCenterStack, addEnvironments } from '../../stacks';
import { resourceAt } from '../support/fixtures';

const ENV_NAMES = ENVIRONMENTS.map((e) => e.name);
const env = (name: string): EnvironmentConfig => ENVIRONMENTS.find((e) => e.name === name)!;

/** Every action in a YAML subtree, depth first: `{ kind: payload }` objects under any `actions` list. */
function actionsIn(node: unknown): Array<Record<string, any>> {
  const found: Array<Record<string, any>> = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [key, value] of Object.entries(x)) {
        if ((key === 'actions' || key === 'startUpTaskActions') && Array.isArray(value)) value.forEach((a) => found.push(a));
        walk(value);
      }
    }
  };
  walk(node);
  return found;
}
const actionsOfKind = (node: unknown, kind: string) =>
  actionsIn(node)
    .filter((a) => kind in a)
    .map((a) => a[kind]);

describe('contact-center stacks', () => {
  const stacks = addEnvironments(Testing.app(), ENVIRONMENTS);
  const byName = (name: string) => stacks.find((s) => s.node.id === `contact-center-${name}`)!;
  const synthCache = new Map<string, string>();
  const synth = (name: string) => {
    if (!synthCache.has(name)) synthCache.set(name, Testing.synth(byName(name)));
    return synthCache.get(name)!;
  };
  const json = (name: string) => JSON.parse(synth(name));

  it('yields one stack per environment: contact-center-dev, -test and -prod', () => {
    expect(ENV_NAMES).toEqual(['dev', 'test', 'prod']);
    expect(stacks.map((s) => s.node.id)).toEqual(['contact-center-dev', 'contact-center-test', 'contact-center-prod']);
    stacks.forEach((s) => expect(s).toBeInstanceOf(ContactCenterStack));
  });

  describe.each(ENV_NAMES)('%s', (name) => {
    const config = env(name);

    it('configures the provider with the region from config and no credentials', () => {
      expect(synth(name)).toHaveProviderWithProperties(GenesyscloudProvider, { aws_region: config.region });
      expect(json(name).provider.genesyscloud).toEqual([{ aws_region: config.region }]);
      expect(json(name).terraform.required_providers.genesyscloud).toMatchObject({ source: 'mypurecloud/genesyscloud' });
    });

    it('declares the backend from config (a relative local state path)', () => {
      expect(config.backend).toMatchObject({ type: 'local' });
      expect(json(name).terraform.backend).toEqual({ local: { path: `terraform.contact-center-${name}.tfstate` } });
    });

    it('publishes the Shared PIN Auth module', () => {
      const stack = byName(name);
      expect(stack.pinAuth.flowName).toBe(`${config.namePrefix}Shared PIN Auth`);
      expect(stack.pinAuth.publication.rendered.yaml).toContain(`commonModule:\n  name: ${config.namePrefix}Shared PIN Auth\n`);
      const module = resourceAt(json(name), 'genesyscloud_flow', 'PinAuth/Publication/Resource');
      expect(module.filepath).toMatch(/^assets\/PinAuth_Publication_Yaml_[0-9A-F]+\/[0-9A-F]{32}\/.*Shared-PIN-Auth\.yaml$/);
      for (const key of ['name', 'type', 'file_content_hash']) expect(module).not.toHaveProperty(key);
    });

    it('has Sales and Support IVRs with the configured numbers, both calling the PIN module', () => {
      const stack = byName(name);
      const synthesized = json(name);
      const moduleAddress = resourceAt(synthesized, 'genesyscloud_flow', 'PinAuth/Publication/Resource').address;
      expect(synth(name)).toHaveResourceWithProperties(ArchitectIvr, {
        name: `${config.namePrefix}Sales IVR`,
        dnis: [...config.ivrs.sales.dnis].sort(),
      });
      expect(synth(name)).toHaveResourceWithProperties(ArchitectIvr, {
        name: `${config.namePrefix}Support IVR`,
        dnis: [...config.ivrs.support.dnis].sort(),
      });
      for (const [ivr, id] of [
        [stack.salesIvr, 'SalesIvr'],
        [stack.supportIvr, 'SupportIvr'],
      ] as const) {
        expect(ivr.flow.sharedFlows).toEqual([stack.pinAuth]);
        const flow = resourceAt(synthesized, 'genesyscloud_flow', `${id}/Flow/Publication/Resource`);
        const waiting = stack.waitingInQueue;
        const waitingAddress = waiting && resourceAt(synthesized, 'genesyscloud_flow', 'WaitingInQueue/Publication/Resource').address;
        expect(flow.depends_on).toEqual(waitingAddress ? [waitingAddress, moduleAddress] : [moduleAddress]);
        expect(resourceAt(synthesized, 'genesyscloud_architect_ivr', `${id}/Resource`).open_hours_flow_id).toBe(`\${${flow.address}.id}`);
        const calls = actionsOfKind(parse(ivr.flow.publication.rendered.yaml), 'callCommonModule');
        expect(calls).toHaveLength(1);
        expect(Object.keys(calls[0].commonModule)).toEqual([stack.pinAuth.flowName]);
      }
    });

    it("the IVRs pass the caller's number to the module and route unavailable and failure to the operator", () => {
      const stack = byName(name);
      for (const ivr of [stack.salesIvr, stack.supportIvr]) {
        const [call] = actionsOfKind(parse(ivr.flow.publication.rendered.yaml), 'callCommonModule');
        expect(call.commonModule[stack.pinAuth.flowName].ver_latestPublished.inputs).toEqual({ 'Common.CallerNumber': { exp: 'Call.Ani' } });
      }
      expect(stack.pinAuth.outcomes).toEqual(['success', 'unavailable', 'failure']);
    });

    it('the account lookup is a data action (not secure: those need a secure flow) of the configured integration, whose contract types the module’s calls', () => {
      const synthesized = json(name);
      const action = resourceAt(synthesized, 'genesyscloud_integration_action', 'AccountLookup');
      const integration = resourceAt(synthesized, 'genesyscloud_integration', 'AccountIntegration/Lookup', 'data');
      expect(integration.name).toBe(config.pinAuth.accountLookup.integrationName);
      expect(action).toMatchObject({
        name: `${config.namePrefix}Account PIN Lookup`,
        integration_id: `\${${integration.address}.id}`,
        secure: false,
        config_request: { request_url_template: config.pinAuth.accountLookup.url, request_type: 'POST' },
      });
      expect(JSON.parse(action.contract_input)).toEqual({
        type: 'object',
        properties: { ani: { type: 'string' }, accountNumber: { type: 'string' } },
        required: ['ani', 'accountNumber'],
      });
      expect(Object.keys(JSON.parse(action.contract_output).properties)).toEqual(['found', 'accountNumber', 'pin']);
      // Velocity templates reach the provider literally.
      expect(action.config_request.request_template).toContain('"$esc.jsonString($${input.ani})"');
      // The module is published after the action it calls.
      expect(resourceAt(synthesized, 'genesyscloud_flow', 'PinAuth/Publication/Resource').depends_on).toContain(
        `genesyscloud_integration_action.${action.address.split('.')[1]}`,
      );
    });

    it('the PIN module looks the caller up by number, then by an entered account number, and compares the PIN with the looked-up one', () => {
      const doc = parse(byName(name).pinAuth.publication.rendered.yaml).commonModule;
      const lookups = actionsOfKind(doc, 'callData');
      expect(lookups).toHaveLength(2);
      for (const lookup of lookups) {
        const [integration] = Object.keys(lookup.category);
        expect(integration).toBe(config.pinAuth.accountLookup.integrationName);
        const call = lookup.category[integration].dataAction[`${config.namePrefix}Account PIN Lookup`];
        expect(call.successOutputs).toEqual({
          accountNumber: { var: 'Common.FoundAccount' },
          found: { var: 'Common.Found' },
          pin: { var: 'Common.AccountPin' },
        });
        expect(Object.keys(lookup.outputs)).toEqual(['success', 'failure', 'timeout']);
      }
      expect(
        lookups
          .map((l) => Object.values(l.category)[0])
          .map((c: any) => Object.values(c.dataAction)[0])
          .map((c: any) => c.inputs),
      ).toEqual([
        { accountNumber: { exp: '""' }, ani: { exp: 'Common.CallerNumber' } },
        { accountNumber: { exp: 'Common.EnteredAccount' }, ani: { exp: 'Common.CallerNumber' } },
      ]);
      const pinLoop = actionsOfKind(doc, 'loop').find((l) => actionsOfKind(l, 'collectInput').some((c) => c.digits?.exact === 4))!;
      expect(pinLoop.loopCount).toEqual({ lit: config.pinAuth.maxAttempts });
      const conditions = actionsOfKind(doc, 'decision').map((d) => d.condition.exp as string);
      expect(conditions).toContain('Common.Pin == Common.AccountPin');
      expect(doc.variables).toContainEqual({ stringVariable: expect.objectContaining({ name: 'Common.CallerNumber', isInput: true }) });
    });

    it('no PIN is written anywhere: the module compares two variables, and no 4-digit literal appears in the flows', () => {
      const stack = byName(name);
      for (const publication of [stack.pinAuth.publication, stack.salesIvr.flow.publication, stack.supportIvr.flow.publication]) {
        expect(publication.rendered.yaml).not.toMatch(/"\d{4}"/);
      }
    });

    it('callers waiting in its queues hear the in-queue flow where the environment configures one (test, prod)', () => {
      const stack = byName(name);
      const synthesized = json(name);
      expect(Boolean(stack.waitingInQueue)).toBe(name !== 'dev');
      const routes = [stack.salesIvr, stack.supportIvr].flatMap((ivr) => actionsOfKind(parse(ivr.flow.publication.rendered.yaml), 'transferToAcd'));
      expect(routes).toHaveLength(6);
      if (!stack.waitingInQueue) {
        for (const transfer of routes) expect(transfer.overrideInQueueFlow).toBeUndefined();
        return;
      }
      const flow = resourceAt(synthesized, 'genesyscloud_flow', 'WaitingInQueue/Publication/Resource');
      // Every route of both IVRs names it on its transfer (works for looked-up queues too) ...
      for (const transfer of routes) expect(transfer.overrideInQueueFlow).toEqual({ name: `${config.namePrefix}In-Queue Hold` });
      // ... and a queue this stack manages binds it for every call it receives.
      const queues = Object.values(synthesized.resource.genesyscloud_routing_queue ?? {}) as Array<Record<string, unknown>>;
      expect(queues.map((q) => q.queue_flow_id)).toEqual(config.manageQueues ? Array(3).fill(`\${${flow.address}.id}`) : []);
      const doc = parse(stack.waitingInQueue.publication.rendered.yaml).inqueueCall;
      expect(doc.settingsInQueueCall).toEqual({ holdMusic: { lit: { name: 'PromptSystem.on_hold_music' } } });
      expect(doc.startUpTaskActions.map((a: object) => Object.keys(a)[0])).toEqual(['playAudio', 'playEstimatedWaitTime', 'holdMusic']);
      expect(doc.startUpTaskActions[0].playAudio.audio).toEqual({ tts: config.inQueue!.waitingMessage });
    });

    it('looks the home division up for the Home division', () => {
      expect(config.division).toEqual({ name: 'Home' });
      expect(synth(name)).toHaveDataSource(DataGenesyscloudAuthDivisionHome);
      const division = resourceAt(json(name), 'genesyscloud_auth_division_home', 'HomeDivision', 'data').address;
      expect(resourceAt(json(name), 'genesyscloud_architect_ivr', 'SalesIvr/Resource').division_id).toBe(`\${${division}.id}`);
    });

    it('outputs the id of every published flow by name', () => {
      const output = json(name).output.flow_ids.value as Record<string, string>;
      const names = [`${config.namePrefix}Shared PIN Auth`, `${config.namePrefix}Sales IVR`, `${config.namePrefix}Support IVR`];
      if (config.businessHours) names.push(`${config.namePrefix}After Hours`);
      if (config.inQueue) names.push(`${config.namePrefix}In-Queue Hold`);
      expect(Object.keys(output).sort()).toEqual(names.sort());
      for (const value of Object.values(output)) expect(value).toMatch(/^\$\{genesyscloud_flow\.[A-Za-z_]+_[0-9A-F]{8}\.id\}$/);
    });

    it("gives the shared flow's destroy guard the flow's id (a reference, known after apply) and nothing that follows content", () => {
      const guard = resourceAt(json(name), 'terraform_data', 'PinAuth/Check/DestroyGuard');
      const module = resourceAt(json(name), 'genesyscloud_flow', 'PinAuth/Publication/Resource');
      expect(guard.input).toMatchObject({
        flowId: `\${${module.address}.id}`,
        flowName: `${config.namePrefix}Shared PIN Auth`,
        flowType: 'COMMONMODULE',
        contentHash: 'n/a',
        payloadPath: 'n/a',
        substitutions: {},
      });
      expect(guard.input.stackCallers).toEqual([`${config.namePrefix}Sales IVR`, `${config.namePrefix}Support IVR`]);
      expect(guard).not.toHaveProperty('triggers_replace');
      expect(guard.provisioner).toEqual([expect.objectContaining({ 'local-exec': expect.objectContaining({ when: 'destroy' }) })]);
      // The create-time checks follow content; they do not carry the id (their input is unchanged).
      for (const [key, check] of Object.entries(json(name).resource.terraform_data as Record<string, { input: Record<string, unknown> }>)) {
        if (!key.includes('DestroyGuard')) expect(check.input).not.toHaveProperty('flowId');
      }
    });
  });

  it.each(['test', 'prod'])('%s binds a schedule group and the closed-hours flow to both IVRs', (name) => {
    const config = env(name);
    const hours = config.businessHours!;
    const synthesized = json(name);
    expect(synth(name)).toHaveResourceWithProperties(ArchitectSchedules, {
      name: `${config.namePrefix}Open Hours`,
      start: hours.start,
      end: hours.end,
      rrule: hours.rrule,
    });
    expect(synth(name)).toHaveResourceWithProperties(ArchitectSchedulegroups, {
      name: `${config.namePrefix}Business Hours`,
      time_zone: hours.timeZone,
    });
    const group = resourceAt(synthesized, 'genesyscloud_architect_schedulegroups', 'BusinessHours');
    const schedule = resourceAt(synthesized, 'genesyscloud_architect_schedules', 'OpenHours');
    expect(group.open_schedules_id).toEqual([`\${${schedule.address}.id}`]);
    const closed = resourceAt(synthesized, 'genesyscloud_flow', 'AfterHours/Publication/Resource');
    for (const ivr of ['SalesIvr/Resource', 'SupportIvr/Resource']) {
      expect(resourceAt(synthesized, 'genesyscloud_architect_ivr', ivr)).toMatchObject({
        schedule_group_id: `\${${group.address}.id}`,
        closed_hours_flow_id: `\${${closed.address}.id}`,
        holiday_hours_flow_id: `\${${closed.address}.id}`,
      });
    }
    expect(byName(name).afterHours!.publication.rendered.yaml).toContain(hours.closedMessage);
  });

  it('dev has no schedule group and no closed-hours flow', () => {
    const dev = json('dev');
    expect(dev.resource.genesyscloud_architect_schedulegroups).toBeUndefined();
    expect(dev.resource.genesyscloud_architect_schedules).toBeUndefined();
    expect(byName('dev').afterHours).toBeUndefined();
    for (const ivr of ['SalesIvr/Resource', 'SupportIvr/Resource']) {
      const resource = resourceAt(dev, 'genesyscloud_architect_ivr', ivr);
      expect(resource).not.toHaveProperty('schedule_group_id');
      expect(resource).not.toHaveProperty('closed_hours_flow_id');
    }
  });

  it.each(['dev', 'test'])('%s manages its queues (genesyscloud_routing_queue) and routes to them by substitution', (name) => {
    const config = env(name);
    expect(config.manageQueues).toBe(true);
    const synthesized = json(name);
    for (const queueName of [config.ivrs.sales.queueName, config.ivrs.support.queueName, config.operatorQueueName]) {
      expect(synth(name)).toHaveResourceWithProperties(RoutingQueue, { name: queueName });
    }
    expect(synthesized.data.genesyscloud_routing_queue).toBeUndefined();
    const sales = resourceAt(synthesized, 'genesyscloud_flow', 'SalesIvr/Flow/Publication/Resource');
    expect(sales.substitutions).toEqual({
      queue_SalesIvrQueue: `\${${resourceAt(synthesized, 'genesyscloud_routing_queue', 'SalesIvrQueue/Resource').address}.name}`,
      queue_OperatorQueue: `\${${resourceAt(synthesized, 'genesyscloud_routing_queue', 'OperatorQueue/Resource').address}.name}`,
    });
  });

  it('prod looks its queues up by name (manageQueues false) and creates none', () => {
    const config = env('prod');
    expect(config.manageQueues).toBe(false);
    const synthesized = json('prod');
    expect(synth('prod')).not.toHaveResource(RoutingQueue);
    expect(synth('prod')).toHaveDataSource(DataGenesyscloudRoutingQueue);
    expect(
      Object.values(synthesized.data.genesyscloud_routing_queue)
        .map((q: any) => q.name)
        .sort(),
    ).toEqual([config.ivrs.sales.queueName, config.ivrs.support.queueName, config.operatorQueueName].sort());
    const support = resourceAt(synthesized, 'genesyscloud_flow', 'SupportIvr/Flow/Publication/Resource');
    expect(support.substitutions.queue_SupportIvrQueue).toBe(
      `\${${resourceAt(synthesized, 'genesyscloud_routing_queue', 'SupportIvrQueue/Lookup', 'data').address}.name}`,
    );
  });

  it('every environment’s stack publishes flows only through genesyscloud_flow resources with a filepath', () => {
    for (const name of ENV_NAMES) {
      expect(synth(name)).toHaveResourceWithProperties(GenesyscloudFlow, { filepath: expect.stringMatching(/^assets\//) });
      const flows = Object.values(json(name).resource.genesyscloud_flow) as Record<string, unknown>[];
      expect(flows).toHaveLength(3 + (env(name).businessHours ? 1 : 0) + (env(name).inQueue ? 1 : 0));
    }
  });

  it('the PIN module loop follows maxAttempts from config', () => {
    const [stack] = addEnvironments(Testing.app(), [{ ...env('dev'), pinAuth: { ...env('dev').pinAuth, maxAttempts: 7 } }]);
    const doc = parse(stack.pinAuth.publication.rendered.yaml);
    expect(actionsOfKind(doc, 'loop').map((l) => l.loopCount)).toEqual([{ lit: 7 }, { lit: 7 }]);
  });

  it('the PIN module is the same in every environment apart from its name and its data action', () => {
    // All embedded environments use the same attempts; the module differs only by its (prefixed) name and lookup.
    expect(new Set(ENVIRONMENTS.map((e) => e.pinAuth.maxAttempts)).size).toBe(1);
    const normalized = stacks.map((s) =>
      s.pinAuth.publication.rendered.yaml
        .replace(s.pinAuth.flowName, 'NAME')
        .replaceAll(s.accountLookup.integrationName, 'INTEGRATION')
        .replaceAll(s.accountLookup.actionName, 'ACTION'),
    );
    expect(new Set(normalized).size).toBe(1);
  });

  it('uses a configured division id instead of looking up the home division', () => {
    const id = '0f2a5e4c-8d5b-4c1e-9a7b-3e2d1c0b9a8f';
    const [stack] = addEnvironments(Testing.app(), [{ ...env('dev'), division: { name: 'Sales Division', id } }]);
    const synthesized = Testing.synth(stack);
    expect(synthesized).not.toHaveDataSource(DataGenesyscloudAuthDivisionHome);
    expect(synthesized).toHaveResourceWithProperties(ArchitectIvr, { division_id: id });
    expect(synthesized).toHaveResourceWithProperties(RoutingQueue, { division_id: id });
    expect(stack.pinAuth.publication.rendered.yaml).toContain('division: Sales Division');
  });

  it('writes backend settings as they are: Terraform reads backend blocks literally, never as templates', () => {
    const local = JSON.parse(
      Testing.synth(addEnvironments(Testing.app(), [{ ...env('dev'), backend: { type: 'local', path: 'state ${x} %{y}.tfstate' } }])[0]),
    );
    expect(local.terraform.backend.local.path).toBe('state ${x} %{y}.tfstate');
  });

  it('escapes config text in Terraform strings once, and keeps the references live', () => {
    const [stack] = addEnvironments(Testing.app(), [{ ...env('test'), namePrefix: 'T$ ${a} ', operatorQueueName: 'Op %{b}' }]);
    const json = JSON.parse(Testing.synth(stack));
    const queues = Object.values(json.resource.genesyscloud_routing_queue).map((q: any) => q.name);
    expect(queues).toContain('Op %%{b}');
    expect(Object.values(json.resource.genesyscloud_architect_schedules).map((s: any) => s.name)).toEqual(['T$ $${a} Open Hours']);
    expect(Object.values(json.resource.genesyscloud_architect_schedulegroups).map((s: any) => [s.name, s.division_id, s.open_schedules_id])).toEqual([
      ['T$ $${a} Business Hours', '${data.genesyscloud_auth_division_home.HomeDivision.id}', ['${genesyscloud_architect_schedules.OpenHours.id}']],
    ]);
    expect(Object.keys(json.output.flow_ids.value)).toContain('T$ $${a} Shared PIN Auth');
    // The flow YAML is file content: the names are written as configured.
    expect(stack.afterHours!.publication.rendered.yaml).toContain('T$ ${a} After Hours');
  });

  it('validates the whole configuration before adding any stack', () => {
    const app = Testing.app();
    const bad = [
      { ...env('dev'), region: 'mars-1' as never },
      { ...env('test'), pinAuth: { ...env('test').pinAuth, maxAttempts: 0 } },
    ];
    expect(() => addEnvironments(app, bad)).toThrow(ProblemError);
    expect(app.node.children).toHaveLength(0);
  });

  it('a second app gives identical Terraform JSON (deterministic synth)', () => {
    const again = addEnvironments(Testing.app(), ENVIRONMENTS);
    again.forEach((s, i) => expect(Testing.synth(s)).toBe(synth(ENV_NAMES[i])));
  });

  it.each([
    [
      { type: 's3', bucket: 'state', key: 'genesys/dev.tfstate', region: 'eu-west-1', dynamodbTable: 'locks' },
      { s3: { bucket: 'state', key: 'genesys/dev.tfstate', region: 'eu-west-1', dynamodb_table: 'locks', encrypt: true } },
    ],
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
