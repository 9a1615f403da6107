/**
 * Hostile input, cases 3 and 9 of the issue: user text that Terraform would evaluate, and configuration
 * that passed validation although it should not. One test per case (sub-cases apart); properties over
 * random hostile input are in terraform-and-config.property.test.ts.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import * as ts from 'typescript';
import { ENVIRONMENTS, EnvironmentConfig, configProblems, defineEnvironments, formatProblem } from '../../config';
import { InboundIvr } from '../../constructs';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { addEnvironments } from '../../stacks';
import { simulateCall } from '../../simulator';
import { findIvr, ivrName } from '../../tools/simulate';
import { foreignSequences, liveSequences, terraformLiteral } from '../synth/terraform-templates';
import { terraformVersion } from '../support/processes';

const root = path.resolve(__dirname, '..', '..');
const dist = (...parts: string[]) => path.join(root, 'dist', ...parts);
const [dev, test, prod] = ENVIRONMENTS;
type Json = Record<string, any>;

/** One environment through the real stack; its cdk.tf.json and the stack. */
function synth(env: unknown) {
  const [stack] = addEnvironments(Testing.app(), [env as EnvironmentConfig]);
  return { stack, json: JSON.parse(Testing.synth(stack)) as Json };
}
const resources = (json: Json, type: string): Json[] => Object.values(json.resource?.[type] ?? {});
const problemsOf = (env: unknown) => configProblems([env]).map((p) => ({ code: p.code, path: p.path }));

describe('case 3: Terraform interpolates our strings', () => {
  const prefix = 'TEST ${path.cwd} %{if true}x%{endif} ';
  let json: Json;
  let stack: ReturnType<typeof synth>['stack'];
  beforeAll(() => ({ json, stack } = synth({ ...test, namePrefix: prefix })));

  it('case 3: ${…} and %{…} in the name prefix are escaped in every Terraform string; references stay live', () => {
    expect(foreignSequences(json)).toEqual([]);
    const literal = (s: string) => terraformLiteral(s);
    // The flow checks' inputs (what the handler looks up): the stack check's flows and the destroy guard.
    const inputs = resources(json, 'terraform_data').flatMap((d) => d.input.flows ?? [d.input]);
    expect(inputs.map((i) => literal(i.flowName)).sort()).toEqual(
      [
        ...['Shared PIN Auth', 'Sales IVR', 'Support IVR', 'After Hours', 'In-Queue Hold'].map((n) => `${prefix}${n}`),
        `${prefix}Shared PIN Auth`,
      ].sort(),
    );
    expect(inputs.flatMap((i) => (i.stackCallers ?? []).map(literal)).sort()).toEqual([`${prefix}Sales IVR`, `${prefix}Support IVR`]);
    expect(literal(resources(json, 'terraform_data').find((d) => d.input.header)!.input.header.region)).toBe(test.region);
    // IVRs, DID pools, schedules, the flow_ids output's keys.
    expect(
      resources(json, 'genesyscloud_architect_ivr')
        .map((r) => literal(r.name))
        .sort(),
    ).toEqual([`${prefix}Sales IVR`, `${prefix}Support IVR`]);
    expect(
      resources(json, 'genesyscloud_telephony_providers_edges_did_pool')
        .map((r) => literal(r.description))
        .sort(),
    ).toEqual([`${prefix}Sales numbers`, `${prefix}Support numbers`]);
    expect(resources(json, 'genesyscloud_architect_schedules').map((r) => literal(r.name))).toEqual([`${prefix}Open Hours`]);
    expect(resources(json, 'genesyscloud_architect_schedulegroups').map((r) => literal(r.name))).toEqual([`${prefix}Business Hours`]);
    // The account lookup data action: its name, and its Velocity templates, reach Genesys as written.
    const [lookup] = resources(json, 'genesyscloud_integration_action');
    expect(literal(lookup.name)).toBe(`${prefix}Account PIN Lookup`);
    expect(literal(lookup.config_request.request_template)).toContain('${input.ani}');
    expect(Object.keys(json.output.flow_ids.value).map(literal).sort()).toContain(`${prefix}Shared PIN Auth`);
    // cdktf's own references are still interpolations.
    const flows = resources(json, 'genesyscloud_flow');
    expect(
      flows
        .flatMap((f) => Object.values(f.substitutions ?? {}) as string[])
        .every((s) => /^\$\{genesyscloud_routing_queue\.[A-Za-z0-9_]+\.name\}$/.test(s)),
    ).toBe(true);
    expect(
      resources(json, 'terraform_data')
        .map((d) => d.provisioner[0]['local-exec'].environment.FLOW_CHECK_INPUT)
        .sort(),
    ).toEqual(['${jsonencode(self.input)}', '${jsonencode(self.input.header)}']);
    expect(resources(json, 'genesyscloud_architect_ivr').every((r) => liveSequences(r.open_hours_flow_id).length === 1)).toBe(true);
    // The YAML asset is file content, not a Terraform string: the name is written as it is.
    expect(stack.pinAuth.publication.rendered.yaml).toContain(`${prefix}Shared PIN Auth`);
  });

  it('case 3: ${…} and %{…} in queue names are escaped (created and looked-up queues)', () => {
    const managed = synth({
      ...dev,
      operatorQueueName: 'DEV %{if true}Op%{endif}',
      ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, queueName: 'DEV ${path.root}' } },
    }).json;
    expect(foreignSequences(managed)).toEqual([]);
    expect(
      resources(managed, 'genesyscloud_routing_queue')
        .map((q) => terraformLiteral(q.name))
        .sort(),
    ).toEqual(['DEV %{if true}Op%{endif}', 'DEV ${path.root}', 'DEV Support'].sort());
    const looked = synth({ ...prod, ivrs: { ...prod.ivrs, support: { ...prod.ivrs.support, queueName: 'Support ${terraform.workspace}' } } }).json;
    expect(foreignSequences(looked)).toEqual([]);
    expect(Object.values(looked.data.genesyscloud_routing_queue).map((q: any) => terraformLiteral(q.name))).toContain(
      'Support ${terraform.workspace}',
    );
  });

  it('case 3: text that cdktf would take for one of its tokens is refused (GC3003), not resolved as a reference', () => {
    expect(problemsOf({ ...dev, namePrefix: '${TfToken[TOKEN.1]} ' })).toEqual([{ code: 'GC3003', path: 'environments[dev].namePrefix' }]);
    expect(problemsOf({ ...dev, operatorQueueName: 'Op ${TfToken[TOKEN.2]}' })).toEqual([
      { code: 'GC3003', path: 'environments[dev].operatorQueueName' },
    ]);
  });

  it('case 3: a division id is a GUID (GC3003), never free text for a Terraform string', () => {
    expect(problemsOf({ ...dev, division: { name: 'Sales', id: '${file("/etc/passwd")}' } })).toEqual([
      { code: 'GC3003', path: 'environments[dev].division.id' },
    ]);
  });

  const terraform = terraformVersion();
  (terraform ? it : it.skip)(
    `case 3: Terraform reads the escaped names back as written${terraform ? '' : ' (skipped: no terraform CLI on PATH)'}`,
    () => {
      // The synthesized strings, as outputs of a config that needs no provider.
      const strings = [
        ...resources(json, 'terraform_data').flatMap((d) => (d.input.flows ?? [d.input]).map((f: Json) => f.flowName as string)),
        ...resources(json, 'genesyscloud_architect_ivr').map((r) => r.name as string),
      ];
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-escape-'));
      try {
        const output = Object.fromEntries(strings.map((s, i) => [`s${i}`, { value: s }]));
        fs.writeFileSync(path.join(work, 'main.tf.json'), JSON.stringify({ output }));
        const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
        execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: work, env, stdio: 'pipe' });
        execFileSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: work, env, stdio: 'pipe' });
        const read = JSON.parse(execFileSync('terraform', ['output', '-json'], { cwd: work, env, encoding: 'utf8', stdio: 'pipe' }));
        expect(strings.map((_, i) => read[`s${i}`].value)).toEqual(strings.map((s) => terraformLiteral(s) ?? `(live) ${s}`));
        expect(strings.map((_, i) => read[`s${i}`].value as string).every((s) => s.startsWith(prefix))).toBe(true);
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    },
    60000,
  );
});

describe('case 3: the tools read our Terraform strings back as Terraform evaluates them', () => {
  it('case 3: the simulate CLI matches and lists IVRs by the names users wrote, not their escaped form', () => {
    const prefix = 'DEV ${x} %{y} ';
    const { stack } = synth({ ...dev, namePrefix: prefix });
    const ivrs = stack.node.findAll().filter((c): c is InboundIvr => c instanceof InboundIvr);
    expect(ivrs.map((i) => i.resource.nameInput)).toContain('DEV $${x} %%{y} Sales IVR'); // what cdk.tf.json holds
    expect(ivrs.map(ivrName).sort()).toEqual([`${prefix}Sales IVR`, `${prefix}Support IVR`]);
    expect(findIvr(ivrs, prefix, `${prefix}Sales IVR`)).toBe(stack.salesIvr);
    expect(findIvr(ivrs, prefix, 'Support IVR')).toBe(stack.supportIvr);
    expect(findIvr(ivrs, prefix, 'DEV $${x} %%{y} Sales IVR')).toBeUndefined();

    // The compiled CLI, with the dev environment's prefix replaced before it starts.
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-simulate-'));
    try {
      const preload = path.join(work, 'preload.js');
      fs.writeFileSync(
        preload,
        `const { ENVIRONMENTS } = require(${JSON.stringify(dist('config', 'environments.js'))});\nENVIRONMENTS[0] = { ...ENVIRONMENTS[0], namePrefix: ${JSON.stringify(prefix)} };\n`,
      );
      const simulate = (...args: string[]) =>
        spawnSync(process.execPath, ['-r', preload, dist('tools', 'simulate.js'), '--env', 'dev', ...args], {
          cwd: root,
          encoding: 'utf8',
          timeout: 60000,
        });
      const answers = path.join(work, 'answers.json');
      const knownCaller = { success: { found: true, accountNumber: '70012345', pin: '2468' } };
      fs.writeFileSync(answers, JSON.stringify({ dataActions: { [`${prefix}Account PIN Lookup`]: knownCaller } }));
      for (const ivr of [`${prefix}Sales IVR`, 'Sales IVR']) {
        const run = simulate('--ivr', ivr, '--dtmf', '2468', '--answers', answers);
        expect({ ivr, status: run.status, stderr: run.stderr }).toEqual({ ivr, status: 0, stderr: '' });
        expect(run.stdout.trim().split('\n').pop()).toBe('→ transferred to queue DEV Sales');
      }
      const unknown = simulate('--ivr', 'Nope');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain(`no IVR 'Nope' in dev; IVRs: ${prefix}Sales IVR, ${prefix}Support IVR`);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('case 3: drift, the demo and plan review see the names users wrote, not their escaped form', () => {
    const json = {
      resource: {
        genesyscloud_routing_queue: { q: { name: 'TEST $${path.cwd} Sales' } },
        genesyscloud_architect_ivr: { ivr: { name: 'TEST $${path.cwd} %%{if true}x%%{endif} Sales IVR', dnis: ['+13175550100'] } },
      },
    };
    const stack = new SynthesizedStack('/nonexistent', json);
    expect(stack.ivrs[0].name).toBe('TEST ${path.cwd} %{if true}x%{endif} Sales IVR');
    expect(stack.resolve('${genesyscloud_routing_queue.q.name}')).toBe('TEST ${path.cwd} Sales');
    // An escaped sequence that looks like a reference stays literal text.
    expect(stack.resolve('$${genesyscloud_routing_queue.q.name}')).toBe('${genesyscloud_routing_queue.q.name}');
  });
});

describe('case 9: configuration that passes but should not', () => {
  const hours = test.businessHours!;
  const withHours = (change: Partial<typeof hours>) => ({ ...test, businessHours: { ...hours, ...change } });

  it('case 9: invalid IANA time zone', () => {
    const [p, ...rest] = configProblems([withHours({ timeZone: 'Europe/Dubln' })]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      code: 'GC3007',
      path: 'environments[test].businessHours.timeZone',
      value: 'Europe/Dubln',
      fix: 'did you mean Europe/Dublin?',
    });
    expect(problemsOf(withHours({ timeZone: 'europe/dublin' }))).toEqual([{ code: 'GC3007', path: 'environments[test].businessHours.timeZone' }]);
    expect(problemsOf(withHours({ timeZone: 'Mars/Olympus_Mons' }))).toEqual([{ code: 'GC3007', path: 'environments[test].businessHours.timeZone' }]);
  });

  it('case 9: invalid RRULE', () => {
    for (const rrule of [
      'FREQ=SOMETIMES',
      'FREQ=WEEKLY;BYDAY=MO,XX',
      'FREQ=WEEKLY;INTERVAL=0',
      'FREQ=WEEKLY;BYMONTH=13',
      'FREQ=WEEKLY;FREQ=DAILY',
      'FREQ=WEEKLY;COUNT=2;UNTIL=20260101',
      'freq=sometimes',
    ]) {
      expect({ rrule, problems: problemsOf(withHours({ rrule })) }).toEqual({
        rrule,
        problems: [{ code: 'GC3007', path: 'environments[test].businessHours.rrule' }],
      });
    }
  });

  it('case 9: impossible dates', () => {
    const problems = configProblems([withHours({ start: '2026-13-45T08:00:00.000000' })]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([['GC3007', 'environments[test].businessHours.start']]);
    expect(problems[0].message).toMatch(/month 13 does not exist/);
    expect(problems.map((p) => p.fix).join(' ')).not.toContain('swap');
    expect(problemsOf(withHours({ end: '2026-02-29T18:00:00' }))).toEqual([{ code: 'GC3007', path: 'environments[test].businessHours.end' }]);
    expect(problemsOf(withHours({ start: '2026-01-05T24:00:00' }))).toEqual([{ code: 'GC3007', path: 'environments[test].businessHours.start' }]);
  });

  it('case 9: {{…}} in a closed message', () => {
    expect(problemsOf(withHours({ closedMessage: 'Closed. Call {{queue_OperatorQueue}} tomorrow.' }))).toEqual([
      { code: 'GC3007', path: 'environments[test].businessHours.closedMessage' },
    ]);
  });

  it('case 9: identical queue names', () => {
    expect(problemsOf({ ...dev, operatorQueueName: 'DEV Sales' })).toEqual([{ code: 'GC3006', path: 'environments[dev].ivrs.sales.queueName' }]);
    expect(problemsOf({ ...test, ivrs: { ...test.ivrs, support: { ...test.ivrs.support, queueName: 'test sales' } } })).toEqual([
      { code: 'GC3006', path: 'environments[test].ivrs.support.queueName' },
    ]);
    // Looked-up queues: one name in two letter cases is a typo (or a look-up that finds nothing).
    expect(problemsOf({ ...prod, ivrs: { ...prod.ivrs, support: { ...prod.ivrs.support, queueName: 'SALES' } } })).toEqual([
      { code: 'GC3006', path: 'environments[prod].ivrs.support.queueName' },
    ]);
  });

  it('case 9: one existing queue looked up for two routes is accepted (manageQueues: false), and synthesizes', () => {
    expect(prod.manageQueues).toBe(false);
    const env = { ...prod, ivrs: { ...prod.ivrs, support: { ...prod.ivrs.support, queueName: 'Sales' } } };
    expect(configProblems([env])).toEqual([]);
    expect(configProblems([{ ...env, operatorQueueName: 'Sales' }])).toEqual([]);
    const { stack, json } = synth(env);
    expect(
      Object.values(json.data.genesyscloud_routing_queue)
        .map((q: any) => q.name)
        .sort(),
    ).toEqual(['Operator', 'Sales', 'Sales']);
    const knownCaller = { [stack.accountLookup.actionName]: { success: { found: true, accountNumber: '70012345', pin: '2468' } } };
    for (const ivr of [stack.salesIvr, stack.supportIvr])
      expect(simulateCall(ivr, { dtmf: ['2468'], dataActions: knownCaller })).toEndInQueue('Sales');
    // Created queues still need names of their own.
    expect(problemsOf({ ...dev, manageQueues: true, ivrs: { ...dev.ivrs, support: { ...dev.ivrs.support, queueName: 'DEV Sales' } } })).toEqual([
      { code: 'GC3006', path: 'environments[dev].ivrs.support.queueName' },
    ]);
  });

  it('case 9: time zones in the wrong letter case that are aliases (ICU resolves them; the IANA spelling is exact)', () => {
    for (const [timeZone, fix] of [
      ['ASIA/KOLKATA', 'write Asia/Kolkata'],
      ['US/EASTERN', 'write US/Eastern'],
      ['us/eastern', 'write US/Eastern'],
      ['Asia/CALCUTTA', 'write Asia/Calcutta'],
      ['Europe/KIEV', 'write Europe/Kiev'],
    ]) {
      const problems = configProblems([withHours({ timeZone })]);
      expect({ timeZone, problems: problems.map((p) => [p.code, p.path, p.fix]) }).toEqual({
        timeZone,
        problems: [['GC3007', 'environments[test].businessHours.timeZone', fix]],
      });
    }
    for (const timeZone of [
      'Asia/Kolkata',
      'Asia/Calcutta',
      'US/Eastern',
      'Europe/Kiev',
      'Europe/Kyiv',
      'EST5EDT',
      'Etc/GMT-14',
      'UTC',
      'Antarctica/DumontDUrville',
    ]) {
      expect({ timeZone, problems: problemsOf(withHours({ timeZone })) }).toEqual({ timeZone, problems: [] });
    }
  });

  it('case 9: invisible and bidi characters in names (GC3003, the character named and escaped in the value)', () => {
    const invisible = [
      '\u00ad',
      '\u200b',
      '\u200c',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u2060',
      '\u2061',
      '\u2062',
      '\u2063',
      '\u2064',
      '\ufeff',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ];
    for (const c of invisible) {
      const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
      const cases: Array<[unknown, string]> = [
        [{ ...dev, namePrefix: `DEV${c} ` }, 'environments[dev].namePrefix'],
        [{ ...dev, operatorQueueName: `DEV Op${c}` }, 'environments[dev].operatorQueueName'],
        [{ ...dev, ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, queueName: `${c}DEV Sales` } } }, 'environments[dev].ivrs.sales.queueName'],
        [{ ...dev, division: { name: `Sa${c}les`, id: '0f2a5e4c-8d5b-4c1e-9a7b-3e2d1c0b9a8f' } }, 'environments[dev].division.name'],
      ];
      for (const [env, at] of cases) {
        const problems = configProblems([env]);
        expect({ hex, problems: problems.map((p) => [p.code, p.path]) }).toEqual({ hex, problems: [['GC3003', at]] });
        const [p] = problems;
        expect(p.message).toContain(`U+${hex.toUpperCase()}`);
        expect(p.fix).toContain(`remove the U+${hex.toUpperCase()}`);
        const line = formatProblem(p);
        expect(line).toContain(`\\u${hex}`); // the value shows the character escaped
        expect(line).not.toContain(c);
      }
    }
    // Visible non-ASCII text and emoji stay fine.
    expect(problemsOf({ ...dev, operatorQueueName: 'Opérateur 😀 Ω' })).toEqual([]);
  });

  it('case 9: S3 bucket names that do not follow AWS naming rules', () => {
    const withBucket = (bucket: string) => ({ ...dev, backend: { type: 's3', bucket, key: 'genesys/dev.tfstate', region: 'eu-west-1' } });
    for (const bucket of [
      'ab',
      'a'.repeat(64),
      'Acme-tf',
      'acme_tf',
      '-acme',
      'acme-',
      '.acme',
      'acme.',
      'a..b',
      '192.168.5.4',
      'xn--acme',
      'sthree-acme',
      'amzn-s3-demo-acme',
      'acme-s3alias',
      'acme--ol-s3',
      'acme.mrap',
      'acme--x-s3',
      'acme--table-s3',
    ]) {
      const problems = configProblems([withBucket(bucket)]);
      expect({ bucket, problems: problems.map((p) => [p.code, p.path]) }).toEqual({
        bucket,
        problems: [['GC3004', 'environments[dev].backend.bucket']],
      });
      expect(problems[0].fix).toContain('acme-tf-state');
    }
    for (const bucket of ['abc', 'a'.repeat(63), 'acme-tf-state', 'acme.tf.state', '1acme', '192.168.5.4.x', 'acme-s3alias-x']) {
      expect({ bucket, problems: problemsOf(withBucket(bucket)) }).toEqual({ bucket, problems: [] });
    }
  });

  it('case 9: lower- and mixed-case RRULEs are valid (RFC 5545 §3.1) and reach Terraform in upper case', () => {
    for (const rrule of ['freq=weekly;byday=mo', 'Freq=Weekly;Interval=2;ByDay=Mo,We', 'freq=monthly;byday=-1fr;until=20261231t235959z']) {
      expect({ rrule, problems: problemsOf(withHours({ rrule })) }).toEqual({ rrule, problems: [] });
    }
    // A config file defines its environments with defineEnvironments: the stack gets the rule upper-cased.
    const [env] = defineEnvironments([withHours({ rrule: 'freq=weekly;interval=1;byday=mo,tu,we,th,fr' })]);
    expect(env.businessHours!.rrule).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR');
    expect(resources(synth(env).json, 'genesyscloud_architect_schedules').map((r) => r.rrule)).toEqual([
      'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR',
    ]);
    // Only ASCII letters change: a Unicode upper-casing would turn ſA into the weekday SA.
    expect(problemsOf(withHours({ rrule: 'FREQ=WEEKLY;BYDAY=\u017fA' }))).toEqual([
      { code: 'GC3007', path: 'environments[test].businessHours.rrule' },
    ]);
    // The embedded environments and anything else defineEnvironments is given stay as they are.
    expect(defineEnvironments([dev, test, null, 'x'])).toEqual([dev, test, null, 'x']);
  });

  it('case 9: INTERVAL=1000000 names the limit (not "must be a positive whole number")', () => {
    const [p, ...rest] = configProblems([withHours({ rrule: 'FREQ=DAILY;INTERVAL=1000000' })]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'GC3007', path: 'environments[test].businessHours.rrule' });
    expect(p.message).toContain('from 1 to 999999');
    expect(p.message).not.toContain('positive whole number');
    expect(problemsOf(withHours({ rrule: 'FREQ=DAILY;INTERVAL=999999' }))).toEqual([]);
    expect(configProblems([withHours({ rrule: 'FREQ=DAILY;COUNT=0' })])[0].message).toContain('from 1 to 999999');
  });

  it('case 9: overlapping DID pools', () => {
    const support = { ...dev.ivrs.support, didPool: { start: '+13175550105', end: '+13175550119' } };
    const [p, ...rest] = configProblems([{ ...dev, ivrs: { ...dev.ivrs, support } }]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'GC3006', path: 'environments[dev].ivrs.support.didPool', value: '+13175550105..+13175550119' });
  });

  it('case 9: a backend path that leaves the stack folder', () => {
    for (const p of ['../../x.tfstate', '..', 'state/../../x.tfstate', '..\\..\\x.tfstate']) {
      expect({ p, problems: problemsOf({ ...dev, backend: { type: 'local', path: p } }) }).toEqual({
        p,
        problems: [{ code: 'GC3004', path: 'environments[dev].backend.path' }],
      });
    }
    expect(problemsOf({ ...dev, backend: { type: 'local', path: 'state/../terraform.tfstate' } })).toEqual([]);
  });

  it('case 9: a null environment', () => {
    expect(configProblems([dev, null])).toEqual([expect.objectContaining({ code: 'GC3008', path: 'environments[1]', fix: expect.any(String) })]);
  });

  it('case 9: an empty environment list', () => {
    expect(configProblems([])).toEqual([expect.objectContaining({ code: 'GC3009', path: 'environments', fix: expect.any(String) })]);
  });

  it('case 9: a PIN written in config (as earlier releases did), even as a number, is refused without echoing it', () => {
    const [p, ...rest] = configProblems([{ ...dev, pinAuth: { ...dev.pinAuth, expectedPin: 1234 } }]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'GC3005', path: 'environments[dev].pinAuth.expectedPin', value: '(not shown)' });
    expect(JSON.stringify(p)).not.toContain('1234');
    expect(p.fix).toContain('pinAuth.accountLookup');
  });

  describe('TypeScript-level mistakes: config/environments.ts type-checks, and synth reports them', () => {
    // What a user writes in config/environments.ts, as files the compiler sees next to it.
    const literal = (env: unknown) => JSON.stringify(env, null, 2);
    const files: Record<string, { source: string; env: unknown }> = {};
    const add = (name: string, env: unknown) => {
      files[name] = {
        env,
        source: `import { defineEnvironments } from './environment-config';\nexport const ENVIRONMENTS = defineEnvironments([\n${literal(env)},\n]);\n`,
      };
    };
    add('unknown-key', { ...dev, pinAuth: { accountLookup: dev.pinAuth.accountLookup, maxAttempt: 3 } });
    add('wrong-region', { ...dev, region: 'eu-west-9' });
    add('third-ivr', { ...dev, ivrs: { ...dev.ivrs, billing: { dnis: ['+13175550120'], queueName: 'DEV Billing' } } });
    let diagnostics: Record<string, string[]> = {};

    beforeAll(() => {
      const parsed = ts.getParsedCommandLineOfConfigFile(
        path.join(root, 'tsconfig.json'),
        { noEmit: true, incremental: false },
        { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
      )!;
      const virtual = new Map(Object.entries(files).map(([name, f]) => [path.join(root, 'config', `__hostile-${name}.ts`), f.source]));
      const host = ts.createCompilerHost(parsed.options);
      const original = { getSourceFile: host.getSourceFile, fileExists: host.fileExists, readFile: host.readFile };
      host.fileExists = (f) => virtual.has(f) || original.fileExists(f);
      host.readFile = (f) => virtual.get(f) ?? original.readFile(f);
      host.getSourceFile = (f, lang, ...rest) =>
        virtual.has(f) ? ts.createSourceFile(f, virtual.get(f)!, lang) : original.getSourceFile(f, lang, ...rest);
      const program = ts.createProgram([...virtual.keys()], parsed.options, host);
      diagnostics = Object.fromEntries(
        [...virtual.keys()].map((f) => [
          path.basename(f).replace(/^__hostile-|\.ts$/g, ''),
          ts.getPreEmitDiagnostics(program, program.getSourceFile(f)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
        ]),
      );
    }, 60000);

    it('case 9: an unknown key (type-checks; GC3008 with a did-you-mean fix)', () => {
      expect(diagnostics['unknown-key']).toEqual([]);
      const problems = configProblems([files['unknown-key'].env]);
      expect(problems).toContainEqual(
        expect.objectContaining({ code: 'GC3008', path: 'environments[dev].pinAuth.maxAttempt', fix: 'did you mean maxAttempts?' }),
      );
      expect(problems).toContainEqual(expect.objectContaining({ code: 'GC3005', path: 'environments[dev].pinAuth.maxAttempts' }));
    });

    it('case 9: a wrong region literal (type-checks; GC3001)', () => {
      expect(diagnostics['wrong-region']).toEqual([]);
      expect(configProblems([files['wrong-region'].env])).toEqual([
        expect.objectContaining({ code: 'GC3001', path: 'environments[dev].region', value: 'eu-west-9' }),
      ]);
    });

    it('case 9: a third IVR (type-checks; GC3008)', () => {
      expect(diagnostics['third-ivr']).toEqual([]);
      expect(configProblems([files['third-ivr'].env])).toEqual([
        expect.objectContaining({ code: 'GC3008', path: 'environments[dev].ivrs.billing', fix: expect.stringContaining('remove it') }),
      ]);
    });
  });

  describe('through the synth entry points (exit 1, every problem listed, cdktf.out untouched)', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-config-'));
    afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

    /** Runs a compiled entry point with ENVIRONMENTS replaced before it starts; `out` holds a previous output. */
    function run(entry: 'main' | 'synth', environmentsSource: string) {
      const out = path.join(work, `out-${entry}-${Math.random().toString(36).slice(2)}`);
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, 'keep.txt'), 'previous output');
      const preload = path.join(work, `preload-${path.basename(out)}.js`);
      fs.writeFileSync(
        preload,
        `const { ENVIRONMENTS } = require(${JSON.stringify(dist('config', 'environments.js'))});\nconst [dev, test, prod] = ENVIRONMENTS;\nconst replacement = ${environmentsSource};\nENVIRONMENTS.length = 0;\nENVIRONMENTS.push(...replacement);\n`,
      );
      const args = entry === 'main' ? ['-r', preload, dist('main.js')] : ['-r', preload, dist('tools', 'synth.js'), out];
      const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: out }, timeout: 60000 });
      return { ...result, left: fs.readdirSync(out), keep: fs.readFileSync(path.join(out, 'keep.txt'), 'utf8') };
    }

    it('case 9: a null environment exits 1 (not 2), naming it', () => {
      for (const entry of ['synth', 'main'] as const) {
        const r = run(entry, '[dev, null]');
        expect({ entry, status: r.status, internal: /internal error/.test(r.stderr) }).toEqual({ entry, status: 1, internal: false });
        expect(r.stderr).toContain('GC3008 [environments[1]]');
        expect(r.left).toEqual(['keep.txt']);
      }
    });

    it('case 9: an empty environment list exits 1 (not 0 with an empty output)', () => {
      for (const entry of ['synth', 'main'] as const) {
        const r = run(entry, '[]');
        expect({ entry, status: r.status, stdout: r.stdout }).toEqual({ entry, status: 1, stdout: '' });
        expect(r.stderr).toContain('GC3009 [environments]');
        expect(r.left).toEqual(['keep.txt']);
        expect(r.keep).toBe('previous output');
      }
    });

    it('case 9: every case at once: exit 1 with each problem (code, path, value, fix), output untouched', () => {
      const r = run(
        'synth',
        `[{ ...test, namePrefix: 'TEST \${TfToken[TOKEN.1]} ', pinAuth: { ...test.pinAuth, expectedPin: 1234 }, operatorQueueName: 'TEST Sales',
            businessHours: { ...test.businessHours, timeZone: 'Europe/Dubln', rrule: 'FREQ=SOMETIMES', start: '2026-13-45T08:00:00', closedMessage: 'Call {{x}}' },
            backend: { type: 'local', path: '../../x.tfstate' }, regionn: 'us-east-1' },
          { ...dev, ivrs: { ...dev.ivrs, support: { ...dev.ivrs.support, didPool: { start: '+13175550105', end: '+13175550119' } }, billing: {} } }]`,
      );
      expect(r.status).toBe(1);
      const lines = r.stderr.split('\n').filter((l) => /^\s+GC3\d{3} /.test(l));
      expect(lines.map((l) => l.trim().split(' ').slice(0, 2).join(' ')).sort()).toEqual(
        [
          'GC3003 [environments[test].namePrefix]',
          'GC3005 [environments[test].pinAuth.expectedPin]',
          'GC3006 [environments[test].ivrs.sales.queueName]',
          'GC3007 [environments[test].businessHours.timeZone]',
          'GC3007 [environments[test].businessHours.rrule]',
          'GC3007 [environments[test].businessHours.start]',
          'GC3007 [environments[test].businessHours.closedMessage]',
          'GC3004 [environments[test].backend.path]',
          'GC3008 [environments[test].regionn]',
          'GC3006 [environments[dev].ivrs.support.didPool]',
          'GC3008 [environments[dev].ivrs.billing]',
        ].sort(),
      );
      for (const line of lines) expect(line).toMatch(/^\s+GC3\d{3} \[\S+\] .+ \(value: .*\)\. Fix: .+$/);
      expect(r.left).toEqual(['keep.txt']);
    });
  });
});
