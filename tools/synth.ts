/**
 * `npm run synth [outdir]`: synthesizes every environment into `cdktf.out/` with the compiled app (no
 * cdktf CLI, no Terraform, no credentials). Writes into a sibling folder first and swaps it in only when
 * all stacks succeeded, so a failed synth never leaves a half-written output folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { ENVIRONMENTS, EnvironmentConfig, validateConfig } from '../config';
import { addEnvironments } from '../stacks';
import { runSynth } from './synth-runner';

/**
 * Synthesizes `environments` into `outdir` atomically; returns the stack ids. Throws on invalid input
 * (`ConfigValidationError` before anything is written: the configuration is checked first).
 */
export function synthToDirectory(outdir: string, environments: readonly EnvironmentConfig[]): string[] {
  validateConfig(environments);
  const target = path.resolve(outdir);
  const staging = `${target}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const app = new App({ outdir: staging });
    const stacks = addEnvironments(app, environments);
    app.synth();
    const previous = `${target}.previous-${process.pid}`;
    if (fs.existsSync(target)) fs.renameSync(target, previous);
    fs.renameSync(staging, target);
    fs.rmSync(previous, { recursive: true, force: true });
    return stacks.map((s) => s.node.id);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const outdir = process.argv[2] ?? 'cdktf.out';
  const started = process.hrtime.bigint();
  runSynth(() => {
    const ids = synthToDirectory(outdir, ENVIRONMENTS);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`synthesized ${ids.join(', ')} into ${path.relative(process.cwd(), path.resolve(outdir)) || '.'} in ${ms.toFixed(0)} ms`);
  });
}
