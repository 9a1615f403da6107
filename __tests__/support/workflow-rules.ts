/**
 * The pipeline rules of the GitHub workflows, each a function listing its violations, so that tests can
 * show every rule passing on `.github/workflows/` and failing on the workflows it was written against
 * (`__tests__/fixtures/workflows-before/`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

type Json = Record<string, any>;

export interface Workflow {
  readonly file: string;
  readonly text: string;
  readonly doc: Json;
}

interface Job {
  readonly workflow: Workflow;
  readonly id: string;
  readonly job: Json;
}

export function loadWorkflows(dir: string): Workflow[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return { file: f, text, doc: parse(text) as Json };
    });
}

const jobsOf = (workflows: readonly Workflow[]): Job[] =>
  workflows.flatMap((workflow) => Object.entries<Json>(workflow.doc.jobs ?? {}).map(([id, job]) => ({ workflow, id, job })));
const stepsOf = (job: Json): Json[] => job.steps ?? [];
/** The step's shell script with continuation lines joined, so a command split over lines is one line. */
const runOf = (step: Json): string => (typeof step.run === 'string' ? step.run.replace(/\\\r?\n\s*/g, ' ') : '');
const where = (j: Job, step?: Json): string =>
  `${j.workflow.file} jobs.${j.id}${step ? ` step "${step.name ?? step.uses ?? runOf(step).split('\n')[0]}"` : ''}`;
const triggers = (w: Workflow): string[] => Object.keys(typeof w.doc.on === 'string' ? { [w.doc.on]: null } : (w.doc.on ?? {}));
/** `${{ inputs.env }}` and `${{ matrix.env }}` both stand for the environment name. */
const environmentOf = (job: Json): string | undefined => {
  const env = typeof job.environment === 'string' ? job.environment : job.environment?.name;
  return env?.replace(/\$\{\{\s*(inputs|matrix)\.env\s*\}\}/g, '<env>');
};
/** Any read of the secrets context in an expression: `secrets.X`, `secrets['X']`, `toJSON(secrets)`. */
const mentionsSecrets = (value: unknown): boolean => /\$\{\{[^}]*\bsecrets\b/.test(JSON.stringify(value ?? {}));
/** A job's own settings, without its steps (env, container, services, defaults, strategy, with). */
const jobSettings = (job: Json): Json => ({ ...job, steps: undefined });
const grantsIdToken = (w: Workflow, job: Json): boolean =>
  (job.permissions ?? w.doc.permissions)?.['id-token'] === 'write' || (job.permissions ?? w.doc.permissions) === 'write-all';
const runsPackageManager = (step: Json): boolean => /\b(npm|npx|yarn|pnpm|corepack)\b/.test(runOf(step));
const runsTerraform = (step: Json, command: string): boolean => new RegExp(`\\bterraform\\b[^\\n]*\\s${command}\\b`).test(runOf(step));
const isPreflight = (step: Json): boolean => /pipeline-preflight/.test(runOf(step));
const isCredentials = (step: Json): boolean => /configure-aws-credentials/.test(step.uses ?? '');
/** The commands that need Genesys or backend credentials: Terraform and the bundled drift check. */
const needsCredentials = (step: Json): boolean => /\bterraform\b|dist\/pipeline\/drift\.js/.test(runOf(step));

/**
 * 1. A job that runs `terraform init` checks for a shared backend and the lock file first, or applies the
 * stack folder of a job it needs that did (and takes the backend from that job's outputs).
 */
export function sharedBackendChecked(workflows: readonly Workflow[]): string[] {
  const problems: string[] = [];
  const jobs = jobsOf(workflows);
  for (const j of jobs) {
    const steps = stepsOf(j.job);
    const init = steps.findIndex((s) => runsTerraform(s, 'init'));
    if (init < 0) continue;
    const preflight = steps.slice(0, init).find(isPreflight);
    if (preflight) {
      // Its failure must stop Terraform: a failing step, or every Terraform step gated on its exit code.
      const captured = preflight['continue-on-error'] !== undefined || /set \+e|\|\||;\s*true\b/.test(runOf(preflight));
      const gate = `steps.${preflight.id}.outputs.code == '0'`;
      if (preflight.if !== undefined || preflight.shell !== undefined || preflight.env !== undefined)
        problems.push(`${where(j, preflight)}: the preflight may be skipped or changed (if, shell or env on its step)`);
      for (const step of steps.slice(steps.indexOf(preflight) + 1).filter((s) => /\bterraform\b/.test(runOf(s)))) {
        if (captured && String(step.if ?? '').trim() !== gate)
          problems.push(`${where(j, step)}: runs although the preflight may have failed (its if must be exactly ${gate})`);
      }
      continue;
    }
    const needs = [j.job.needs ?? []].flat();
    const checkedBy = jobs.find((p) => p.workflow === j.workflow && needs.includes(p.id) && stepsOf(p.job).some(isPreflight));
    if (!checkedBy || !JSON.stringify(j.job).includes(`needs.${checkedBy.id}.outputs.backend`)) {
      problems.push(`${where(j, steps[init])}: terraform init without the preflight (shared backend, lock file) before it`);
    }
  }
  return problems;
}

/** 2. Deploys are plan → review → apply: the gated job applies the saved plan another job made and showed. */
export function applyWhatWasReviewed(workflows: readonly Workflow[]): string[] {
  const problems: string[] = [];
  const jobs = jobsOf(workflows);
  for (const j of jobs) {
    const steps = stepsOf(j.job);
    for (const step of steps) {
      if (/-auto-approve|\bcdktf\s+(deploy|destroy|apply)\b|\bterraform\b[^\n]*\sdestroy\b/.test(runOf(step)))
        problems.push(`${where(j, step)}: changes the org without a reviewed plan (-auto-approve, cdktf deploy/destroy, terraform destroy)`);
      for (const line of runOf(step)
        .split('\n')
        .filter((l) => /\bterraform\b[^\n]*\sapply\b/.test(l))) {
        if (!/^\s*terraform(\s+-chdir=\S+)?\s+apply(\s+-input=false|\s+-no-color)*\s+tfplan\s*$/.test(line))
          problems.push(`${where(j, step)}: "${line.trim()}" is not exactly an apply of the saved plan tfplan`);
      }
    }
    const applyLines = steps.flatMap((s) => runOf(s).split('\n')).filter((l) => /\bterraform\b[^\n]*\sapply\b/.test(l));
    const apply = steps.find((s) => runsTerraform(s, 'apply'));
    if (!apply) continue;
    if (applyLines.length > 1) problems.push(`${where(j)}: applies more than once`);
    if (steps.some((s) => runsTerraform(s, 'plan')))
      problems.push(`${where(j)}: plans and applies in one job (approval would come before the plan exists)`);
    const download = steps.findIndex((s) => /download-artifact/.test(s.uses ?? ''));
    if (download < 0 || download > steps.indexOf(apply)) problems.push(`${where(j)}: does not download the reviewed plan before applying`);
    const needs = [j.job.needs ?? []].flat();
    const planJob = jobs.find(
      (p) =>
        p.workflow === j.workflow && needs.includes(p.id) && stepsOf(p.job).some((s) => runsTerraform(s, 'plan') && /-out=tfplan/.test(runOf(s))),
    );
    if (!planJob) {
      problems.push(`${where(j)}: needs no job that saves a plan`);
      continue;
    }
    const planSteps = stepsOf(planJob.job);
    if (!planSteps.some((s) => /upload-artifact/.test(s.uses ?? ''))) problems.push(`${where(planJob)}: does not upload the saved plan`);
    if (!planSteps.some((s) => /GITHUB_STEP_SUMMARY/.test(runOf(s)) && /plan-review/.test(runOf(s))))
      problems.push(`${where(planJob)}: does not show the plan's review as the job summary`);
    if (environmentOf(planJob.job) === environmentOf(j.job))
      problems.push(`${where(planJob)}: plans in the apply's gated environment (the approval would come first)`);
  }
  return problems;
}

/** The jobs a run of `w` runs: its own and, once per call, those of the local reusable workflows it calls. */
function jobsRunBy(w: Workflow, all: readonly Workflow[], seen = new Set<string>()): Job[] {
  if (seen.has(w.file)) return [];
  seen.add(w.file);
  return jobsOf([w]).flatMap((j) => {
    const called = typeof j.job.uses === 'string' && j.job.uses.startsWith('./') ? all.find((x) => j.job.uses.endsWith(`/${x.file}`)) : undefined;
    return called ? jobsRunBy(called, all, seen) : [j];
  });
}

/** 3. Scheduled runs (drift) never wait for approval: they use no environment a deploy applies in, not even through a reusable workflow. */
export function driftNeedsNoApproval(workflows: readonly Workflow[]): string[] {
  const jobs = jobsOf(workflows);
  const gated = new Set(jobs.filter((j) => stepsOf(j.job).some((s) => runsTerraform(s, 'apply'))).map((j) => environmentOf(j.job)));
  return workflows
    .filter((w) => triggers(w).includes('schedule'))
    .flatMap((w) => jobsRunBy(w, workflows))
    .filter((j) => gated.has(environmentOf(j.job)) || (environmentOf(j.job) !== undefined && !environmentOf(j.job)!.endsWith('-read')))
    .map((j) => `${where(j)}: runs in environment ${j.job.environment}, which a deploy applies in (reviewers would have to approve every night)`);
}

/** 4. Credentials reach only the steps that run Terraform, cdktf, drift or the plan review. */
export function secretsOnlyWhereUsed(workflows: readonly Workflow[]): string[] {
  const problems: string[] = [];
  for (const w of workflows)
    if (mentionsSecrets({ ...w.doc, jobs: undefined })) problems.push(`${w.file}: secrets in the workflow's settings (env, defaults)`);
  for (const j of jobsOf(workflows)) {
    if (mentionsSecrets(jobSettings(j.job)))
      problems.push(`${where(j)}: secrets in the job's settings (env, container, services, with): every step would see them`);
    const holdsCredentials =
      grantsIdToken(j.workflow, j.job) || mentionsSecrets(jobSettings(j.job)) || stepsOf(j.job).some((s) => mentionsSecrets(s) || isCredentials(s));
    for (const step of stepsOf(j.job)) {
      if (mentionsSecrets(step) && !needsCredentials(step))
        problems.push(`${where(j, step)}: secrets in a step that does not run Terraform or the drift check`);
      if (holdsCredentials && runsPackageManager(step))
        problems.push(`${where(j, step)}: runs a package manager in a job that holds credentials (install scripts would see them)`);
    }
  }
  return problems;
}

/** 5. Everything that could change between a plan and its apply is pinned, and every job is bounded in time. */
export function everythingPinned(workflows: readonly Workflow[]): string[] {
  const problems: string[] = [];
  const versions = new Set<string>();
  for (const j of jobsOf(workflows)) {
    for (const uses of [j.job.uses, ...stepsOf(j.job).map((s) => s.uses)].filter((u): u is string => typeof u === 'string' && !u.startsWith('./'))) {
      const commented = j.workflow.text
        .split('\n')
        .some((line) => line.includes(uses) && new RegExp(`${uses.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*}?\\s*#\\s*v\\d`).test(line));
      if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(uses) || !commented)
        problems.push(`${where(j)}: ${uses} is not pinned to a commit SHA with its version as a comment`);
    }
    if (j.job['runs-on'] !== undefined && j.job['timeout-minutes'] === undefined) problems.push(`${where(j)}: no timeout-minutes`);
    const firstTerraform = stepsOf(j.job).findIndex((s) => /\bterraform\b/.test(runOf(s)));
    const setup = stepsOf(j.job).findIndex((s) => /^hashicorp\/setup-terraform@/.test(s.uses ?? ''));
    if (firstTerraform >= 0 && (setup < 0 || setup > firstTerraform))
      problems.push(`${where(j)}: runs Terraform without installing the pinned version first`);
    for (const step of stepsOf(j.job).filter((s) =>
      /\b(apt|apt-get|brew|snap|yum|dnf|choco|asdf|tfenv)\b[^\n]*\bterraform\b|hashicorp\.com/.test(runOf(s)),
    )) {
      problems.push(`${where(j, step)}: installs Terraform another way than the pinned setup-terraform`);
    }
    for (const step of stepsOf(j.job)) {
      if (/setup-terraform/.test(step.uses ?? '')) {
        const version = String(step.with?.terraform_version ?? '');
        if (!/^\d+\.\d+\.\d+$/.test(version))
          problems.push(`${where(j, step)}: terraform_version ${JSON.stringify(version)} is not an exact version`);
        versions.add(version);
      }
      for (const line of runOf(step)
        .split('\n')
        .map((l) => l.replace(/\s#.*$/, ''))
        .filter((l) => /\bterraform\b[^\n]*\sinit\b/.test(l))) {
        if (!/\s-lockfile=readonly(\s|$)/.test(line) || /\s-upgrade\b/.test(line))
          problems.push(`${where(j, step)}: terraform init may change the provider lock (use -lockfile=readonly, never -upgrade)`);
      }
    }
  }
  if (versions.size > 1) problems.push(`Terraform versions differ between jobs: ${[...versions].join(', ')}`);
  return problems;
}

/** 6. One failed environment does not hide the review; the tests run once per pipeline; npm is cached. */
export function reviewAlwaysAndTestsOnce(workflows: readonly Workflow[]): string[] {
  const problems: string[] = [];
  const jobs = jobsOf(workflows);
  for (const j of jobs) {
    const review = stepsOf(j.job).find((s) => /plan-review/.test(runOf(s)));
    const needs = [j.job.needs ?? []].flat();
    const needsMatrixPlan = jobs.some((p) => p.workflow === j.workflow && needs.includes(p.id) && p.job.strategy?.matrix);
    if (review && needsMatrixPlan) {
      const expectedIf =
        "${{ !cancelled() && needs.synth.result == 'success' && github.event.pull_request.head.repo.full_name == github.repository }}";
      if (String(j.job.if ?? '').trim() !== expectedIf)
        problems.push(`${where(j)}: skipped when one environment's plan fails (its if must be exactly ${expectedIf})`);
      if (!/--plan-failed/.test(runOf(review))) problems.push(`${where(j, review)}: does not say which environment has no plan`);
    }
    const installs = stepsOf(j.job).some((s) => /\bnpm ci\b/.test(runOf(s)));
    for (const step of stepsOf(j.job)) {
      if (installs && /setup-node/.test(step.uses ?? '') && step.with?.cache !== 'npm')
        problems.push(`${where(j, step)}: npm ci without the npm cache`);
    }
  }
  for (const w of workflows.filter((x) => triggers(x).some((t) => t === 'push' || t === 'pull_request' || t === 'schedule'))) {
    const runs = testRuns(w, workflows);
    const expected = triggers(w).includes('schedule') ? 0 : 1;
    if (runs !== expected) problems.push(`${w.file}: the tests run ${runs} times per run (expected ${expected})`);
  }
  return problems;
}

/** `npm test` runs in one run of `w`, counting the reusable workflows it calls once per call. */
function testRuns(w: Workflow, all: readonly Workflow[]): number {
  return Object.values<Json>(w.doc.jobs ?? {}).reduce((sum, job) => {
    if (typeof job.uses === 'string' && job.uses.startsWith('./')) {
      const called = all.find((x) => job.uses.endsWith(`/${x.file}`));
      return sum + (called ? testRuns(called, all) : 0);
    }
    const perJob = stepsOf(job).filter((s) => /\bnpm (test|t)\b|\bnpm run test\b|\bjest\b/.test(runOf(s))).length;
    const matrix = job.strategy?.matrix
      ? Object.values<unknown>(job.strategy.matrix).reduce<number>((n, v) => n * (Array.isArray(v) ? v.length : 1), 1)
      : 1;
    return sum + perJob * matrix;
  }, 0);
}

export const PIPELINE_RULES = {
  'shared backend checked before init': sharedBackendChecked,
  'apply exactly the reviewed plan': applyWhatWasReviewed,
  'nightly drift needs no approval': driftNeedsNoApproval,
  'secrets only in the steps that use them': secretsOnlyWhereUsed,
  'actions, Terraform and the provider lock pinned; jobs time-bounded': everythingPinned,
  'review posted when a plan fails; tests once; npm cache': reviewAlwaysAndTestsOnce,
} as const;

/** Rules the workflows before issue 12 happened to keep too (no violation there to show). */
export const PIPELINE_GUARDS = {
  'no hidden Terraform or shell overrides': noHiddenOverrides,
} as const;

/**
 * The jobs that hold credentials (an environment's secrets, any secret, or the OIDC token), each as the
 * exact steps it runs. Regex rules lose to quoting, variables and `env:`; these jobs are instead compared
 * with an approved copy, so any change to them is a visible, reviewed change of that copy.
 */
export function credentialedJobShapes(workflows: readonly Workflow[]): Record<string, unknown> {
  const shapes: Record<string, unknown> = {};
  for (const j of jobsOf(workflows)) {
    if (j.job.environment === undefined && !grantsIdToken(j.workflow, j.job) && !mentionsSecrets(j.job) && !stepsOf(j.job).some(isCredentials))
      continue;
    shapes[`${j.workflow.file} jobs.${j.id}`] = {
      ...j.job,
      steps: stepsOf(j.job).map((step) => ({
        ...step,
        run:
          typeof step.run === 'string'
            ? step.run
                .trim()
                .split('\n')
                .map((l: string) => l.trim())
            : undefined,
      })),
    };
  }
  return JSON.parse(JSON.stringify(shapes));
}

/** Settings that change what Terraform or the shell does behind the approved commands. */
export function noHiddenOverrides(workflows: readonly Workflow[]): string[] {
  const problems: string[] = [];
  for (const j of jobsOf(workflows)) {
    const text = JSON.stringify(j.job);
    if (/TF_CLI_ARGS|TF_LOG|TF_CLI_CONFIG_FILE|BASH_ENV|NODE_OPTIONS/.test(text))
      problems.push(`${where(j)}: sets TF_CLI_ARGS*, TF_LOG*, TF_CLI_CONFIG_FILE, BASH_ENV or NODE_OPTIONS`);
    for (const step of stepsOf(j.job)) {
      if (/GITHUB_ENV|GITHUB_PATH/.test(runOf(step)))
        problems.push(`${where(j, step)}: writes GITHUB_ENV or GITHUB_PATH (later steps would inherit it)`);
      if (step.shell !== undefined) problems.push(`${where(j, step)}: a custom shell`);
    }
  }
  return problems;
}
