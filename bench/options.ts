/**
 * The bench command line, parsed strictly: `npm run bench [-- --sizes … --runs …]` (the synth benchmark,
 * run.ts) or `npm run bench -- drift [--sizes … --ivrs … --batch … --job-ms …]` (the drift benchmark,
 * drift-bench.ts). `drift` is a sub-command, so it comes first; each mode takes only its own options.
 */
import { DEFAULT_EXPORT_BATCH_SIZE } from '../runtime/architect/architect-ops';
import { CommandSpec, commandSpec, parseCommandLine } from '../runtime/cli/command-line';
import { MAX_IVRS } from './fixtures';

const EXIT_CODES = [
  [0, 'every target met'],
  [1, 'a target missed or not measured, a run failed, or a bad command line or option value'],
] as const;

const SYNTH_BENCH_COMMAND = commandSpec({
  name: 'bench',
  usage: 'npm run bench [-- --sizes 1,100,1000] [--runs 3]   |   npm run bench -- drift [--help]',
  summary:
    'Times synth of the compiled app for N InboundIvrs sharing 10 SharedFlows, with the flow checks, next to a plain cdktf app with\nthe same resources; prints a table and every target of issue 13 next to its measured value. Progress goes to stderr.\n`npm run bench -- drift --help`: the drift benchmark.',
  options: {
    sizes: { type: 'string', value: 'N,N,...', description: `IVR counts to measure, each 1..${MAX_IVRS} (default 1,100,1000)` },
    runs: { type: 'string', value: 'N', description: 'runs per case: medians of time, maxima of memory (default 3)' },
  },
  exitCodes: EXIT_CODES,
  usageExitCode: 1,
});

const DRIFT_BENCH_COMMAND = commandSpec({
  name: 'bench drift',
  usage: 'npm run bench -- drift [--sizes 10,100,1000] [--ivrs N] [--batch 100] [--job-ms 1000]',
  summary:
    'Runs the drift check (as npm run drift does) against the emulator for N flows and counts every request it needs next to the\nfloor, by kind; a size over 1.1 x the floor misses the target. Progress goes to stderr.',
  options: {
    sizes: { type: 'string', value: 'N,N,...', description: `flow counts to measure, each 1..${MAX_IVRS} (default 10,100,1000)` },
    ivrs: { type: 'string', value: 'N', description: `IVRs in the org, 0..${MAX_IVRS} (default one per flow)` },
    batch: { type: 'string', value: 'N', description: `flows per export job, 1..500 (default ${DEFAULT_EXPORT_BATCH_SIZE}, as npm run drift)` },
    'job-ms': { type: 'string', value: 'MS', description: 'how long each export job takes in the emulator (default 1000)' },
  },
  exitCodes: EXIT_CODES,
  usageExitCode: 1,
});

export type BenchMode = 'synth' | 'drift';

/** The mode and its options; ends the process for `--help` (exit 0) and for a bad command line (exit 1). */
export function benchCommandLine(args: readonly string[] = process.argv.slice(2)): {
  mode: BenchMode;
  values: Readonly<Record<string, string | undefined>>;
} {
  const drift = args[0] === 'drift';
  const spec: CommandSpec = drift ? DRIFT_BENCH_COMMAND : SYNTH_BENCH_COMMAND;
  const { values } = parseCommandLine(spec, drift ? args.slice(1) : args);
  return { mode: drift ? 'drift' : 'synth', values: values as Record<string, string | undefined> };
}

/** `--name value` of the mode's command line, or `fallback`. */
export function benchOption(name: string, fallback: string): string {
  const value = benchCommandLine().values[name];
  return value !== undefined && value !== '' ? value : fallback;
}
