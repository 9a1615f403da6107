/**
 * `npm run synth [outdir]`: synthesizes every environment into `cdktf.out/` with the compiled app (no
 * cdktf CLI, no Terraform, no credentials), atomically (`tools/synth-to-directory.ts`).
 */
import * as path from 'path';
import { ENVIRONMENTS } from '../config';
import { runSynth } from '../runtime/synth/synth-runner';
import { synthToDirectory } from '../runtime/synth/synth-to-directory';

export { synthToDirectory } from '../runtime/synth/synth-to-directory';

if (require.main === module) {
  const outdir = process.argv[2] ?? 'cdktf.out';
  const started = process.hrtime.bigint();
  runSynth(() => {
    const ids = synthToDirectory(outdir, ENVIRONMENTS);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`synthesized ${ids.join(', ')} into ${path.relative(process.cwd(), path.resolve(outdir)) || '.'} in ${ms.toFixed(0)} ms`);
  });
}
