/**
 * The flow check handler, run by the stack's post-apply check and by each shared flow's destroy guard
 * (`terraform_data` provisioners):
 *   node flow-check.js create     every flow of the stack (input in FLOW_CHECK_INPUT + FLOW_CHECK_FLOWS_n)
 *   node flow-check.js destroy    one shared flow's destroy guard (input in FLOW_CHECK_INPUT)
 * Credentials in GENESYSCLOUD_*.
 * Exit codes: 0 ok, 1 check failed (the apply or destroy must stop), 2 could not check (the API was
 * unavailable, or answered something other than what its contract promises; a destroy is refused).
 */
import { ArchitectOps, EXPORT_POLL_DEFAULTS } from '../architect/architect-ops';
import { commandSpec, parseCommandLine, usageError } from '../cli/command-line';
import { GenesysClient } from '../genesys/genesys-client';
import { GenesysError, cutScrubbed, errorText, registerOwnCredentials, scrubKnownSecrets } from '../genesys/genesys-error';
import { settingsFromEnvironment } from '../genesys/settings';
import { terminalText } from '../genesys/terminal-text';
import { TimeBudget } from '../genesys/time-budget';
import { FLOW_CHECK_EXIT, FlowCheckReport, checkSharedFlowDestroy, checkStackFlows } from './flow-check';
import { checkedFlowLocation, parseFlowCheckInput, parseStackCheckInput } from './flow-check-input';
import { readPayloadFile } from './payload-file';

/** Longest `FLOW_CHECK_WAIT_SECONDS` accepted: an hour is far beyond any publish. */
const MAX_WAIT_SECONDS = 3600;
const DEFAULT_WAIT_SECONDS = 120;

/**
 * `FLOW_CHECK_WAIT_SECONDS`: how long the check may take (the login, the wait for the publish, the export
 * and every call's retries, all in one budget), a number of seconds greater than 0 and at most
 * {@link MAX_WAIT_SECONDS}; unset or empty means the default of 120. Anything else (`abc`, negative,
 * `1e12`) is GC4007: a NaN or absurd wait would make the check poll forever.
 */
function waitSecondsFrom(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_WAIT_SECONDS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_WAIT_SECONDS) {
    throw new GenesysError(
      'GC4007',
      'FLOW_CHECK_WAIT_SECONDS',
      `must be a number of seconds greater than 0 and at most ${MAX_WAIT_SECONDS}`,
      // Scrubbed before it is cut: a cut credential is no longer recognizable.
      cutScrubbed(raw, 40),
      `set FLOW_CHECK_WAIT_SECONDS to the seconds to wait for the publish (e.g. ${DEFAULT_WAIT_SECONDS}), or unset it for the default of ${DEFAULT_WAIT_SECONDS}`,
    );
  }
  return seconds;
}

/**
 * `FLOW_CHECK_EXPORT_FIRST_POLL_MS`: when the export jobs are polled first (as drift's
 * `--export-first-poll-ms`), whole milliseconds from 0 to 600000; unset or empty means the ops' default
 * (`EXPORT_POLL_DEFAULTS`). An org whose exports are known to take longer saves polls; anything else is GC4007.
 */
function firstPollMsFrom(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
    throw new GenesysError(
      'GC4007',
      'FLOW_CHECK_EXPORT_FIRST_POLL_MS',
      'must be a whole number of milliseconds from 0 to 600000',
      cutScrubbed(raw, 40),
      `set it to when the first export poll should happen (e.g. ${EXPORT_POLL_DEFAULTS.firstPollMs}), or unset it for the default`,
    );
  }
  return ms;
}

const FLOW_CHECK_COMMAND = commandSpec({
  name: 'flow-check',
  usage: "node flow-check.js create|destroy   (run by Terraform: the stack's post-apply check and each shared flow's destroy guard)",
  summary:
    'Checks the published flows against the synthesized ones (create), or that no caller outside the stack still embeds a\nshared flow about to be destroyed (destroy). Input and credentials come from the environment.',
  positionals: [['create|destroy', "create: every flow of the stack; destroy: one shared flow's destroy guard"]],
  options: {},
  exitCodes: [
    [FLOW_CHECK_EXIT.ok, 'ok'],
    [FLOW_CHECK_EXIT.checkFailed, 'check failed (the apply or destroy must stop)'],
    [FLOW_CHECK_EXIT.couldNotCheck, 'could not check (the API unavailable or not answering as its contract promises; a destroy is refused)'],
    [64, 'a bad command line'],
  ],
  usageExitCode: 64,
  sections: [
    {
      title: 'environment',
      rows: [
        ['FLOW_CHECK_INPUT', 'what to check, JSON (create: the stack; its flows also in FLOW_CHECK_FLOWS_0, _1, ...)'],
        ['GENESYSCLOUD_*', "the provider's credentials and region or gateway"],
        [
          'FLOW_CHECK_WAIT_SECONDS',
          `seconds the whole check may take, more than 0 and at most ${MAX_WAIT_SECONDS} (default ${DEFAULT_WAIT_SECONDS})`,
        ],
        ['FLOW_CHECK_EXPORT_FIRST_POLL_MS', `when export jobs are polled first, 0-600000 ms (default ${EXPORT_POLL_DEFAULTS.firstPollMs})`],
        ['FLOW_CHECK_SKIP=1', 'skip the check (exit 0)'],
      ],
    },
  ],
});

async function main(): Promise<number> {
  // Known before anything can fail: no message of this process prints the client id or secret, in any encoding.
  registerOwnCredentials(process.env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '', process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '');
  const [mode] = parseCommandLine(FLOW_CHECK_COMMAND).positionals;
  if (mode !== 'create' && mode !== 'destroy')
    usageError(FLOW_CHECK_COMMAND, mode === undefined ? 'create or destroy is required' : `unknown mode '${mode}': create or destroy`);
  const stackInput = mode === 'create' ? parseStackCheckInput(process.env) : undefined;
  const guardInput = mode === 'destroy' ? parseFlowCheckInput(process.env.FLOW_CHECK_INPUT) : undefined;
  if (process.env.FLOW_CHECK_SKIP === '1') {
    print(
      'log',
      stackInput
        ? `${stackInput.flows.length} flow(s): flow check skipped (FLOW_CHECK_SKIP=1)`
        : `${guardInput!.flowType} '${guardInput!.flowName}': flow check skipped (FLOW_CHECK_SKIP=1)`,
    );
    return FLOW_CHECK_EXIT.ok;
  }
  const waitSeconds = waitSecondsFrom(process.env.FLOW_CHECK_WAIT_SECONDS);
  const firstPollMs = firstPollMsFrom(process.env.FLOW_CHECK_EXPORT_FIRST_POLL_MS);
  const settings = settingsFromEnvironment();
  // One budget for the whole check: the login, the wait for the publish, the exports, every call's retries.
  const budget = new TimeBudget(waitSeconds * 1000);
  // The stack folder is the working directory Terraform runs the provisioner in; the payloads are read
  // (confined to it) before connecting: a refused path exits 2 (GC4008) without a request.
  const stackDir = process.cwd();
  const payloads = stackInput?.flows.map((f, i) => readPayloadFile(stackDir, f.payloadPath, `${checkedFlowLocation(i)}.payloadPath`));
  // One login for the whole stack.
  const ops = new ArchitectOps(await GenesysClient.connect(settings, { budget }));
  const report: FlowCheckReport = stackInput
    ? await checkStackFlows(ops, stackInput, {
        poll: { timeoutMs: waitSeconds * 1000, budget, ...(firstPollMs !== undefined ? { firstPollMs } : {}) },
        stackDir,
        payloads,
      })
    : await checkSharedFlowDestroy(ops, guardInput!);
  report.lines.forEach((l) => print(report.exitCode === 0 ? 'log' : 'error', l));
  return report.exitCode;
}

/**
 * Prints one line: scrubbed (our OAuth client id is never printed, the texts say "this deployment's OAuth
 * client", nor its secret or tokens), then made inert for terminals and CI logs (names come from the org:
 * no control character, line break or workflow command gets through).
 */
function print(stream: 'log' | 'error', line: string): void {
  const text = terminalText(scrubKnownSecrets(line));
  if (stream === 'log') console.log(text);
  else console.error(text);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    // Anything unreadable (an API answer that is not what the contract promises: GC4006) or unavailable
    // ends here: "could not check", never ok and never a verdict on data we could not read.
    const reason = errorText(err);
    const destroy = process.argv[2] === 'destroy';
    print(
      'error',
      destroy
        ? `refusing to destroy: the destroy guard could not check the shared flow's callers: ${reason}`
        : `flow check could not complete: ${reason}`,
    );
    process.exit(FLOW_CHECK_EXIT.couldNotCheck);
  },
);
