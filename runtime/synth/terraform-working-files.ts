/**
 * Terraform's working files in a synthesized stack folder (`cdktf.out/stacks/<stack>/`): local state (under
 * any name), `.terraform/`, saved plans and the dependency lock file. A synth replaces what it writes itself
 * and keeps the rest, as the cdktf CLI does: Terraform run in the stack folder owns those files, and deleting local
 * state loses track of everything deployed.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The one dependency lock file the team commits, at the project root. */
export const LOCK_FILE_NAME = '.terraform.lock.hcl';

const lstat = (p: string) => fs.lstatSync(p, { throwIfNoEntry: false });
const isRealFolder = (p: string) => lstat(p)?.isDirectory() === true;

/**
 * The project root: the nearest folder, from `from` (the working directory) upwards, that holds
 * `cdktf.json`. npm runs scripts there and the cdktf CLI reads cdktf.json there, so the sources and the
 * compiled `dist/` find the same root; `__dirname` would tie every run to the checkout the code sits in.
 */
export function projectRoot(from = process.cwd()): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.statSync(path.join(dir, 'cdktf.json'), { throwIfNoEntry: false })?.isFile()) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The content of `<project root>/.terraform.lock.hcl`, or undefined when there is no root or no lock file. */
export function readProjectLockFile(root = projectRoot()): Buffer | undefined {
  if (root === undefined) return undefined;
  try {
    return fs.readFileSync(path.join(root, LOCK_FILE_NAME));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Writes `content` to `file` through a temporary file and a rename: never half-written, and a symlink at `file` is replaced, not followed. */
export function writeFileAtomically(file: string, content: Buffer | string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(temporary, content, { flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (err) {
    // A file already there under the temporary name is not ours to remove.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(temporary, { force: true });
    throw err;
  }
}

/** Copies the project's lock file into every given stack folder (replacing theirs); no lock file, nothing written. */
export function installLockFile(outdir: string, stackIds: readonly string[], lockFile: Buffer | undefined): void {
  if (lockFile === undefined) return;
  for (const id of stackIds) writeFileAtomically(path.join(outdir, 'stacks', id, LOCK_FILE_NAME), lockFile);
}

/**
 * What a synth writes into a stack folder, by entry name and kind: `cdk.tf.json`, `assets/` and the copied
 * `.terraform.lock.hcl`. Anything else (a symlink under one of these names included) is not synth output.
 */
const SYNTH_OUTPUT: Readonly<Record<string, (entry: fs.Dirent) => boolean>> = {
  'cdk.tf.json': (entry) => entry.isFile(),
  assets: (entry) => entry.isDirectory(),
  [LOCK_FILE_NAME]: (entry) => entry.isFile(),
};

/**
 * True when a stack folder holds anything besides what a synth writes (`cdk.tf.json`, `assets/`,
 * `.terraform.lock.hcl`): local state under any name (a `local` backend accepts any path, e.g. `dev.state`
 * or `state/prod.json`), `.terraform/`, saved plans, files of yours. Symlinks are not followed: a link is
 * itself something besides synth output.
 */
export function holdsMoreThanSynthOutput(folder: string): boolean {
  return fs.readdirSync(folder, { withFileTypes: true }).some((entry) => {
    const isSynthOutput = Object.prototype.hasOwnProperty.call(SYNTH_OUTPUT, entry.name) && SYNTH_OUTPUT[entry.name](entry);
    return !isSynthOutput;
  });
}

/** Entries moved by `carryOverWorkingFiles`; `moveBack` returns them to where they were. */
export interface CarriedEntries {
  moveBack(): void;
}

/**
 * Moves into the fresh synth `staging` what it must keep from the previous output `previous`: every entry
 * of a previous stack folder that the synth did not write itself (state, `.terraform/`, plans, ...), and
 * whole stack folders that are no longer synthesized but hold anything besides synth output
 * (`holdsMoreThanSynthOutput`: local state may have any name, and a stale folder is better than lost
 * state); an orphaned folder holding only synth output is dropped. Entries are renamed, never copied, so symlinks move as links and are never followed; a
 * previous output that is not a real folder is left alone. What the synth wrote (`cdk.tf.json`,
 * `assets/`) replaces the previous entry as a whole.
 */
export function carryOverWorkingFiles(previous: string, staging: string): CarriedEntries {
  const moved: Array<{ from: string; to: string }> = [];
  const move = (from: string, to: string) => {
    fs.renameSync(from, to);
    moved.push({ from, to });
  };
  const carried = {
    moveBack: () =>
      moved
        .splice(0)
        .reverse()
        .forEach(({ from, to }) => fs.renameSync(to, from)),
  };
  const previousStacks = path.join(previous, 'stacks');
  if (!isRealFolder(previous) || !isRealFolder(previousStacks)) return carried;
  try {
    for (const stack of fs.readdirSync(previousStacks, { withFileTypes: true })) {
      if (!stack.isDirectory()) continue;
      const from = path.join(previousStacks, stack.name);
      const to = path.join(staging, 'stacks', stack.name);
      if (isRealFolder(to)) {
        for (const entry of fs.readdirSync(from)) if (!lstat(path.join(to, entry))) move(path.join(from, entry), path.join(to, entry));
      } else if (!lstat(to) && holdsMoreThanSynthOutput(from)) {
        move(from, to);
      }
    }
  } catch (err) {
    carried.moveBack();
    throw err;
  }
  return carried;
}
