/**
 * One benchmark case in a fresh process: `node dist/bench/synth-case.js <constructs|plain> <ivrs> <outdir>`.
 * Prints JSON: synth time from process start, peak RSS and the Terraform resource count.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, AssetType, LocalBackend, TerraformAsset, TerraformStack } from 'cdktf';
import { ArchitectIvr } from '../.gen/providers/genesyscloud/architect-ivr';
import { Flow } from '../.gen/providers/genesyscloud/flow';
import { GenesyscloudProvider } from '../.gen/providers/genesyscloud/provider';
import { RoutingQueue } from '../.gen/providers/genesyscloud/routing-queue';
import { InboundIvr, Queue, SharedFlow } from '../constructs';
import { Expr } from '../flow';
import { pinAuthFlow } from '../stacks/flows/pin-auth';

export const SHARED_FLOWS = 10;

/** A unique E.164 number per IVR. */
export function dnisFor(i: number): string {
  return `+1317555${String(i).padStart(4, '0')}`;
}

function stack(app: App): TerraformStack {
  const s = new TerraformStack(app, 'bench');
  new GenesyscloudProvider(s, 'Genesys', { awsRegion: 'us-east-1' });
  new LocalBackend(s, { path: 'bench.tfstate' });
  return s;
}

/** The project's constructs: 10 SharedFlows, queues, N InboundIvrs calling them round-robin. */
function withConstructs(app: App, ivrs: number): void {
  const s = stack(app);
  const modules = Array.from({ length: SHARED_FLOWS }, (_, m) => new SharedFlow(s, `Pin${m}`, pinAuthFlow({ flowName: `Shared PIN Auth ${m}`, division: 'Home', maxAttempts: 3 })));
  const operator = new Queue(s, 'Operator', { name: 'Operator' });
  const queues = Array.from({ length: SHARED_FLOWS }, (_, q) => new Queue(s, `Queue${q}`, { name: `Queue ${q}` }));
  for (let i = 0; i < ivrs; i++) {
    new InboundIvr(s, `Ivr${i}`, {
      name: `IVR ${i}`,
      dnis: [dnisFor(i)],
      sharedFlow: modules[i % SHARED_FLOWS],
      sharedFlowInputs: { ExpectedPin: Expr.string('1234') },
      routes: { success: queues[i % SHARED_FLOWS], failure: operator },
    });
  }
}

/** The same resources with the raw bindings: a static YAML file per flow, no flow language, no validation. */
function plain(app: App, ivrs: number, outdir: string): void {
  const s = stack(app);
  const yamlDir = `${outdir}-yaml`;
  fs.mkdirSync(yamlDir, { recursive: true });
  const asset = (name: string, body: string): TerraformAsset => {
    const file = path.join(yamlDir, `${name}.yaml`);
    fs.writeFileSync(file, body);
    return new TerraformAsset(s, `${name}Yaml`, { path: file, type: AssetType.FILE });
  };
  const modules = Array.from({ length: SHARED_FLOWS }, (_, m) => new Flow(s, `Pin${m}`, { filepath: asset(`Pin${m}`, `commonModule:\n  name: Shared PIN Auth ${m}\n`).path }));
  const operator = new RoutingQueue(s, 'Operator', { name: 'Operator' });
  const queues = Array.from({ length: SHARED_FLOWS }, (_, q) => new RoutingQueue(s, `Queue${q}`, { name: `Queue ${q}` }));
  for (let i = 0; i < ivrs; i++) {
    const flow = new Flow(s, `IvrFlow${i}`, {
      filepath: asset(`IvrFlow${i}`, `inboundCall:\n  name: IVR ${i}\n`).path,
      substitutions: { queue: queues[i % SHARED_FLOWS].name, operator: operator.name },
      dependsOn: [modules[i % SHARED_FLOWS]],
    });
    new ArchitectIvr(s, `Ivr${i}`, { name: `IVR ${i}`, dnis: [dnisFor(i)], openHoursFlowId: flow.id });
  }
}

function main(): void {
  const [variant, ivrsArg, outdir] = process.argv.slice(2);
  const ivrs = Number(ivrsArg);
  const app = new App({ outdir });
  if (variant === 'constructs') withConstructs(app, ivrs);
  else if (variant === 'plain') plain(app, ivrs, outdir);
  else throw new Error(`unknown variant ${variant}`);
  app.synth();
  const synthMs = process.uptime() * 1000;
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const resources = Object.values(json.resource as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);
  console.log(JSON.stringify({ synthMs, peakRssMb: process.resourceUsage().maxRSS / 1024, resources }));
}

main();
