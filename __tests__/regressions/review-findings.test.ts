import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import { App, TerraformStack } from 'cdktf';
import { GenesyscloudProvider } from '../../.gen/providers/genesyscloud/provider';
import { ENVIRONMENTS, EnvironmentConfig, configProblems } from '../../config';
import { InboundIvr, Queue, SharedFlow } from '../../constructs';
import { Expr, Prompt } from '../../flow';
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
    const ivr = new InboundIvr(stack, 'Ivr', {
      greeting: Prompt.tts('Welcome.'),
      name: 'Ivr',
      dnis: ['+13175550100'],
      sharedFlow: module,
      sharedFlowInputs: { Account: Expr.string('a') },
      routes: { ok: sales, failed: other },
    });
    const flow = resourceAt(synthJson(stack), 'genesyscloud_flow', 'Ivr/Flow/Publication/Resource');
    expect(Object.keys(flow.substitutions)).toHaveLength(2);
    expect(flow.substitutions[sales.substitutionKey]).toMatch(/Sales_Queue_[0-9A-F]{8}\.name/);
    expect(flow.substitutions[other.substitutionKey]).toMatch(/Sales_Queue_[0-9A-F]{8}\.name/);
    expect(flow.substitutions[sales.substitutionKey]).not.toBe(flow.substitutions[other.substitutionKey]);
    expect(ivr.flow.publication.rendered.yaml).toContain(`{{${other.substitutionKey}}}`);
  });

  it('writes a flow file once, at synth, only into the stack folder (no staging copy anyone could tamper with)', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-file-'));
    const tmp = path.join(work, 'tmp');
    fs.mkdirSync(tmp);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const app = new App({ outdir: path.join(work, 'out') });
      const stack = new TerraformStack(app, 'files');
      new GenesyscloudProvider(stack, 'Genesys', { awsRegion: 'us-east-1' });
      const module = new SharedFlow(stack, 'M', simpleModule('Written Once'));
      // Rendered and hashed in memory: nothing on disk before synth, in the temp folder or the outdir.
      expect(fs.readdirSync(tmp)).toEqual([]);
      const yamlFiles = () => (fs.readdirSync(path.join(work, 'out'), { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml'));
      expect(yamlFiles()).toEqual([]);
      const file = path.join(work, 'out', 'stacks', 'files', module.publication.asset.path);
      fs.mkdirSync(path.join(path.dirname(file), '..', 'OLDHASH'), { recursive: true });
      app.synth();
      expect(fs.readFileSync(file, 'utf8')).toBe(module.definition.render().yaml);
      // An earlier synth's version of the file (another hash) is gone, as with a TerraformAsset.
      expect(fs.readdirSync(path.dirname(path.dirname(file)))).toEqual([path.basename(path.dirname(file))]);
      expect(fs.readdirSync(tmp)).toEqual([]);
      expect(yamlFiles()).toEqual([path.relative(path.join(work, 'out'), file)]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('main.js with invalid configuration exits 1 and creates no output folder', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'main-invalid-'));
    try {
      const preload = path.join(work, 'break-config.js');
      fs.writeFileSync(preload, `require(${JSON.stringify(path.join(root, 'dist/config/environments.js'))}).ENVIRONMENTS[0].region = 'mars-1';`);
      const outdir = path.join(work, 'out');
      const run = spawnSync(process.execPath, ['-r', preload, 'dist/main.js'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CDKTF_OUTDIR: outdir },
      });
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
    expect(configProblems([outside])).toEqual([
      expect.objectContaining({ code: 'GC3002', path: 'environments[dev].ivrs.sales.dnis[0]', value: '+13175550150' }),
    ]);
  });
});

describe('findings of the flow-language review', () => {
  const f = require('../../flow') as typeof import('../../flow');
  const ref = (outcomes: string[]) => ({ flowName: 'Ext', inputs: {}, outputs: {}, outcomes, compatibleFlowTypes: ['inboundcall' as const] });
  const inbound = (actions: InstanceType<typeof f.Task>['actions']) => {
    const t = new f.Task('Main', actions);
    return new f.InboundCallFlow({ name: 'X', initialGreeting: Prompt.tts('Hello.'), startUp: t, tasks: [t] });
  };

  it('a called shared flow without outcomes is a validation error, not a crash in render', () => {
    const def = inbound([new f.CallSharedFlow('Call', { flow: ref([]), outcomes: {} }), new f.Disconnect('Bye')]);
    expect(def.validate().map((p) => p.code)).toEqual(['GC1012']);
    expect(() => def.render()).toThrow(f.ProblemError);
  });

  it('an outcome listed twice in a signature is reported as such, not as duplicate action ids', () => {
    const call = new f.CallSharedFlow('Call', {
      flow: ref(['ok', 'ok', 'failed']),
      outcomes: { ok: [new f.Disconnect('Bye')], failed: [new f.Disconnect('Gone')] },
    });
    const problems = inbound([call]).validate();
    expect(problems.map((p) => [p.code, p.value])).toEqual([['GC1012', 'ok']]);
  });

  it('number literals Architect cannot write are rejected where they are written', () => {
    expect(() => f.Expr.integer(1.5)).toThrow(/GC1016/);
    expect(() => f.Expr.integer(NaN)).toThrow(/GC1016/);
    expect(() => f.Expr.decimal(1e21)).toThrow(/GC1016/);
    expect(() => f.Variable.integer('Flow.N').ref().equals(2.5)).toThrow(/GC1016/);
    expect(f.Expr.decimal(2.5).render()).toBe('2.5');
  });

  it('a wrong-type assignment is reported once', () => {
    const n = f.Variable.integer('Flow.N');
    const t = new f.Task('Main', [new f.UpdateData('Set', [{ variable: n, value: f.Expr.string('x') } as never]), new f.Disconnect('Bye')]);
    const def = new f.InboundCallFlow({ name: 'X', initialGreeting: Prompt.tts('Hello.'), startUp: t, tasks: [t], variables: [n] });
    expect(def.validate().map((p) => p.code)).toEqual(['GC1008']);
  });

  it('an outcome variable may be read before the call in walk order', () => {
    const call = new f.CallSharedFlow('Check', {
      flow: ref(['ok', 'failed']),
      outcomes: { ok: [new f.Disconnect('A')], failed: [new f.Disconnect('B')] },
    });
    const early = new f.Decision('Known?', { condition: call.outcomeVariable().ref().equals('ok'), yes: [new f.Disconnect('Y')], no: [] });
    expect(inbound([early, call]).validate()).toEqual([]);
  });
});

describe('flow checks follow republishes', () => {
  it("the stack's check is replaced when a shared flow a caller calls changes (the caller's trigger hash moves)", () => {
    const { addEnvironments } = require('../../stacks') as typeof import('../../stacks');

    const { Testing } = require('cdktf') as typeof import('cdktf');
    const triggers = (maxAttempts: number) => {
      const [stack] = addEnvironments(Testing.app(), [{ ...ENVIRONMENTS[0], pinAuth: { ...ENVIRONMENTS[0].pinAuth, maxAttempts } }]);
      const json = JSON.parse(Testing.synth(stack));
      const check = Object.entries(
        json.resource.terraform_data as Record<string, { triggers_replace?: { flows: Array<Record<string, unknown>> } }>,
      ).find(([k]) => k.startsWith('FlowCheck'))![1];
      // The stack's check lists its flows in the stack's order: the shared flow, then Sales, then Support.
      return check.triggers_replace!.flows[1];
    };
    const before = triggers(3);
    const after = triggers(4);
    expect(after.contentHash).toBe(before.contentHash);
    expect(after.republish).not.toBe(before.republish);
  });
});
