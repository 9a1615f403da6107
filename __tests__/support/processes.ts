import { execFileSync, spawn } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a compiled script of the project; after `killAfterMs` the child is killed and its code is null. */
export function run(script: string, args: string[], extraEnv: Record<string, string>, cwd: string, killAfterMs = 30_000): Promise<Run> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.FLOW_CHECK_SKIP;
    delete env.FLOW_CHECK_WAIT_SECONDS;
    Object.assign(env, extraEnv);
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(root, script), ...args], { cwd, env });
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Fails with `what` unless `promise` settles within `ms` (a hang fails the test instead of the run). */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not end within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** The first line of `terraform version`, or undefined when no Terraform CLI is on PATH (tests that need one skip). */
export function terraformVersion(): string | undefined {
  try {
    return execFileSync('terraform', ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0];
  } catch {
    return undefined;
  }
}
