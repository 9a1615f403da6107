/**
 * `npm run bench [-- --sizes 1,100,1000 --runs 3]` (and `npm run bench -- drift`, see drift-bench.ts): synth time and peak memory of the compiled app for
 * 1, 100 and 1 000 InboundIvrs sharing 10 SharedFlows, next to a plain cdktf app with the same resources
 * written with the raw bindings. Each case runs in a fresh process; figures are medians (time) and
 * maxima (memory) over the runs.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { driftBench } from './drift-bench';

const TARGET = { ivrs: 1000, ms: 3000, mb: 300 };

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sizes = option('sizes', '1,100,1000').split(',').map(Number);

const runs = Number(option('runs', '3'));
const caseScript = path.join(__dirname, 'synth-case.js');
let work = '';

interface Sample {
  synthMs: number;
  wallMs: number;
  peakRssMb: number;
  resources: number;
}

function runCase(variant: string, ivrs: number, run: number): Sample {
  const outdir = path.join(work, `${variant}-${ivrs}-${run}`);
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [caseScript, variant, String(ivrs), outdir], { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`${variant} ${ivrs} failed:\n${child.stderr}`);
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(`${outdir}-yaml`, { recursive: true, force: true });
  return { ...JSON.parse(child.stdout.trim().split('\n').pop()!), wallMs };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function synthBench(): void {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-bench-'));
  try {
    console.log(`node ${process.version}, ${os.cpus().length} cores, ${runs} runs per case (median time, max memory)\n`);
    const header = ['variant', 'IVRs', 'resources', 'synth ms', 'process ms', 'peak RSS MB'];
    const rows: string[][] = [];
    let verdict = '';
    for (const ivrs of sizes) {
      for (const variant of ['constructs', 'plain']) {
        const samples = Array.from({ length: runs }, (_, r) => runCase(variant, ivrs, r));
        const synthMs = median(samples.map((s) => s.synthMs));
        const peak = Math.max(...samples.map((s) => s.peakRssMb));
        rows.push([variant, String(ivrs), String(samples[0].resources), synthMs.toFixed(0), median(samples.map((s) => s.wallMs)).toFixed(0), peak.toFixed(0)]);
        if (variant === 'constructs' && ivrs === TARGET.ivrs) {
          const ok = synthMs < TARGET.ms && peak < TARGET.mb;
          verdict = `${ok ? 'PASS' : 'MISS'}: ${TARGET.ivrs} IVRs synthesized in ${synthMs.toFixed(0)} ms (target < ${TARGET.ms}) with ${peak.toFixed(0)} MB peak RSS (target < ${TARGET.mb})`;
        }
      }
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log(line(header));
    rows.forEach((r) => console.log(line(r)));
    console.log(`\nsynth ms: from process start to the end of app.synth() (includes loading node, cdktf and the bindings).`);
    if (verdict) console.log(verdict);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('drift')) {
  driftBench().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
} else {
  synthBench();
}
