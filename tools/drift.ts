/**
 * `npm run drift -- --env <env> | --all [--format table|json|markdown] [--export-batch-size 100] [--export-first-poll-ms 2000]`
 * Compares the live org with what `cdktf synth` produces for the environment(s). Credentials and gateway
 * come from the provider's environment variables. Exit codes: 0 in sync, 2 drift found, 1 could not
 * check everything (or bad arguments). Export jobs are polled with the ops' defaults
 * (`EXPORT_POLL_DEFAULTS`: first poll after 2 s, then every 2 s growing to 5 s); `npm run bench -- drift`
 * runs the check with these same defaults. `--export-first-poll-ms` moves the first poll (an org whose
 * export jobs are known to take longer saves polls; a test emulator whose jobs take 50 ms saves time).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENVIRONMENTS } from '../config';
import { ArchitectOps, DEFAULT_EXPORT_BATCH_SIZE, EXPORT_POLL_DEFAULTS } from '../runtime/architect/architect-ops';
import { commandSpec, parseCommandLine, usageError } from '../runtime/cli/command-line';
import { progressOn } from '../runtime/cli/progress';
import { DriftReport, detectDrift } from '../runtime/drift/drift-check';
import { exitCodeOf, toJson, toMarkdown, toTable } from '../runtime/drift/drift-format';
import { GenesysClient } from '../runtime/genesys/genesys-client';
import { errorText, registerOwnCredentials, scrubKnownSecrets, scrubKnownSecretsDeep } from '../runtime/genesys/genesys-error';
import { terminalLines, terminalText, terminalTextDeep } from '../runtime/genesys/terminal-text';
import { TimeBudget } from '../runtime/genesys/time-budget';
import { SynthesizedStack } from '../runtime/synth-output/synthesized-stack';
import { stackIdFor } from '../stacks';
import { synthToDirectory } from '../runtime/synth/synth-to-directory';

/**
 * How long one run may take in all (every environment, listing, export job and retry): past it, what is
 * left is reported as not checked (exit 1), never as in sync.
 */
const DRIFT_MAX_MS = 30 * 60_000;

// Read when the module loads (for the help text): a broken config is reported by its validation, not here.
const ENV_NAMES = ENVIRONMENTS.map((e) => (typeof e?.name === 'string' ? terminalText(e.name) : '?')).join('|');

const DRIFT_COMMAND = commandSpec({
  name: 'drift',
  usage: `npm run drift -- --env <${ENV_NAMES}> | --all [--format table|json|markdown] [--export-batch-size N] [--export-first-poll-ms MS]`,
  summary:
    "Compares the live org with what synth produces for the environment(s): flow content, publishers, locks, orphans, IVRs.\nCredentials and gateway come from the provider's GENESYSCLOUD_* environment variables. The report goes to stdout.",
  options: {
    env: { type: 'string', value: `<${ENV_NAMES}>`, description: 'check this environment' },
    all: { type: 'boolean', description: 'check every environment' },
    format: { type: 'string', value: 'table|json|markdown', description: 'how the report is written (default table)' },
    'export-batch-size': { type: 'string', value: 'N', description: `flows per export job, 1-500 (default ${DEFAULT_EXPORT_BATCH_SIZE})` },
    'export-first-poll-ms': {
      type: 'string',
      value: 'MS',
      description: `when an export job is polled first, 0-600000 ms (default ${EXPORT_POLL_DEFAULTS.firstPollMs})`,
    },
  },
  exitCodes: [
    [0, 'in sync'],
    [2, 'drift found'],
    [1, 'could not check everything, or a bad command line'],
  ],
  usageExitCode: 1,
});

const usage = (message: string): never => usageError(DRIFT_COMMAND, message);

async function main(): Promise<number> {
  // Known before anything can fail: no output of this process prints the client id or secret, in any encoding.
  registerOwnCredentials(process.env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '', process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '');
  const args = parseCommandLine(DRIFT_COMMAND).values;
  const all = args.all === true;
  const envName = args.env;
  const format = args.format ?? 'table';
  const batch = Number(args['export-batch-size'] ?? DEFAULT_EXPORT_BATCH_SIZE);
  if (!all && !envName) usage('choose --env or --all');
  if (!['table', 'json', 'markdown'].includes(format)) usage(`unknown --format ${format}`);
  if (!Number.isInteger(batch) || batch < 1 || batch > 500) usage('--export-batch-size must be 1-500');
  const firstPoll = args['export-first-poll-ms'] === undefined ? undefined : Number(args['export-first-poll-ms']);
  if (firstPoll !== undefined && (!Number.isInteger(firstPoll) || firstPoll < 0 || firstPoll > 600_000))
    usage('--export-first-poll-ms must be 0-600000');
  const environments = all ? ENVIRONMENTS : ENVIRONMENTS.filter((e) => e.name === envName);
  if (environments.length === 0) usage(`unknown environment ${envName}`);

  const progress = progressOn('drift', { evenWhenPiped: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-drift-'));
  try {
    progress(`synthesizing ${all ? 'every environment' : envName}`);
    synthToDirectory(path.join(work, 'cdktf.out'), environments);
    // One bound for the whole run, the login included.
    const budget = new TimeBudget(DRIFT_MAX_MS);
    progress('logging in');
    const ops = new ArchitectOps(await GenesysClient.connect(undefined, { budget }), budget);
    const reports: DriftReport[] = [];
    for (const env of environments) {
      progress(`checking ${stackIdFor(env.name)}: listing flows and IVRs, exporting the published flows`);
      const stack = SynthesizedStack.read(path.join(work, 'cdktf.out', 'stacks', stackIdFor(env.name)));
      reports.push(
        await detectDrift(ops, stack, stackIdFor(env.name), {
          exportBatchSize: batch,
          namePrefix: env.namePrefix || undefined,
          poll: firstPoll === undefined ? undefined : { firstPollMs: firstPoll },
        }),
      );
    }
    // Our OAuth client id, secret and tokens are never printed (texts say "this deployment's OAuth client"), in any
    // format: scrubbed in the reports (before a format escapes anything) and in the output.
    const safe = scrubKnownSecretsDeep(reports);
    if (format === 'table') {
      // For a terminal or a CI log: every name and message from the org made one inert line before the
      // table is composed (no control character, line break or workflow command gets through), and every
      // line of the table checked again.
      console.log(terminalLines(scrubKnownSecrets(toTable(terminalTextDeep(safe)))));
    } else {
      // JSON is data (JSON.stringify escapes control characters); Markdown is escaped for comments.
      console.log(scrubKnownSecrets(format === 'json' ? toJson(safe) : toMarkdown(safe)));
    }
    if (format === 'table') console.error(`${ops.client.apiCalls} API calls`);
    return exitCodeOf(reports);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(terminalText(`drift check could not run: ${errorText(err)}`));
    process.exit(1);
  },
);
