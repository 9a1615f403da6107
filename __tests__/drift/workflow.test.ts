import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { DriftReport } from '../../runtime/drift/drift-check';
import { DRIFT_MARKDOWN_LIMIT, toMarkdown } from '../../runtime/drift/drift-format';
import { markdownShape } from '../hostile/plan-review-structure';

const root = path.resolve(__dirname, '..', '..');

describe('nightly drift workflow', () => {
  const workflow = parse(fs.readFileSync(path.join(root, '.github/workflows/drift.yml'), 'utf8'));
  const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const steps = workflow.jobs.drift.steps as Array<{ run?: string; uses?: string; with?: { script?: string } }>;
  const runs = steps.map((s) => s.run ?? '').join('\n');
  const buildRuns = (workflow.jobs.build.steps as Array<{ run?: string }>).map((s) => s.run ?? '').join('\n');

  it('runs nightly, per environment, in its read-only environment, secrets only in the checking steps', () => {
    expect(workflow.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(workflow.jobs.drift.strategy.matrix.include).toBe('${{ fromJSON(needs.build.outputs.stacks) }}');
    expect(workflow.jobs.drift.environment).toBe('${{ matrix.env }}-read');
    const withSecret = (steps as Array<{ id?: string; env?: Record<string, string> }>).filter(
      (s) => s.env?.GENESYSCLOUD_OAUTHCLIENT_SECRET === '${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}',
    );
    expect(withSecret.map((s) => s.id)).toEqual(['genesys', 'terraform']);
  });

  it("calls the project's real scripts and the refresh-only plan", () => {
    for (const script of [...buildRuns.matchAll(/npm run --silent (\w+)/g)].map((m) => m[1])) expect(scripts).toHaveProperty(script);
    expect(buildRuns).toContain('npm run --silent synth');
    expect(runs).toContain('node dist/pipeline/drift.js --env "$ENVIRONMENT" --format markdown');
    expect(workflow.jobs.drift.env.ENVIRONMENT).toBe('${{ matrix.env }}');
    expect(runs).toContain('plan -refresh-only -lock=false -detailed-exitcode');
    expect(runs).toContain('cdktf.out/stacks/$STACK');
  });

  it('opens, updates and closes one labelled issue per environment', () => {
    const script = steps.find((s) => s.uses?.startsWith('actions/github-script'))!.with!.script!;
    expect(script).toContain('issues.create');
    expect(script).toContain('issues.update');
    expect(script).toContain("state: 'closed'");
    expect(script).toContain('drift:${env}');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.drift.permissions).toEqual({ contents: 'read', issues: 'write', 'id-token': 'write' });
  });

  describe('the issue script (run as actions/github-script runs it)', () => {
    const script = steps.find((s) => s.uses?.startsWith('actions/github-script'))!.with!.script!;
    const GITHUB_BODY_LIMIT = 65_536;

    async function runScript(files: Record<string, string>, codes: { genesys: number; terraform: number }, open?: { number: number }) {
      const calls: Array<{ what: string; args: Record<string, unknown> }> = [];
      const github = {
        paginate: async (fn: (args: unknown) => Promise<unknown>, args: unknown) => fn(args),
        rest: {
          issues: {
            listForRepo: async () => (open ? [open] : []),
            create: async (args: Record<string, unknown>) => calls.push({ what: 'create', args }),
            update: async (args: Record<string, unknown>) => calls.push({ what: 'update', args }),
            createComment: async (args: Record<string, unknown>) => calls.push({ what: 'comment', args }),
          },
        },
      };
      const fakeFs = { existsSync: (f: string) => f in files, readFileSync: (f: string) => files[f] };
      const context = { repo: { owner: 'o', repo: 'r' }, runId: 42, serverUrl: 'https://github.com' };
      const core = { setFailed: (message: string) => calls.push({ what: 'failed', args: { message } }) };
      const env = { ENVIRONMENT: 'prod', GENESYS_CODE: String(codes.genesys), TERRAFORM_CODE: String(codes.terraform) };
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
      await new AsyncFunction('require', 'github', 'context', 'core', 'process', script)(
        (m: string) => (m === 'fs' ? fakeFs : require(m)),
        github,
        context,
        core,
        { env },
      );
      return calls;
    }

    /** A report at its longest: many findings and errors with long hostile values, in two stacks. */
    const long = 'x</details><!-- ```'.repeat(400);
    const report = (stack: string, n: number): DriftReport => ({
      stack,
      complete: false,
      checkedFlows: n,
      checkedIvrs: 1,
      errors: [`GC4006 ${long}`],
      findings: Array.from({ length: n }, (_, i) => ({
        resource: 'flow' as const,
        kind: 'flow-content-differs' as const,
        name: `Flow ${i} ${long}`,
        detail: long,
        differences: [{ path: 'a', expected: long, actual: long }],
      })),
    });

    it("keeps the issue body within GitHub's limit whatever the reports hold, every structure closed, the summary kept", async () => {
      const genesys = toMarkdown([report('contact-center-prod', 500), report('contact-center-prod-2', 1)]);
      expect(genesys.length).toBeLessThanOrEqual(DRIFT_MARKDOWN_LIMIT);
      // Terraform output with fences and HTML of its own, far longer than an issue; its summary at the end.
      const tf =
        Array.from({ length: 4000 }, (_, i) => `  ~ resource ${i}: "${'```'} </details> <!--" ${'y'.repeat(40)}`).join('\n') +
        '\n```\nPlan: 0 to add, 4000 to change, 0 to destroy.\n';
      // As `npm run drift` prints it (console.log adds a line break).
      const calls = await runScript({ 'genesys-drift.md': `${genesys}\n`, 'terraform-drift.txt': tf }, { genesys: 1, terraform: 2 });
      expect(calls.map((c) => c.what)).toEqual(['create', 'failed']);
      const body = calls[0].args.body as string;
      expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
      const lines = body.split('\n');
      expect(lines[lines.length - 1]).toBe('Run: https://github.com/o/r/actions/runs/42 (full output in its artifacts)');
      const shape = markdownShape(lines.slice(0, -1).join('\n'));
      expect(shape.problems).toEqual([]);
      expect(body).toContain('### contact-center-prod-2'); // the second stack's counts, after 500 findings in the first
      expect(body).toContain('Plan: 0 to add, 4000 to change, 0 to destroy.'); // the end of the Terraform output
      expect(body).toMatch(/> ⚠️ The first \d+ of \d+ characters of the Terraform output are left out/);
      expect(body).toContain(genesys.trimEnd()); // the Genesys report whole, as shortened by toMarkdown
      expect(body).toContain('Report shortened to fit a GitHub issue');
      expect(shape.skeleton.filter((k) => k.startsWith('fence-open')).length).toBe(shape.skeleton.filter((k) => k === 'fence-close').length);
    });

    it('a report that is not what npm run drift writes (too long) is replaced by a note, never posted', async () => {
      const calls = await runScript(
        { 'genesys-drift.md': 'x'.repeat(200_000), 'terraform-drift.txt': 'No changes.\n' },
        { genesys: 2, terraform: 0 },
      );
      const body = calls[0].args.body as string;
      expect(body.length).toBeLessThan(1_000);
      expect(body).toContain("The Genesys report (200000 characters) is too long for an issue: see the run's artifacts.");
    });

    it('a short report is posted whole, and an in-sync run closes the issue', async () => {
      const calls = await runScript(
        { 'genesys-drift.md': '## Genesys Cloud drift: drift found\n', 'terraform-drift.txt': 'No changes.\n' },
        { genesys: 2, terraform: 0 },
        { number: 9 },
      );
      expect(calls).toEqual([{ what: 'update', args: expect.objectContaining({ issue_number: 9 }) }]);
      const body = calls[0].args.body as string;
      expect(body).toContain('```\nNo changes.\n```');
      expect(body).not.toContain('left out');
      const closed = await runScript({}, { genesys: 0, terraform: 0 }, { number: 9 });
      expect(closed.map((c) => c.what)).toEqual(['comment', 'update']);
    });

    it('keeps the full reports as an artifact', () => {
      const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact')) as { if?: string; with?: Record<string, string> } | undefined;
      expect(upload?.if).toBe('always()');
      expect(upload?.with?.path).toContain('genesys-drift.md');
      expect(upload?.with?.path).toContain('terraform-drift.txt');
    });
  });
});
