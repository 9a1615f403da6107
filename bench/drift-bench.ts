/**
 * `npm run bench -- drift [--sizes 10,100,1000] [--batch 100] [--job-ms 1000]`: drift detection for N
 * flows against the emulator at 300 requests per minute per token. Prints API calls and wall time next
 * to the floor: the fewest calls the API allows (login, flow pages of 500, one register and one poll per
 * export job, one IVR page) and the wall time job polling imposes (one job duration when all export
 * jobs run at once).
 */
import { GenesysEmulator } from '../emulator';
import { ArchitectOps } from '../runtime/architect/architect-ops';
import { detectDrift } from '../runtime/drift/drift-check';
import { GenesysClient } from '../runtime/genesys/genesys-client';
import { ExpectedFlow } from '../runtime/synth-output/synthesized-stack';
import { benchOption } from './options';

const CLIENT = { id: 'bench-client', secret: 'bench-secret' };

function flowYaml(i: number): string {
  return `inboundCall:\n  name: BENCH Flow ${i}\n  division: Home\n  startUpRef: /inboundCall/tasks/task[Main]\n  tasks:\n    - task:\n        name: Main\n        refId: Main\n        actions:\n          - playAudio:\n              name: Hello\n              audio:\n                tts: Hello from flow ${i}.\n          - disconnect:\n              name: Bye\n`;
}

async function runOnce(n: number, batch: number, jobMs: number): Promise<{ calls: number; ms: number; floorCalls: number; floorMs: number; target: number; findings: number }> {
  const emulator = await new GenesysEmulator({ clients: { [CLIENT.id]: CLIENT.secret }, rateLimitPerMinute: 300, jobDurationMs: jobMs }).start();
  try {
    const flows: ExpectedFlow[] = [];
    for (let i = 0; i < n; i++) {
      emulator.seedFlow(flowYaml(i), { kind: 'client', id: CLIENT.id });
      flows.push({ name: `BENCH Flow ${i}`, type: 'INBOUNDCALL', yaml: flowYaml(i), callsModules: [] });
    }
    const client = await GenesysClient.connect({ clientId: CLIENT.id, clientSecret: CLIENT.secret, region: 'us-east-1', gateway: { host: '127.0.0.1', port: emulator.port, protocol: 'http' } });
    const started = Date.now();
    const report = await detectDrift(new ArchitectOps(client), { flows, ivrs: [] }, 'bench', { exportBatchSize: batch, poll: { firstPollMs: jobMs, intervalMs: 250 } });
    const ms = Date.now() - started;
    if (!report.complete) throw new Error(`incomplete: ${report.errors.join('; ')}`);
    const jobs = Math.ceil(n / batch);
    return {
      calls: client.apiCalls,
      ms,
      floorCalls: 1 + Math.ceil(n / 500) + 2 * jobs + 1,
      floorMs: jobMs,
      target: Math.ceil(n / 100) + 10,
      findings: report.findings.length,
    };
  } finally {
    await emulator.stop();
  }
}

export async function driftBench(): Promise<void> {
  const sizes = benchOption('sizes', '10,100,1000').split(',').map(Number);
  const batch = Number(benchOption('batch', '100'));
  const jobMs = Number(benchOption('job-ms', '1000'));
  console.log(`drift detection against the emulator: 300 requests/min per token, export jobs of up to ${batch} versions, each job takes ${jobMs} ms\n`);
  const header = ['flows', 'API calls', 'floor calls', 'target calls', 'wall ms', 'floor ms', 'wall/floor', 'findings'];
  const rows: string[][] = [];
  for (const n of sizes) {
    const r = await runOnce(n, batch, jobMs);
    rows.push([String(n), String(r.calls), String(r.floorCalls), `<= ${r.target}`, String(r.ms), String(r.floorMs), (r.ms / r.floorMs).toFixed(2), String(r.findings)]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  console.log(header.map((h, i) => h.padStart(widths[i])).join('  '));
  rows.forEach((row) => console.log(row.map((c, i) => c.padStart(widths[i])).join('  ')));
  console.log('\nAPI calls include the login. The floor is 1 login + ceil(N/500) flow pages + one register and one poll per export job + 1 IVR page.');
}
