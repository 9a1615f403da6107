/**
 * `npm run --silent preflight -- --stack <stack> [--outdir cdktf.out]`: run by every workflow job before
 * `terraform init`. A pipeline starts from an empty machine, so a local backend would make each run start
 * from empty state (deploys that create everything again, plans that always show "create everything",
 * drift that always says "no changes"); without the committed provider lock file, a pull request's plan
 * and the later apply could use different provider versions.
 * Prints `key=value` lines for `$GITHUB_OUTPUT` (`backend`, and for Terraform Cloud / `remote` the
 * `tf_token_variable` that carries its API token); problems go to stderr, each with code and fix.
 * Exit codes: 0 ready, 1 not ready (every problem listed), 2 usage or internal error. The build also
 * bundles it as `dist/pipeline/pipeline-preflight.js`, which the workflows run with Node alone.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PreflightErrorCode } from '../flow/problem-codes';
import { Problem, formatProblem } from '../flow/problems';
import { commandSpec, parseCommandLine, usageError } from '../runtime/cli/command-line';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the terraform block of cdk.tf.json, every field checked where read
type TerraformBlock = Record<string, any>;

export const PREFLIGHT_EXIT = { ready: 0, notReady: 1, usage: 2 } as const;

/** One reason the stack is not ready: `GC6xxx`, where (the file and setting), what, and the fix. */
export type PreflightProblem = Problem<PreflightErrorCode>;

export interface PreflightResult {
  readonly problems: readonly PreflightProblem[];
  /** Step outputs for the workflow: `backend` (s3, cloud, remote) and `tf_token_variable` where one applies. */
  readonly outputs: Readonly<Record<string, string>>;
}

const LOCK_FILE = '.terraform.lock.hcl';
const PROVIDER_ADDRESS = 'registry.terraform.io/mypurecloud/genesyscloud';
const DEFAULT_CLOUD_HOST = 'app.terraform.io';
const CONFIG_FIX =
  'set this environment\'s backend in config/environments.ts to s3 (with dynamodbTable), cloud or remote; see "Deploying from GitHub Actions" in README.md';

/** Checks one synthesized stack folder; never throws for a problem the user can fix. */
export function preflightStack(stackDir: string): PreflightResult {
  const problems: PreflightProblem[] = [];
  const outputs: Record<string, string> = {};
  const configFile = path.join(stackDir, 'cdk.tf.json');
  let terraform: TerraformBlock | undefined;
  try {
    terraform = JSON.parse(fs.readFileSync(configFile, 'utf8')).terraform ?? {};
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not readable JSON';
    problems.push({
      code: 'GC6001',
      path: configFile,
      message: `${configFile} ${why}`,
      fix: 'run `npm run synth` first, and name a stack it writes (contact-center-<env>)',
    });
  }
  if (terraform) checkBackend(terraform, configFile, problems, outputs);

  const lockFile = path.join(stackDir, LOCK_FILE);
  const lock = fs.existsSync(lockFile) ? fs.readFileSync(lockFile, 'utf8') : undefined;
  // A provider block at the start of a line: a mention in a comment locks nothing.
  if (lock === undefined || !new RegExp(`^provider "${PROVIDER_ADDRESS.replace(/[./]/g, '\\$&')}" \\{`, 'm').test(lock)) {
    problems.push({
      code: 'GC6003',
      path: lockFile,
      message:
        lock === undefined
          ? 'no provider lock file: the provider version would float between the plan and the apply'
          : `the lock file does not lock ${PROVIDER_ADDRESS}`,
      fix: 'run `npm run providers:lock` on a machine with registry access, commit .terraform.lock.hcl at the repository root, then synthesize again',
    });
  }
  return { problems, outputs };
}

function checkBackend(terraform: TerraformBlock, where: string, problems: PreflightProblem[], outputs: Record<string, string>): void {
  const backends = Object.keys(terraform.backend ?? {});
  if (terraform.cloud) backends.push('cloud');
  const [type] = backends;
  if (backends.length !== 1 || !['s3', 'remote', 'cloud'].includes(type)) {
    const what =
      backends.length === 0
        ? 'no backend (Terraform would keep the state on the runner)'
        : type === 'local'
          ? 'the local backend: the state would stay on the runner and be lost with it'
          : `backend ${backends.join(', ')}, which the workflows do not set credentials for`;
    problems.push({ code: 'GC6002', path: `${where} terraform.backend`, message: `the stack uses ${what}`, fix: CONFIG_FIX });
    return;
  }
  const settings = type === 'cloud' ? terraform.cloud : terraform.backend[type];
  if (!settings || typeof settings !== 'object') {
    problems.push({ code: 'GC6002', path: `${where} terraform.backend`, message: `the ${type} backend has no settings`, fix: CONFIG_FIX });
    return;
  }
  outputs.backend = type;
  if (type === 's3') {
    // Without a lock, an apply from CI and one from a laptop can write the state at the same time.
    if (!settings.dynamodb_table && settings.use_lockfile !== true) {
      problems.push({
        code: 'GC6005',
        path: `${where} terraform.backend.s3`,
        message: 'the S3 backend has no state locking (neither dynamodb_table nor use_lockfile)',
        fix: 'add dynamodbTable to the s3 backend in config/environments.ts (a DynamoDB table with the partition key LockID)',
      });
    }
    return;
  }
  const host: string = settings.hostname ?? DEFAULT_CLOUD_HOST;
  const variable = tokenVariable(host);
  if (variable) outputs.tf_token_variable = variable;
  else
    problems.push({
      code: 'GC6004',
      path: `${where} hostname`,
      message: `no TF_TOKEN_ variable can name host ${JSON.stringify(host)} (a port or other characters)`,
      fix: 'use a host name without a port, or give Terraform the token in a CLI configuration file',
    });
}

/** Terraform's credentials variable for a host: dots become `_`, hyphens `__` (Terraform CLI docs, "Environment Variable Credentials"). */
export function tokenVariable(host: string): string | undefined {
  if (!/^[A-Za-z0-9.-]+$/.test(host)) return undefined;
  return `TF_TOKEN_${host.replace(/-/g, '__').replace(/\./g, '_')}`;
}

const PREFLIGHT_COMMAND = commandSpec({
  name: 'preflight',
  usage: 'npm run --silent preflight -- --stack <stack> [--outdir cdktf.out]',
  summary:
    'Checks a synthesized stack before `terraform init` in a pipeline: a remote backend with locking, and the committed\nprovider lock file. Prints key=value lines for $GITHUB_OUTPUT on stdout; each problem on stderr with its code and fix.',
  options: {
    stack: { type: 'string', value: '<stack>', description: 'the stack folder to check, e.g. contact-center-dev (required)' },
    outdir: { type: 'string', value: '<dir>', description: 'the synthesized output holding stacks/<stack> (default cdktf.out)' },
  },
  exitCodes: [
    [PREFLIGHT_EXIT.ready, 'ready'],
    [PREFLIGHT_EXIT.notReady, 'not ready (every problem listed)'],
    [PREFLIGHT_EXIT.usage, 'a bad command line, or an internal error'],
  ],
  usageExitCode: PREFLIGHT_EXIT.usage,
});

function main(): number {
  const { values } = parseCommandLine(PREFLIGHT_COMMAND);
  if (!values.stack || !/^[A-Za-z0-9_-]+$/.test(values.stack)) {
    usageError(PREFLIGHT_COMMAND, '--stack <stack> is required (a stack folder name such as contact-center-dev)');
  }
  const { problems, outputs } = preflightStack(path.join(values.outdir ?? 'cdktf.out', 'stacks', values.stack));
  for (const p of problems) console.error(formatProblem(p));
  if (problems.length > 0) return PREFLIGHT_EXIT.notReady;
  for (const [key, value] of Object.entries(outputs)) console.log(`${key}=${value}`);
  return PREFLIGHT_EXIT.ready;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (err) {
    console.error(`preflight: internal error: ${(err as Error).message}`);
    process.exitCode = PREFLIGHT_EXIT.usage;
  }
}
