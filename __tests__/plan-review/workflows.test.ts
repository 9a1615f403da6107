import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..', '..');
const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
const load = (name: string) => parse(fs.readFileSync(path.join(root, '.github/workflows', name), 'utf8'));
type Step = { run?: string; uses?: string; with?: Record<string, string> };
const runs = (steps: Step[]) => steps.map((s) => s.run ?? '').join('\n');

describe('GitHub workflows', () => {
  it.each(['plan-review.yml', 'deploy.yml', 'deploy-environment.yml', 'drift.yml'])(
    '%s is valid YAML that calls only real npm scripts and compiled tools',
    (file) => {
      const workflow = load(file);
      const allRuns = Object.values(workflow.jobs as Record<string, { steps?: Step[] }>)
        .map((j) => runs(j.steps ?? []))
        .join('\n');
      for (const [, script] of allRuns.matchAll(/npm run (?:--silent )?([\w:-]+)/g)) expect(scripts).toHaveProperty(script);
      for (const [, tool] of allRuns.matchAll(/node (?:(?:artifacts\/)?head\/)?dist\/pipeline\/([\w-]+)\.js/g))
        expect(fs.existsSync(path.join(root, 'dist', 'pipeline', `${tool}.js`))).toBe(true);
    },
  );

  it('plan-review: synth head and base, plan per environment with its secrets (not for forks), review, one comment', () => {
    const wf = load('plan-review.yml');
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    expect(runs(wf.jobs.synth.steps)).toContain('npm run --silent synth');
    expect(wf.jobs.synth.steps.map((s: Step) => s.with?.ref).filter(Boolean)).toEqual(['${{ github.event.pull_request.base.sha }}']);
    expect(wf.jobs.plan.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    expect(wf.jobs.plan.strategy.matrix.include).toBe('${{ fromJSON(needs.synth.outputs.stacks) }}');
    const planStep = wf.jobs.plan.steps.find((s: Step & { env?: Record<string, string> }) => /terraform plan/.test(s.run ?? ''));
    expect(planStep.env.GENESYSCLOUD_OAUTHCLIENT_SECRET).toBe('${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}');
    expect(planStep.run).toContain('terraform plan -input=false -no-color -lock=false -detailed-exitcode -out=tfplan');
    expect(planStep.run).toContain('terraform show -json tfplan');
    expect(runs(wf.jobs.review.steps)).toContain(
      'node artifacts/head/dist/pipeline/plan-review.js "${args[@]}" --head artifacts/head/cdktf.out --base artifacts/base/cdktf.out',
    );
    const script = wf.jobs.review.steps.find((s: Step) => s.uses?.startsWith('actions/github-script')).with.script as string;
    expect(script).toContain("'<!-- genesys-plan-review -->'");
    expect(script).toContain('updateComment');
    expect(script).toContain('createComment');
  });

  describe('plan-review: the comment script (run as actions/github-script runs it)', () => {
    const wf = load('plan-review.yml');
    const script = wf.jobs.review.steps.find((s: Step) => s.uses?.startsWith('actions/github-script')).with.script as string;
    const marker = '<!-- genesys-plan-review -->';
    const bot = { login: 'github-actions[bot]', type: 'Bot' };

    async function comment(comments: Array<{ id: number; body: string; user: { login: string; type: string } | null }>) {
      const calls: Array<[string, Record<string, unknown>]> = [];
      const github = {
        paginate: async (fn: (args: unknown) => Promise<unknown>, args: unknown) => fn(args),
        rest: {
          issues: {
            listComments: async () => comments,
            updateComment: async (args: Record<string, unknown>) => calls.push(['update', args]),
            createComment: async (args: Record<string, unknown>) => calls.push(['create', args]),
          },
        },
      };
      const context = { repo: { owner: 'o', repo: 'r' }, issue: { number: 7 } };
      const fakeRequire = (name: string) => (name === 'fs' ? { readFileSync: () => `${marker}\n## Plan review\n` } : require(name));
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
      await new AsyncFunction('require', 'github', 'context', 'core', script)(fakeRequire, github, context, {});
      return calls.map(([what, args]) => `${what}:${args.comment_id ?? args.issue_number}`);
    }

    it('updates only the comment its own bot wrote, never one that only starts with the marker', async () => {
      const spoof = { id: 1, body: `${marker}\nLooks good to me, nothing deleted`, user: { login: 'mallory', type: 'User' } };
      const otherBot = { id: 2, body: `${marker}\nfake`, user: { login: 'evil-app[bot]', type: 'Bot' } };
      const ours = { id: 3, body: `${marker}\n## Plan review`, user: bot };
      expect(await comment([spoof, otherBot, ours])).toEqual(['update:3']);
      expect(await comment([spoof, otherBot, { id: 4, body: 'no marker', user: bot }, { id: 5, body: 'x', user: null }])).toEqual(['create:7']);
      expect(await comment([])).toEqual(['create:7']);
    });
  });

  it('deploy: dev on merge, then test and prod; each planned, then its saved plan applied behind the environment approval', () => {
    const wf = load('deploy.yml');
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.jobs.test.needs).toEqual(['build', 'dev']);
    expect(wf.jobs.prod.needs).toEqual(['build', 'test']);
    // A skipped apply (nothing to change) in one environment does not skip the next one.
    expect(wf.jobs.prod.if).toContain("needs.test.result == 'skipped'");
    const env = load('deploy-environment.yml');
    expect(env.jobs.plan.environment).toBe('${{ inputs.env }}-read');
    expect(env.jobs.apply.environment).toBe('${{ inputs.env }}');
    expect(env.jobs.apply.needs).toBe('plan');
    expect(runs(env.jobs.apply.steps)).toContain('terraform apply -input=false -no-color tfplan');
  });
});
