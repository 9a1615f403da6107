/**
 * `npm run synth`: synthesizes every environment into `cdktf.out/` with the compiled app (no cdktf CLI,
 * no Terraform, no credentials). Writes into a sibling folder first and swaps it in only when all
 * stacks succeeded, so a failed synth never leaves a half-written `cdktf.out/`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { ENVIRONMENTS } from '../config';
import { addEnvironments } from '../stacks';
import { runSynth } from './synth-runner';

const outdir = path.resolve(process.argv[2] ?? 'cdktf.out');
const staging = `${outdir}.partial-${process.pid}`;
const started = process.hrtime.bigint();

runSynth(
  () => {
    fs.rmSync(staging, { recursive: true, force: true });
    const app = new App({ outdir: staging });
    const stacks = addEnvironments(app, ENVIRONMENTS);
    app.synth();
    const previous = `${outdir}.previous-${process.pid}`;
    if (fs.existsSync(outdir)) fs.renameSync(outdir, previous);
    fs.renameSync(staging, outdir);
    fs.rmSync(previous, { recursive: true, force: true });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`synthesized ${stacks.map((s) => s.node.id).join(', ')} into ${path.relative(process.cwd(), outdir) || '.'} in ${ms.toFixed(0)} ms`);
  },
  () => fs.rmSync(staging, { recursive: true, force: true }),
);
