import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sha256 } from '../flow';

/**
 * Writes a rendered file where a `TerraformAsset` can pick it up (assets must exist at construct time;
 * synth copies them into `cdktf.out/`). Files are content-addressed under the OS temp folder, so nothing
 * is written into the project, a failed synth leaves nothing in `cdktf.out/`, and repeated synths reuse
 * the same files instead of piling up new ones.
 */
export function stageFile(fileName: string, content: string): string {
  const folder = path.join(os.tmpdir(), 'gc-flows-staging', sha256(`${fileName}\n${content}`).slice(0, 32));
  const file = path.join(folder, fileName);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(folder, { recursive: true });
    // Write-then-rename: a concurrent synth never sees a half-written file.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, content, 'utf8');
    fs.renameSync(partial, file);
  }
  return file;
}

/** A file name safe on every OS, from a flow name: `dev Sales IVR` → `dev-Sales-IVR.yaml`. */
export function flowFileName(flowName: string): string {
  const base = flowName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'flow';
  return `${base}.yaml`;
}
