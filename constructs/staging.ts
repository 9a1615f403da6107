import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sha256 } from '../flow';

let privateDir: string | undefined;

/**
 * A staging folder only this user can write: `<tmp>/gc-flows-staging-<uid>` (mode 0700, owned by us,
 * not a link). If it cannot be trusted, a fresh private folder for this process instead.
 */
function stagingDir(): string {
  if (privateDir) return privateDir;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const shared = path.join(os.tmpdir(), `gc-flows-staging-${uid ?? os.userInfo().username}`);
  try {
    fs.mkdirSync(shared, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const stat = fs.lstatSync(shared);
  const trusted = stat.isDirectory() && !stat.isSymbolicLink() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o077) === 0;
  privateDir = trusted ? shared : fs.mkdtempSync(path.join(os.tmpdir(), 'gc-flows-'));
  return privateDir;
}

/**
 * Writes a rendered file where a `TerraformAsset` can pick it up (assets must exist at construct time;
 * synth copies them into `cdktf.out/`). Files are content-addressed in a folder only this user can
 * write, so nothing is written into the project, a failed synth leaves nothing in `cdktf.out/`, repeated
 * synths reuse files instead of piling up new ones, and a reused file is checked to hold exactly the
 * content that was hashed.
 */
export function stageFile(fileName: string, content: string): string {
  const folder = path.join(stagingDir(), sha256(`${fileName}\n${content}`).slice(0, 32));
  const file = path.join(folder, fileName);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return file;
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  // Write-then-rename: a concurrent synth never sees a half-written file.
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, content, { encoding: 'utf8', mode: 0o600 });
  fs.renameSync(partial, file);
  return file;
}

/** A file name safe on every OS, from a flow name: `dev Sales IVR` → `dev-Sales-IVR.yaml`. */
export function flowFileName(flowName: string): string {
  const base = flowName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'flow';
  return `${base}.yaml`;
}
