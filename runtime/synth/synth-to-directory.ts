/**
 * Synthesizes environments into an output folder atomically: writes into a sibling folder first and swaps it
 * in only when all stacks succeeded, so a failed synth never leaves a half-written output folder.
 * Terraform's working files in the previous stack folders (state, `.terraform/`, plans) are carried over,
 * and the project's `.terraform.lock.hcl` is copied into every stack folder
 * (`runtime/synth/terraform-working-files.ts`). No command-line entry here: bundles that import it (the pipeline
 * tools) must not run a synth on import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { EnvironmentConfig, validateConfig } from '../../config';
import { FlowPublication } from '../../constructs/flow-publication';
import { addEnvironments } from '../../stacks';
import { CarriedEntries, carryOverWorkingFiles, installLockFile, readProjectLockFile } from './terraform-working-files';

/** Puts `replacement` where `target` is, restoring `target` when that fails; returns the old folder's temporary name. */
function swapIn(target: string, replacement: string): string {
  const previous = `${target}.previous-${process.pid}`;
  const hadTarget = fs.lstatSync(target, { throwIfNoEntry: false }) !== undefined;
  if (hadTarget) fs.renameSync(target, previous);
  try {
    fs.renameSync(replacement, target);
  } catch (err) {
    if (hadTarget) fs.renameSync(previous, target);
    throw err;
  }
  return previous;
}

/**
 * Synthesizes `environments` into `outdir` atomically; returns the stack ids. Throws on invalid input
 * (a `ProblemError` before anything is written: the configuration is checked first). `lockFile`
 * (default: the project's `.terraform.lock.hcl`, if any) is written into every stack folder.
 */
export function synthToDirectory(
  outdir: string,
  environments: readonly EnvironmentConfig[],
  lockFile = readProjectLockFile(),
  /** Called once per raw action (`RawAction`) in a synthesized flow, with its path: nothing checked its content. */
  onUncheckedAction?: (path: string) => void,
): string[] {
  validateConfig(environments);
  const target = path.resolve(outdir);
  const staging = `${target}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  let carried: CarriedEntries | undefined;
  let previous: string;
  let ids: string[];
  try {
    const app = new App({ outdir: staging });
    ids = addEnvironments(app, environments).map((s) => s.node.id);
    app.synth();
    if (onUncheckedAction) {
      for (const c of app.node.findAll()) if (c instanceof FlowPublication) c.uncheckedActions.forEach((p) => onUncheckedAction(p));
    }
    installLockFile(staging, ids, lockFile);
    carried = carryOverWorkingFiles(target, staging);
    previous = swapIn(target, staging);
  } catch (err) {
    // Back first: the staging folder may hold the previous state files, and is deleted next.
    carried?.moveBack();
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  fs.rmSync(previous, { recursive: true, force: true });
  return ids;
}
