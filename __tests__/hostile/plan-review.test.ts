/**
 * Hostile input for the plan review (issue 10), one named test per case:
 * case 1: a value from a plan or a synthesized stack could end the PR comment's structure (`<!--` hides the
 *         rest, deletions included; `</details>`, `<script>`, backticks, `@mentions`);
 * case 2: a resource `name` Terraform marks sensitive was printed in the row label and the "renamed" note.
 * Found by the review of the fixes:
 * case 1, long value: one 70 000-character value made the review cut everything after it, a later stack's
 *         deletion included;
 * case 1, autolinks: `https://…` and `www.…` in a value became links.
 * Property-based tests of the escapers and of the review are in plan-review-*.test.ts next to this file.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { parsePlan } from '../../runtime/plan-review/plan-json';
import { COMMENT_LIMIT, REVIEW_MARKER, reviewPlans } from '../../runtime/plan-review/plan-review';
import { VALUE_MAX } from '../../runtime/text/markdown';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { planBetween } from '../support/plan-builder';
import { markdownShape } from './plan-review-structure';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-plan-review-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

type Json = Record<string, any>;

/** A synthesized stack folder as `cdktf synth` writes it: cdk.tf.json and the flows' YAML under assets/. */
function writeStack(dir: string, flows: Record<string, Json>, resources: Record<string, Record<string, Json>>): string {
  const flowResources: Record<string, Json> = {};
  fs.mkdirSync(dir, { recursive: true });
  for (const [id, doc] of Object.entries(flows)) {
    const file = `assets/${id}/flow.yaml`;
    fs.mkdirSync(path.join(dir, 'assets', id), { recursive: true });
    const yaml = stringify(doc);
    fs.writeFileSync(path.join(dir, file), yaml);
    flowResources[id] = { filepath: file, file_content_hash: createHash('sha256').update(yaml).digest('hex'), substitutions: {} };
  }
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ resource: { ...resources, genesyscloud_flow: flowResources } }));
  return dir;
}

/** The seed scenario's flows with an environment name prefix, and (in the head) one hostile action. */
function scenario(name: string, prefix: string, hostile: string, head: boolean): SynthesizedStack {
  const pin = {
    commonModule: {
      name: `${prefix}Shared PIN Auth`,
      startUpTaskActions: [{ playAudio: { name: 'Ask', audio: { tts: head ? hostile : 'Enter your PIN.' } } }, { endTask: { name: 'Done' } }],
    },
  };
  const sales = {
    inboundCall: {
      name: `${prefix}Sales IVR`,
      startUpRef: './tasks/task[main]',
      initialGreeting: { tts: 'Welcome.' },
      tasks: [
        {
          task: {
            name: 'Main',
            refId: 'main',
            actions: [
              {
                callCommonModule: {
                  name: head ? hostile : 'Run shared flow',
                  commonModule: { [`${prefix}Shared PIN Auth`]: { ver_latestVersion: {} } },
                },
              },
              { disconnect: { name: 'Hang up' } },
            ],
          },
        },
      ],
    },
  };
  const legacy = {
    inboundCall: {
      name: `${prefix}Legacy`,
      startUpRef: './tasks/task[t]',
      initialGreeting: { tts: 'Hi.' },
      tasks: [{ task: { name: 'Main', refId: 't', actions: [{ disconnect: { name: 'Bye' } }] } }],
    },
  };
  const resources = {
    genesyscloud_architect_ivr: { SalesIvr_F93D6ACE: { name: `${prefix}Sales IVR`, dnis: ['+13175550100'] } },
    genesyscloud_routing_queue: {
      Operator_4182DFD9: { name: `${prefix}Operator` },
      ...(head ? {} : { Old_1A2B3C4D: { name: `${prefix}Old queue` } }),
    },
    genesyscloud_telephony_providers_edges_did_pool: {
      SalesIvr_DidPool_0141600B: {
        description: head ? hostile : 'DEV Sales numbers',
        start_phone_number: '+13175550100',
        end_phone_number: '+13175550109',
      },
    },
  };
  const flows = {
    PinAuth_Publication_5680B83C: pin,
    SalesIvr_Flow_Publication_DCACD410: sales,
    ...(head ? {} : { Legacy_Publication_432711E0: legacy }),
  };
  return SynthesizedStack.read(writeStack(path.join(work, name), flows, resources));
}

/** The review of going from the base to the head of the scenario, plus a deleted resource whose address is hostile. */
function review(prefix: string, hostile: string, address: string): string {
  const base = scenario(`${prefix.length}-${hostile.length}-base`, 'DEV ', 'x', false);
  const head = scenario(`${prefix.length}-${hostile.length}-head`, prefix, hostile, true);
  const plan = planBetween(base.stackDir, head.stackDir);
  for (const r of plan.resource_changes) if (r.type === 'genesyscloud_routing_queue' && r.change.after) r.change.after.comments = hostile;
  plan.resource_changes.push({
    address,
    mode: 'managed',
    type: 'genesyscloud_routing_queue',
    name: 'q',
    change: { actions: ['delete'], before: { name: hostile }, after: null },
  });
  return reviewPlans([{ stack: 'contact-center-dev', plan: parsePlan(JSON.stringify(plan), 'plan.json'), head, base }], Infinity);
}

describe('hostile input: plan review', () => {
  it('case 1: no value (HTML comment, </details>, <script>, backticks, @mentions, a namePrefix "DEV <!-- ") can change or hide the review', () => {
    const hostile = '</details><!-- x ``` <script>alert(1)</script> `@octocat` | \n## Approved\n```\n@octocat ping';
    const text = review('DEV <!-- ', hostile, 'genesyscloud_routing_queue.q["a`b</details><!--"]');
    const plain = review('DEV X ', 'harmless value', 'genesyscloud_routing_queue.q["ab"]');
    const shape = markdownShape(text);
    expect(shape.problems).toEqual([]);
    // Exactly the structure of the same review with harmless values: every <details> closed, every
    // row with its 3 cells, every fence balanced, nothing hidden.
    expect(shape.skeleton).toEqual(markdownShape(plain).skeleton);
    expect(text.split('\n').filter((l) => l.includes(REVIEW_MARKER))).toEqual([REVIEW_MARKER]);
    // The deletions are all there, after every hostile value.
    const deletions = text.split('\n').filter((l) => l.startsWith('|') && l.includes('🗑️ delete'));
    expect(deletions).toHaveLength(3);
    expect(deletions.join('\n')).toContain("Deletes flow 'DEV Legacy' from the org.");
  });

  it('case 1, long value: one long value in an earlier stack hides neither a later stack nor its deletion', () => {
    const empty = SynthesizedStack.read(writeStack(path.join(work, 'empty-long'), {}, {}));
    const plan = (changes: Json[]) => parsePlan(JSON.stringify({ format_version: '1.2', resource_changes: changes }), 'plan.json');
    const long = 'x'.repeat(70_000);
    // 40 queues, each with a 70 000-character description; then prod deletes an IVR.
    const queue = (i: number) => ({
      address: `genesyscloud_routing_queue.Q${i}`,
      mode: 'managed',
      type: 'genesyscloud_routing_queue',
      name: `Q${i}`,
      change: { actions: ['update'], before: { name: `DEV Q${i}`, description: 'a' }, after: { name: `DEV Q${i}`, description: long } },
    });
    const dev = plan(Array.from({ length: 40 }, (_, i) => queue(i)));
    const prod = plan([
      {
        address: 'genesyscloud_architect_ivr.SalesIvr',
        mode: 'managed',
        type: 'genesyscloud_architect_ivr',
        name: 'SalesIvr',
        change: { actions: ['delete'], before: { name: 'Sales IVR', dnis: ['+353155500100'] }, after: null },
      },
    ]);
    const stacks = [
      { stack: 'contact-center-dev', plan: dev, head: empty },
      { stack: 'contact-center-prod', plan: prod, head: empty },
    ];
    const deletion = '| `genesyscloud_architect_ivr.SalesIvr` (Sales IVR) | 🗑️ delete | Removed from the org. |';
    for (const limit of [COMMENT_LIMIT, 5_000, 1_200]) {
      const text = reviewPlans(stacks, limit);
      expect(text.length).toBeLessThanOrEqual(limit);
      expect(markdownShape(text).problems).toEqual([]);
      expect(text).toContain('### contact-center-prod\n\n**0** to create · **0** to update · **0** to replace · **1** to delete · 0 unchanged');
      expect(text).toContain(deletion);
      // The value itself is cut to VALUE_MAX characters wherever it is shown.
      expect(text).not.toContain('x'.repeat(VALUE_MAX));
    }
    // Cut, the details go first, then table rows, and the notes say which, per stack.
    const cut = reviewPlans(stacks, 5_000);
    expect(cut.match(/^\| `genesyscloud_routing_queue\.Q\d+` \(DEV Q\d+\) \| ✏️ update \|/gm)).toHaveLength(40);
    expect(cut).toMatch(/Left out: contact-center-dev: \d+ attribute diff\(s\)\./);
    const shorter = reviewPlans(stacks, 1_200);
    expect(shorter).toMatch(/\n\*\*\d+\*\* more changed resource\(s\) not shown here \(\d+ update\): see the note at the end\.\n/);
    expect(shorter).toMatch(/Left out: contact-center-dev: \d+ table row\(s\), 40 attribute diff\(s\); contact-center-prod: 1 attribute diff\(s\)\./);
    expect(shorter.indexOf(deletion)).toBeLessThan(shorter.indexOf('Review shortened'));
  });

  it('case 1, autolinks: no URL, www. address or e-mail address in a value becomes a link', () => {
    const links = 'https://evil.example/login www.evil.example ftp://x.example user@evil.example mailto:a@b.example';
    const text = review('DEV https://x.example ', links, 'genesyscloud_routing_queue.q["www.evil.example"]');
    expect(markdownShape(text).problems).toEqual([]);
    // Outside code (code spans, and fences such as the Mermaid diagrams, whose labels are never links).
    const skeleton = markdownShape(text).skeleton;
    const outside = text
      .split('\n')
      .filter((_l, i) => skeleton[i] !== 'code')
      .map((line) => line.replace(/`[^`]*`/g, ''))
      .join('\n');
    expect(outside).toContain('https:\u200D//evil.example/login www\u200D.evil.example');
    expect(outside.split('\n').filter((l) => /:\/\/|www\./i.test(l))).toEqual([]);
  });

  it('case 2: a resource name marked sensitive is masked in the row label and the "renamed" note', () => {
    const secret = (n: number) => `S3cr3tQ${n}Q`;
    const ivr = {
      address: 'genesyscloud_architect_ivr.SalesIvr_F93D6ACE',
      mode: 'managed',
      type: 'genesyscloud_architect_ivr',
      name: 'SalesIvr_F93D6ACE',
      change: {
        actions: ['delete', 'create'],
        before: { id: 'i-1', name: secret(1) },
        after: { name: secret(2) },
        after_unknown: { id: true },
        before_sensitive: { name: true },
        after_sensitive: { name: true },
      },
    };
    const queue = {
      address: 'genesyscloud_routing_queue.Operator_4182DFD9',
      mode: 'managed',
      type: 'genesyscloud_routing_queue',
      name: 'Operator_4182DFD9',
      change: {
        actions: ['update'],
        before: { name: 'DEV Operator' },
        after: { name: secret(3) },
        before_sensitive: {},
        after_sensitive: { name: true },
      },
    };
    const pool = {
      address: 'genesyscloud_telephony_providers_edges_did_pool.P',
      mode: 'managed',
      type: 'genesyscloud_telephony_providers_edges_did_pool',
      name: 'P',
      change: {
        actions: ['delete'],
        before: { name: secret(4), start_phone_number: '+13175550100' },
        after: null,
        before_sensitive: true,
        after_sensitive: false,
      },
    };
    const plan = parsePlan(JSON.stringify({ format_version: '1.2', resource_changes: [ivr, queue, pool] }), 'plan.json');
    const empty = SynthesizedStack.read(writeStack(path.join(work, 'empty'), {}, {}));
    const text = reviewPlans([{ stack: 'contact-center-dev', plan, head: empty }]);
    expect(text).not.toMatch(/S3cr3tQ/);
    expect(text).toContain(
      '| `genesyscloud_architect_ivr.SalesIvr_F93D6ACE` (sensitive) | ♻️ replace | IVR renamed ((sensitive) → (sensitive)): the provider re-creates it',
    );
    expect(text).toContain('| `genesyscloud_routing_queue.Operator_4182DFD9` (sensitive) | ✏️ update |');
    expect(text).toContain('| `genesyscloud_telephony_providers_edges_did_pool.P` (sensitive) | 🗑️ delete |');
    expect(text).toContain('- `name`: "DEV Operator" → (sensitive)');
  });
});
