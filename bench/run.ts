/**
 * `npm run bench [-- --sizes 1,100,1000 --runs 3]` (and `npm run bench -- drift`, see drift-bench.ts):
 * synth time and peak memory of the compiled app for 1, 100 and 1 000 InboundIvrs sharing 10
 * SharedFlows, next to a plain cdktf app with the same Terraform resources written with the raw
 * bindings. Each case runs in a fresh process (`synth-case.js`), so peak RSS is per case; figures are
 * medians (time) and maxima (memory) over the runs. The two variants alternate run by run, and the disk
 * is flushed before each case, so a slow spell of the disk hits both alike. Outdirs go to os.tmpdir()
 * (`TMPDIR=/dev/shm npm run bench` takes the disk out of the figures). Always exits 0 once the cases
 * ran; the target line says PASS or MISS.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { driftBench } from './drift-bench';
import { MAX_IVRS, writePlainFlowFiles } from './fixtures';
import { benchOption } from './options';

const TARGET = { ivrs: 1000, ms: 3000, mb: 300 };
const VARIANTS = ['constructs', 'plain'] as const;
type Variant = (typeof VARIANTS)[number];

function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((s) => Number(s.trim()));
  const bad = sizes.find((n) => !Number.isInteger(n) || n < 1 || n > MAX_IVRS);
  if (bad !== undefined) throw new Error(`--sizes: expected comma-separated IVR counts 1..${MAX_IVRS}, got '${text}'`);
  return sizes;
}

function parseRuns(text: string): number {
  const runs = Number(text);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, got '${text}'`);
  return runs;
}

const caseScript = path.join(__dirname, 'synth-case.js');

interface CaseOutput {
  /** Process start to the end of app.synth(). */
  synthMs: number;
  loadMs: number;
  buildMs: number;
  appSynthMs: number;
  peakRssMb: number;
  resources: number;
  byType: Record<string, number>;
}

interface Sample extends CaseOutput {
  /** Spawn to exit, measured here. */
  wallMs: number;
}

/** Writes back what earlier cases left in the page cache, so it is not charged to the next case. */
function flushDisk(): void {
  if (process.platform !== 'win32') spawnSync('sync', { stdio: 'ignore' });
}

function runCase(work: string, yamlDir: string, variant: Variant, ivrs: number, run: number): Sample {
  const outdir = path.join(work, `${variant}-${ivrs}-${run}`);
  flushDisk();
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [caseScript, variant, String(ivrs), outdir, yamlDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  fs.rmSync(outdir, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`${variant} ${ivrs} (run ${run + 1}) failed (${child.signal ?? `exit ${child.status}`}):\n${child.stderr}`);
  return { ...(JSON.parse(child.stdout.trim().split('\n').pop()!) as CaseOutput), wallMs };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const typesKey = (byType: Record<string, number>): string =>
  Object.entries(byType)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');

function synthBench(): void {
  const sizes = parseSizes(benchOption('sizes', '1,100,1000'));
  const runs = parseRuns(benchOption('runs', '3'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-bench-'));
  try {
    // The plain variant's static YAML files exist before timing, as they would in a hand-written app's repo.
    const yamlDir = path.join(work, 'plain-yaml');
    writePlainFlowFiles(yamlDir, Math.max(...sizes));

    console.log(`node ${process.version}, ${os.cpus().length} cores, outdirs in ${os.tmpdir()}, ${runs} run(s) per case: median times, max peak RSS\n`);
    const header = ['variant', 'IVRs', 'TF resources', 'load ms', 'build ms', 'app.synth() ms', 'synth ms', 'min-max ms', 'process ms', 'peak RSS MB'];
    const rows: string[][] = [];
    const notes: string[] = [];
    let verdict = `TARGET NOT CHECKED: the ${TARGET.ivrs}-IVR constructs case was not run (--sizes ${sizes.join(',')})`;
    for (const ivrs of sizes) {
      const samples: Record<Variant, Sample[]> = { constructs: [], plain: [] };
      for (let r = 0; r < runs; r++) for (const variant of VARIANTS) samples[variant].push(runCase(work, yamlDir, variant, ivrs, r));
      for (const variant of VARIANTS) {
        const s = samples[variant];
        const ms = (pick: (x: Sample) => number) => median(s.map(pick)).toFixed(0);
        const synthMs = median(s.map((x) => x.synthMs));
        const peak = Math.max(...s.map((x) => x.peakRssMb));
        const spread = `${Math.min(...s.map((x) => x.synthMs)).toFixed(0)}-${Math.max(...s.map((x) => x.synthMs)).toFixed(0)}`;
        rows.push([variant, String(ivrs), String(s[0].resources), ms((x) => x.loadMs), ms((x) => x.buildMs), ms((x) => x.appSynthMs), synthMs.toFixed(0), spread, ms((x) => x.wallMs), peak.toFixed(0)]);
        if (variant === 'constructs' && ivrs === TARGET.ivrs) {
          const ok = synthMs < TARGET.ms && peak < TARGET.mb;
          verdict = `${ok ? 'PASS' : 'MISS'}: ${TARGET.ivrs} IVRs with the constructs: synth ${synthMs.toFixed(0)} ms (target < ${TARGET.ms}), peak RSS ${peak.toFixed(0)} MB (target < ${TARGET.mb})`;
        }
      }
      const [c, p] = [typesKey(samples.constructs[0].byType), typesKey(samples.plain[0].byType)];
      notes.push(c === p ? `${ivrs} IVRs, both variants: ${c}` : `WARNING ${ivrs} IVRs: the variants differ: constructs [${c}], plain [${p}]`);
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log(line(header));
    rows.forEach((r) => console.log(line(r)));
    console.log('\nsynth ms = load (node start-up, cdktf, bindings, app modules) + build (construct tree) + app.synth() (resolve, write JSON, copy assets),');
    console.log('measured in the child from process start; min-max is its spread over the runs; process ms is spawn to exit, measured by the parent.');
    notes.forEach((n) => console.log(n));
    console.log(`\n${verdict}`);
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
