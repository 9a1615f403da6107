/**
 * `npm run bench [-- --sizes 1,100,1000 --runs 3]` (and `npm run bench -- drift`, see drift-bench.ts):
 * synth of the compiled app for 1, 100 and 1 000 InboundIvrs sharing 10 SharedFlows in the default stack
 * shape, with the flow checks users get (`FlowCheck.attachToStack`), next to a plain cdktf app with the
 * same Terraform resources written with the raw bindings.
 *
 * Each case runs in a fresh process (`synth-case.js`), timed here from spawn to exit, which is what
 * `node dist/tools/synth.js` costs a user once the build is done: node start-up, loading the modules,
 * the construct tree, `app.synth()` and exit. The child reports its phases; this process reads the
 * synthesized stack afterwards (resource counts, files written). Figures are medians (time) and maxima
 * (memory) over the runs; the two variants alternate run by run and the disk is flushed before each case,
 * so a slow spell of the disk or of the machine hits both alike. Outdirs go to os.tmpdir().
 *
 * Progress goes to stderr while it runs. At the end every target of issue 13 is printed next to its
 * measured value; if one is missed (or the two variants do not hold the same resources) the run exits 1.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { driftBench } from './drift-bench';
import { CaseOutput, MAX_IVRS, STACK, writePlainFlowFiles } from './fixtures';
import { benchCommandLine, benchOption } from './options';

/** Issue 13, item 3: 1 000 IVRs + 10 shared flows, with the default checks. */
const TARGETS = { ivrs: 1000, ms: 1500, ratio: 1.3, mb: 300 };
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

interface Sample extends CaseOutput {
  /** Spawn to exit, measured here: the headline figure. */
  readonly wallMs: number;
  readonly resources: number;
  readonly byType: Record<string, number>;
  /** `.yaml` files in the synthesized stack folder. */
  readonly yamlFiles: number;
}

/** Writes back what earlier cases left in the page cache, so it is not charged to the next case. */
function flushDisk(): void {
  if (process.platform !== 'win32') spawnSync('sync', { stdio: 'ignore' });
}

function countFiles(dir: string, suffix: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith(suffix)).length;
}

function runCase(work: string, yamlDir: string, variant: Variant, ivrs: number, run: number): Sample {
  const outdir = path.join(work, `${variant}-${ivrs}-${run}`);
  flushDisk();
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [caseScript, variant, String(ivrs), outdir, yamlDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  try {
    if (child.status !== 0)
      throw new Error(`${variant} ${ivrs} (run ${run + 1}) failed (${child.signal ?? `exit ${child.status}`}):\n${child.stderr}`);
    const output = JSON.parse(child.stdout.trim().split('\n').pop()!) as CaseOutput;
    const stackDir = path.join(outdir, 'stacks', STACK);
    const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    const byType = Object.fromEntries(
      Object.entries((json.resource ?? {}) as Record<string, object>).map(([type, byName]) => [type, Object.keys(byName).length]),
    );
    const resources = Object.values(byType).reduce((n, c) => n + c, 0);
    return { ...output, wallMs, resources, byType, yamlFiles: countFiles(path.join(stackDir, 'assets'), '.yaml') };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
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

const progress = (line: string) => process.stderr.write(`${line}\n`);

interface TargetLine {
  readonly what: string;
  readonly target: string;
  readonly measured: string;
  readonly ok: boolean;
}

/** Prints the table and the targets; returns false when a target is missed or not measured. */
function synthBench(): boolean {
  const sizes = parseSizes(benchOption('sizes', '1,100,1000'));
  const runs = parseRuns(benchOption('runs', '3'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-bench-'));
  try {
    // The plain variant's static YAML files exist before timing, as they would in a hand-written app's repo.
    const yamlDir = path.join(work, 'plain-yaml');
    writePlainFlowFiles(yamlDir, Math.max(...sizes));

    console.log(
      `node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}, outdirs in ${os.tmpdir()}, ${runs} run(s) per case: median times, max peak RSS\n`,
    );
    const header = [
      'variant',
      'IVRs',
      'TF resources',
      'YAML files',
      'YAML writes',
      'load ms',
      'build ms',
      'app.synth() ms',
      'exit ms',
      'synth ms',
      'min-max ms',
      'CPU ms',
      'peak RSS MB',
    ];
    const rows: string[][] = [];
    const notes: string[] = [];
    const targets: TargetLine[] = [];
    for (const ivrs of sizes) {
      const samples: Record<Variant, Sample[]> = { constructs: [], plain: [] };
      for (let r = 0; r < runs; r++) {
        for (const variant of VARIANTS) {
          const s = runCase(work, yamlDir, variant, ivrs, r);
          samples[variant].push(s);
          progress(
            `  ${variant} ${ivrs} IVRs, run ${r + 1}/${runs}: ${s.wallMs.toFixed(0)} ms (CPU ${s.cpuMs.toFixed(0)} ms), ${s.peakRssMb.toFixed(0)} MB`,
          );
        }
      }
      const wall: Record<Variant, number> = { constructs: 0, plain: 0 };
      for (const variant of VARIANTS) {
        const s = samples[variant];
        const ms = (pick: (x: Sample) => number) => median(s.map(pick)).toFixed(0);
        wall[variant] = median(s.map((x) => x.wallMs));
        const peak = Math.max(...s.map((x) => x.peakRssMb));
        const spread = `${Math.min(...s.map((x) => x.wallMs)).toFixed(0)}-${Math.max(...s.map((x) => x.wallMs)).toFixed(0)}`;
        rows.push([
          variant,
          String(ivrs),
          String(s[0].resources),
          String(s[0].yamlFiles),
          String(s[0].yamlWrites),
          ms((x) => x.loadMs),
          ms((x) => x.buildMs),
          ms((x) => x.appSynthMs),
          ms((x) => x.wallMs - x.synthMs),
          wall[variant].toFixed(0),
          spread,
          ms((x) => x.cpuMs),
          peak.toFixed(0),
        ]);
        if (variant === 'constructs' && ivrs === TARGETS.ivrs) {
          targets.push({
            what: `synth, ${ivrs} IVRs + 10 shared flows with the checks (spawn to exit, median)`,
            target: `<= ${TARGETS.ms} ms`,
            measured: `${wall.constructs.toFixed(0)} ms`,
            ok: wall.constructs <= TARGETS.ms,
          });
          targets.push({
            what: 'peak RSS (max over runs)',
            target: `<= ${TARGETS.mb} MB`,
            measured: `${peak.toFixed(0)} MB`,
            ok: peak <= TARGETS.mb,
          });
          const writes = Math.max(...s.map((x) => x.yamlWrites));
          targets.push({
            what: 'YAML writes per flow file',
            target: '1 (each file written once)',
            measured: `${writes} writes for ${s[0].yamlFiles} files`,
            ok: writes === s[0].yamlFiles,
          });
        }
      }
      const ratio = wall.constructs / wall.plain;
      if (ivrs === TARGETS.ivrs) {
        targets.push({
          what: `constructs / plain cdktf with the same resources (median synth)`,
          target: `<= ${TARGETS.ratio.toFixed(2)}x`,
          measured: `${ratio.toFixed(2)}x`,
          ok: ratio <= TARGETS.ratio,
        });
      }
      const [c, p] = [typesKey(samples.constructs[0].byType), typesKey(samples.plain[0].byType)];
      const same = c === p;
      notes.push(same ? `${ivrs} IVRs, both variants: ${c}` : `${ivrs} IVRs: the variants differ: constructs [${c}], plain [${p}]`);
      if (!same)
        targets.push({
          what: `${ivrs} IVRs: plain holds the same resources as the constructs`,
          target: 'same types and counts',
          measured: 'different',
          ok: false,
        });
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log(line(header));
    rows.forEach((r) => console.log(line(r)));
    console.log(
      '\nsynth ms = spawn to exit of `node synth-case.js`, measured here: load (node start-up, cdktf, bindings, app modules) + build (construct',
    );
    console.log(
      'tree) + app.synth() (resolve, write cdk.tf.json, write the assets) + exit ms (process exit and spawn overhead). min-max is its spread',
    );
    console.log('over the runs. CPU ms: user + system time of the case up to the end of app.synth() (other load on the machine moves it less).');
    console.log('YAML writes: writes of .yaml files during the case (the plain files exist beforehand and are copied by cdktf).');
    notes.forEach((n) => console.log(n));
    console.log('');
    if (!sizes.includes(TARGETS.ivrs)) {
      targets.push({ what: `the ${TARGETS.ivrs}-IVR case`, target: 'measured', measured: `not run (--sizes ${sizes.join(',')})`, ok: false });
    }
    const tw = [Math.max(...targets.map((t) => t.what.length)), Math.max(...targets.map((t) => t.target.length))];
    for (const t of targets)
      console.log(`${t.ok ? 'PASS' : 'MISS'}  ${t.what.padEnd(tw[0])}  target ${t.target.padEnd(tw[1])}  measured ${t.measured}`);
    return targets.every((t) => t.ok);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (benchCommandLine().mode === 'drift') {
  driftBench().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
} else {
  let ok = false;
  try {
    ok = synthBench();
  } catch (err) {
    console.error(err);
  }
  process.exitCode = ok ? 0 : 1;
}
