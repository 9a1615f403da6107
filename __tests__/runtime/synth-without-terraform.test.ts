import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

describe('synth with flow checks', () => {
  it('needs no Terraform CLI on PATH and ships the handler by a path relative to the stack folder', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'no-tf-'));
    try {
      const run = spawnSync(process.execPath, ['dist/tools/synth.js', out], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, PATH: '/nonexistent' },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      for (const env of ['dev', 'test', 'prod']) {
        const stackDir = path.join(out, 'stacks', `contact-center-${env}`);
        const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
        const checks = Object.values(json.resource.terraform_data) as Array<{
          input: Record<string, any>;
          provisioner: Array<{ 'local-exec': { command: string; environment: Record<string, string> } }>;
        }>;
        const flows = Object.keys(json.resource.genesyscloud_flow);
        // One check for the whole stack, plus the destroy guard of the shared flow.
        expect(checks).toHaveLength(2);
        for (const check of checks) {
          const exec = check.provisioner[0]['local-exec'];
          const [, handler, mode] = /^node "([^"]+)" (create|destroy)$/.exec(exec.command)!;
          expect(path.isAbsolute(handler)).toBe(false);
          expect(fs.existsSync(path.join(stackDir, handler))).toBe(true);
          if (mode === 'create') {
            expect(exec.environment).toEqual({
              FLOW_CHECK_INPUT: '${jsonencode(self.input.header)}',
              FLOW_CHECK_FLOWS_0: `\${jsonencode(slice(self.input.flows, 0, ${flows.length}))}`,
            });
            expect(check.input.header).toEqual({ region: expect.any(String), republishExternalCallers: false, flowCount: flows.length });
            for (const flow of check.input.flows)
              expect(Object.keys(flow).sort()).toEqual(['contentHash', 'flowName', 'flowType', 'payloadPath', 'substitutions']);
          } else {
            expect(exec.environment).toEqual({ FLOW_CHECK_INPUT: '${jsonencode(self.input)}' });
            const keys = [
              'allowDestroyWithExternalCallers',
              'contentHash',
              'flowName',
              'flowType',
              'payloadPath',
              'region',
              'republishExternalCallers',
              'stackCallers',
              'substitutions',
            ];
            // The destroy guard carries the flow's id (a reference to the genesyscloud_flow, resolved by Terraform).
            expect(Object.keys(check.input).sort()).toEqual([...keys, 'flowId'].sort());
            expect(check.input.flowId).toMatch(/^\$\{genesyscloud_flow\.[A-Za-z0-9_]+\.id\}$/);
          }
        }
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
