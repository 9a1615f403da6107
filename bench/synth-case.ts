/**
 * One benchmark case in a fresh process:
 * `node dist/bench/synth-case.js <constructs|plain> <ivrs> <outdir> [<plain yaml dir>]`.
 * Prints one line of JSON (the phases of the run, from process start: load = node and modules, build =
 * the construct tree, app.synth() = resolve, write JSON, write assets; the YAML files written) and exits.
 * Nothing else runs after `app.synth()`: the parent measures spawn to exit, and reads the synthesized
 * stack itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, AssetType, LocalBackend, TerraformAsset, TerraformOutput, TerraformStack } from 'cdktf';
import { ArchitectIvr } from '../.gen/providers/genesyscloud/architect-ivr';
import { Flow as GenesyscloudFlow } from '../.gen/providers/genesyscloud/flow';
import { GenesyscloudProvider } from '../.gen/providers/genesyscloud/provider';
import { RoutingQueue } from '../.gen/providers/genesyscloud/routing-queue';
import { FlowCheck, InboundIvr, Queue, SharedFlow, terraformText } from '../constructs';
import { TerraformData } from '../constructs/terraform-data';
import { Builtin, Prompt } from '../flow';
import { pinAuthFlow } from '../stacks/flows/pin-auth';
import { BENCH_ACCOUNT_LOOKUP, CaseOutput, MAX_IVRS, SHARED_FLOWS, STACK, dnisFor, ivrFlowFile, moduleFile, writePlainFlowFiles } from './fixtures';

const REGION = 'us-east-1';

/** Counts writes of `.yaml` files (the flow files) through the fs calls cdktf and the constructs use. */
const yamlWrites = { count: 0 };
function countYamlWrites(): void {
  // The module object itself (an `import * as` namespace is a copy): cdktf calls through it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodeFs = require('fs') as { -readonly [K in keyof typeof fs]: (typeof fs)[K] };
  const isYaml = (p: unknown) => String(p).endsWith('.yaml');
  const wrap = <F extends (...args: never[]) => unknown>(original: F, target: (args: Parameters<F>) => unknown): F =>
    function (this: unknown, ...args: Parameters<F>) {
      if (isYaml(target(args))) yamlWrites.count++;
      return original.apply(this, args);
    } as F;
  nodeFs.writeFileSync = wrap(nodeFs.writeFileSync, (a) => a[0]);
  nodeFs.copyFileSync = wrap(nodeFs.copyFileSync, (a) => a[1]);
  nodeFs.renameSync = wrap(nodeFs.renameSync, (a) => a[1]);
}

function stack(app: App): TerraformStack {
  const s = new TerraformStack(app, STACK);
  new GenesyscloudProvider(s, 'Genesys', { awsRegion: terraformText(REGION) });
  new LocalBackend(s, { path: 'bench.tfstate' });
  return s;
}

/**
 * The project's constructs in the default stack shape (as `ContactCenterStack`): 10 SharedFlows (the PIN
 * module), 11 Queues, N InboundIvrs, each calling one module (round-robin) and routing success to one of
 * 10 queues, unavailable and failure to the operator queue; the default flow checks (`FlowCheck.attachToStack`); the
 * flow ids as an output.
 */
function withConstructs(app: App, ivrs: number): void {
  const s = stack(app);
  const modules = Array.from(
    { length: SHARED_FLOWS },
    (_, m) =>
      new SharedFlow(
        s,
        `Pin${m}`,
        pinAuthFlow({ flowName: `Shared PIN Auth ${m}`, division: 'Home', maxAttempts: 3, accountLookup: BENCH_ACCOUNT_LOOKUP }),
      ),
  );
  const operator = new Queue(s, 'Operator', { name: 'Operator' });
  const queues = Array.from({ length: SHARED_FLOWS }, (_, q) => new Queue(s, `Queue${q}`, { name: `Queue ${q}` }));
  const ivrList = Array.from(
    { length: ivrs },
    (_, i) =>
      new InboundIvr(s, `Ivr${i}`, {
        name: `IVR ${i}`,
        greeting: Prompt.tts(`Welcome to line ${i}.`),
        dnis: [dnisFor(i)],
        sharedFlow: modules[i % SHARED_FLOWS],
        sharedFlowInputs: { CallerNumber: Builtin.callAni },
        routes: { success: queues[i % SHARED_FLOWS], unavailable: operator, failure: operator },
      }),
  );
  FlowCheck.attachToStack(s, { region: REGION });
  const publications = [...modules.map((m) => m.publication), ...ivrList.map((ivr) => ivr.flow.publication)];
  new TerraformOutput(s, 'flow_ids', {
    description: 'Ids of the published flows, by flow name',
    value: Object.fromEntries(publications.map((p) => [terraformText(p.rendered.name), p.flowId])),
  });
}

/**
 * The same resources with the raw bindings only: a static YAML file per flow (an asset), the same
 * substitutions, dependencies and republish trigger, the same check resources (one `terraform_data`
 * per stack holding every flow, one destroy guard per module, the handler script as an asset) with
 * hashes left to Terraform (`filesha256`), the same output; no flow language, no validation.
 */
function plain(app: App, ivrs: number, yamlDir: string): void {
  const s = stack(app);
  const asset = (id: string, file: string): TerraformAsset => new TerraformAsset(s, id, { path: file, type: AssetType.FILE });
  const handler = asset('FlowCheckHandler', path.join(__dirname, '..', 'handlers', 'flow-check.js'));
  const command = (mode: string) => `node "${handler.path}" ${mode}`;
  const sha = (file: string) => `\${filesha256("${file}")}`;
  const moduleFiles = Array.from({ length: SHARED_FLOWS }, (_, m) => asset(`Pin${m}Yaml`, moduleFile(yamlDir, m)).path);
  const modules = moduleFiles.map((file, m) => new GenesyscloudFlow(s, `Pin${m}`, { filepath: file, updateTriggerHash: sha(file) }));
  const operator = new RoutingQueue(s, 'Operator', { name: 'Operator' });
  const queues = Array.from({ length: SHARED_FLOWS }, (_, q) => new RoutingQueue(s, `Queue${q}`, { name: `Queue ${q}` }));
  const checked: Array<{
    name: string;
    type: string;
    file: string;
    flow: GenesyscloudFlow;
    substitutions: Record<string, string>;
    callers: string[];
  }> = modules.map((flow, m) => ({
    name: `Shared PIN Auth ${m}`,
    type: 'COMMONMODULE',
    file: moduleFiles[m],
    flow,
    substitutions: {},
    callers: [],
  }));
  for (let i = 0; i < ivrs; i++) {
    const file = asset(`IvrFlow${i}Yaml`, ivrFlowFile(yamlDir, i)).path;
    const substitutions = { queue: queues[i % SHARED_FLOWS].name, operator: operator.name };
    const flow = new GenesyscloudFlow(s, `IvrFlow${i}`, {
      filepath: file,
      substitutions,
      updateTriggerHash: `\${sha256("${sha(file)} ${sha(moduleFiles[i % SHARED_FLOWS])}")}`,
      dependsOn: [modules[i % SHARED_FLOWS]],
    });
    new ArchitectIvr(s, `Ivr${i}`, { name: `IVR ${i}`, dnis: [dnisFor(i)], openHoursFlowId: flow.id });
    checked.push({ name: `IVR ${i}`, type: 'INBOUNDCALL', file, flow, substitutions, callers: [] });
    checked[i % SHARED_FLOWS].callers.push(`IVR ${i}`);
  }
  const flows = checked.map((c) => ({
    flowName: c.name,
    flowType: c.type,
    contentHash: sha(c.file),
    payloadPath: c.file,
    substitutions: c.substitutions,
    stackCallers: c.callers,
  }));
  const environment: Record<string, string> = { FLOW_CHECK_INPUT: '${jsonencode(self.input.header)}' };
  for (let i = 0; i * 100 < flows.length; i++)
    environment[`FLOW_CHECK_FLOWS_${i}`] = `\${jsonencode(slice(self.input.flows, ${i * 100}, ${Math.min((i + 1) * 100, flows.length)}))}`;
  new TerraformData(s, 'FlowCheck', {
    input: { header: { region: REGION, republishExternalCallers: false, flowCount: flows.length }, flows },
    triggersReplace: { flows: flows.map((f) => ({ contentHash: f.contentHash, substitutions: f.substitutions, stackCallers: f.stackCallers })) },
    dependsOn: checked.map((c) => c.flow),
    provisioners: [{ type: 'local-exec', command: command('create'), environment }],
  });
  checked.slice(0, SHARED_FLOWS).forEach((c, m) => {
    new TerraformData(s, `Pin${m}DestroyGuard`, {
      input: {
        ...flows[m],
        contentHash: 'n/a',
        payloadPath: 'n/a',
        region: REGION,
        republishExternalCallers: false,
        allowDestroyWithExternalCallers: false,
        flowId: c.flow.id,
      },
      dependsOn: [c.flow],
      provisioners: [
        { type: 'local-exec', when: 'destroy', command: command('destroy'), environment: { FLOW_CHECK_INPUT: '${jsonencode(self.input)}' } },
      ],
    });
  });
  new TerraformOutput(s, 'flow_ids', {
    description: 'Ids of the published flows, by flow name',
    value: Object.fromEntries(checked.map((c) => [c.name, c.flow.id])),
  });
}

function main(): void {
  // Everything before this line is node start-up and loading cdktf, the bindings and the app's modules.
  const loadedMs = process.uptime() * 1000;
  const [variant, ivrsArg, outdir, yamlArg] = process.argv.slice(2);
  const ivrs = Number(ivrsArg);
  if (!outdir || !Number.isInteger(ivrs) || ivrs < 0 || ivrs > MAX_IVRS) {
    throw new Error(`usage: synth-case.js <constructs|plain> <ivrs 0..${MAX_IVRS}> <outdir> [<plain yaml dir>]`);
  }
  const yamlDir = yamlArg ?? `${outdir}-yaml`;
  // The plain variant's files exist before timing, as in a hand-written app's repository (run.ts writes them).
  if (variant === 'plain' && !fs.existsSync(ivrFlowFile(yamlDir, Math.max(ivrs - 1, 0)))) writePlainFlowFiles(yamlDir, ivrs);
  countYamlWrites();
  const app = new App({ outdir });
  if (variant === 'constructs') withConstructs(app, ivrs);
  else if (variant === 'plain') plain(app, ivrs, yamlDir);
  else throw new Error(`unknown variant ${variant}`);
  const builtMs = process.uptime() * 1000;
  app.synth();
  const synthMs = process.uptime() * 1000;
  const usage = process.resourceUsage();
  const out: CaseOutput = {
    synthMs,
    loadMs: loadedMs,
    buildMs: builtMs - loadedMs,
    appSynthMs: synthMs - builtMs,
    peakRssMb: usage.maxRSS / 1024,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    yamlWrites: yamlWrites.count,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

if (require.main === module) main();
