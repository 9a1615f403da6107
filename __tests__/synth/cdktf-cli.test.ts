import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

describe('npx cdktf synth', () => {
  it('synthesizes every environment through the cdktf CLI (cdktf.json app)', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-cli-'));
    try {
      const cli = path.join(root, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');
      const run = spawnSync(process.execPath, [cli, 'synth', '--output', out], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true' },
        timeout: 170000,
      });
      // stderr may carry warnings of a Terraform CLI on PATH; only the exit status and the output count.
      if (run.status !== 0) throw new Error(`cdktf synth exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
      for (const env of ['dev', 'test', 'prod']) {
        expect(fs.existsSync(path.join(out, 'stacks', `contact-center-${env}`, 'cdk.tf.json'))).toBe(true);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 180000);
});
