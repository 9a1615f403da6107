import AdmZip from 'adm-zip';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makeTempProject, runProvidersLock } from '../support/temp-project';
import { terraformVersion } from '../support/processes';

const root = path.resolve(__dirname, '..', '..');
const dist = (...parts: string[]) => path.join(root, 'dist', ...parts);
const STACKS = ['contact-center-dev', 'contact-center-test', 'contact-center-prod'];
const PLATFORMS = ['linux_amd64', 'darwin_amd64', 'darwin_arm64', 'windows_amd64'];

/** A provider mirror (`-fs-mirror` layout) serving a fake genesyscloud package per platform: Terraform installs it without running it. */
function fakeMirror(dir: string, version: string, platforms = PLATFORMS): string {
  const folder = path.join(dir, 'registry.terraform.io', 'mypurecloud', 'genesyscloud');
  fs.mkdirSync(folder, { recursive: true });
  for (const platform of platforms) {
    const zip = new AdmZip();
    zip.addFile(`terraform-provider-genesyscloud_v${version}`, Buffer.from(`fake provider ${version} ${platform}\n`));
    zip.writeZip(path.join(folder, `terraform-provider-genesyscloud_${version}_${platform}.zip`));
  }
  return dir;
}

// The refusals that need no Terraform (no PATH, bad arguments, no project, checkLockFile) are in
// providers-lock-refusals.test.ts.
describe('npm run providers:lock (node dist/tools/providers-lock.js)', () => {
  let work: string;
  /** A project folder (cdktf.json) the tools run in, so nothing is written to the repository. */
  let project: string;
  beforeEach(() => ({ work, project } = makeTempProject('providers-lock')));
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  const lockTool = (args: string[], env?: NodeJS.ProcessEnv) => runProvidersLock(project, args, env);

  const terraform = terraformVersion();
  const title = 'with terraform and a local provider mirror';
  // Needs a Terraform CLI on PATH; the provider is a fake package from a local mirror (no network).
  (terraform ? describe : describe.skip)(terraform ? title : `${title} (skipped: no terraform CLI on PATH)`, () => {
    /** `terraform init -lockfile=readonly` in a synthesized stack folder, installing from `mirror` only. */
    function init(stackDir: string, mirror: string) {
      const config = path.join(work, `mirror-${path.basename(mirror)}.tfrc`);
      fs.writeFileSync(config, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
      const env = { ...process.env, TF_CLI_CONFIG_FILE: config, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
      const run = spawnSync('terraform', ['init', '-input=false', '-no-color', '-lockfile=readonly', '-backend=false'], {
        cwd: stackDir,
        env,
        encoding: 'utf8',
        timeout: 60000,
      });
      return { status: run.status, output: `${run.stdout}${run.stderr}` };
    }

    /** Locks with the 1.84.1 mirror into the project root and synthesizes; returns the output folder. */
    function lockAndSynth(mirror: string): string {
      const lock = lockTool(['--fs-mirror', mirror]);
      expect({ status: lock.status, stderr: lock.stderr }).toEqual({ status: 0, stderr: '' });
      const out = path.join(work, 'cdktf.out');
      expect(spawnSync(process.execPath, [dist('tools', 'synth.js'), out], { cwd: project, encoding: 'utf8', timeout: 60000 }).status).toBe(0);
      return out;
    }

    it('writes a lock file with 1.84.1 and a hash for each default platform to --out', () => {
      const out = path.join(work, 'locks', 'lock.hcl');
      fs.mkdirSync(path.dirname(out));

      const run = lockTool(['--fs-mirror', fakeMirror(path.join(work, 'mirror'), '1.84.1'), '--out', out]);

      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toContain('registry.terraform.io/mypurecloud/genesyscloud 1.84.1');
      const lock = fs.readFileSync(out, 'utf8');
      expect(lock).toContain('provider "registry.terraform.io/mypurecloud/genesyscloud" {');
      expect(lock).toMatch(/version\s+= "1\.84\.1"/);
      expect(lock.match(/"h1:[^"]+"/g)).toHaveLength(PLATFORMS.length);
      expect(fs.readdirSync(path.dirname(out))).toEqual(['lock.hcl']);
      expect(fs.existsSync(path.join(project, '.terraform.lock.hcl'))).toBe(false);
    });

    it('--platform overrides the platforms; a mirror without one of them is GC7002 and leaves the old file as it was', () => {
      const mirror = fakeMirror(path.join(work, 'mirror'), '1.84.1', ['linux_amd64']);
      const out = path.join(work, 'lock.hcl');
      const ok = lockTool(['--fs-mirror', mirror, '--platform', 'linux_amd64', '--out', out]);
      expect(ok.status).toBe(0);
      const written = fs.readFileSync(out, 'utf8');
      expect(written.match(/"h1:[^"]+"/g)).toHaveLength(1);

      const failed = lockTool(['--fs-mirror', mirror, '--out', out]);

      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain('GC7002 [providers:lock] terraform providers lock failed');
      expect(failed.stderr).toContain('darwin_amd64');
      expect(fs.readFileSync(out, 'utf8')).toBe(written);
    });

    it('a lock file that cannot be written is GC7006 (exit 1)', () => {
      const run = lockTool(['--fs-mirror', fakeMirror(path.join(work, 'mirror'), '1.84.1'), '--out', path.join(work, 'missing', 'lock.hcl')]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('GC7006 [providers:lock] cannot write');
      expect(fs.existsSync(path.join(work, 'missing'))).toBe(false);
    });

    describe('one lock file and synth, shared (each init runs in its own copy of the stack folders)', () => {
      /** The 1.84.1 mirror, and the output of lockAndSynth with it (project lock file written by the tool). */
      let mirror: string;
      let synthesized: string;
      let shared: { work: string; project: string };
      beforeAll(() => {
        shared = makeTempProject('providers-lock-shared');
        [work, project] = [shared.work, shared.project];
        mirror = fakeMirror(path.join(work, 'mirror'), '1.84.1');
        synthesized = lockAndSynth(mirror);
      });
      afterAll(() => shared && fs.rmSync(shared.work, { recursive: true, force: true }));
      /** A copy of the synthesized output in this test's folder (terraform init writes into it). */
      const output = () => {
        const out = path.join(work, 'cdktf.out');
        fs.cpSync(synthesized, out, { recursive: true, verbatimSymlinks: true });
        return out;
      };
      /** `init`, several at once. */
      const initAsync = (stackDir: string, mirrorDir: string) =>
        new Promise<{ status: number | null; output: string }>((resolve) => {
          const config = path.join(work, `mirror-${path.basename(mirrorDir)}.tfrc`);
          fs.writeFileSync(config, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirrorDir)}\n  }\n}\n`);
          const env = { ...process.env, TF_CLI_CONFIG_FILE: config, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
          const child = spawn('terraform', ['init', '-input=false', '-no-color', '-lockfile=readonly', '-backend=false'], { cwd: stackDir, env });
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          child.on('close', (status) => resolve({ status, output: out }));
        });

      it('the locked version installs with terraform init -lockfile=readonly in every synthesized stack folder', async () => {
        const out = output();
        const lock = fs.readFileSync(path.join(shared.project, '.terraform.lock.hcl'), 'utf8');
        for (const stack of STACKS) expect(fs.readFileSync(path.join(out, 'stacks', stack, '.terraform.lock.hcl'), 'utf8')).toBe(lock);
        const runs = await Promise.all(STACKS.map((stack) => initAsync(path.join(out, 'stacks', stack), mirror)));
        runs.forEach((run, i) => {
          if (run.status !== 0) throw new Error(`terraform init in ${STACKS[i]} failed:\n${run.output}`);
          expect(run.output).toContain('Installed mypurecloud/genesyscloud v1.84.1');
        });
      });

      it('init fails when the mirror serves only another version (1.85.0): no apply can silently use it', () => {
        const out = output();

        const run = init(path.join(out, 'stacks', 'contact-center-dev'), fakeMirror(path.join(work, 'mirror-185'), '1.85.0'));

        expect(run.status).not.toBe(0);
        expect(run.output).toMatch(/version 1\.84\.1 is no longer\s+available/);
      });

      it('init fails when the package does not match the locked hash', () => {
        const out = output();
        const stackDir = path.join(out, 'stacks', 'contact-center-dev');
        const lockFile = path.join(stackDir, '.terraform.lock.hcl');
        const tampered = fs.readFileSync(lockFile, 'utf8').replace(/"h1:[^"]+"/g, '"h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="');
        fs.writeFileSync(lockFile, tampered);

        const run = init(stackDir, mirror);

        expect(run.status).not.toBe(0);
        expect(run.output).toMatch(/doesn't match any\s+of the checksums previously recorded in the dependency lock file/);
      });
    });
  });
});
