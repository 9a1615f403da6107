/**
 * `npm run plan-review -- --plan-failed <stack>[=<reason>]`: CI plans each environment in its own job, and
 * the review is posted even when one of them fails. It then says first, however short it is cut, which
 * stack has no plan and why, so nobody approves changes the review does not show; a stack the head does
 * not synthesize (removed or renamed by the change) is reviewed too, its warning saying so.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { parsePlan } from '../../runtime/plan-review/plan-json';
import { COMMENT_LIMIT, REVIEW_MARKER, reviewPlans } from '../../runtime/plan-review/plan-review';
import { SynthesizedStack } from '../../runtime/synth-output/synthesized-stack';
import { VALUE_MAX } from '../../runtime/text/markdown';
import { hostileString, markdownShape } from '../hostile/plan-review-structure';

const root = path.resolve(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-failed-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const head = path.join(work, 'cdktf.out');
for (const env of ['dev', 'test', 'prod']) {
  fs.mkdirSync(path.join(head, 'stacks', `contact-center-${env}`), { recursive: true });
  fs.writeFileSync(path.join(head, 'stacks', `contact-center-${env}`, 'cdk.tf.json'), '{"resource":{}}');
}

/** A plan (only what the review reads) that updates `updates` queues and deletes an IVR. */
function planJson(updates: number): string {
  const queue = (i: number) => ({
    address: `genesyscloud_routing_queue.Q${i}`,
    mode: 'managed',
    type: 'genesyscloud_routing_queue',
    name: `Q${i}`,
    change: { actions: ['update'], before: { name: `Q${i}`, description: 'old' }, after: { name: `Q${i}`, description: 'new' } },
  });
  const ivr = {
    address: 'genesyscloud_architect_ivr.SalesIvr',
    mode: 'managed',
    type: 'genesyscloud_architect_ivr',
    name: 'SalesIvr',
    change: { actions: ['delete'], before: { name: 'Sales IVR' }, after: null },
  };
  return JSON.stringify({ format_version: '1.2', resource_changes: [ivr, ...Array.from({ length: updates }, (_, i) => queue(i))] });
}
const devPlan = (updates: number) => {
  const file = path.join(work, `dev-${updates}.json`);
  fs.writeFileSync(file, planJson(updates));
  return `contact-center-dev=${file}`;
};

/** Runs the compiled tool with `--head <head>` unless `args` give their own. */
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/tools/plan-review.js', ...args, ...(args.includes('--head') ? [] : ['--head', head])], {
    cwd: root,
    encoding: 'utf8',
  });
const warning = (stack: string) =>
  `> ⛔ **No plan for ${stack}: its changes are NOT in this review.** Do not approve until its plan succeeds and this review shows them.`;

describe('plan review with a failed plan (--plan-failed)', () => {
  it('starts with a warning for the stack without a plan, then reviews the others as always', () => {
    const run = cli('--plan', devPlan(2), '--plan-failed', 'contact-center-prod=terraform plan failed');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(
      run.stdout.startsWith(
        `${REVIEW_MARKER}\n## Plan review\n\n${warning('contact-center-prod')} Reason: terraform plan failed\n\n### contact-center-dev\n\n**0** to create · **2** to update · **0** to replace · **1** to delete · 0 unchanged\n`,
      ),
    ).toBe(true);
    expect(run.stdout).not.toContain('No plan could be made');
    expect(markdownShape(run.stdout).problems).toEqual([]);
    expect(run.stdout).toMatchSnapshot();
  });

  it('with only failed plans, is a review (exit 0) that says no plan could be made', () => {
    const run = cli('--plan-failed', 'contact-center-dev', '--plan-failed', 'contact-center-prod=provider error: 401 Unauthorized (a=b)');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toBe(
      `${REVIEW_MARKER}\n## Plan review\n\n${warning('contact-center-dev')}\n\n${warning('contact-center-prod')} Reason: provider error: 401 Unauthorized (a=b)\n\n**No plan could be made for any stack**: this review shows no changes.\n`,
    );
  });

  describe('a failed stack the head does not synthesize (a change that removes or renames an environment)', () => {
    const absent = (stack: string) =>
      `> ⛔ **No plan for ${stack}: its changes are NOT in this review.** ${stack} is not synthesized in this change (removed or renamed?). Do not approve until its plan succeeds and this review shows them.`;

    it('is reviewed (exit 0): its warning says it is not synthesized in this change, with the reason', () => {
      const run = cli(
        '--plan',
        devPlan(2),
        '--plan-failed',
        "contact-center-staging=its plan job failed: see that job's log",
        '--plan-failed',
        'contact-center-prod=terraform plan failed',
      );
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(
        run.stdout.startsWith(
          `${REVIEW_MARKER}\n## Plan review\n\n${absent('contact-center-staging')} Reason: its plan job failed: see that job's log\n\n${warning('contact-center-prod')} Reason: terraform plan failed\n\n### contact-center-dev\n`,
        ),
      ).toBe(true);
      expect(markdownShape(run.stdout).problems).toEqual([]);
    });

    it('with only failed plans and no reason, still a review', () => {
      const run = cli('--plan-failed', 'contact-center-staging');
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toBe(
        `${REVIEW_MARKER}\n## Plan review\n\n${absent('contact-center-staging')}\n\n**No plan could be made for any stack**: this review shows no changes.\n`,
      );
    });

    it('keeps saying so in a review cut down to its totals, where the reason is dropped', () => {
      const run = cli('--plan', devPlan(200), '--plan-failed', `contact-center-staging=${'|'.repeat(VALUE_MAX)}`, '--limit', '900');
      expect(run.status).toBe(0);
      expect(run.stdout.length).toBeLessThanOrEqual(900);
      expect(run.stdout).toContain(
        `\n${absent('contact-center-staging')}\n\n1 stack(s): **0** to create · **200** to update · **0** to replace · **1** to delete · 0 unchanged\n`,
      );
      expect(run.stdout).toContain('the warnings without their reasons');
      expect(markdownShape(run.stdout).problems).toEqual([]);
    });

    it('escapes the name in both places and cuts it in a short review (reviewPlans)', () => {
      const stack = `contact-center-<b>|*x*${'n'.repeat(VALUE_MAX)}`;
      const full = reviewPlans([], COMMENT_LIMIT, [{ stack, reason: 'r', notSynthesized: true }]);
      const line = full.split('\n')[3];
      expect(line).toContain('is not synthesized in this change (removed or renamed?).');
      expect(line).not.toMatch(/<b>|(?<!\\)\|/);
      expect(markdownShape(full).problems).toEqual([]);
      const short = reviewPlans([], 900, [{ stack, reason: 'r'.repeat(VALUE_MAX), notSynthesized: true }]);
      expect(short.length).toBeLessThanOrEqual(900);
      expect(short).toContain('the warnings without their reasons');
      expect(short).not.toContain('n'.repeat(40));
      expect(short).toContain('is not synthesized in this change (removed or renamed?).');
      expect(markdownShape(short).problems).toEqual([]);
    });
  });

  it('shows a hostile reason as inert text, cut to the length of any value', () => {
    const hostile =
      '</details><details><summary>x</summary><!-- ``` `@octocat` | \n## Approved\n```\n@octocat #1 https://evil.example www.evil.example user@evil.example [x](https://evil.example) <script>alert(1)</script> ';
    const run = cli('--plan', devPlan(2), '--plan-failed', `contact-center-prod=${hostile}${'y'.repeat(VALUE_MAX)}TAIL`);
    const plain = cli('--plan', devPlan(2), '--plan-failed', 'contact-center-prod=harmless');
    expect(run.status).toBe(0);
    const shape = markdownShape(run.stdout);
    expect(shape.problems).toEqual([]);
    expect(shape.skeleton).toEqual(markdownShape(plain.stdout).skeleton);
    expect(run.stdout.split('\n').filter((l) => l.includes(REVIEW_MARKER))).toEqual([REVIEW_MARKER]);
    const line = run.stdout.split('\n')[3];
    expect(line.startsWith(`${warning('contact-center-prod')} Reason: &lt;/details&gt;`)).toBe(true);
    expect(line).not.toMatch(/<|@octocat|(?<!&)#1|:\/\/|www\.|user@evil/);
    expect(line.endsWith('y…')).toBe(true);
    expect(run.stdout).not.toContain('TAIL');
  });

  it('any reason and stack name leave the structure of the review as it is (property-based)', () => {
    const empty = SynthesizedStack.read(path.join(head, 'stacks', 'contact-center-dev'));
    const dev = { stack: 'contact-center-dev', plan: parsePlan(planJson(3), 'plan.json'), head: empty };
    fc.assert(
      fc.property(hostileString(), hostileString(), fc.boolean(), fc.constantFrom(Infinity, 2_000), (stack, reason, notSynthesized, limit) => {
        const text = reviewPlans([dev], limit, [{ stack, reason, notSynthesized }]);
        expect(text.length).toBeLessThanOrEqual(limit);
        const shape = markdownShape(text);
        expect(shape.problems).toEqual([]);
        expect(shape.skeleton.slice(0, 5)).toEqual(['marker', 'h2', 'blank', 'quote', 'blank']);
        expect(text.split('\n')[3]).toMatch(/^> ⛔ \*\*No plan for .*: its changes are NOT in this review\.\*\*/);
        if (notSynthesized) expect(text.split('\n')[3]).toContain(' is not synthesized in this change (removed or renamed?).');
        if (limit === Infinity)
          expect(shape.skeleton).toEqual(markdownShape(reviewPlans([dev], limit, [{ stack: 'x', reason: 'x', notSynthesized }])).skeleton);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every warning and every count in a review cut short, dropping a reason only when nothing else fits', () => {
    const reason = 'terraform plan failed';
    for (const limit of ['700', '1000', '3000']) {
      const run = cli(
        '--plan',
        devPlan(200),
        '--plan-failed',
        `contact-center-prod=${reason}`,
        '--plan-failed',
        'contact-center-test',
        '--limit',
        limit,
      );
      expect(run.status).toBe(0);
      expect(run.stdout.length).toBeLessThanOrEqual(Number(limit));
      expect(run.stdout).toContain('Review shortened to fit a GitHub comment');
      expect(run.stdout).toContain(`\n${warning('contact-center-prod')} Reason: ${reason}\n\n${warning('contact-center-test')}\n`);
      expect(run.stdout).toContain('**0** to create · **200** to update · **0** to replace · **1** to delete · 0 unchanged');
      expect(markdownShape(run.stdout).problems).toEqual([]);
    }
    // A reason of 300 `|` is 1 800 characters escaped: in 800 only the warning without it fits, with the totals.
    const cut = cli('--plan', devPlan(200), '--plan-failed', `contact-center-prod=${'|'.repeat(VALUE_MAX)}`, '--limit', '800');
    expect(cut.status).toBe(0);
    expect(cut.stdout.length).toBeLessThanOrEqual(800);
    expect(cut.stdout).toContain(
      `\n${warning('contact-center-prod')}\n\n1 stack(s): **0** to create · **200** to update · **0** to replace · **1** to delete · 0 unchanged\n`,
    );
    expect(cut.stdout).toContain('the warnings without their reasons');
    // Smaller still: an error, never a review without the warning.
    const tiny = cli('--plan', devPlan(200), '--plan-failed', 'contact-center-prod', '--limit', '400');
    expect({ status: tiny.status, stdout: tiny.stdout }).toEqual({ status: 1, stdout: '' });
    expect(tiny.stderr).toContain("a review needs more than 400 characters (a missing plan's warning is never left out)");
    // The default limit leaves it whole.
    expect(reviewPlans([], COMMENT_LIMIT, [{ stack: 'contact-center-prod', reason: 'x'.repeat(VALUE_MAX) }])).toContain(
      `Reason: ${'x'.repeat(VALUE_MAX)}\n`,
    );
  });

  it.each([
    [
      'a stack with a plan and a failure',
      ['--plan', devPlan(2), '--plan-failed', 'contact-center-dev=no credentials'],
      'stack contact-center-dev is given twice (as --plan and as --plan-failed)',
    ],
    [
      'a stack failed twice',
      ['--plan-failed', 'contact-center-prod', '--plan-failed', 'contact-center-prod=again'],
      'stack contact-center-prod is given twice (as --plan-failed and as --plan-failed)',
    ],
    [
      'a --plan stack the head does not have',
      ['--plan', `contact-center-staging=${path.join(work, 'dev-2.json')}`],
      'stacks/contact-center-staging has no cdk.tf.json',
    ],
    [
      'a failed stack whose name is not a stack name',
      ['--plan-failed', '../contact-center-prod=x'],
      '--plan-failed stack "../contact-center-prod" is not a stack name',
    ],
    ['a failed stack with an upper-case name', ['--plan-failed', 'contact-center-Prod'], 'is not a stack name'],
    ['a failed stack outside the naming scheme', ['--plan-failed', 'prod'], 'is not a stack name'],
    [
      'a planned stack whose name is not a stack name',
      ['--plan', `contact-center-dev/../x=${path.join(work, 'dev-2.json')}`],
      '--plan stack "contact-center-dev/../x" is not a stack name',
    ],
    ['a head without stacks/', ['--plan-failed', 'contact-center-prod', '--head', work], 'stacks is not a folder'],
    ['neither a plan nor a failure', [], '--plan and --head are required'],
  ])('exits 1 on %s, naming it', (_what, args, message) => {
    const run = cli(...args);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 1, stdout: '' });
    expect(run.stderr).toContain(message);
  });
});
