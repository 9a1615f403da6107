import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import { ENVIRONMENTS, EnvironmentConfig, configProblems } from '../../config';
import { InboundIvr, Queue, SharedFlow } from '../../constructs';
import { stageFile } from '../../constructs/staging';
import { Expr } from '../../flow';
import { resourceAt, simpleModule, synthJson, testStack } from '../support/fixtures';

const root = path.resolve(__dirname, '..', '..');
const dev = ENVIRONMENTS[0];

describe('findings of the test review', () => {
  it('two queues whose paths sanitize alike get distinct substitution keys, so each route keeps its queue', () => {
    const stack = testStack();
    const sales = new Queue(stack, 'Sales_Queue', { name: 'Sales' });
    const other = new Queue(new Construct(stack, 'Sales'), 'Queue', { name: 'Other' });
    expect(sales.substitutionKey).not.toBe(other.substitutionKey);
    const module = new SharedFlow(stack, 'M', simpleModule('M'));
    const ivr = new InboundIvr(stack, 'Ivr', { name: 'Ivr', dnis: ['+13175550100'], sharedFlow: module, sharedFlowInputs: { Account: Expr.string('a') }, routes: { ok: sales, failed: other } });
    const flow = resourceAt(synthJson(stack), 'genesyscloud_flow', 'Ivr/Flow/Publication/Resource');
    expect(Object.keys(flow.substitutions)).toHaveLength(2);
    expect(flow.substitutions[sales.substitutionKey]).toMatch(/Sales_Queue_[0-9A-F]{8}\.name/);
    expect(flow.substitutions[other.substitutionKey]).toMatch(/Sales_Queue_[0-9A-F]{8}\.name/);
    expect(flow.substitutions[sales.substitutionKey]).not.toBe(flow.substitutions[other.substitutionKey]);
    expect(ivr.flow.publication.rendered.yaml).toContain(`{{${other.substitutionKey}}}`);
  });

  it('a staged file that was tampered with is never reused', () => {
    const first = stageFile('Tamper.yaml', 'commonModule:\n  name: Real\n');
    fs.writeFileSync(first, 'commonModule:\n  name: PLANTED\n');
    const second = stageFile('Tamper.yaml', 'commonModule:\n  name: Real\n');
    expect(fs.readFileSync(second, 'utf8')).toBe('commonModule:\n  name: Real\n');
    expect(fs.statSync(path.dirname(path.dirname(second))).mode & 0o077).toBe(0);
  });

  it('main.js with invalid configuration exits 1 and creates no output folder', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'main-invalid-'));
    try {
      const preload = path.join(work, 'break-config.js');
      fs.writeFileSync(preload, `require(${JSON.stringify(path.join(root, 'dist/config/environments.js'))}).ENVIRONMENTS[0].region = 'mars-1';`);
      const outdir = path.join(work, 'out');
      const run = spawnSync(process.execPath, ['-r', preload, 'dist/main.js'], { cwd: root, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: outdir } });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('GC3001');
      expect(fs.existsSync(outdir)).toBe(false);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('rejects inherited property names as regions, a missing prefix, and DNIS outside the DID pool', () => {
    expect(configProblems([{ ...dev, region: 'toString' as never }]).map((p) => p.code)).toEqual(['GC3001']);
    expect(configProblems([{ ...dev, namePrefix: undefined as never }]).map((p) => p.code)).toEqual(['GC3003']);
    const outside: EnvironmentConfig = { ...dev, ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, dnis: ['+13175550150'] } } };
    expect(configProblems([outside])).toEqual([expect.objectContaining({ code: 'GC3002', path: 'environments[dev].ivrs.sales.dnis[0]', value: '+13175550150' })]);
  });
});
