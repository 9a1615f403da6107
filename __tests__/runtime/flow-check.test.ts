import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../config';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps, unpublishedChanges } from '../../runtime/architect/architect-ops';
import { checkSharedFlowDestroy, checkStackFlows } from '../../runtime/flow-check/flow-check';
import { FlowCheckInput, StackCheckInput } from '../../runtime/flow-check/flow-check-input';
import { applySubstitutions } from '../../runtime/synth-output/substitutions';
import { GenesysError } from '../../runtime/genesys';
import { TimeBudget } from '../../runtime/genesys/time-budget';
import { ContactCenterStack, addEnvironments } from '../../stacks';
import { TEST_CLIENT_ID, connect, startEmulator } from '../support/emulator';

const QUEUES = { queue_SalesIvrQueue: 'DEV Sales', queue_SupportIvrQueue: 'DEV Support', queue_OperatorQueue: 'DEV Operator' };
const poll = { timeoutMs: 3000, intervalMs: 20 };

describe('flow check handler against the emulator', () => {
  let emulator: GenesysEmulator;
  let ops: ArchitectOps;
  let dev: ContactCenterStack;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-check-'));

  /** Written into the stack folder (`work`); the input names it relative to it, as Terraform's does. */
  const payload = (name: string, yaml: string) => {
    fs.writeFileSync(path.join(work, `${name}.yaml`), yaml);
    return `${name}.yaml`;
  };
  const moduleYaml = () => dev.pinAuth.publication.rendered.yaml;
  const salesYaml = () => dev.salesIvr.flow.publication.rendered.yaml;
  const inputFor = (flowName: string, flowType: string, yaml: string, extra: Partial<FlowCheckInput> = {}): FlowCheckInput => ({
    flowName,
    flowType,
    contentHash: 'abc123def4567890',
    payloadPath: payload(flowName.replace(/\W+/g, '-'), yaml),
    substitutions: QUEUES,
    region: 'us-east-1',
    stackCallers: ['DEV Sales IVR', 'DEV Support IVR'],
    republishExternalCallers: false,
    allowDestroyWithExternalCallers: false,
    ...extra,
  });
  /** The stack check's input for these flows (the destroy guard's fields dropped). */
  const stackInput = (flows: FlowCheckInput[]): StackCheckInput => ({
    header: { region: 'us-east-1', republishExternalCallers: flows.some((f) => f.republishExternalCallers), flowCount: flows.length },
    flows: flows.map(({ flowName, flowType, contentHash, payloadPath, substitutions }) => ({
      flowName,
      flowType,
      contentHash,
      payloadPath,
      substitutions,
    })),
  });
  const check = (...flows: FlowCheckInput[]) => checkStackFlows(ops, stackInput(flows), { poll, stackDir: work });
  /** Publishes as the provider would: an import job with the substituted YAML. */
  const deploy = async (yaml: string) => ops.importFlow(applySubstitutions(yaml, QUEUES), poll);
  const externalCaller = (yaml: string) => yaml.replace(/DEV Sales IVR/g, 'Partner IVR');

  beforeAll(() => {
    [dev] = addEnvironments(Testing.app(), [ENVIRONMENTS[0]]);
  });
  beforeEach(async () => {
    emulator = await startEmulator();
    ops = new ArchitectOps(await connect(emulator));
    await deploy(moduleYaml());
    await deploy(salesYaml());
  });
  afterEach(() => emulator.stop());
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('passes when the published flows carry what was synthesized, checking them all at once', async () => {
    const report = await check(inputFor('DEV Shared PIN Auth', 'COMMONMODULE', moduleYaml()), inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()));
    expect(report.exitCode).toBe(0);
    const text = report.lines.join('\n');
    expect(text).toContain("COMMONMODULE 'DEV Shared PIN Auth': published version 1.0 matches the synthesized flow (abc123def456)");
    expect(text).toContain(
      "INBOUNDCALL 'DEV Sales IVR': published version 1.0 matches the synthesized flow (abc123def456), and embeds the current version of 'DEV Shared PIN Auth'",
    );
    expect(text).toContain('no caller outside this stack embeds an older module version');
  });

  it('fails with a node-level diff after an edit in Architect', async () => {
    const flow = (await ops.findFlow('DEV Sales IVR', 'INBOUNDCALL'))!;
    const edited = applySubstitutions(salesYaml(), QUEUES)
      .replace('Welcome to Sales.', 'Welcome to Sales, edited.')
      .replace('name: "DEV Sales"', 'name: "DEV Support"');
    await fetch(`${emulator.url}/__admin/flows/${flow.id}/edit`, { method: 'POST', body: JSON.stringify({ yaml: edited }) });
    const report = await check(inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()));
    expect(report.exitCode).toBe(1);
    const text = report.lines.join('\n');
    expect(text).toContain('published version 2.0 differs from the synthesized flow in 2 place(s)');
    expect(text).toContain('initialGreeting > tts: expected "Welcome to Sales.", published "Welcome to Sales, edited."');
    expect(text).toMatch(/transferToAcd "Route success" > targetQueue > lit > name: expected "DEV Sales", published "DEV Support"/);
    expect(text).toContain('published by user Architect User');
  });

  it('fails a caller that still embeds an older version of its shared flow, and passes once it is republished', async () => {
    const ivr = await check(inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()));
    expect(ivr.lines.join('\n')).toContain("and embeds the current version of 'DEV Shared PIN Auth'");
    await deploy(moduleYaml().replace('Please enter your four digit PIN.', 'Please key in your PIN.'));
    const stale = await check(inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()));
    expect(stale.exitCode).toBe(1);
    expect(stale.lines.join('\n')).toMatch(
      /INBOUNDCALL 'DEV Sales IVR': embeds an older version of 'DEV Shared PIN Auth' \(module published [^,]+, caller [^)]+\); republish the caller/,
    );
    await deploy(salesYaml());
    const fresh = await check(inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()));
    expect(fresh.exitCode).toBe(0);
    expect(fresh.lines.join('\n')).toContain("and embeds the current version of 'DEV Shared PIN Auth'");
  });

  it('names who holds a lock on the flow', async () => {
    const flow = (await ops.findFlow('DEV Sales IVR', 'INBOUNDCALL'))!;
    await fetch(`${emulator.url}/__admin/flows/${flow.id}/lock`, {
      method: 'POST',
      body: JSON.stringify({ actor: { kind: 'user', id: 'u-7', name: 'Dana Designer' } }),
    });
    const report = await check(inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()));
    expect(report.lines.join('\n')).toContain('locked by user Dana Designer');
  });

  it("names this deployment's OAuth client without printing its id; another client by its id", async () => {
    // Our own client publishes an edit (e.g. a hotfix pipeline with the same OAuth client).
    await deploy(salesYaml().replace('Welcome to Sales.', 'Welcome to Sales!'));
    const ours = await check(inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()));
    expect(ours.exitCode).toBe(1);
    expect(ours.lines.join('\n')).toContain('differs from the synthesized flow');
    expect(ours.lines.join('\n')).not.toContain(TEST_CLIENT_ID);
    // Someone else's client is named: it tells who published or holds the lock.
    const flow = (await ops.findFlow('DEV Sales IVR', 'INBOUNDCALL'))!;
    await fetch(`${emulator.url}/__admin/flows/${flow.id}/edit`, {
      method: 'POST',
      body: JSON.stringify({
        yaml: applySubstitutions(salesYaml(), QUEUES).replace('Welcome to Sales.', 'Hi.'),
        actor: { kind: 'client', id: 'partner-client-77' },
      }),
    });
    await fetch(`${emulator.url}/__admin/flows/${flow.id}/lock`, {
      method: 'POST',
      body: JSON.stringify({ actor: { kind: 'client', id: 'partner-client-77' } }),
    });
    const theirs = (await check(inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()))).lines.join('\n');
    expect(theirs).toContain('locked by OAuth client partner-client-77');
    expect(theirs).toContain("was published by OAuth client partner-client-77, not by this deployment's OAuth client");
    expect(theirs).not.toContain(TEST_CLIENT_ID);
  });

  it('reports callers outside the stack that embed an older module version, and republishes them when told to', async () => {
    await fetch(`${emulator.url}/__admin/flows`, {
      method: 'POST',
      body: JSON.stringify({ yaml: applySubstitutions(externalCaller(salesYaml()), QUEUES) }),
    });
    const changedModule = moduleYaml().replace('Please enter your four digit PIN.', 'Please key in your PIN.');
    await deploy(changedModule);
    const reported = await check(inputFor('DEV Shared PIN Auth', 'COMMONMODULE', changedModule));
    expect(reported.exitCode).toBe(0);
    expect(reported.lines.join('\n')).toContain('caller Partner IVR (outside this stack) still embeds module version 1.0');
    const fixed = await check(inputFor('DEV Shared PIN Auth', 'COMMONMODULE', changedModule, { republishExternalCallers: true }));
    expect(fixed.exitCode).toBe(0);
    expect(fixed.lines.join('\n')).toContain('republished caller Partner IVR (outside this stack); it now embeds module version 2.0');
    // Idempotent: a second run has nothing left to do.
    const again = await check(inputFor('DEV Shared PIN Auth', 'COMMONMODULE', changedModule, { republishExternalCallers: true }));
    expect(again.lines.join('\n')).toContain('no caller outside this stack embeds an older module version');
  });

  describe('republishExternalCallers never publishes work of the caller that is not published', () => {
    const changedModule = () => moduleYaml().replace('Please enter your four digit PIN.', 'Please key in your PIN.');
    const partnerYaml = () => applySubstitutions(externalCaller(salesYaml()), QUEUES);
    const publishedPartner = () => [...emulator.org.flows.values()].find((f) => f.name === 'Partner IVR')!;
    /** Partner IVR (outside the stack) calls the module; the module is then republished (Partner IVR is stale). */
    const seedStalePartner = async () => {
      const partner = (await (
        await fetch(`${emulator.url}/__admin/flows`, {
          method: 'POST',
          body: JSON.stringify({ yaml: partnerYaml(), actor: { kind: 'user', id: 'u-partner', name: 'Partner Team' } }),
        })
      ).json()) as { id: string };
      await deploy(changedModule());
      return partner.id;
    };
    const republish = () => check(inputFor('DEV Shared PIN Auth', 'COMMONMODULE', changedModule(), { republishExternalCallers: true }));

    it('leaves a caller with a saved draft alone (unlocked) and fails the check', async () => {
      const id = await seedStalePartner();
      const wip = partnerYaml().replace('Welcome to Sales.', 'WIP - DO NOT PUBLISH.');
      await fetch(`${emulator.url}/__admin/flows/${id}/draft`, {
        method: 'POST',
        body: JSON.stringify({ yaml: wip, actor: { kind: 'user', id: 'u-partner', name: 'Partner Team' } }),
      });
      await fetch(`${emulator.url}/__admin/flows/${id}/unlock`, { method: 'POST', body: '{}' });
      const report = await republish();
      expect(report.exitCode).toBe(1);
      const text = report.lines.join('\n');
      expect(text).toMatch(
        /caller Partner IVR \(outside this stack\) has unpublished changes \(a saved draft, version [^)]+\); not republished: republish it yourself after reviewing them/,
      );
      expect(text).not.toContain('republished caller Partner IVR');
      // Nothing was published: the draft is still a draft, the published version still embeds 1.0.
      expect(publishedPartner().publishedVersionId).toBe('1.0');
      expect(publishedPartner().savedDraft).toBeDefined();
      expect(emulator.org.published(publishedPartner())!.yaml).not.toContain('WIP');
    });

    it('leaves a caller locked by someone alone and fails the check', async () => {
      const id = await seedStalePartner();
      await fetch(`${emulator.url}/__admin/flows/${id}/lock`, {
        method: 'POST',
        body: JSON.stringify({ actor: { kind: 'user', id: 'u-7', name: 'Dana Designer' } }),
      });
      const report = await republish();
      expect(report.exitCode).toBe(1);
      expect(report.lines.join('\n')).toContain('caller Partner IVR (outside this stack) has unpublished changes (locked by user Dana Designer)');
      expect(publishedPartner().publishedVersionId).toBe('1.0');
    });

    it('names a checked-in version other than the published one, and a lock by our own client without its id', () => {
      const flow = {
        id: 'f',
        name: 'Partner IVR',
        type: 'INBOUNDCALL',
        publishedVersion: { id: '3.0' },
        checkedInVersion: { id: '4.0' },
        lockedClient: { id: TEST_CLIENT_ID },
      };
      expect(unpublishedChanges(flow, TEST_CLIENT_ID)).toBe(
        "checked-in version 4.0, not the published version 3.0; locked by this deployment's OAuth client",
      );
      expect(unpublishedChanges({ ...flow, checkedInVersion: { id: '3.0' }, lockedClient: undefined }, TEST_CLIENT_ID)).toBeUndefined();
    });

    it('republishes the callers without unpublished changes and reports the others', async () => {
      const id = await seedStalePartner();
      await fetch(`${emulator.url}/__admin/flows`, {
        method: 'POST',
        body: JSON.stringify({ yaml: partnerYaml().replace(/Partner IVR/g, 'Clean Partner IVR') }),
      });
      await deploy(changedModule());
      await fetch(`${emulator.url}/__admin/flows/${id}/draft`, { method: 'POST', body: JSON.stringify({ yaml: partnerYaml() }) });
      const report = await republish();
      const text = report.lines.join('\n');
      expect(text).toContain('republished caller Clean Partner IVR (outside this stack); it now embeds module version 3.0');
      expect(text).toContain('caller Partner IVR (outside this stack) has unpublished changes');
      expect(report.exitCode).toBe(1);
    });
  });

  describe('destroy guard finds the shared flow by its id', () => {
    const partner = () =>
      fetch(`${emulator.url}/__admin/flows`, {
        method: 'POST',
        body: JSON.stringify({ yaml: applySubstitutions(externalCaller(salesYaml()), QUEUES) }),
      });
    const moduleId = async () => (await ops.findFlow('DEV Shared PIN Auth', 'COMMONMODULE'))!.id!;

    it('still checks the callers of a module renamed in Architect', async () => {
      await partner();
      const id = await moduleId();
      emulator.org.flows.get(id)!.name = 'DEV Shared PIN Auth (old)';
      // The emulator tracks callers by module name; the platform tracks them by id: answer as the platform.
      emulator.faults.add({
        kind: 'body',
        count: 1,
        path: '/dependencytracking/consumingresources',
        body: JSON.stringify({
          entities: [{ id: 'p-1', name: 'Partner IVR', type: 'INBOUNDCALLFLOW', version: '1.0' }],
          pageSize: 100,
          pageNumber: 1,
          total: 1,
          pageCount: 1,
        }),
      });
      const report = await checkSharedFlowDestroy(ops, inputFor('DEV Shared PIN Auth', 'COMMONMODULE', moduleYaml(), { flowId: id }));
      const text = report.lines.join('\n');
      expect(text).not.toContain('already gone');
      expect(text).toContain(`flow ${id} is now named 'DEV Shared PIN Auth (old)' (renamed in Architect)`);
      expect(text).toContain('refusing to destroy: published flows outside this stack still call it: Partner IVR');
      expect(report.exitCode).toBe(1);
    });

    it('is "already gone" only on a 404 for that id; any other failure throws (could not check)', async () => {
      const id = await moduleId();
      const input = inputFor('DEV Shared PIN Auth', 'COMMONMODULE', moduleYaml(), { flowId: id });
      emulator.faults.add({ kind: 'status', status: 403, count: 1, path: `/api/v2/flows/${id}` });
      await expect(checkSharedFlowDestroy(ops, input)).rejects.toMatchObject({ code: 'GC4005', status: 403 });
      emulator.faults.add({ kind: 'status', status: 400, count: 1, path: `/api/v2/flows/${id}` });
      await expect(checkSharedFlowDestroy(ops, input)).rejects.toMatchObject({ code: 'GC4003', status: 400 });
      emulator.org.flows.delete(id);
      expect(await checkSharedFlowDestroy(ops, input)).toEqual({
        exitCode: 0,
        lines: [`COMMONMODULE 'DEV Shared PIN Auth': already gone (no flow with id ${id})`],
      });
    });

    it('without an id (older state), by name: an empty listing is "gone" only when it states total 0', async () => {
      const input = inputFor('DEV Nowhere Module', 'COMMONMODULE', moduleYaml());
      expect(await checkSharedFlowDestroy(ops, input)).toMatchObject({
        exitCode: 0,
        lines: [expect.stringContaining('already gone (no shared flow by this name')],
      });
      emulator.faults.add({
        kind: 'body',
        count: 1,
        path: '/api/v2/flows',
        body: JSON.stringify({ entities: [], pageSize: 500, pageNumber: 1, pageCount: 1 }),
      });
      const unstated = await checkSharedFlowDestroy(ops, input);
      expect(unstated.exitCode).toBe(2);
      expect(unstated.lines.join('\n')).toContain('refusing to destroy: the flow listing found no shared flow by this name but stated no total');
    });
  });

  it('refuses to destroy a shared flow that flows outside the stack call, unless allowed', async () => {
    const input = inputFor('DEV Shared PIN Auth', 'COMMONMODULE', moduleYaml());
    expect((await checkSharedFlowDestroy(ops, input)).exitCode).toBe(0);
    await fetch(`${emulator.url}/__admin/flows`, {
      method: 'POST',
      body: JSON.stringify({ yaml: applySubstitutions(externalCaller(salesYaml()), QUEUES) }),
    });
    const refused = await checkSharedFlowDestroy(ops, input);
    expect(refused.exitCode).toBe(1);
    expect(refused.lines.join('\n')).toContain('refusing to destroy: published flows outside this stack still call it: Partner IVR');
    expect((await checkSharedFlowDestroy(ops, { ...input, allowDestroyWithExternalCallers: true })).exitCode).toBe(0);
  });

  it('surfaces the platform messages when an import job fails', async () => {
    const orphan = applySubstitutions(salesYaml(), QUEUES)
      .replace(/DEV Shared PIN Auth/g, 'Missing Module')
      .replace(/DEV Sales IVR/g, 'Other IVR');
    const error = await deploy(orphan).catch((e) => e);
    expect(error).toBeInstanceOf(GenesysError);
    expect(error.message).toContain("the platform rejected the flow: Could not find the common module 'Missing Module' called by the flow.");
    emulator.faults.add({ kind: 'failJob', count: 1, message: 'Archy session error: could not find the flow' });
    await expect(deploy(salesYaml())).rejects.toThrow(/could not find the flow/);
  });

  it('never republishes callers outside the stack onto a module that differs from what was synthesized', async () => {
    await fetch(`${emulator.url}/__admin/flows`, {
      method: 'POST',
      body: JSON.stringify({ yaml: applySubstitutions(externalCaller(salesYaml()), QUEUES) }),
    });
    const module = (await ops.findFlow('DEV Shared PIN Auth', 'COMMONMODULE'))!;
    await fetch(`${emulator.url}/__admin/flows/${module.id}/edit`, {
      method: 'POST',
      body: JSON.stringify({ yaml: moduleYaml().replace('Please enter your four digit PIN.', 'EVIL PROMPT') }),
    });
    const partner = () => [...emulator.org.flows.values()].find((f) => f.name === 'Partner IVR')!;
    const report = await check(inputFor('DEV Shared PIN Auth', 'COMMONMODULE', moduleYaml(), { republishExternalCallers: true }));
    expect(report.exitCode).toBe(1);
    const text = report.lines.join('\n');
    expect(text).toContain('published "EVIL PROMPT"');
    expect(text).not.toContain('republished caller Partner IVR');
    expect(text).toContain('its callers outside this stack are not republished: the published module is not the one synthesized');
    expect(partner().versions).toHaveLength(1);
  });

  it('asks dependency tracking when a caller and its module carry the same publish instant', async () => {
    await deploy(moduleYaml().replace('Please enter your four digit PIN.', 'Please key in your PIN.'));
    const module = [...emulator.org.flows.values()].find((f) => f.name === 'DEV Shared PIN Auth')!;
    const sales = [...emulator.org.flows.values()].find((f) => f.name === 'DEV Sales IVR')!;
    // The module's version 2.0 got the caller's instant: the dates cannot tell; the caller still embeds 1.0.
    const tie = sales.versions[sales.versions.length - 1].datePublished;
    module.versions[module.versions.length - 1] = { ...module.versions[module.versions.length - 1], datePublished: tie };
    const report = await check(inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()));
    expect(report.exitCode).toBe(1);
    expect(report.lines.join('\n')).toContain(
      "INBOUNDCALL 'DEV Sales IVR': embeds version 1.0 of 'DEV Shared PIN Auth', whose published version is 2.0; republish the caller",
    );
  });

  it('cannot compare a publish date without an offset: could not check, never "embeds the current version"', async () => {
    const module = [...emulator.org.flows.values()].find((f) => f.name === 'DEV Shared PIN Auth')!;
    module.versions[0] = { ...module.versions[0], datePublished: '2026-12-02T09:30:00' };
    const report = await check(inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()));
    expect(report.exitCode).toBe(2);
    expect(report.lines.join('\n')).toContain('is not an ISO-8601 date-time with an offset');
  });

  it('reports a module and an IVR of the same name each under its own type', async () => {
    const twin = moduleYaml().replace(/DEV Shared PIN Auth/g, 'DEV Sales IVR');
    await deploy(twin);
    const twinFlow = (await ops.findFlow('DEV Sales IVR', 'COMMONMODULE'))!;
    await fetch(`${emulator.url}/__admin/flows/${twinFlow.id}/edit`, {
      method: 'POST',
      body: JSON.stringify({ yaml: twin.replace('Please enter your four digit PIN.', 'Changed.') }),
    });
    const report = await check(inputFor('DEV Sales IVR', 'COMMONMODULE', twin), inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml()));
    const text = report.lines.join('\n');
    expect(report.exitCode).toBe(1);
    expect(text).toMatch(/COMMONMODULE 'DEV Sales IVR': published version 2\.0 differs from the synthesized flow/);
    expect(text).toMatch(/INBOUNDCALL 'DEV Sales IVR': published version 1\.0 matches the synthesized flow/);
    expect(text).not.toMatch(/COMMONMODULE 'DEV Sales IVR': published version \S+ matches/);
  });

  it('keeps time to report a flow that never gets published: the wait takes at most two thirds of the whole budget', async () => {
    const budget = new TimeBudget(3000);
    const flows = stackInput([inputFor('DEV Nowhere', 'INBOUNDCALL', salesYaml()), inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml())]);
    const report = await checkStackFlows(ops, flows, { poll: { timeoutMs: 3000, intervalMs: 50, budget }, stackDir: work });
    expect(report.exitCode).toBe(1);
    expect(report.lines.join('\n')).toContain("INBOUNDCALL flow 'DEV Nowhere' does not exist in the org");
    expect(budget.expired).toBe(false);
  });

  it('fails (bounded) when a flow was never published', async () => {
    const report = await checkStackFlows(
      ops,
      stackInput([inputFor('DEV Nowhere', 'INBOUNDCALL', salesYaml()), inputFor('DEV Sales IVR', 'INBOUNDCALL', salesYaml())]),
      { poll: { timeoutMs: 2000, intervalMs: 20 }, stackDir: work },
    );
    expect(report.exitCode).toBe(1);
    expect(report.lines.join('\n')).toContain("INBOUNDCALL 'DEV Nowhere': INBOUNDCALL flow 'DEV Nowhere' does not exist in the org");
    expect(report.lines.join('\n')).toContain("INBOUNDCALL 'DEV Sales IVR': published version 1.0 matches the synthesized flow");
  });
});
