/**
 * `npm run synth [outdir]`: synthesizes every environment into `cdktf.out/` with the compiled app (no
 * cdktf CLI, no Terraform, no credentials), atomically (`runtime/synth/synth-to-directory.ts`).
 */
import * as path from 'path';
import { ENVIRONMENTS } from '../config';
import { commandSpec, parseCommandLine, usageError } from '../runtime/cli/command-line';
import { progressOn } from '../runtime/cli/progress';
import { runSynth } from '../runtime/synth/synth-runner';
import { synthToDirectory } from '../runtime/synth/synth-to-directory';

export { synthToDirectory } from '../runtime/synth/synth-to-directory';

/** Exit codes as `SYNTH_EXIT` (runtime/synth/synth-runner.ts) has them; a bad command line is invalid input. */
const SYNTH_COMMAND = commandSpec({
  name: 'synth',
  usage: 'npm run synth [<outdir>]',
  summary:
    'Synthesizes every environment of config/ into <outdir> (stacks/<stack>/cdk.tf.json and flow YAML), atomically:\na failed synth leaves the previous output as it was. No cdktf CLI, no Terraform, no credentials.',
  positionals: [['<outdir>', 'the output folder (default cdktf.out); a name starting with - is refused (write ./-name)']],
  options: {},
  exitCodes: [
    [0, 'synthesized'],
    [1, 'invalid configuration or flow definitions (every problem listed), or a bad command line'],
    [2, 'internal error'],
  ],
  usageExitCode: 1,
});

if (require.main === module) {
  const [outdirArg] = parseCommandLine(SYNTH_COMMAND).positionals;
  // An option typed wrong (`-help`, `-- --out`) must not become an output folder.
  if (outdirArg?.startsWith('-'))
    usageError(SYNTH_COMMAND, `'${outdirArg}' is not an output folder (write ./${outdirArg} for a folder of that name)`);
  const outdir = outdirArg ?? 'cdktf.out';
  const started = process.hrtime.bigint();
  // Before the configuration is validated (by the synth): nothing read from it here.
  progressOn('synth')(`synthesizing every environment into ${outdir}`);
  runSynth(() => {
    const ids = synthToDirectory(outdir, ENVIRONMENTS, undefined, (at) =>
      process.stderr.write(`notice: raw action not checked (RawAction: its Archy content is written as is): ${at}\n`),
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`synthesized ${ids.join(', ')} into ${path.relative(process.cwd(), path.resolve(outdir)) || '.'} in ${ms.toFixed(0)} ms`);
  });
}
