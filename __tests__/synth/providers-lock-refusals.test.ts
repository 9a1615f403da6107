import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkLockFile } from '../../tools/providers-lock';
import { makeTempProject, runProvidersLock } from '../support/temp-project';

// The refusals of providers-lock.test.ts that need no Terraform (its own file, so the two run in parallel).

const root = path.resolve(__dirname, '..', '..');
const dist = (...parts: string[]) => path.join(root, 'dist', ...parts);

describe('npm run providers:lock (node dist/tools/providers-lock.js)', () => {
  let work: string;
  /** A project folder (cdktf.json) the tools run in, so nothing is written to the repository. */
  let project: string;
  beforeEach(() => ({ work, project } = makeTempProject('providers-lock')));
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  const lockTool = (args: string[], env?: NodeJS.ProcessEnv) => runProvidersLock(project, args, env);

  it('without terraform on PATH: exit 1 with GC7001 and the fix, nothing written', () => {
    const out = path.join(work, 'lock.hcl');
    const emptyPath = path.join(work, 'no-tools');
    fs.mkdirSync(emptyPath);

    const run = lockTool(['--out', out], { PATH: emptyPath });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('GC7001 [providers:lock] terraform not on PATH. Fix: install Terraform 1.11.4');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(path.join(project, '.terraform.lock.hcl'))).toBe(false);
  });

  it('refuses bad arguments with GC7007 (exit 1)', () => {
    for (const args of [['--platform', 'Linux'], ['--unknown']]) {
      const run = lockTool(args);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('GC7007');
    }
  });

  it('outside a project (no cdktf.json above the working directory) and without --out: GC7005 (exit 1)', () => {
    const run = spawnSync(process.execPath, [dist('tools', 'providers-lock.js')], { cwd: work, encoding: 'utf8', timeout: 60000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('GC7005');
    expect(fs.readdirSync(work)).toEqual(['project']);
  });

  it('checkLockFile refuses a lock file without a version and hashes for a required provider (GC7004)', () => {
    const providers = { genesyscloud: { source: 'mypurecloud/genesyscloud', version: '~> 1.84' } };
    const block = (body: string) => `provider "registry.terraform.io/mypurecloud/genesyscloud" {\n${body}}\n`;
    expect(checkLockFile(block('  version = "1.84.1"\n  hashes = ["h1:abc="]\n'), providers)).toEqual([
      { address: 'registry.terraform.io/mypurecloud/genesyscloud', version: '1.84.1' },
    ]);
    for (const lock of [
      '',
      block('  hashes = ["h1:abc="]\n'),
      block('  version = "1.84.1"\n'),
      'provider "registry.terraform.io/hashicorp/null" {\n  version = "3.2.0"\n  hashes = ["h1:x="]\n}\n',
    ]) {
      expect(() => checkLockFile(lock, providers)).toThrow(/^GC7004 .*registry\.terraform\.io\/mypurecloud\/genesyscloud/);
    }
  });
});
