import { DataType } from '../flow';
import { checkDataAnswers, hasType } from './data-answers';
import { ScriptError, parseDtmfScript } from './dtmf';
import { isDataValue, isRecord, shown } from './script-values';
import { CallScript } from './simulation-types';

/** The largest `maxSteps`: beyond it an endless flow would fill memory before it stops. */
export const MAX_STEPS_LIMIT = 1_000_000;

/** The largest `estimatedWaitSeconds`: a day; an estimate beyond it is a mistake in the script. */
export const MAX_ESTIMATED_WAIT_SECONDS = 86_400;

const wholeIn = (min: number, max: number) => (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const nonEmptyText = (v: unknown) => typeof v === 'string' && v !== '';
const isBoolean = (v: unknown) => typeof v === 'boolean';

/** Each scalar field: what it must be, as the message says it, and the test. */
const SCALAR_FIELDS: Readonly<Record<string, { readonly must: string; readonly ok: (v: unknown) => boolean }>> = {
  ani: { must: 'a non-empty string (the caller number)', ok: nonEmptyText },
  dnis: { must: 'a non-empty string (the dialled number)', ok: nonEmptyText },
  schedule: { must: "'open', 'closed' or 'holiday'", ok: (v) => v === 'open' || v === 'closed' || v === 'holiday' },
  emergency: { must: 'true or false', ok: isBoolean },
  failTransfers: { must: 'true or false', ok: isBoolean },
  maxSteps: { must: `a whole number from 1 to ${MAX_STEPS_LIMIT}`, ok: wholeIn(1, MAX_STEPS_LIMIT) },
  estimatedWaitSeconds: {
    must: `a whole number of seconds from 0 to ${MAX_ESTIMATED_WAIT_SECONDS} (leave it out for no estimate)`,
    ok: wholeIn(0, MAX_ESTIMATED_WAIT_SECONDS),
  },
  inQueuePasses: { must: 'a whole number, at least 1', ok: wholeIn(1, Number.MAX_SAFE_INTEGER) },
  waitingQueue: { must: 'a non-empty string (a queue name)', ok: nonEmptyText },
};

/** Each map field: what each of its values must be, and the test. */
const MAP_FIELDS: Readonly<Record<string, { readonly must: string; readonly ok: (v: unknown) => boolean }>> = {
  variables: { must: 'a string, a finite number or a boolean', ok: isDataValue },
  participantData: { must: 'a string (participant data holds text)', ok: (v) => typeof v === 'string' },
  schedules: { must: "'active' or 'inactive'", ok: (v) => v === 'active' || v === 'inactive' },
};

const KNOWN_FIELDS = ['dtmf', 'queues', 'dataActions', 'dataTables', ...Object.keys(SCALAR_FIELDS), ...Object.keys(MAP_FIELDS)];

/**
 * Checks every field of a call script (JavaScript callers included) before the call starts, so the
 * simulator never runs on a value it would have to guess about; anything wrong is a {@link ScriptError}
 * naming the field, the bad value and what it must be.
 */
export function checkCallScript(script: unknown): CallScript {
  if (!isRecord(script)) throw new ScriptError(`the script must be an object of CallScript fields, got ${shown(script)}`);
  for (const key of Object.keys(script)) {
    if (!KNOWN_FIELDS.includes(key)) throw new ScriptError(`script field '${key}' is not known: the fields are ${KNOWN_FIELDS.join(', ')}`);
  }
  for (const [field, { must, ok }] of Object.entries(SCALAR_FIELDS)) {
    const value = script[field];
    if (value !== undefined && !ok(value)) throw new ScriptError(`${field} must be ${must}, got ${shown(value)}`);
  }
  for (const [field, { must, ok }] of Object.entries(MAP_FIELDS)) {
    const map = script[field];
    if (map === undefined) continue;
    if (!isRecord(map)) throw new ScriptError(`${field} must be an object of values by name, got ${shown(map)}`);
    for (const [name, value] of Object.entries(map)) {
      if (!ok(value)) throw new ScriptError(`${field}[${JSON.stringify(name)}] must be ${must}, got ${shown(value)}`);
    }
  }
  const queues = script.queues;
  if (queues !== undefined) {
    if (!Array.isArray(queues)) throw new ScriptError(`queues must be a list of queue names, got ${shown(queues)}`);
    queues.forEach((name: unknown, i) => {
      if (!nonEmptyText(name)) throw new ScriptError(`queues[${i}] must be a non-empty string (a queue name), got ${shown(name)}`);
    });
  }
  parseDtmfScript(script.dtmf as CallScript['dtmf']);
  checkDataAnswers({ dataActions: script.dataActions, dataTables: script.dataTables }, 'script');
  return script as CallScript;
}

/**
 * The script's `variables` must be variables the first flow declares, each value of the variable's type:
 * a name it lacks (a typo, another flow's variable) would otherwise set nothing and go unnoticed.
 */
export function checkScriptVariables(
  script: CallScript,
  flowName: string,
  declared: ReadonlyArray<{ readonly name: string; readonly type: DataType }>,
): void {
  for (const [name, value] of Object.entries(script.variables ?? {})) {
    const variable = declared.find((v) => v.name === name);
    if (!variable) {
      const names = declared.map((v) => v.name).join(', ') || 'none';
      throw new ScriptError(`variables[${JSON.stringify(name)}]: flow '${flowName}' declares no such variable; its variables: ${names}`);
    }
    if (!hasType(value, variable.type))
      throw new ScriptError(`variables[${JSON.stringify(name)}] is ${shown(value)}, not of the variable's type ${variable.type}`);
  }
}
