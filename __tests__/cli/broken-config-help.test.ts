import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

// drift and simulate name the environments in their help: a broken configuration (an environment that is
// not an object) must still give the help, and otherwise the configuration's own problem (GC3008, exit 1),
// never a crash at load.
describe('CLIs that name the environments, with a broken configuration', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-config-'));
  const preload = path.join(work, 'break-config.js');
  fs.writeFileSync(preload, `require(${JSON.stringify(path.join(root, 'dist/config/environments.js'))}).ENVIRONMENTS[0] = null;`);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const run = (tool: string, args: string[]) =>
    spawnSync(process.execPath, ['-r', preload, path.join(root, 'dist', 'tools', tool), ...args], { cwd: work, encoding: 'utf8', timeout: 30000 });

  it.each(['drift.js', 'simulate.js'])('%s --help prints its usage (exit 0)', (tool) => {
    const result = run(tool, ['--help']);
    expect(result.stdout).toMatch(/usage:/);
    expect(result.status).toBe(0);
  });

  it('drift --all reports the configuration problem (GC3008, exit 1), no stack trace', () => {
    const result = run('drift.js', ['--all']);
    expect(result.stderr).toContain('GC3008');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(1);
  });
});
