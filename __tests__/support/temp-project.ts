import { SpawnSyncReturns, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A fresh project folder (holding an empty `cdktf.json`, so the tools take it for the project root and
 * never write into the repository) inside a new temporary folder `work`, which the caller removes.
 */
export function makeTempProject(prefix: string): { work: string; project: string } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const project = path.join(work, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'cdktf.json'), '{}');
  return { work, project };
}

/** Runs the compiled `npm run providers:lock` (dist/tools/providers-lock.js) in `project`. */
export function runProvidersLock(project: string, args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const tool = path.resolve(__dirname, '..', '..', 'dist', 'tools', 'providers-lock.js');
  return spawnSync(process.execPath, [tool, ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60000 });
}
