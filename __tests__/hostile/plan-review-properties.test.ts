/**
 * Property-based tests of the plan review, its Mermaid diagrams, the drift Markdown and the plan reader
 * (issue 10). Each generated case is written twice, with hostile strings and with harmless ones in the same
 * places (equal strings stay equal), and both outputs must have exactly the same structure; the hostile one
 * must show no sign of a value changing it, and no value Terraform marks sensitive.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { DriftReport } from '../../runtime/drift/drift-check';
import { DRIFT_MARKDOWN_LIMIT, MIN_DRIFT_MARKDOWN_LIMIT, toMarkdown } from '../../runtime/drift/drift-format';
import { mermaid } from '../../runtime/plan-review/flow-outline';
import { PlanFormatError, TerraformPlan, parsePlan } from '../../runtime/plan-review/plan-json';
import { COMMENT_LIMIT, REVIEW_MARKER, reviewPlans } from '../../runtime/plan-review/plan-review';
import { VALUE_MAX, mdText } from '../../runtime/text/markdown';
import { ExpectedFlow, SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { hostileString, markdownShape, mermaidShape } from './plan-review-structure';

const runs = { numRuns: 100 };
const root = path.resolve(__dirname, '..', '..');

// ---- Templates: a structure with numbered slots for strings, written with a pool of strings. ----

const POOL = 12;
/** A literal of ours (`name`, `yes`), or a string from the pool, with a prefix of ours. */
type Slot = string | { readonly i: number; readonly p?: string };
const slot = (p?: string): fc.Arbitrary<Slot> => fc.nat(POOL - 1).map((i) => ({ i, p }));
type Write = (s: Slot) => string;

/** Writers for one pool: the hostile strings, or harmless ones (`v0`, `v1`, ...; equal strings stay equal). */
function writers(pool: readonly string[]): { hostile: Write; harmless: Write } {
  const names = new Map<string, string>();
  for (const s of pool) if (!names.has(s)) names.set(s, `v${names.size}`);
  const write = (value: (i: number) => string) => (s: Slot) => (typeof s === 'string' ? s : `${s.p ?? ''}${value(s.i)}`);
  return { hostile: write((i) => pool[i]), harmless: write((i) => names.get(pool[i])!) };
}

interface ActionT {
  readonly kind: string;
  readonly name: Slot;
  readonly tts?: Slot;
  readonly exp?: Slot;
  readonly outputs?: ReadonlyArray<readonly [Slot, readonly ActionT[]]>;
}
interface FlowT {
  readonly type: 'inboundCall' | 'commonModule';
  readonly name: Slot;
  readonly tasks: ReadonlyArray<{ readonly name: Slot; readonly actions: readonly ActionT[] }>;
  readonly menus: ReadonlyArray<{
    readonly name: Slot;
    readonly choices: ReadonlyArray<{ readonly kind: string; readonly name: Slot; readonly dtmf: Slot }>;
  }>;
  readonly startUp: readonly ActionT[];
}

// Branch labels and digits get a prefix: keys that look like numbers would be reordered by JavaScript.
const branch = fc.oneof(fc.constantFrom<Slot>('yes', 'no', 'success', 'failure'), slot('b'));
const { action } = fc.letrec<{ action: ActionT }>((tie) => ({
  action: fc.oneof(
    { maxDepth: 3 },
    fc.record({ kind: fc.constant('playAudio'), name: slot(), tts: slot() }),
    fc.record({ kind: fc.constantFrom('disconnect', 'endTask', 'loopExit', 'transferToAcd'), name: slot() }),
    fc.record({
      kind: fc.constantFrom('decision', 'collectInput'),
      name: slot(),
      exp: slot(),
      outputs: fc.array(fc.tuple(branch, fc.array(tie('action'), { maxLength: 2 })), { maxLength: 3 }),
    }),
  ),
}));
const flowT: fc.Arbitrary<FlowT> = fc.record({
  type: fc.constantFrom('inboundCall' as const, 'commonModule' as const),
  name: slot(),
  tasks: fc.array(fc.record({ name: slot(), actions: fc.array(action, { maxLength: 3 }) }), { maxLength: 2 }),
  menus: fc.array(
    fc.record({
      name: slot(),
      choices: fc.array(fc.record({ kind: fc.constantFrom('menuDisconnect', 'menuJumpToTask'), name: slot(), dtmf: slot('d') }), { maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
  startUp: fc.array(action, { maxLength: 3 }),
});

function actionDoc(a: ActionT, w: Write): Record<string, unknown> {
  const body: Record<string, unknown> = { name: w(a.name) };
  if (a.tts) body.audio = { tts: w(a.tts) };
  if (a.exp) body.condition = { exp: w(a.exp) };
  if (a.outputs) body.outputs = Object.fromEntries(a.outputs.map(([label, actions]) => [w(label), { actions: actions.map((x) => actionDoc(x, w)) }]));
  return { [a.kind]: body };
}

function flowYaml(f: FlowT, w: Write): string {
  const actions = (list: readonly ActionT[]) => list.map((a) => actionDoc(a, w));
  const body: Record<string, unknown> =
    f.type === 'commonModule'
      ? { name: w(f.name), startUpTaskActions: actions(f.startUp) }
      : {
          name: w(f.name),
          startUpRef: './tasks/task[t0]',
          initialGreeting: { tts: w(f.name) },
          menus: f.menus.map((m, i) => ({
            menu: { name: w(m.name), refId: `m${i}`, choices: m.choices.map((c) => ({ [c.kind]: { name: w(c.name), dtmf: w(c.dtmf) } })) },
          })),
          tasks: f.tasks.map((t, i) => ({ task: { name: w(t.name), refId: `t${i}`, actions: actions(t.actions) } })),
        };
  return stringify({ [f.type]: body });
}

describe('Mermaid diagrams (property-based)', () => {
  it('hostile names, branches and digits never change the nodes and edges, nor crash', () => {
    fc.assert(
      fc.property(fc.array(hostileString(), { minLength: POOL, maxLength: POOL }), flowT, (pool, flow) => {
        const { hostile, harmless } = writers(pool);
        const shape = mermaidShape(mermaid(flowYaml(flow, hostile)));
        expect(shape.problems).toEqual([]);
        expect(shape.skeleton).toEqual(mermaidShape(mermaid(flowYaml(flow, harmless))).skeleton);
      }),
      runs,
    );
  });
});

// ---- Plans: resources with attributes, some of them sensitive, and the flows of both stacks. ----

type ValueT = { s: Slot } | { n: number } | { b: boolean } | { none: true } | { secret: true } | { list: ValueT[] } | { map: Array<[Slot, ValueT]> };
const { value } = fc.letrec<{ value: ValueT }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 2 },
    fc.record({ s: slot() }),
    fc.record({ secret: fc.constant(true as const) }),
    fc.record({ n: fc.integer() }),
    fc.record({ b: fc.boolean() }),
    fc.record({ none: fc.constant(true as const) }),
    fc.record({ list: fc.array(tie('value'), { maxLength: 3 }) }),
    fc.record({ map: fc.array(fc.tuple(slot(), tie('value')), { maxLength: 3 }) }),
  ),
}));
const attributes = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom<Slot>('name', 'description', 'start_phone_number', 'end_phone_number'), slot('a')), value),
  { maxLength: 4 },
);
const RESOURCE_TYPES = [
  'genesyscloud_architect_ivr',
  'genesyscloud_telephony_providers_edges_did_pool',
  'genesyscloud_routing_queue',
  'terraform_data',
];
const resourceT = fc.record({
  type: fc.constantFrom(...RESOURCE_TYPES),
  address: slot(),
  actions: fc.constantFrom(['create'], ['update'], ['delete'], ['delete', 'create'], ['create', 'delete'], ['no-op'], ['read']),
  before: fc.option(attributes),
  after: fc.option(attributes),
  mode: fc.constantFrom('managed', 'managed', 'data'),
});
const flowEntryT = fc.record({
  address: slot(),
  head: fc.option(flowT),
  base: fc.oneof(fc.constant('same' as const), fc.option(flowT)),
  calls: fc.nat(3),
  update: fc.boolean(),
});
const scenarioT = fc.record({
  pool: fc.array(hostileString(), { minLength: POOL, maxLength: POOL }),
  stack: slot(),
  resources: fc.array(resourceT, { maxLength: 5 }),
  flows: fc.array(flowEntryT, { maxLength: 4 }),
});
type Scenario = typeof scenarioT extends fc.Arbitrary<infer T> ? T : never;

const secretOf = (n: number) => `S3cr3tQ${n}Q`;

/** A value and its sensitivity mark, as `terraform show -json` writes them; secrets are numbered. */
function build(v: ValueT, w: Write, secrets: string[]): { value: unknown; mark: unknown } {
  if ('secret' in v) {
    secrets.push(secretOf(secrets.length));
    return { value: secrets[secrets.length - 1], mark: true };
  }
  if ('s' in v) return { value: w(v.s), mark: false };
  if ('n' in v) return { value: v.n, mark: false };
  if ('b' in v) return { value: v.b, mark: false };
  if ('none' in v) return { value: null, mark: false };
  if ('list' in v) {
    const items = v.list.map((x) => build(x, w, secrets));
    return { value: items.map((x) => x.value), mark: items.map((x) => x.mark) };
  }
  const value: Record<string, unknown> = {};
  const mark: Record<string, unknown> = {};
  for (const [k, x] of v.map) {
    const built = build(x, w, secrets);
    Object.defineProperty(value, w(k), { value: built.value, enumerable: true, configurable: true, writable: true });
    Object.defineProperty(mark, w(k), { value: built.mark, enumerable: true, configurable: true, writable: true });
  }
  return { value, mark };
}

function attributesOf(attrs: ReadonlyArray<readonly [Slot, ValueT]> | null, w: Write, secrets: string[]) {
  if (attrs === null) return { value: null, mark: {} };
  return build({ map: attrs.map(([k, v]) => [k, v] as [Slot, ValueT]) }, w, secrets);
}

/** The plan JSON and both stacks of a scenario, written with `w`; secrets lists every sensitive value. */
function write(s: Scenario, w: Write, secrets: string[]) {
  const resource_changes: unknown[] = s.resources.map((r) => {
    const before = attributesOf(r.before, w, secrets);
    const after = attributesOf(r.after, w, secrets);
    return {
      address: `${r.type}.${w(r.address)}`,
      mode: r.mode,
      type: r.type,
      name: 'x',
      change: {
        actions: r.actions,
        before: before.value,
        after: after.value,
        before_sensitive: before.mark,
        after_sensitive: after.mark,
        after_unknown: {},
      },
    };
  });
  const head: ExpectedFlow[] = [];
  const base: ExpectedFlow[] = [];
  const addresses: string[] = [];
  const expected = (f: FlowT): ExpectedFlow & { address: string } => ({
    address: '',
    name: w(f.name),
    type: f.type === 'commonModule' ? 'COMMONMODULE' : 'INBOUNDCALL',
    yaml: flowYaml(f, w),
    callsModules: [],
  });
  for (const f of s.flows) {
    const address = `genesyscloud_flow.${w(f.address)}`;
    const h = f.head ? expected(f.head) : undefined;
    const b = f.base === 'same' ? (f.head ? expected(f.head) : undefined) : f.base ? expected(f.base) : undefined;
    if (h) head.push({ ...h, address } as ExpectedFlow);
    if (b) base.push({ ...b, address } as ExpectedFlow);
    addresses.push(address);
    const actions = h && b ? (h.yaml === b.yaml && !f.update ? ['no-op'] : ['update']) : h ? ['create'] : b ? ['delete'] : ['no-op'];
    resource_changes.push({
      address,
      mode: 'managed',
      type: 'genesyscloud_flow',
      name: 'x',
      change: { actions, before: b ? { name: b.name } : null, after: h ? { name: h.name } : null },
    });
  }
  // Callers: each flow calls the module of another entry, when that one is a shared flow.
  const link = (flows: ExpectedFlow[]) => {
    for (const [i, f] of flows.entries()) {
      const module = flows[(i + (s.flows[i]?.calls ?? 0) + 1) % flows.length];
      if (module && module !== f && module.type === 'COMMONMODULE' && f.type === 'INBOUNDCALL')
        (f as unknown as { callsModules: string[] }).callsModules.push(module.name);
    }
  };
  link(head);
  link(base);
  const stack = (flows: ExpectedFlow[]) =>
    ({ flows, flowsByAddress: new Map(flows.map((f) => [(f as ExpectedFlow & { address: string }).address, f])) }) as unknown as SynthesizedStack;
  const plan = parsePlan(JSON.stringify({ format_version: '1.2', resource_changes }), 'plan.json');
  return { stack: `contact-center-${w(s.stack)}`, plan, head: stack(head), base: stack(base) };
}

describe('plan review (property-based)', () => {
  it('hostile plans and stacks keep the review structure intact, never crash, never leak a sensitive value', () => {
    fc.assert(
      fc.property(scenarioT, (s) => {
        const { hostile, harmless } = writers(s.pool);
        const secrets: string[] = [];
        const text = reviewPlans([write(s, hostile, secrets)], Infinity);
        for (const secret of secrets) expect(text).not.toContain(secret);
        const shape = markdownShape(text);
        expect(shape.problems).toEqual([]);
        expect(shape.skeleton).toEqual(markdownShape(reviewPlans([write(s, harmless, [])], Infinity)).skeleton);
      }),
      runs,
    );
  });

  it('cut to any limit, the review stays within it and keeps every structure closed', () => {
    fc.assert(
      fc.property(scenarioT, fc.integer({ min: 400, max: 6000 }), (s, limit) => {
        const text = reviewPlans([write(s, writers(s.pool).hostile, [])], limit);
        expect(text.length).toBeLessThanOrEqual(limit);
        expect(text.startsWith(`${REVIEW_MARKER}\n## Plan review`)).toBe(true);
        expect(markdownShape(text).problems).toEqual([]);
      }),
      runs,
    );
  });
});

describe('plan review of several stacks (property-based)', () => {
  /** Resources with long hostile values, as many as a big change has, of any kind. */
  const bulkT = fc.record({
    count: fc.nat(400),
    actions: fc.constantFrom(['update'], ['delete'], ['create'], ['delete', 'create'], ['forget']),
    value: fc.constantFrom('x'.repeat(4_000), '<!-- </details> ```'.repeat(200), 'https://evil.example/'.repeat(200)),
  });
  const bulk = (b: { count: number; actions: readonly string[]; value: string }) =>
    Array.from({ length: b.count }, (_, i) => ({
      address: `genesyscloud_routing_queue.q${i}${b.value.slice(0, 1000)}`,
      mode: 'managed',
      type: 'genesyscloud_routing_queue',
      name: 'q',
      change: {
        actions: b.actions,
        before: { name: b.value, description: b.value },
        after: b.actions.includes('create') || b.actions.includes('update') ? { name: `${b.value}2`, description: `${b.value}2` } : null,
      },
    }));

  it('a deletion in a later stack is always in the review, whatever the stacks before it hold; within the limit, structure closed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(scenarioT, bulkT), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 30_000, max: COMMENT_LIMIT }),
        hostileString(),
        (earlier, limit, name) => {
          const stacks = earlier.map(([s, b], i) => {
            const { stack, plan, head, base } = write(s, writers(s.pool).hostile, []);
            const changes = [...(plan.resource_changes ?? []), ...bulk(b)];
            return {
              stack: `${stack}-${i}`,
              plan: parsePlan(JSON.stringify({ format_version: '1.2', resource_changes: changes }), 'plan.json'),
              head,
              base,
            };
          });
          const deletion = {
            address: 'genesyscloud_architect_ivr.SalesIvr',
            mode: 'managed',
            type: 'genesyscloud_architect_ivr',
            name: 'SalesIvr',
            change: { actions: ['delete'], before: { name }, after: null },
          };
          const prod = {
            stack: 'contact-center-prod',
            plan: parsePlan(JSON.stringify({ format_version: '1.2', resource_changes: [deletion] }), 'prod.json'),
            head: emptyStack,
          };
          const text = reviewPlans([...stacks, prod], limit);
          expect(text.length).toBeLessThanOrEqual(limit);
          expect(markdownShape(text).problems).toEqual([]);
          expect(text).toContain('### contact-center-prod\n\n**0** to create · **0** to update · **0** to replace · **1** to delete · 0 unchanged');
          expect(text).toMatch(/^\| `genesyscloud_architect_ivr\.SalesIvr`.* \| 🗑️ delete \| Removed from the org\. \|$/m);
          for (const { stack } of stacks) expect(text).toContain(`### ${mdText(stack)}\n\n**`);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('drift Markdown (property-based)', () => {
  const difference = fc.record({
    path: slot(),
    expected: fc.oneof(slot(), fc.jsonValue({ maxDepth: 1 })),
    actual: fc.oneof(slot(), fc.constant(undefined), fc.jsonValue({ maxDepth: 1 })),
  });
  const finding = fc.record({
    resource: fc.constantFrom('flow' as const, 'ivr' as const),
    name: slot(),
    detail: slot(),
    kind: fc.constantFrom('flow-content-differs', 'flow-orphan', 'ivr-missing'),
    differences: fc.option(fc.array(difference, { maxLength: 3 }), { nil: undefined }),
  });
  const report = fc.record({
    stack: slot(),
    complete: fc.boolean(),
    findings: fc.array(finding, { maxLength: 3 }),
    errors: fc.array(slot(), { maxLength: 2 }),
    checkedFlows: fc.nat(9),
    checkedIvrs: fc.nat(9),
  });

  it('hostile names, details, differences and errors keep the comment structure intact', () => {
    fc.assert(
      fc.property(
        fc.array(hostileString(), { minLength: POOL, maxLength: POOL }),
        fc.array(report, { minLength: 1, maxLength: 2 }),
        fc.integer({ min: MIN_DRIFT_MARKDOWN_LIMIT, max: DRIFT_MARKDOWN_LIMIT }),
        (pool, reports, limit) => {
          const writeReports = (w: Write): DriftReport[] =>
            reports.map((r) => ({
              ...r,
              stack: w(r.stack),
              errors: r.errors.map(w),
              findings: r.findings.map((f) => ({
                ...f,
                kind: f.kind as DriftReport['findings'][number]['kind'],
                name: w(f.name),
                detail: w(f.detail),
                differences: f.differences?.map((d) => ({
                  path: w(d.path),
                  expected: isSlot(d.expected) ? w(d.expected) : d.expected,
                  actual: isSlot(d.actual) ? w(d.actual) : d.actual,
                })),
              })),
            }));
          const { hostile, harmless } = writers(pool);
          const shape = markdownShape(toMarkdown(writeReports(hostile)));
          expect(shape.problems).toEqual([]);
          // Differences are code lines in a fence: their number depends on line breaks in the values.
          const blocks = (skeleton: string[]) => skeleton.filter((k) => k !== 'code');
          expect(blocks(shape.skeleton)).toEqual(blocks(markdownShape(toMarkdown(writeReports(harmless))).skeleton));
          // Cut to any limit: within it, every structure closed, the status and (but for tiny limits) every stack's counts kept.
          const cut = toMarkdown(writeReports(hostile), limit);
          expect(cut.length).toBeLessThanOrEqual(limit);
          expect(markdownShape(cut).problems).toEqual([]);
          expect(cut).toMatch(/^## Genesys Cloud drift: /);
          if (limit >= DRIFT_MARKDOWN_LIMIT) expect(cut).toBe(toMarkdown(writeReports(hostile)));
        },
      ),
      runs,
    );
  });

  it("a report of any size fits the issue: long values cut, every stack's counts kept, the note says what was left out", () => {
    const long = '<!-- </details> ``` https://evil.example '.repeat(100);
    const finding = (i: number) => ({
      resource: 'flow' as const,
      kind: 'flow-content-differs' as const,
      name: `F${i} ${long}`,
      detail: long,
      differences: [{ path: long, expected: long, actual: long }],
    });
    const stacks: DriftReport[] = ['contact-center-dev', 'contact-center-test', 'contact-center-prod'].map((stack, i) => ({
      stack,
      complete: i !== 1,
      checkedFlows: 9,
      checkedIvrs: 2,
      errors: i === 1 ? [long, long] : [],
      findings: Array.from({ length: i === 2 ? 1 : 400 }, (_, n) => finding(n)),
    }));
    const text = toMarkdown(stacks);
    expect(text.length).toBeLessThanOrEqual(DRIFT_MARKDOWN_LIMIT);
    expect(markdownShape(text).problems).toEqual([]);
    for (const stack of ['contact-center-dev', 'contact-center-test', 'contact-center-prod']) expect(text).toContain(`### ${stack}\n\n`);
    expect(text).toContain(
      '### contact-center-prod\n\n9 flows and 2 IVRs checked.\n\n| Resource | Name | Kind | Detail |\n|---|---|---|---|\n| flow | F0 ',
    );
    expect(text).toMatch(/\*\*\d+\*\* more finding\(s\) not shown here: see the note at the end\./);
    expect(text).toMatch(
      /Left out: contact-center-dev: \d+ finding\(s\), 400 difference list\(s\); contact-center-test: \d+ finding\(s\), 400 difference list\(s\); contact-center-prod: 1 difference list\(s\)\./,
    );
    expect(text).not.toContain(long.slice(0, VALUE_MAX));
  });
});

function isSlot(v: unknown): v is Slot & object {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).every((k) => k === 'i' || k === 'p') &&
    typeof (v as { i?: unknown }).i === 'number'
  );
}

// ---- The plan reader: any JSON is a plan the review can render, or its documented error. ----

const emptyStack = { flows: [], flowsByAddress: new Map() } as unknown as SynthesizedStack;
/** Plan-shaped JSON with anything anywhere, mostly well enough formed to reach the review. */
const json = (maxDepth: number) => fc.jsonValue({ maxDepth });
const mostly = <T, U>(good: fc.Arbitrary<T>, other: fc.Arbitrary<U>) => fc.oneof({ weight: 15, arbitrary: good }, { weight: 1, arbitrary: other });
const attrs = mostly(
  fc.oneof(
    fc.constant(null),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('name', 'constructor', '__proto__', 'toString')), json(2), { maxKeys: 4 }),
  ),
  json(2),
);
const change = fc.record(
  {
    actions: mostly(fc.array(fc.constantFrom('create', 'delete', 'update', 'no-op', 'read', 'forget'), { maxLength: 2 }), json(1)),
    before: attrs,
    after: attrs,
    after_unknown: json(2),
    before_sensitive: json(2),
    after_sensitive: json(2),
    replace_paths: json(2),
  },
  { requiredKeys: ['actions', 'before', 'after'] },
);
const resourceLike = fc.record(
  {
    address: mostly(fc.string(), json(1)),
    mode: mostly(fc.constantFrom('managed', 'managed', 'data'), json(1)),
    type: mostly(fc.constantFrom(...RESOURCE_TYPES, 'genesyscloud_flow'), json(1)),
    name: json(1),
    change: mostly(change, json(2)),
  },
  { requiredKeys: ['address', 'mode', 'type', 'change'] },
);
const planLike = fc.record(
  {
    format_version: mostly(fc.constantFrom('1.0', '1.2'), fc.oneof(fc.constantFrom('0.1', '2.0', '1'), json(1))),
    terraform_version: json(1),
    resource_changes: mostly(fc.array(mostly(resourceLike, json(2)), { minLength: 1, maxLength: 4 }), json(1)),
  },
  { requiredKeys: ['format_version'] },
);
const planText = fc.oneof(
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.anything().map((x) => JSON.stringify(x) ?? 'undefined') },
  { weight: 1, arbitrary: fc.string() },
  { weight: 5, arbitrary: planLike.map((x) => JSON.stringify(x)) },
);

/** parsePlan, then the review of what it read: the result, or the documented error. */
function readAndReview(text: string): string | PlanFormatError {
  let plan: TerraformPlan;
  try {
    plan = parsePlan(text, 'plan.json');
  } catch (err) {
    if (err instanceof PlanFormatError && err.message.startsWith('GC5001 [plan.json')) return err;
    throw err;
  }
  return reviewPlans([{ stack: 'contact-center-dev', plan, head: emptyStack }]);
}

describe('plan JSON reader (property-based)', () => {
  it('any JSON is either read and reviewed, or rejected with a PlanFormatError naming the file', () => {
    fc.assert(
      fc.property(planText, (text) => {
        const result = readAndReview(text);
        if (typeof result === 'string') expect(markdownShape(result).problems).toEqual([]);
      }),
      runs,
    );
  });

  it('npm run plan-review (compiled) exits 0 with a review or 1 with the error, never with a stack trace', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-json-'));
    try {
      fs.mkdirSync(path.join(work, 'out', 'stacks', 'contact-center-dev'), { recursive: true });
      fs.writeFileSync(path.join(work, 'out', 'stacks', 'contact-center-dev', 'cdk.tf.json'), '{}');
      const planFile = path.join(work, 'contact-center-dev.plan.json');
      const run = (text: string) => {
        fs.writeFileSync(planFile, text);
        return spawnSync(process.execPath, ['dist/tools/plan-review.js', '--plan', planFile, '--head', path.join(work, 'out')], {
          cwd: root,
          encoding: 'utf8',
        });
      };
      const check = (text: string) => {
        const result = run(text);
        const inProcess = readAndReview(text);
        expect({ status: result.status, stderr: result.stderr.includes('\n    at ') ? 'stack trace' : '' }).toEqual({
          status: typeof inProcess === 'string' ? 0 : 1,
          stderr: '',
        });
        if (result.status === 1) expect(result.stderr).toContain(`plan-review: GC5001 [${planFile}`);
        else expect(result.stdout.startsWith(REVIEW_MARKER)).toBe(true);
      };
      for (const text of [
        'null',
        '[]',
        '"plan"',
        '{}',
        '{"format_version":"1.2","resource_changes":[null]}',
        '{"format_version":"1.2","resource_changes":{}}',
        '{"format_version":"1.2","resource_changes":[{"address":"a","mode":"managed","type":"t","change":{"actions":"create"}}]}',
      ]) {
        check(text);
      }
      fc.assert(fc.property(planText, check), { numRuns: 8 });
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
