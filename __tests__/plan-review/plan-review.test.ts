import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { GenesyscloudProvider } from '../../.gen/providers/genesyscloud/provider';
import { CallFlow, InboundIvr, Queue, SharedFlow } from '../../constructs';
import { Builtin, CallSharedFlow, Disconnect, Expr, Task, dataActionNamed, queueNamed, Prompt } from '../../flow';
import { changeKind, parsePlan } from '../../runtime/plan-review/plan-json';
import { COMMENT_LIMIT, FORGET_NOTE, FORGET_REPLACE_NOTE, REVIEW_MARKER, StackPlan, reviewPlans } from '../../runtime/plan-review/plan-review';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { ACCOUNT_LOOKUP_CONTRACT, pinAuthFlow } from '../../stacks/flows/pin-auth';

const ACCOUNT_LOOKUP = dataActionNamed('Account Data Actions', 'Account PIN Lookup', ACCOUNT_LOOKUP_CONTRACT);
import { messageFlow, simpleModule } from '../support/fixtures';
import { planBetween } from '../support/plan-builder';

const root = path.resolve(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-'));

interface Variant {
  pinAttempts: number;
  salesIvrName: string;
  legacy: boolean;
  promo: boolean;
  didEnd: string;
  hoursName: string;
  retired: boolean;
}

/** Synthesizes two small stacks; the variant says what differs between base and head. */
function synth(dir: string, v: Variant): string {
  const app = new App({ outdir: dir });
  for (const env of ['dev', 'test']) {
    const stack = new TerraformStack(app, `contact-center-${env}`);
    new GenesyscloudProvider(stack, 'Genesys', { awsRegion: 'us-east-1' });
    new LocalBackend(stack, { path: 'terraform.tfstate' });
    const pin = new SharedFlow(
      stack,
      'PinAuth',
      pinAuthFlow({ flowName: `${env} Shared PIN Auth`, division: 'Home', maxAttempts: v.pinAttempts, accountLookup: ACCOUNT_LOOKUP }),
    );
    const operator = new Queue(stack, 'Operator', { name: `${env} Operator` });
    const routes = { success: new Queue(stack, 'Sales', { name: `${env} Sales` }), unavailable: operator, failure: operator };
    new InboundIvr(stack, 'SalesIvr', {
      greeting: Prompt.tts('Welcome.'),
      name: v.salesIvrName.replace('ENV', env),
      dnis: ['+13175550100'],
      didPool: { startPhoneNumber: '+13175550100', endPhoneNumber: v.didEnd },
      sharedFlow: pin,
      sharedFlowInputs: { CallerNumber: Builtin.callAni },
      routes,
    });
    new InboundIvr(stack, 'SupportIvr', {
      greeting: Prompt.tts('Welcome.'),
      name: `${env} Support IVR`,
      dnis: ['+13175550120'],
      sharedFlow: pin,
      sharedFlowInputs: { CallerNumber: Builtin.callAni },
      routes: { success: queueNamed('Support'), unavailable: operator, failure: operator },
    });
    if (v.legacy) new CallFlow(stack, 'Legacy', messageFlow(`${env} Legacy`));
    if (v.promo) new CallFlow(stack, 'Promo', messageFlow(`${env} Promo`, 'Ask about our offers.'));
    new CallFlow(stack, 'Hours', messageFlow(v.hoursName.replace('ENV', env), 'We are open 8 to 6.'));
    if (v.retired) {
      const retired = new SharedFlow(stack, 'Retired', simpleModule(`${env} Retired Module`));
      const main = new Task('Main', [
        new CallSharedFlow('Use', {
          flow: retired,
          inputs: { Account: Expr.string('a') },
          outcomes: { ok: [new Disconnect('a')], failed: [new Disconnect('b')] },
        }),
      ]);
      new CallFlow(stack, 'RetiredCaller', { name: `${env} Retired Caller`, initialGreeting: Prompt.tts('Hello.'), startUp: main, tasks: [main] });
    }
  }
  app.synth();
  return dir;
}

const baseVariant: Variant = {
  pinAttempts: 3,
  salesIvrName: 'ENV Sales IVR',
  legacy: true,
  promo: false,
  didEnd: '+13175550109',
  hoursName: 'ENV Hours',
  retired: true,
};
const base = synth(path.join(work, 'base'), baseVariant);
const head = synth(path.join(work, 'head'), {
  pinAttempts: 4,
  salesIvrName: 'ENV Sales Line',
  legacy: false,
  promo: true,
  didEnd: '+13175550119',
  hoursName: 'ENV Opening Hours',
  retired: false,
});
const stackDir = (out: string, env: string) => path.join(out, 'stacks', `contact-center-${env}`);
const stackPlan = (env: string, plan = planBetween(stackDir(base, env), stackDir(head, env))): StackPlan => ({
  stack: `contact-center-${env}`,
  plan: parsePlan(JSON.stringify(plan), env),
  head: SynthesizedStack.read(stackDir(head, env)),
  base: SynthesizedStack.read(stackDir(base, env)),
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('plan review', () => {
  const review = reviewPlans([stackPlan('dev'), stackPlan('test')]);

  it('starts with the marker the workflow updates, and covers several stacks', () => {
    expect(review.startsWith(`${REVIEW_MARKER}\n## Plan review`)).toBe(true);
    expect(review).toContain('### contact-center-dev');
    expect(review).toContain('### contact-center-test');
  });

  it('counts create / update / replace / delete / no-op per stack', () => {
    expect(review).toMatch(
      /### contact-center-dev\n\n\*\*\d+\*\* to create · \*\*\d+\*\* to update · \*\*1\*\* to replace · \*\*\d+\*\* to delete · \d+ unchanged/,
    );
  });

  it('flags the IVR rename, the DID number change, the removed and the new flow', () => {
    expect(review).toContain("IVR renamed ('dev Sales IVR' → 'dev Sales Line'): the provider re-creates it (name is ForceNew)");
    expect(review).toContain('DID numbers change: the provider drops and re-creates the pool with a new id');
    expect(review).toContain("Deletes flow 'dev Legacy' from the org.");
    expect(review).toContain('#### dev Legacy (INBOUNDCALL) — removed');
    expect(review).toContain('#### dev Promo (INBOUNDCALL) — new');
    expect(review).toContain('- `task "Main" > playAudio "Message"` — audio.tts: Ask about our offers.');
  });

  it('flags a flow rename (orphan left behind) and deleting a shared flow that others call', () => {
    expect(review).toContain(
      "Flow renamed ('dev Hours' → 'dev Opening Hours'): the import creates a new flow and leaves 'dev Hours' in the org as an orphan.",
    );
    expect(review).toContain("Deletes shared flow 'dev Retired Module', which dev Retired Caller call.");
  });

  it('shows the blast radius of a shared-flow change and its callers as republish-only', () => {
    expect(review).toContain('SharedFlow *dev Shared PIN Auth* changed → republishes dev Sales Line, dev Support IVR (contact-center-dev)');
    expect(review).toMatch(/genesyscloud_flow\.SupportIvr_Flow_Publication_[0-9A-F]{8}` \(dev Support IVR\) \| ✏️ update \| Republish only/);
  });

  it('diffs flow logic by node, not as YAML text, and draws each changed flow', () => {
    expect(review).toContain('#### dev Shared PIN Auth (COMMONMODULE) — 3 node(s) changed');
    expect(review).toContain('- ✏️ `decision "Account found?" [yes] > loop "Collect PIN tries"`: loopCount.lit: `3` → `4`');
    expect(review).toContain('- ✏️ `decision "Caller unknown by number?" [yes] > loop "Collect account number tries"`: loopCount.lit: `3` → `4`');
    expect(review).toMatch(
      /- ✏️ `decision "Account found\?" \[yes\] > updateData "All attempts used"`: statements: `\[.*"exp":"3".*\]` → `\[.*"exp":"4".*\]`/,
    );
    expect(review).toMatch(/n\d+\["callData: Look up caller by number"\]/);
    expect(review).toContain('```mermaid\nflowchart TD');
    expect(review).toMatch(/n\d+\["collectInput: Collect PIN"\]/);
  });

  it('matches the snapshot', () => {
    expect(reviewPlans([stackPlan('dev')])).toMatchSnapshot();
  });

  it('masks sensitive values and shows unknown ones as known after apply', () => {
    const plan = planBetween(stackDir(base, 'dev'), stackDir(head, 'dev'));
    const did = plan.resource_changes.find((r: { type: string }) => r.type === 'genesyscloud_telephony_providers_edges_did_pool');
    did.change.after = { ...did.change.after, comments: 'super-secret-comment', description: 'x' };
    did.change.after_sensitive = { comments: true };
    did.change.after_unknown = { id: true, description: true };
    const text = reviewPlans([stackPlan('dev', plan)]);
    expect(text).not.toContain('super-secret-comment');
    expect(text).toContain('`comments`: (none) → (sensitive)');
    expect(text).toContain('`description`: (none) → (known after apply)');
  });

  it('reads a real Terraform 1.11 plan (format 1.2) and never prints a sensitive value', () => {
    const real = parsePlan(fs.readFileSync(path.join(root, '__tests__/fixtures/plans/terraform-data.real-1.11.plan.json'), 'utf8'), 'real');
    const text = reviewPlans([{ stack: 'contact-center-dev', plan: real, head: SynthesizedStack.read(stackDir(head, 'dev')) }]);
    expect(text).toContain('**1** to create · **1** to update · **1** to replace · **1** to delete · 1 unchanged');
    expect(text).not.toContain('s3cr3t');
  });

  it('stays within the GitHub comment limit, closing what it truncates', () => {
    const many = Array.from({ length: 40 }, () => stackPlan('dev'));
    const text = reviewPlans(many);
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(text).toContain('Review shortened to fit a GitHub comment');
    expect((text.match(/^```/gm) ?? []).length % 2).toBe(0);
    // Every stack's counts and table come before any detail, so all 40 tables are there, deletions first.
    expect(text.match(/^\*\*1\*\* to create · \*\*5\*\* to update · \*\*1\*\* to replace · \*\*3\*\* to delete · 3 unchanged$/gm)).toHaveLength(40);
    expect(text.match(/^\| `genesyscloud_flow\.Retired_Publication_05A56D26` .* 🗑️ delete \|/gm)).toHaveLength(40);
  });

  it('writes every table before the details, deletions first in each', () => {
    const text = reviewPlans([stackPlan('dev'), stackPlan('test')]);
    const firstDetail = text.indexOf('### Details: ');
    expect(firstDetail).toBeGreaterThan(text.indexOf('### contact-center-test'));
    expect(text.indexOf('<details>')).toBeGreaterThan(firstDetail);
    const actions = text
      .slice(text.indexOf('### contact-center-dev'), text.indexOf('### contact-center-test'))
      .match(/^\| `.*? \| (\S+) (\w+) \|/gm)!
      .map((row) => / (\w+) \|$/.exec(row)![1]);
    expect(actions).toEqual(['delete', 'delete', 'delete', 'replace', 'update', 'update', 'update', 'update', 'update', 'create']);
  });

  it('shows a forget (removed with destroy = false) as its own kind, never as unchanged', () => {
    // As `terraform show -json` (1.11) writes a `removed { lifecycle { destroy = false } }`, a moved
    // resource and a replacement whose old object is forgotten.
    const resource = (address: string, actions: string[], before: object | null, after: object | null) => ({
      address,
      mode: 'managed',
      type: 'genesyscloud_architect_ivr',
      name: address.split('.')[1],
      change: { actions, before, after, after_unknown: {}, before_sensitive: {}, after_sensitive: after ? {} : false },
    });
    const plan = parsePlan(
      JSON.stringify({
        format_version: '1.2',
        terraform_version: '1.11.4',
        resource_changes: [
          resource('genesyscloud_architect_ivr.a', ['forget'], { id: 'i-a', name: 'IVR a' }, null),
          {
            ...resource('genesyscloud_architect_ivr.b2', ['no-op'], { id: 'i-b', name: 'IVR b' }, { id: 'i-b', name: 'IVR b' }),
            previous_address: 'genesyscloud_architect_ivr.b',
          },
          resource('genesyscloud_architect_ivr.c', ['create', 'forget'], { id: 'i-c', name: 'IVR c' }, { name: 'IVR c' }),
        ],
      }),
      'plan-forget.json',
    );
    const text = reviewPlans([{ stack: 'contact-center-dev', plan, head: SynthesizedStack.read(stackDir(head, 'dev')) }]);
    expect(text).toContain(
      '**0** to create · **0** to update · **1** to replace · **0** to delete · **1** to forget (leave Terraform, stay in Genesys) · 1 unchanged',
    );
    expect(text).toContain(`| \`genesyscloud_architect_ivr.a\` (IVR a) | 📤 forget | ${FORGET_NOTE} |`);
    expect(text).toContain(`| \`genesyscloud_architect_ivr.c\` (IVR c) | ♻️ replace | The IVR is re-created with a new id. ${FORGET_REPLACE_NOTE} |`);
    expect(text).not.toContain('genesyscloud_architect_ivr.a: attribute changes');
    expect(changeKind(['forget'])).toBe('forget');
    expect(changeKind(['create', 'forget'])).toBe('replace');
    // A forgotten flow stays in the org: said so, not "removed".
    const flowPlan = planBetween(stackDir(base, 'dev'), stackDir(head, 'dev'));
    const legacy = flowPlan.resource_changes.find((r: { address: string }) => r.address.startsWith('genesyscloud_flow.Legacy_'));
    legacy.change.actions = ['forget'];
    const flows = reviewPlans([stackPlan('dev', flowPlan)]);
    expect(flows).toContain('#### dev Legacy (INBOUNDCALL) — leaves Terraform management, stays in the org');
    expect(flows).toMatch(/\| `genesyscloud_flow\.Legacy_Publication_432711E0` \(dev Legacy\) \| 📤 forget \| Leaves Terraform management/);
    expect(flows).toContain('**2** to delete · **1** to forget');
  });

  it('says "No changes." for a plan without changes', () => {
    const same = planBetween(stackDir(head, 'dev'), stackDir(head, 'dev'));
    expect(reviewPlans([{ ...stackPlan('dev', same), base: SynthesizedStack.read(stackDir(head, 'dev')) }])).toContain('No changes.');
  });

  it('rejects a plan in another format', () => {
    expect(() => parsePlan('{"format_version":"0.1"}', 'old.json')).toThrow(/format "0.1" is not supported/);
    expect(() => parsePlan('nope', 'bad.json')).toThrow(/not JSON/);
  });

  it('npm run plan-review (compiled) writes the review and exits 1 on bad input', () => {
    const planFile = path.join(work, 'contact-center-dev.plan.json');
    fs.writeFileSync(planFile, JSON.stringify(planBetween(stackDir(base, 'dev'), stackDir(head, 'dev'))));
    const ok = spawnSync(process.execPath, ['dist/tools/plan-review.js', '--plan', planFile, '--head', head, '--base', base], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('SharedFlow *dev Shared PIN Auth* changed');
    const bad = spawnSync(process.execPath, ['dist/tools/plan-review.js', '--plan', 'x.json'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--plan and --head are required');
  });
});

describe('plan actions this review does not know', () => {
  it('refuses the plan instead of counting the resource as unchanged', () => {
    const plan = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'genesyscloud_architect_ivr.a',
          mode: 'managed',
          type: 'genesyscloud_architect_ivr',
          name: 'a',
          change: { actions: ['teleport'], before: {}, after: {} },
        },
      ],
    };
    expect(() => parsePlan(JSON.stringify(plan), 'future.json')).toThrow(
      /^GC5001 \[future.json resource_changes\[0\]\.change\.actions\] has 'teleport', which this review does not know/,
    );
  });
});
