/**
 * `npm run simulate -- --env dev --ivr "Sales IVR" [--dtmf 1234 ...] [--ani +1...] [--schedule open|closed|holiday]
 *  [--answers <file.json>] [--fail-transfers] [--format text|json]`: runs a call through an IVR of the environment and prints the
 * transcript. `--dtmf` takes keys 0-9, * and # (`--dtmf none` is one "no input"). Exit codes: 0 the call
 * ended (queue, flow or disconnect), 3 the simulation stopped with an error, 1 bad arguments (an unknown
 * environment or IVR, a --dtmf value that is not DTMF, --schedule closed/holiday without a schedule group, an --answers
 * file that cannot be read or is not `{dataActions, dataTables}` answers, or answers that do not fit a data action's contract).
 * `--ivr` takes an IVR's name as the config writes it, with or without the environment's name prefix.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ENVIRONMENTS } from '../config';
import { InboundIvr, readTerraformLiteral } from '../constructs';
import { commandSpec, parseCommandLine, usageError } from '../runtime/cli/command-line';
import { terminalText } from '../runtime/genesys/terminal-text';
import { DataAnswers, ScriptError, checkDataAnswers, parseDtmf, simulateCall } from '../simulator';
import { ContactCenterStack, addEnvironments } from '../stacks';

/** The environments by name, for the help text and messages; a broken config is reported by its validation, not here. */
const environmentNames = () => ENVIRONMENTS.map((e) => (typeof e?.name === 'string' ? terminalText(e.name) : '?')).join(', ');

const SIMULATE_COMMAND = commandSpec({
  name: 'simulate',
  usage:
    'npm run simulate -- --env <env> --ivr <name> [--dtmf 1234 ...] [--ani +1...] [--schedule open|closed|holiday] [--emergency] [--participant-data name=value ...] [--answers <file.json>] [--fail-transfers] [--format text|json]',
  summary: 'Runs a call through an IVR of the environment, offline, and prints the transcript. No API calls, no credentials.',
  options: {
    env: { type: 'string', value: '<env>', description: `the environment (${environmentNames()}; required)` },
    ivr: {
      type: 'string',
      value: '<name>',
      description: "the IVR's name as the config writes it, with or without the environment's name prefix (required)",
    },
    dtmf: {
      type: 'string',
      multiple: true,
      value: '<keys>',
      description: 'what the caller types, one entry per input (0-9, * and #; none is one "no input")',
    },
    ani: { type: 'string', value: '<number>', description: "the caller's number, Call.Ani (default +15555550100)" },
    schedule: {
      type: 'string',
      value: 'open|closed|holiday',
      description: 'the schedule state during the call (default open; closed and holiday need a schedule group)',
    },
    emergency: { type: 'boolean', description: 'the emergency group an EvaluateScheduleGroup of the flow evaluates is active' },
    'participant-data': {
      type: 'string',
      multiple: true,
      value: '<name=value>',
      description: 'a participant data attribute of the call, what GetParticipantData reads (once per attribute)',
    },
    answers: {
      type: 'string',
      value: '<file.json>',
      description: 'a JSON file {"dataActions": {...}, "dataTables": {...}}: what data actions answer and data tables hold (see CallScript)',
    },
    'fail-transfers': { type: 'boolean', description: 'transfers to a queue fail (to follow the failure paths)' },
    format: { type: 'string', value: 'text|json', description: 'how the transcript is printed (default text)' },
  },
  exitCodes: [
    [0, 'the call ended (queue, flow or disconnect)'],
    [3, 'the simulation stopped with an error'],
    [1, 'bad arguments (an unknown environment or IVR, a --dtmf value that is not DTMF, a schedule the IVR does not have, bad --answers)'],
  ],
  usageExitCode: 1,
});

function fail(message: string): never {
  usageError(SIMULATE_COMMAND, message);
}

/**
 * An IVR's name as the user wrote it: its Terraform argument is escaped for Terraform (`$${`, `%%{`:
 * see constructs/terraform-text.ts), so it is read back as Terraform reads it.
 */
export function ivrName(ivr: InboundIvr): string {
  return readTerraformLiteral(ivr.resource.nameInput ?? '');
}

/** The IVR named `wanted`, in full or without the environment's name prefix. */
export function findIvr(ivrs: readonly InboundIvr[], namePrefix: string, wanted: string): InboundIvr | undefined {
  return ivrs.find((i) => ivrName(i) === wanted) ?? ivrs.find((i) => ivrName(i) === `${namePrefix}${wanted}`);
}

/** The data answers of `--answers <file>`; a file that cannot be read, is not JSON or not answers is a usage error. */
function readAnswers(file: string): DataAnswers {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    fail(`--answers ${terminalText(file)}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    fail(`--answers ${terminalText(file)}: not JSON (${terminalText((err as Error).message)})`);
  }
  try {
    return checkDataAnswers(value, terminalText(path.basename(file)));
  } catch (err) {
    if (err instanceof ScriptError) fail(`--answers ${terminalText(err.message)}`);
    throw err;
  }
}

function main(): number {
  const { values: args } = parseCommandLine(SIMULATE_COMMAND);
  const { env: envName, ivr: wanted } = args;
  const format = args.format ?? 'text';
  const schedule = args.schedule as 'open' | 'closed' | 'holiday' | undefined;
  if (!envName || !wanted) fail('--env and --ivr are required');
  if (!['text', 'json'].includes(format)) fail(`unknown --format ${format}`);
  if (schedule && !['open', 'closed', 'holiday'].includes(schedule)) fail(`unknown --schedule ${schedule}`);
  const dtmf = (args.dtmf ?? []).map((d) => {
    try {
      return parseDtmf(d);
    } catch (err) {
      if (err instanceof ScriptError) fail(`--dtmf ${err.message}`);
      throw err;
    }
  });
  const env = ENVIRONMENTS.find((e) => e.name === envName) ?? fail(`unknown environment ${envName}; environments: ${environmentNames()}`);
  // Nothing is synthesized, but cdktf's App creates its output folder: give it a temporary one.
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-simulate-'));
  let stack: ContactCenterStack;
  try {
    [stack] = addEnvironments(new App({ outdir }), [env]);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  const ivrs = stack.node.findAll().filter((c): c is InboundIvr => c instanceof InboundIvr);
  const ivr = findIvr(ivrs, env.namePrefix, wanted);
  if (!ivr) fail(`no IVR '${wanted}' in ${envName}; IVRs: ${ivrs.map(ivrName).join(', ')}`);
  if (schedule && schedule !== 'open' && !ivr.schedule) {
    const scheduled = ENVIRONMENTS.filter((e) => e.businessHours).map((e) => e.name);
    fail(
      `--schedule ${schedule}: '${ivrName(ivr)}' in ${envName} has no schedule group, so it has no ${schedule} hours to simulate${scheduled.length ? `; environments with one: ${scheduled.join(', ')}` : ''}`,
    );
  }
  const participantData: Record<string, string> = {};
  for (const pair of args['participant-data'] ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) fail(`--participant-data ${terminalText(pair)}: write name=value`);
    participantData[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const answers = args.answers === undefined ? {} : readAnswers(args.answers);
  let result;
  try {
    result = simulateCall(ivr, {
      ...answers,
      dtmf,
      ani: args.ani,
      schedule,
      emergency: args.emergency === true,
      participantData,
      failTransfers: args['fail-transfers'] === true,
    });
  } catch (err) {
    if (err instanceof ScriptError) fail(terminalText(err.message));
    throw err;
  }
  if (format === 'json') {
    console.log(JSON.stringify(result, null, 2));
  } else {
    for (const t of result.transcript) {
      const detail = [
        t.prompt !== undefined ? `plays "${t.prompt}"` : '',
        t.input !== undefined ? `input ${t.input === null ? '(none)' : t.input}` : '',
        t.typedAhead ? `typed ahead ${t.typedAhead}` : '',
        t.variable ? `${t.variable} = ${shown(t.value)}` : '',
        t.branch ? `→ ${t.branch}` : '',
        t.dataAction
          ? `data action ${t.dataAction.name} inputs ${shownMap(t.dataAction.inputs)}${t.dataAction.outputs ? ` outputs ${shownMap(t.dataAction.outputs)}` : ''}`
          : '',
        t.dataTable
          ? `data table ${t.dataTable.name} key ${shown(t.dataTable.key)}${t.dataTable.outputs ? ` fields ${shownMap(t.dataTable.outputs)}` : ''}`
          : '',
        t.sharedFlow
          ? `shared flow ${t.sharedFlow.name}${t.sharedFlow.inputs ? ` inputs ${shownMap(t.sharedFlow.inputs)}` : ''}${t.sharedFlow.outcome ? ` outcome ${t.sharedFlow.outcome}` : ''}`
          : '',
      ].filter(Boolean);
      console.log(`${String(t.step).padStart(3)}  ${t.kind.padEnd(16)} ${t.nodeId}${detail.length ? `: ${detail.join('; ')}` : ''}`);
    }
    const o = result.outcome;
    console.log(
      o.kind === 'queue'
        ? `→ transferred to queue ${o.queueName}${o.inQueueFlow ? ` (in-queue flow ${o.inQueueFlow})` : ''}`
        : o.kind === 'flow'
          ? `→ transferred to flow ${o.flowName}`
          : o.kind === 'disconnect'
            ? '→ disconnected'
            : `→ stopped: ${o.message}${o.path ? ` (at ${o.path})` : ''}`,
    );
  }
  return result.outcome.kind === 'error' ? 3 : 0;
}

if (require.main === module) {
  try {
    process.exit(main());
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
}

/** A value as the transcript shows it: JSON, and NOT_SET (unquoted) for a value a flow has not set. */
function shown(value: unknown): string {
  return value === undefined || value === null ? 'NOT_SET' : JSON.stringify(value);
}

/** Values by name, as `shown` writes each: `{"found":true,"pin":NOT_SET}`. */
function shownMap(values: Readonly<Record<string, unknown>>): string {
  return `{${Object.entries(values)
    .map(([name, value]) => `${JSON.stringify(name)}:${shown(value)}`)
    .join(',')}}`;
}
