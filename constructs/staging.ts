import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

let stagingDir: string | undefined;

/**
 * Writes a rendered file where a `TerraformAsset` can pick it up (assets must exist at construct time;
 * synth copies them into `cdktf.out/`). One temporary folder per process, removed when it exits, so
 * nothing is written into the project and a failed synth leaves nothing behind.
 */
export function stageFile(fileName: string, content: string): string {
  if (!stagingDir) {
    stagingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-flows-'));
    const dir = stagingDir;
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  const folder = fs.mkdtempSync(path.join(stagingDir, 'f-'));
  const file = path.join(folder, fileName);
  fs.writeFileSync(file, content, 'utf8');
  return file;
}

/** A file name safe on every OS, from a flow name: `dev Sales IVR` → `dev-Sales-IVR.yaml`. */
export function flowFileName(flowName: string): string {
  const base = flowName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'flow';
  return `${base}.yaml`;
}
