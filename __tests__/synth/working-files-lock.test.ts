import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makeTempProject } from '../support/temp-project';

// The project lock file part of working-files.test.ts (its own file, so the two run in parallel).

const root = path.resolve(__dirname, '..', '..');
const dist = (...parts: string[]) => path.join(root, 'dist', ...parts);
const STACKS = ['contact-center-dev', 'contact-center-test', 'contact-center-prod'];
const LOCK = '# test lock file\nprovider "registry.terraform.io/mypurecloud/genesyscloud" {\n  version = "1.84.1"\n}\n';

describe('synth installs the project lock file (<folder holding cdktf.json>/.terraform.lock.hcl)', () => {
  let work: string;
  /** A project folder (cdktf.json, no lock file yet) that the compiled tools run in. */
  let project: string;
  beforeEach(() => ({ work, project } = makeTempProject('working-files')));
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  const node = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
    spawnSync(process.execPath, args, { cwd: options.cwd ?? project, encoding: 'utf8', env: { ...process.env, ...options.env }, timeout: 60000 });
  /** The same, without blocking (for runs that are independent of each other). */
  const nodeAsync = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
    new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, args, {
        cwd: options.cwd ?? project,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => resolve({ status, stderr }));
    });
  const synth = (out: string, cwd?: string) => {
    const run = node([dist('tools', 'synth.js'), out], { cwd });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  };
  const stackDir = (out: string, stack: string) => path.join(out, 'stacks', stack);

  it('npm run synth copies it into every stack folder, replacing a carried-over one and never writing through a symlink', () => {
    const out = path.join(work, 'cdktf.out');
    synth(out);
    const victim = path.join(work, 'victim.txt');
    fs.writeFileSync(victim, 'not a lock file');
    fs.writeFileSync(path.join(stackDir(out, 'contact-center-dev'), '.terraform.lock.hcl'), 'stale lock from terraform init');
    fs.symlinkSync(victim, path.join(stackDir(out, 'contact-center-test'), '.terraform.lock.hcl'));
    fs.writeFileSync(path.join(project, '.terraform.lock.hcl'), LOCK);

    // From a sub-folder: the project root is found by walking up to cdktf.json.
    const sub = path.join(project, 'sub');
    fs.mkdirSync(sub);
    synth(out, sub);

    for (const stack of STACKS) {
      const lock = path.join(stackDir(out, stack), '.terraform.lock.hcl');
      expect(fs.lstatSync(lock).isFile()).toBe(true);
      expect(fs.readFileSync(lock, 'utf8')).toBe(LOCK);
    }
    expect(fs.readFileSync(victim, 'utf8')).toBe('not a lock file');
  });

  it('node dist/main.js (the cdktf CLI app) copies it into every stack folder and keeps working files', () => {
    const out = path.join(work, 'cli-out');
    const env = { CDKTF_OUTDIR: out };
    expect(node([dist('main.js')], { env }).status).toBe(0);
    fs.writeFileSync(path.join(stackDir(out, 'contact-center-dev'), 'terraform.contact-center-dev.tfstate'), '{"serial":9}');
    fs.writeFileSync(path.join(project, '.terraform.lock.hcl'), LOCK);

    const run = node([dist('main.js')], { env });

    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    for (const stack of STACKS) expect(fs.readFileSync(path.join(stackDir(out, stack), '.terraform.lock.hcl'), 'utf8')).toBe(LOCK);
    expect(fs.readFileSync(path.join(stackDir(out, 'contact-center-dev'), 'terraform.contact-center-dev.tfstate'), 'utf8')).toBe('{"serial":9}');
  });

  it('without a project lock file, no synth writes one', async () => {
    const out = path.join(work, 'cdktf.out');
    // Three independent runs at once: npm run synth, the cdktf app, and npm run synth outside any project
    // (no cdktf.json above the working directory: there is no root either).
    const [synthRun, app, outside] = await Promise.all([
      nodeAsync([dist('tools', 'synth.js'), out]),
      nodeAsync([dist('main.js')], { env: { CDKTF_OUTDIR: path.join(work, 'cli-out') } }),
      nodeAsync([dist('tools', 'synth.js'), path.join(work, 'outside-out')], { cwd: work }),
    ]);
    expect(synthRun).toEqual({ status: 0, stderr: '' });
    expect(app.status).toBe(0);
    expect(outside).toEqual({ status: 0, stderr: '' });
    for (const dir of ['cdktf.out', 'cli-out', 'outside-out']) {
      for (const stack of STACKS) expect(fs.existsSync(path.join(work, dir, 'stacks', stack, '.terraform.lock.hcl'))).toBe(false);
    }
  });
});
