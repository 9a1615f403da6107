/**
 * `npm run providers:lock [-- --platform <os_arch> ... --fs-mirror <dir> --net-mirror <url> --out <file>]`
 * Writes the project's Terraform dependency lock file (`<project root>/.terraform.lock.hcl`, the folder
 * holding cdktf.json; or `--out`), which every synth copies into each stack folder. It runs
 * `terraform providers lock` in a temporary folder holding only the `required_providers` of freshly
 * synthesized stacks (no backend: nothing remote is touched), for linux_amd64, darwin_amd64, darwin_arm64
 * and windows_amd64 unless `--platform` is given, then checks that the file locks every required provider.
 * Exit codes: 0 written; 1 a failure the user can fix (`GC7001`-`GC7007`: what failed and how to fix it,
 * or invalid configuration), nothing written; 2 internal error.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENVIRONMENTS } from '../config';
import { ProblemError, ProvidersLockErrorCode } from '../flow';
import { CommandLineError, commandSpec, exitWithHelp, helpRequested, readCommandLine, usageLine } from '../runtime/cli/command-line';
import { Progress, progressOn } from '../runtime/cli/progress';
import { terminalLines, terminalText } from '../runtime/genesys/terminal-text';
import { synthToDirectory } from '../runtime/synth/synth-to-directory';
import { SYNTH_EXIT, isInputError } from '../runtime/synth/synth-runner';
import { LOCK_FILE_NAME, projectRoot, writeFileAtomically } from '../runtime/synth/terraform-working-files';

export const DEFAULT_PLATFORMS = ['linux_amd64', 'darwin_amd64', 'darwin_arm64', 'windows_amd64'] as const;
/** The Terraform the workflows pin (`terraform_version` in .github/workflows). */
const TERRAFORM_VERSION = '1.11.4';
/** Downloading a provider build for four platforms takes a while on a slow line; a hang must still end. */
const TERRAFORM_TIMEOUT_MS = 15 * 60_000;

/** A failure the user can fix: a stable code, what failed, and how to fix it. */
/** What `npm run providers:lock` refuses: one problem, `GC7xxx`, printed by the one problem formatter. */
function lockProblem(code: ProvidersLockErrorCode, message: string, fix: string): ProblemError {
  return new ProblemError([{ code, path: 'providers:lock', message, fix }]);
}

export interface ProvidersLockOptions {
  /** Where the lock file goes (default: `.terraform.lock.hcl` in the project root). */
  out?: string;
  platforms?: readonly string[];
  fsMirror?: string;
  netMirror?: string;
}

export interface LockedProvider {
  address: string;
  version: string;
}

type RequiredProviders = Record<string, { source: string; version?: string }>;

/** The one `required_providers` block all synthesized stacks share (one lock file serves them all). */
function requiredProviders(outdir: string, stackIds: readonly string[]): RequiredProviders {
  const blocks = stackIds.map(
    (id) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')).terraform?.required_providers ?? {},
  );
  const first = JSON.stringify(blocks[0]);
  const other = stackIds.find((_id, i) => JSON.stringify(blocks[i]) !== first);
  if (other)
    throw lockProblem(
      'GC7003',
      `stacks ${stackIds[0]} and ${other} require different providers or versions, so one lock file cannot serve both`,
      'give every stack the same provider constraints (cdktf.json terraformProviders and the stacks)',
    );
  return blocks[0];
}

function runTerraformLock(dir: string, options: ProvidersLockOptions): void {
  const args = ['providers', 'lock', '-no-color', ...(options.platforms ?? DEFAULT_PLATFORMS).map((p) => `-platform=${p}`)];
  if (options.fsMirror) args.push(`-fs-mirror=${path.resolve(options.fsMirror)}`);
  if (options.netMirror) args.push(`-net-mirror=${options.netMirror}`);
  const run = spawnSync('terraform', args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: TERRAFORM_TIMEOUT_MS,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
  });
  const code = (run.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT')
    throw lockProblem('GC7001', 'terraform not on PATH', `install Terraform ${TERRAFORM_VERSION} (the version the workflows use) and put it on PATH`);
  if (run.error || run.status !== 0) {
    // From Terraform's last error on: warnings before it (e.g. a missing CLI config file) only distract.
    const stderr = run.stderr.trim();
    // Terraform wraps its error over lines; a problem is one line, so the breaks become spaces.
    const why = (run.error ? run.error.message : `exit ${run.status}: ${stderr.slice(Math.max(0, stderr.lastIndexOf('Error: ')))}`)
      .replace(/\s+/g, ' ')
      .trim();
    throw lockProblem(
      'GC7002',
      `terraform providers lock failed (${why})`,
      'check access to registry.terraform.io, or pass --fs-mirror <dir> / --net-mirror <url> serving the providers for every --platform',
    );
  }
}

/** The provider address Terraform writes in a lock file for a `required_providers` source. */
const addressOf = (source: string) => (source.split('/').length === 2 ? `registry.terraform.io/${source}` : source).toLowerCase();

/** Checks that `lock` holds a version and hashes for every required provider; returns the versions. */
export function checkLockFile(lock: string, providers: RequiredProviders): LockedProvider[] {
  return Object.values(providers).map(({ source }) => {
    const address = addressOf(source);
    const block = lock.split(/^provider /m).find((b) => b.startsWith(`"${address}" {`));
    const version = block && /^\s*version\s*=\s*"([^"]+)"/m.exec(block)?.[1];
    if (!block || !version || !/"h1:/.test(block)) {
      throw lockProblem(
        'GC7004',
        `the lock file terraform wrote has no version and hashes for ${address}`,
        'check that the mirror serves this provider, then run npm run providers:lock again',
      );
    }
    return { address, version };
  });
}

/**
 * Locks the providers of freshly synthesized stacks and writes the lock file; returns its path and the
 * locked versions. `progress` hears each step (the terraform run can take minutes).
 */
export function lockProviders(
  options: ProvidersLockOptions = {},
  progress: Progress = () => undefined,
): { file: string; providers: LockedProvider[] } {
  const root = options.out === undefined ? projectRoot() : undefined;
  if (options.out === undefined && root === undefined) {
    throw lockProblem(
      'GC7005',
      `no cdktf.json in ${process.cwd()} or a folder above it, so the project root is unknown`,
      'run it from the project folder (npm run providers:lock does), or pass --out <file>',
    );
  }
  const file = path.resolve(options.out ?? path.join(root!, LOCK_FILE_NAME));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-providers-lock-'));
  try {
    const outdir = path.join(work, 'cdktf.out');
    progress('synthesizing every environment for the providers it requires');
    const providers = requiredProviders(outdir, synthToDirectory(outdir, ENVIRONMENTS));
    const lockDir = path.join(work, 'lock');
    fs.mkdirSync(lockDir);
    fs.writeFileSync(path.join(lockDir, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: providers } }, null, 2));
    const platforms = options.platforms ?? DEFAULT_PLATFORMS;
    progress(`running terraform providers lock for ${platforms.join(', ')} (fetches each platform's provider build: can take minutes)`);
    runTerraformLock(lockDir, options);
    const lock = fs.readFileSync(path.join(lockDir, LOCK_FILE_NAME), 'utf8');
    const locked = checkLockFile(lock, providers);
    try {
      writeFileAtomically(file, lock);
    } catch (err) {
      throw lockProblem(
        'GC7006',
        `cannot write ${file} (${(err as Error).message})`,
        'check that its folder exists and is writable, or pass another --out <file>',
      );
    }
    return { file, providers: locked };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const PROVIDERS_LOCK_COMMAND = commandSpec({
  name: 'providers:lock',
  usage: 'npm run providers:lock -- [--platform <os_arch>]... [--fs-mirror <dir>] [--net-mirror <url>] [--out <file>]',
  summary:
    "Writes the project's Terraform dependency lock file (.terraform.lock.hcl next to cdktf.json, which every synth copies into\neach stack folder) with `terraform providers lock`, for the providers of freshly synthesized stacks. Needs terraform on\nPATH and registry (or mirror) access; touches no backend.",
  options: {
    platform: {
      type: 'string',
      multiple: true,
      value: '<os_arch>',
      description: `a platform to lock, e.g. linux_amd64 (default ${DEFAULT_PLATFORMS.join(', ')})`,
    },
    'fs-mirror': { type: 'string', value: '<dir>', description: 'read the providers from this filesystem mirror instead of the registry' },
    'net-mirror': { type: 'string', value: '<url>', description: 'read the providers from this network mirror instead of the registry' },
    out: { type: 'string', value: '<file>', description: 'write the lock file here (default .terraform.lock.hcl in the project root)' },
  },
  exitCodes: [
    [SYNTH_EXIT.ok, 'written'],
    [
      SYNTH_EXIT.invalidInput,
      'a failure the user can fix, nothing written: GC7001-GC7007 with what failed and the fix (GC7007: a bad command line), or invalid configuration',
    ],
    [SYNTH_EXIT.internalError, 'internal error'],
  ],
  usageExitCode: SYNTH_EXIT.invalidInput,
});

/** Parses the command line (without `--help`, which the CLI answers first); a bad one is GC7007. */
export function parseOptions(argv: string[]): ProvidersLockOptions {
  const usage = usageLine(PROVIDERS_LOCK_COMMAND);
  let values;
  try {
    values = readCommandLine(PROVIDERS_LOCK_COMMAND, argv).values;
  } catch (err) {
    if (!(err instanceof CommandLineError)) throw err;
    throw lockProblem('GC7007', `invalid arguments: ${err.message}`, usage);
  }
  const bad = values.platform?.find((p) => !/^[a-z0-9]+_[a-z0-9]+$/.test(p));
  if (bad !== undefined) throw lockProblem('GC7007', `--platform ${bad} is not an os_arch pair such as linux_amd64`, usage);
  return { platforms: values.platform, fsMirror: values['fs-mirror'], netMirror: values['net-mirror'], out: values.out };
}

if (require.main === module) {
  if (helpRequested(PROVIDERS_LOCK_COMMAND, process.argv.slice(2))) exitWithHelp(PROVIDERS_LOCK_COMMAND);
  try {
    const { file, providers } = lockProviders(parseOptions(process.argv.slice(2)), progressOn('providers:lock'));
    const locked = providers.map((p) => `${p.address} ${p.version}`).join(', ');
    console.log(terminalText(`wrote ${path.relative(process.cwd(), file) || file}: ${locked}`));
  } catch (err) {
    // Its own refusals (GC7xxx) and the configuration's are input errors: exit 1.
    if (isInputError(err)) {
      process.stderr.write(`providers:lock failed: ${terminalLines(err.message)}\n`);
      process.exit(SYNTH_EXIT.invalidInput);
    }
    process.stderr.write(`providers:lock failed with an internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(SYNTH_EXIT.internalError);
  }
}
