/**
 * One benchmark case in a fresh process:
 * `node dist/bench/synth-case.js <constructs|plain> <ivrs> <outdir> [<plain yaml dir>]`.
 * Prints one line of JSON: synth time from process start to the end of `app.synth()` and its phases (load:
 * node and modules; build: the construct tree; app.synth(): resolve, write JSON, copy assets), peak RSS,
 * and the Terraform resources of the synthesized stack (total and by type).
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, AssetType, LocalBackend, TerraformAsset, TerraformStack } from 'cdktf';
import { ArchitectIvr } from '../.gen/providers/genesyscloud/architect-ivr';
import { Flow } from '../.gen/providers/genesyscloud/flow';
import { GenesyscloudProvider } from '../.gen/providers/genesyscloud/provider';
import { RoutingQueue } from '../.gen/providers/genesyscloud/routing-queue';
import { InboundIvr, Queue, SharedFlow } from '../constructs';
import { Expr, Prompt } from '../flow';
import { pinAuthFlow } from '../stacks/flows/pin-auth';
import { MAX_IVRS, SHARED_FLOWS, dnisFor, ivrFlowFile, moduleFile, writePlainFlowFiles } from './fixtures';

function stack(app: App): TerraformStack {
  const s = new TerraformStack(app, 'bench');
  new GenesyscloudProvider(s, 'Genesys', { awsRegion: 'us-east-1' });
  new LocalBackend(s, { path: 'bench.tfstate' });
  return s;
}

/**
 * The project's constructs: 10 SharedFlows (the PIN module), 11 Queues, and N InboundIvrs, each calling
 * one module (round-robin) and routing success to one of 10 queues, failure to the operator queue.
 */
function withConstructs(app: App, ivrs: number): void {
  const s = stack(app);
  const modules = Array.from({ length: SHARED_FLOWS }, (_, m) => new SharedFlow(s, `Pin${m}`, pinAuthFlow({ flowName: `Shared PIN Auth ${m}`, division: 'Home', maxAttempts: 3 })));
  const operator = new Queue(s, 'Operator', { name: 'Operator' });
  const queues = Array.from({ length: SHARED_FLOWS }, (_, q) => new Queue(s, `Queue${q}`, { name: `Queue ${q}` }));
  for (let i = 0; i < ivrs; i++) {
    new InboundIvr(s, `Ivr${i}`, {
      name: `IVR ${i}`,
      greeting: Prompt.tts(`Welcome to line ${i}.`),
      dnis: [dnisFor(i)],
      sharedFlow: modules[i % SHARED_FLOWS],
      sharedFlowInputs: { ExpectedPin: Expr.string('1234') },
      routes: { success: queues[i % SHARED_FLOWS], failure: operator },
    });
  }
}

/**
 * The same resources with the raw bindings only: a static YAML file per flow (an asset, as the
 * constructs use), the same substitutions and dependencies; no flow language, no validation.
 */
function plain(app: App, ivrs: number, yamlDir: string): void {
  writePlainFlowFiles(yamlDir, ivrs);
  const s = stack(app);
  const asset = (id: string, file: string): TerraformAsset => new TerraformAsset(s, id, { path: file, type: AssetType.FILE });
  const modules = Array.from({ length: SHARED_FLOWS }, (_, m) => new Flow(s, `Pin${m}`, { filepath: asset(`Pin${m}Yaml`, moduleFile(yamlDir, m)).path }));
  const operator = new RoutingQueue(s, 'Operator', { name: 'Operator' });
  const queues = Array.from({ length: SHARED_FLOWS }, (_, q) => new RoutingQueue(s, `Queue${q}`, { name: `Queue ${q}` }));
  for (let i = 0; i < ivrs; i++) {
    const flow = new Flow(s, `IvrFlow${i}`, {
      filepath: asset(`IvrFlow${i}Yaml`, ivrFlowFile(yamlDir, i)).path,
      substitutions: { queue: queues[i % SHARED_FLOWS].name, operator: operator.name },
      dependsOn: [modules[i % SHARED_FLOWS]],
    });
    new ArchitectIvr(s, `Ivr${i}`, { name: `IVR ${i}`, dnis: [dnisFor(i)], openHoursFlowId: flow.id });
  }
}

function main(): void {
  // Everything before this line is node start-up and loading cdktf, the bindings and the app's modules.
  const loadedMs = process.uptime() * 1000;
  const [variant, ivrsArg, outdir, yamlArg] = process.argv.slice(2);
  const ivrs = Number(ivrsArg);
  if (!outdir || !Number.isInteger(ivrs) || ivrs < 0 || ivrs > MAX_IVRS) {
    throw new Error(`usage: synth-case.js <constructs|plain> <ivrs 0..${MAX_IVRS}> <outdir> [<plain yaml dir>]`);
  }
  const app = new App({ outdir });
  if (variant === 'constructs') withConstructs(app, ivrs);
  else if (variant === 'plain') plain(app, ivrs, yamlArg ?? `${outdir}-yaml`);
  else throw new Error(`unknown variant ${variant}`);
  const builtMs = process.uptime() * 1000;
  app.synth();
  // process.uptime() counts from process start, so synthMs is the whole `node app.js` up to a written cdktf.out.
  const synthMs = process.uptime() * 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const byType = Object.fromEntries(Object.entries((json.resource ?? {}) as Record<string, object>).map(([type, byName]) => [type, Object.keys(byName).length]));
  const resources = Object.values(byType).reduce((n, c) => n + c, 0);
  console.log(JSON.stringify({ synthMs, loadMs: loadedMs, buildMs: builtMs - loadedMs, appSynthMs: synthMs - builtMs, peakRssMb, resources, byType }));
}

if (require.main === module) main();
