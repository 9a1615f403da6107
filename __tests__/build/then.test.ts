import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const build = (...args: string[]) => spawnSync(process.execPath, ['scripts/build.js', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

// The npm scripts run `node scripts/build.js --then dist/<tool>.js …`: one Node process for the build
// check and the tool (the jest global setup has built dist/, so the check finds nothing to do).
describe('scripts/build.js --then', () => {
  it("runs the compiled tool as the process's main module, with its arguments and its exit code", () => {
    const run = build('--then', 'dist/tools/pipeline-preflight.js', '--stack', 'contact-center-qa', '--outdir', path.join(root, 'no-such-outdir'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^GC6001 \[.*contact-center-qa.*cdk\.tf\.json\] .* does not exist/m);
    expect(run.stdout).toBe('');
    expect(build('--then', 'dist/tools/pipeline-preflight.js').status).toBe(2);
  });

  it('refuses --then without a script, and unknown options, with its usage (exit 2)', () => {
    for (const args of [['--then'], ['--frce']]) {
      const run = build(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('usage: node scripts/build.js [--force] [--then <compiled script> [args…]]');
    }
  });
});
