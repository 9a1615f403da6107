import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..', '..');

describe('nightly drift workflow', () => {
  const workflow = parse(fs.readFileSync(path.join(root, '.github/workflows/drift.yml'), 'utf8'));
  const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const steps = workflow.jobs.drift.steps as Array<{ run?: string; uses?: string; with?: { script?: string } }>;
  const runs = steps.map((s) => s.run ?? '').join('\n');

  it('runs nightly, per environment, with that environment\'s secrets', () => {
    expect(workflow.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(workflow.jobs.drift.strategy.matrix.env).toEqual(['dev', 'test', 'prod']);
    expect(workflow.jobs.drift.environment).toBe('${{ matrix.env }}');
    expect(workflow.jobs.drift.env.GENESYSCLOUD_OAUTHCLIENT_SECRET).toBe('${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}');
  });

  it('calls the project\'s real scripts and the refresh-only plan', () => {
    for (const script of [...runs.matchAll(/npm run --silent (\w+)/g)].map((m) => m[1])) expect(scripts).toHaveProperty(script);
    expect(runs).toContain('npm run --silent drift -- --env "${{ matrix.env }}" --format markdown');
    expect(runs).toContain('plan -refresh-only -detailed-exitcode');
    expect(runs).toContain('cdktf.out/stacks/$STACK');
  });

  it('opens, updates and closes one labelled issue per environment', () => {
    const script = steps.find((s) => s.uses?.startsWith('actions/github-script'))!.with!.script!;
    expect(script).toContain('issues.create');
    expect(script).toContain('issues.update');
    expect(script).toContain("state: 'closed'");
    expect(script).toContain('drift:${env}');
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write' });
  });
});
