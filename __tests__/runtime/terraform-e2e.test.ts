import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack, Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../config';
import { CallFlow, FlowCheck, FlowDestroyGuard } from '../../constructs';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps } from '../../runtime/architect/architect-ops';
import { applySubstitutions } from '../../runtime/synth-output/substitutions';
import { addEnvironments } from '../../stacks';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, connect, emulatorEnv, startEmulator } from '../support/emulator';
import { messageFlow } from '../support/fixtures';
import { terraformVersion } from '../support/processes';

const terraform = terraformVersion();
const QUEUES = { queue_SalesIvrQueue: 'DEV Sales', queue_OperatorQueue: 'DEV Operator' };
const title = 'terraform applies a stack of flow checks (built-in provider only) against the emulator';

// Needs a Terraform CLI (>= 1.4) on PATH; the genesyscloud provider is never installed.
(terraform ? describe : describe.skip)(terraform ? title : `${title} (skipped: no terraform CLI on PATH)`, () => {
  let emulator: GenesysEmulator;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-e2e-'));
  const stackDir = path.join(out, 'stacks', 'e2e');
  const [dev] = addEnvironments(Testing.app(), [ENVIRONMENTS[0]]);
  const moduleFlow = dev.pinAuth.publication;
  const salesFlow = dev.salesIvr.flow.publication;

  // Asynchronous on purpose: the emulator runs in this process and must keep serving while Terraform runs.
  const tf = (...args: string[]) =>
    new Promise<{ status: number | null; output: string }>((resolve) => {
      const env = { ...process.env, ...emulatorEnv(emulator), TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', FLOW_CHECK_WAIT_SECONDS: '5' };
      const child = spawn('terraform', args, { cwd: stackDir, env, timeout: 120000 });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (status) => resolve({ status, output }));
    });

  beforeAll(async () => {
    emulator = await startEmulator();
    const ops = new ArchitectOps(await connect(emulator));
    await ops.importFlow(applySubstitutions(moduleFlow.rendered.yaml, QUEUES), { intervalMs: 20 });
    await ops.importFlow(applySubstitutions(salesFlow.rendered.yaml, QUEUES), { intervalMs: 20 });

    const app = new App({ outdir: out });
    const stack = new TerraformStack(app, 'e2e');
    new LocalBackend(stack, { path: 'terraform.tfstate' });
    const copy = (rendered: typeof moduleFlow.rendered, name: string) => {
      // Payloads ship next to the stack as the real stacks' assets do (relative paths only).
      fs.mkdirSync(path.join(stackDir, 'payloads'), { recursive: true });
      fs.writeFileSync(path.join(stackDir, 'payloads', name), rendered.yaml);
      return `payloads/${name}`;
    };
    const module = { rendered: moduleFlow.rendered, payloadPath: copy(moduleFlow.rendered, 'module.yaml'), stackCallers: ['DEV Sales IVR'] };
    new FlowCheck(stack, 'StackCheck', {
      region: 'us-east-1',
      flows: [module, { rendered: salesFlow.rendered, payloadPath: copy(salesFlow.rendered, 'sales.yaml'), substitutions: QUEUES }],
    });
    new FlowDestroyGuard(stack, 'ModuleGuard', { region: 'us-east-1', flow: module });
    app.synth();
    expect((await tf('init', '-input=false', '-no-color')).status).toBe(0);
  }, 180000);

  afterAll(async () => {
    await emulator.stop();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('apply runs the handler once for the stack, and it passes', async () => {
    const run = await tf('apply', '-auto-approve', '-input=false', '-no-color');
    expect(run.output).toContain("COMMONMODULE 'DEV Shared PIN Auth': published version 1.0 matches the synthesized flow");
    expect(run.output).toContain("INBOUNDCALL 'DEV Sales IVR': published version 1.0 matches the synthesized flow");
    expect(run.output.match(/Provisioning with 'local-exec'/g)).toHaveLength(1);
    expect(run.status).toBe(0);
    expect(run.output).not.toContain(TEST_CLIENT_SECRET);
    const state = fs.readFileSync(path.join(stackDir, 'terraform.tfstate'), 'utf8');
    expect(state).not.toContain(TEST_CLIENT_SECRET);
    expect(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')).not.toContain(TEST_CLIENT_SECRET);
  }, 180000);

  it('a re-run after an Architect edit fails the apply with the diff', async () => {
    const flow = [...emulator.org.flows.values()].find((f) => f.name === 'DEV Sales IVR')!;
    emulator.seedFlow(applySubstitutions(salesFlow.rendered.yaml, QUEUES).replace('Welcome to Sales.', 'Hi from the UI.'));
    expect(flow.publishedVersionId).toBe('2.0');
    const address = Object.keys(JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')).resource.terraform_data).find((k) =>
      k.startsWith('StackCheck'),
    );
    const run = await tf('apply', '-auto-approve', '-input=false', '-no-color', `-replace=terraform_data.${address}`);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('expected "Welcome to Sales.", published "Hi from the UI."');
  }, 180000);

  it('destroy refuses while a flow outside the stack calls the shared flow', async () => {
    emulator.seedFlow(applySubstitutions(salesFlow.rendered.yaml, QUEUES).replace(/DEV Sales IVR/g, 'Partner IVR'));
    const run = await tf('destroy', '-auto-approve', '-input=false', '-no-color');
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('refusing to destroy: published flows outside this stack still call it: Partner IVR');
  }, 180000);
});

const bulkTitle = 'terraform applies one check for a stack of 1 000 flows: one process, one login, flows passed in slices';
(terraform ? describe : describe.skip)(terraform ? bulkTitle : `${bulkTitle} (skipped: no terraform CLI on PATH)`, () => {
  let emulator: GenesysEmulator;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-bulk-'));
  const stackDir = path.join(out, 'stacks', 'bulk');

  beforeAll(async () => {
    emulator = await startEmulator();
    // The flows' own genesyscloud_flow resources are dropped below: no provider is declared for them.
    const app = new App({ outdir: out, skipValidation: true });
    const stack = new TerraformStack(app, 'bulk');
    new LocalBackend(stack, { path: 'terraform.tfstate' });
    fs.mkdirSync(path.join(stackDir, 'payloads'), { recursive: true });
    const flows = Array.from({ length: 1000 }, (_, i) => {
      const { rendered } = new CallFlow(stack, `Flow${i}`, messageFlow(`Bulk IVR ${i}`, `Message ${i}.`)).publication;
      fs.writeFileSync(path.join(stackDir, 'payloads', `${i}.yaml`), rendered.yaml);
      // Published by this deployment's client, as the provider's import job would.
      emulator.seedFlow(rendered.yaml, { kind: 'client', id: TEST_CLIENT_ID });
      return { rendered, payloadPath: `payloads/${i}.yaml` };
    });
    new FlowCheck(stack, 'StackCheck', { region: 'us-east-1', flows });
    app.synth();
    // Only the check: the CallFlows' own genesyscloud_flow resources need the provider, which is not installed here.
    const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    fs.writeFileSync(
      path.join(stackDir, 'cdk.tf.json'),
      JSON.stringify({ terraform: { backend: json.terraform.backend }, resource: { terraform_data: json.resource.terraform_data } }),
    );
    expect(
      await new Promise<number | null>((resolve) =>
        spawn('terraform', ['init', '-input=false', '-no-color'], { cwd: stackDir, env: { ...process.env, CHECKPOINT_DISABLE: '1' } }).on(
          'close',
          resolve,
        ),
      ),
    ).toBe(0);
  }, 180000);

  afterAll(async () => {
    await emulator.stop();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('passes with every flow checked, after one login', async () => {
    const before = emulator.tokenRequests;
    const run = await new Promise<{ status: number | null; output: string }>((resolve) => {
      const env = { ...process.env, ...emulatorEnv(emulator), TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', FLOW_CHECK_WAIT_SECONDS: '60' };
      const child = spawn('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: stackDir, env, timeout: 170000 });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', (status) => resolve({ status, output }));
    });
    // One summary line for the flows that match (a stack this size is not listed flow by flow).
    expect(run.output).toContain(
      '1000 of 1000 flows: the published version matches the synthesized flow and embeds the current version of the shared flows it calls',
    );
    expect(run.output.match(/matches the synthesized flow/g)).toHaveLength(1);
    expect(run.status).toBe(0);
    expect(emulator.tokenRequests - before).toBe(1);
  }, 180000);
});
