import * as path from 'path';
import { isE164 } from '../formats/e164';
import { NumberRange, RoutedNumbers, inNumberRange, isNumberRange, numberRangesOverlap } from '../formats/dnis-rules';
import { containsTokenMarker } from '../formats/cdktf-token-marker';
import { isFunctionDataActionCategory } from '../formats/function-data-action-category';
import { NOT_SHOWN } from '../formats/not-shown';
import { mayCarryUserInfo } from '../formats/url-user-info';
import { redactPinAuthText, redactPinAuthValue } from './pin-auth-redaction';
import { MAX_NAME_LENGTH } from '../flow/names';
import { closest } from './closest';
import { ConfigErrorCode, ConfigProblem, ENVIRONMENT_CONFIGURATION, ProblemError } from './config-error';
import { EnvironmentConfig } from './environment-config';
import { GENESYS_REGIONS } from './regions';
import { parseLocalDateTime, rruleProblem, timeZoneProblem } from './schedule-values';

const ENV_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** The longest text the stack appends to the name prefix (`Shared PIN Auth`, `Support numbers`). */
const LONGEST_NAME_SUFFIX = 15;
/** Longest name prefix: every name the stack builds from it stays a valid flow name. */
export const MAX_NAME_PREFIX_LENGTH = MAX_NAME_LENGTH - LONGEST_NAME_SUFFIX;

const ACCOUNT_LOOKUP_EXAMPLE = "{ integrationName: 'Account Data Actions', url: 'https://accounts.example.com/ivr/lookup' }";
const PIN_AUTH_EXAMPLE = `{ maxAttempts: 3, accountLookup: ${ACCOUNT_LOOKUP_EXAMPLE} }`;

/**
 * Why a lookup URL cannot be the data action's request URL: not an absolute https URL, or a character the
 * platform's request template (Apache Velocity) would read as its own (`$`, `#`) or that a URL cannot hold.
 */
function lookupUrlProblem(url: unknown): string | undefined {
  if (typeof url !== 'string') return 'must be text';
  if (mayCarryUserInfo(url)) return 'must not contain @ (credentials before an @ belong to the integration; an @ in the path is written %40)';
  if (/[\s$#"\\<>{}|^`]/.test(url) || textProblem(url)) return 'must be one URL without spaces, quotes, $, #, braces or control characters';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an absolute URL';
  }
  if (parsed.protocol !== 'https:') return "must use https (the data action sends the caller's number and account)";
  return undefined;
}

/** The IVRs the stack builds (`ContactCenterStack`): exactly these keys of `ivrs`. */
const IVR_KEYS = ['sales', 'support'] as const;
const KEYS = {
  environment: [
    'name',
    'region',
    'division',
    'namePrefix',
    'manageQueues',
    'pinAuth',
    'operatorQueueName',
    'ivrs',
    'businessHours',
    'inQueue',
    'flowChecks',
    'backend',
  ],
  division: ['name', 'id'],
  pinAuth: ['maxAttempts', 'accountLookup'],
  accountLookup: ['integrationName', 'url'],
  ivr: ['dnis', 'queueName', 'didPool'],
  didPool: ['start', 'end'],
  businessHours: ['timeZone', 'start', 'end', 'rrule', 'closedMessage'],
  inQueue: ['waitingMessage'],
  flowChecks: ['enabled', 'republishExternalCallers', 'allowDestroyWithExternalCallers'],
  local: ['type', 'path'],
  s3: ['type', 'bucket', 'key', 'region', 'dynamodbTable', 'encrypt'],
  remote: ['type', 'organization', 'workspace', 'hostname'],
  cloud: ['type', 'organization', 'workspace', 'hostname'],
} as const;

type Obj = Readonly<Record<string, unknown>>;
type Report = (code: ConfigErrorCode, at: string, message: string, value: unknown, fix: string) => void;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An own property only (never `toString` and friends from the prototype). */
const get = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
/** `.key`, or `["key"]` when the key is not a plain identifier (config paths stay readable and one line). */
const segment = (key: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]{0,60}$/.test(key) ? `.${key}` : `[${JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key)}]`;

/**
 * Why text cannot go into flows or Terraform, whatever the field: control characters and line
 * separators (they corrupt YAML and names), lone surrogates (not Unicode text; written as U+FFFD), and
 * cdktf's token marker (synth would take the text for a reference).
 */
function textProblem(text: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what this expression finds
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return 'contains a control character or line separator';
  if (/[\uD800-\uDFFF]/u.test(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode text)';
  if (containsTokenMarker(text)) return "contains cdktf's token marker ({TfToken[), which synth would take for a reference";
  return undefined;
}

/** Characters that do not show, or that reorder the text around them (bidirectional controls), by name. */
const INVISIBLE_CHARACTERS: Readonly<Record<string, string>> = {
  '\u00ad': 'soft hyphen',
  '\u200b': 'zero width space',
  '\u200c': 'zero width non-joiner',
  '\u200d': 'zero width joiner',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2061': 'function application',
  '\u2062': 'invisible times',
  '\u2063': 'invisible separator',
  '\u2064': 'invisible plus',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\ufeff': 'zero width no-break space (byte order mark)',
};
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/**
 * The first invisible or bidirectional-control character of `text`, as `U+200B (zero width space)`: in a
 * name it makes two names that look alike differ (or reorders what is shown), in Genesys, Terraform
 * plans and logs alike.
 */
function invisibleCharacter(text: string): string | undefined {
  const c = INVISIBLE.exec(text)?.[0];
  return c === undefined ? undefined : `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} (${INVISIBLE_CHARACTERS[c]})`;
}

/** The fix for a name: remove an invisible character when it has one, else `fix`. */
function nameFix(name: unknown, fix: string): string {
  const c = typeof name === 'string' ? invisibleCharacter(name) : undefined;
  return c ? `remove the ${c}: it does not show, so the name would look like another one` : fix;
}

/**
 * Why `name` cannot be a flow, queue or IVR name: it is substituted into flow YAML (inside a
 * double-quoted scalar, so no quotes or backslashes, and `{{ }}` would be taken for a substitution).
 */
function nameProblem(name: unknown, maxLength = MAX_NAME_LENGTH): string | undefined {
  if (typeof name !== 'string') return name === undefined ? 'is missing' : 'must be text';
  // Before the space checks: JavaScript's trim() takes U+FEFF for a space.
  const invisible = invisibleCharacter(name);
  if (invisible) return `contains the invisible or bidirectional-control character ${invisible}`;
  if (name.trim() === '') return 'is empty';
  if (name !== name.trim()) return 'has leading or trailing spaces';
  const text = textProblem(name);
  if (text) return text;
  if (/["\\]/.test(name)) return 'contains a quote or backslash';
  if (name.includes('{{') || name.includes('}}')) return 'contains {{ or }} (reserved for substitutions)';
  if (name.length > maxLength) return `is longer than ${maxLength} characters`;
  return undefined;
}

/** Why `prefix` cannot start every flow, queue and IVR name of the stack ('' is fine: no prefix). */
function prefixProblem(prefix: unknown): string | undefined {
  if (typeof prefix !== 'string') return prefix === undefined ? 'is missing' : 'must be text';
  if (prefix === '') return undefined;
  if (prefix.trimStart() !== prefix && !invisibleCharacter(prefix)) return 'starts with a space';
  if (prefix.length > MAX_NAME_PREFIX_LENGTH)
    return `is longer than ${MAX_NAME_PREFIX_LENGTH} characters (names built from it must stay within ${MAX_NAME_LENGTH})`;
  return nameProblem(`${prefix}x`);
}

/** Checks every environment and returns all problems (empty when valid). Never throws, whatever it is given. */
export function configProblems(environments: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report: Report = (code, at, message, value, fix) => {
    problems.push({ code, path: at, message, value, fix });
  };
  if (!Array.isArray(environments)) {
    report('GC3008', 'environments', 'must be a list of environments', environments, 'export a list: defineEnvironments([{ name: ... }, ...])');
    return problems;
  }
  if (environments.length === 0) {
    report(
      'GC3009',
      'environments',
      'the list of environments is empty: synth would write nothing',
      environments,
      'add at least one environment (see config/environments.ts)',
    );
    return problems;
  }
  const seenEnvs = new Set<string>();
  environments.forEach((env: unknown, i) => checkEnvironment(env, i, seenEnvs, report));
  return problems;
}

/**
 * Reports every key of `o` that is not in `known` (a typo, or a setting this stack does not have);
 * `shown` is how its name may be shown (under pinAuth, redacted).
 */
function unknownKeys(o: Obj, at: string, known: readonly string[], what: string, report: Report, shown = (key: string) => key): void {
  for (const key of Object.keys(o)) {
    if (known.includes(key)) continue;
    const guess = closest(key, known);
    const name = shown(key);
    report(
      'GC3008',
      `${at}${segment(name)}`,
      `unknown field: ${what} takes ${known.join(', ')}`,
      name,
      guess ? `did you mean ${guess}?` : 'remove it',
    );
  }
}

/** An object-valued field: reports when it is missing (if required) or not an object. */
function objectField(
  o: Obj,
  key: string,
  at: string,
  required: boolean,
  example: string,
  report: Report,
  code: ConfigErrorCode = 'GC3008',
): Obj | undefined {
  const value = get(o, key);
  if (value === undefined && !required) return undefined;
  if (!isObject(value)) {
    report(code, `${at}.${key}`, value === undefined ? `${key} is missing` : `${key} must be an object`, value, `write ${key}: ${example}`);
    return undefined;
  }
  return value;
}

function booleanField(o: Obj, key: string, at: string, required: boolean, report: Report, code: ConfigErrorCode = 'GC3008'): void {
  const value = get(o, key);
  if (value === undefined && !required) return;
  if (typeof value !== 'boolean')
    report(code, `${at}.${key}`, `${key} must be true or false`, value, `write ${key}: true or ${key}: false (no quotes)`);
}

/** pinAuth: what it refuses is shown redacted (`redactPinAuthValue`): a PIN or credential pasted there must not reach logs. */
function checkPinAuth(env: Obj, at: string, unredactedReport: Report): void {
  const pinAuthAt = `${at}.pinAuth`;
  const report: Report = (code, where, message, value, fix) => {
    const field = where === pinAuthAt ? '' : (where.split('.').pop() ?? '');
    unredactedReport(code, where, message, redactPinAuthValue(field, value), fix);
  };
  const pinAuth = objectField(env, 'pinAuth', at, true, PIN_AUTH_EXAMPLE, report, 'GC3005');
  if (pinAuth) {
    if (Object.hasOwn(pinAuth, 'expectedPin')) {
      // The field of earlier releases: say what replaced it rather than only "unknown field".
      report(
        'GC3005',
        `${at}.pinAuth.expectedPin`,
        'a PIN is no longer written in config: the PIN module looks the caller up through a data action (pinAuth.accountLookup)',
        NOT_SHOWN,
        'remove expectedPin and set pinAuth.accountLookup',
      );
    }
    unknownKeys(
      Object.fromEntries(Object.entries(pinAuth).filter(([key]) => key !== 'expectedPin')),
      `${at}.pinAuth`,
      KEYS.pinAuth,
      'pinAuth',
      report,
      redactPinAuthText,
    );
    const maxAttempts = get(pinAuth, 'maxAttempts');
    if (typeof maxAttempts !== 'number' || !Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 10) {
      report('GC3005', `${at}.pinAuth.maxAttempts`, 'attempts must be a whole number from 1 to 10', maxAttempts, 'use e.g. 3');
    }
    const lookup = objectField(pinAuth, 'accountLookup', `${at}.pinAuth`, true, ACCOUNT_LOOKUP_EXAMPLE, report, 'GC3005');
    if (lookup) {
      const lookupAt = `${at}.pinAuth.accountLookup`;
      unknownKeys(lookup, lookupAt, KEYS.accountLookup, 'accountLookup', report, redactPinAuthText);
      const integrationName = get(lookup, 'integrationName');
      const why = nameProblem(integrationName);
      if (why)
        report(
          'GC3005',
          `${lookupAt}.integrationName`,
          `integration name ${why}`,
          integrationName,
          nameFix(integrationName, 'name the integration as the org does'),
        );
      else if (typeof integrationName === 'string' && isFunctionDataActionCategory(integrationName))
        report(
          'GC3005',
          `${lookupAt}.integrationName`,
          "an integration name containing 'function data action' makes the lookup action's category a function data action category, which needs function code",
          integrationName,
          'use a Web Services Data Actions integration whose name does not contain "function data action"',
        );
      const url = get(lookup, 'url');
      const urlWhy = lookupUrlProblem(url);
      if (urlWhy) report('GC3005', `${lookupAt}.url`, `lookup URL ${urlWhy}`, url, "use e.g. 'https://accounts.example.com/ivr/lookup'");
    }
  }
}

function checkEnvironment(env: unknown, i: number, seenEnvs: Set<string>, report: Report): void {
  if (!isObject(env)) {
    report(
      'GC3008',
      `environments[${i}]`,
      'an environment must be an object',
      env,
      "write { name: 'dev', region: 'us-east-1', ... } or remove the entry",
    );
    return;
  }
  const name = get(env, 'name');
  const validName = typeof name === 'string' && ENV_NAME.test(name);
  const at = `environments[${validName ? name : i}]`;
  unknownKeys(env, at, KEYS.environment, 'an environment', report);

  if (!validName)
    report('GC3003', `${at}.name`, 'environment name must be lower-case letters, digits or - (a letter first, at most 31)', name, 'use e.g. dev');
  else if (seenEnvs.has(name)) report('GC3006', `${at}.name`, 'environment defined twice', name, 'give each environment its own name');
  if (validName) seenEnvs.add(name);

  const region = get(env, 'region');
  if (typeof region !== 'string' || !Object.hasOwn(GENESYS_REGIONS, region)) {
    const guess = typeof region === 'string' ? closest(region, Object.keys(GENESYS_REGIONS)) : undefined;
    report(
      'GC3001',
      `${at}.region`,
      `region is not one of the provider's aws_region values: ${Object.keys(GENESYS_REGIONS).join(', ')}`,
      region,
      guess ? `did you mean ${guess}?` : 'use e.g. us-east-1',
    );
  }

  const division = objectField(env, 'division', at, true, "{ name: 'Home' }", report);
  if (division) {
    unknownKeys(division, `${at}.division`, KEYS.division, 'division', report);
    const divisionName = get(division, 'name');
    const why = nameProblem(divisionName);
    if (why) report('GC3003', `${at}.division.name`, `division name ${why}`, divisionName, nameFix(divisionName, "use e.g. 'Home'"));
    const id = get(division, 'id');
    if (id !== undefined && (typeof id !== 'string' || !GUID.test(id))) {
      report(
        'GC3003',
        `${at}.division.id`,
        'division id must be the division GUID',
        id,
        'copy the id from Admin > Divisions (e.g. 0f2a5e4c-8d5b-4c1e-9a7b-3e2d1c0b9a8f)',
      );
    } else if (id === undefined && typeof divisionName === 'string' && !why && divisionName !== 'Home') {
      report('GC3003', `${at}.division.id`, 'a division other than Home needs its id', divisionName, 'add division.id');
    }
  }

  const prefix = get(env, 'namePrefix');
  const prefixWhy = prefixProblem(prefix);
  if (prefixWhy) {
    report(
      'GC3003',
      `${at}.namePrefix`,
      `name prefix ${prefixWhy}`,
      prefix,
      nameFix(
        prefix,
        `use e.g. 'DEV ' (no leading space, quotes, backslashes, control or invisible characters or {{ }}; at most ${MAX_NAME_PREFIX_LENGTH} characters)`,
      ),
    );
  }

  booleanField(env, 'manageQueues', at, true, report);

  checkPinAuth(env, at, report);

  const queues: Array<{ at: string; name: string }> = [];
  const checkQueueName = (value: unknown, queueAt: string): void => {
    const why = nameProblem(value);
    if (why) report('GC3003', queueAt, `queue name ${why}`, value, nameFix(value, 'rename the queue'));
    else queues.push({ at: queueAt, name: value as string });
  };
  checkQueueName(get(env, 'operatorQueueName'), `${at}.operatorQueueName`);

  const pools: Array<{ at: string; range: NumberRange }> = [];
  const ivrs = objectField(env, 'ivrs', at, true, '{ sales: { ... }, support: { ... } }', report);
  if (ivrs) {
    for (const key of Object.keys(ivrs)) {
      if (!(IVR_KEYS as readonly string[]).includes(key)) {
        report(
          'GC3008',
          `${at}.ivrs${segment(key)}`,
          `unknown IVR: the stack builds exactly ${IVR_KEYS.join(' and ')}`,
          key,
          'remove it (another IVR needs its own InboundIvr in stacks/contact-center-stack.ts)',
        );
      }
    }
    const routed = new RoutedNumbers();
    for (const ivrName of IVR_KEYS) {
      const ivrAt = `${at}.ivrs.${ivrName}`;
      const ivr = objectField(ivrs, ivrName, `${at}.ivrs`, true, "{ dnis: ['+13175550100'], queueName: 'Sales' }", report);
      if (!ivr) continue;
      unknownKeys(ivr, ivrAt, KEYS.ivr, 'an IVR', report);
      checkQueueName(get(ivr, 'queueName'), `${ivrAt}.queueName`);
      const dnis = get(ivr, 'dnis');
      const valid: Array<{ n: string; k: number }> = [];
      if (!Array.isArray(dnis) || dnis.length === 0) {
        report(
          'GC3002',
          `${ivrAt}.dnis`,
          Array.isArray(dnis) ? 'an IVR needs at least one number' : 'dnis must be a list of numbers',
          dnis,
          "add an E.164 number, e.g. dnis: ['+13175550100']",
        );
      } else {
        dnis.forEach((n: unknown, k) => {
          if (typeof n !== 'string' || !isE164(n)) {
            report('GC3002', `${ivrAt}.dnis[${k}]`, 'not an E.164 number', n, 'write + country code and number, digits only');
            return;
          }
          const owner = routed.route(n, ivrName);
          if (owner !== undefined)
            report(
              'GC3006',
              `${ivrAt}.dnis[${k}]`,
              owner === ivrName ? 'number is listed twice' : `number is used by two IVRs (${owner} and ${ivrName})`,
              n,
              'route each number to one IVR, once',
            );
          valid.push({ n, k });
        });
      }
      const didPool = objectField(ivr, 'didPool', ivrAt, false, "{ start: '+13175550100', end: '+13175550109' }", report);
      if (didPool) {
        unknownKeys(didPool, `${ivrAt}.didPool`, KEYS.didPool, 'didPool', report);
        const start = get(didPool, 'start');
        const end = get(didPool, 'end');
        for (const [bound, value] of [
          ['start', start],
          ['end', end],
        ] as const) {
          if (typeof value !== 'string' || !isE164(value))
            report('GC3002', `${ivrAt}.didPool.${bound}`, 'not an E.164 number', value, 'write + country code and number');
        }
        if (typeof start === 'string' && typeof end === 'string' && isE164(start) && isE164(end)) {
          if (!isNumberRange(start, end)) {
            report(
              'GC3002',
              `${ivrAt}.didPool`,
              'DID pool start must not be after its end (same number of digits)',
              `${start}..${end}`,
              start.length === end.length ? 'swap start and end' : 'write both bounds with the same number of digits',
            );
          } else {
            const range = { start, end };
            pools.push({ at: `${ivrAt}.didPool`, range });
            for (const { n, k } of valid) {
              if (!inNumberRange(n, range))
                report('GC3002', `${ivrAt}.dnis[${k}]`, `number is outside the DID pool ${start}..${end}`, n, 'widen the pool or fix the number');
            }
          }
        }
      }
    }
  }
  for (const [i, a] of pools.entries()) {
    for (const b of pools.slice(i + 1)) {
      if (numberRangesOverlap(a.range, b.range)) {
        report(
          'GC3006',
          b.at,
          `DID pool overlaps ${a.at} (${a.range.start}..${a.range.end}); a number belongs to one pool`,
          `${b.range.start}..${b.range.end}`,
          'give each IVR its own range of numbers',
        );
      }
    }
  }
  // Created queues need names of their own (Genesys refuses a second queue of a name, letter case
  // aside). Looked-up queues may repeat: two routes to one existing queue look it up twice, which is
  // harmless; a repeat in another letter case is refused (a typo, or a look-up that finds nothing).
  const manage = get(env, 'manageQueues') === true;
  for (const [i, q] of queues.entries()) {
    const earlier = queues.slice(0, i);
    if (!manage && earlier.some((other) => other.name === q.name)) continue;
    const first = earlier.find((other) => other.name.toLowerCase() === q.name.toLowerCase());
    if (!first) continue;
    if (manage) {
      report(
        'GC3006',
        q.at,
        `queue name is also ${first.at}: the stack would create two queues of one name (letter case aside)`,
        q.name,
        'give each queue its own name',
      );
    } else {
      report(
        'GC3006',
        q.at,
        `queue name is ${first.at} (${JSON.stringify(first.name)}) in another letter case: queues are looked up by their exact name`,
        q.name,
        `write ${JSON.stringify(first.name)} for one existing queue, or name another queue`,
      );
    }
  }

  const hours = get(env, 'businessHours');
  if (hours !== undefined) checkBusinessHours(hours, `${at}.businessHours`, report);
  const inQueue = objectField(env, 'inQueue', at, false, "{ waitingMessage: 'Thank you for waiting.' }", report, 'GC3010');
  if (inQueue) {
    unknownKeys(inQueue, `${at}.inQueue`, KEYS.inQueue, 'inQueue', report);
    const why = spokenTextProblem(get(inQueue, 'waitingMessage'));
    if (why)
      report(
        'GC3010',
        `${at}.inQueue.waitingMessage`,
        `waiting message ${why}`,
        get(inQueue, 'waitingMessage'),
        'write what waiting callers hear, as plain text',
      );
  }

  const flowChecks = objectField(env, 'flowChecks', at, false, '{ enabled: true }', report);
  if (flowChecks) {
    unknownKeys(flowChecks, `${at}.flowChecks`, KEYS.flowChecks, 'flowChecks', report);
    for (const key of KEYS.flowChecks) booleanField(flowChecks, key, `${at}.flowChecks`, false, report);
  }

  checkBackend(env, at, report);
}

function checkBusinessHours(hours: unknown, at: string, report: Report): void {
  if (!isObject(hours)) {
    report(
      'GC3007',
      at,
      'businessHours must be an object (or left out: always open)',
      hours,
      "write { timeZone: 'Europe/Dublin', start: ..., end: ..., rrule: ..., closedMessage: ... }",
    );
    return;
  }
  unknownKeys(hours, at, KEYS.businessHours, 'businessHours', report);
  const sortable: Partial<Record<'start' | 'end', string>> = {};
  for (const field of ['start', 'end'] as const) {
    const value = get(hours, field);
    const parsed =
      typeof value === 'string'
        ? parseLocalDateTime(value)
        : { message: 'must be an ISO-8601 local date-time without zone', fix: 'use e.g. 2026-01-05T08:00:00.000000' };
    if ('sortable' in parsed) sortable[field] = parsed.sortable;
    else report('GC3007', `${at}.${field}`, parsed.message, value, parsed.fix);
  }
  if (sortable.start !== undefined && sortable.end !== undefined && sortable.start >= sortable.end) {
    const same = sortable.start === sortable.end;
    report(
      'GC3007',
      at,
      same ? 'start and end are the same instant: the opening would last no time' : 'start is after end',
      `${get(hours, 'start')}..${get(hours, 'end')}`,
      same ? 'make end later than start' : 'swap start and end',
    );
  }
  const rrule = get(hours, 'rrule');
  const ruleText = typeof rrule === 'string' ? textProblem(rrule) : 'must be text (an RFC 5545 RRULE)';
  const ruleWhy = ruleText ? { message: ruleText, fix: 'use e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' } : rruleProblem(rrule as string);
  if (ruleWhy) report('GC3007', `${at}.rrule`, `rrule ${ruleWhy.message}`, rrule, ruleWhy.fix);
  const timeZone = get(hours, 'timeZone');
  const zoneWhy =
    typeof timeZone === 'string' && timeZone !== ''
      ? timeZoneProblem(timeZone)
      : { message: 'must be an IANA time zone', fix: 'use e.g. Europe/Dublin' };
  if (zoneWhy) report('GC3007', `${at}.timeZone`, `time zone ${zoneWhy.message}`, timeZone, zoneWhy.fix);
  const message = get(hours, 'closedMessage');
  const messageWhy = spokenTextProblem(message);
  if (messageWhy)
    report('GC3007', `${at}.closedMessage`, `closed message ${messageWhy}`, message, 'write what callers hear when closed, as plain text');
}

/** Why text cannot be spoken by a flow's text-to-speech: not text, empty, or text that cannot reach a flow. */
function spokenTextProblem(message: unknown): string | undefined {
  if (typeof message !== 'string') return 'must be text';
  if (message.trim() === '') return 'is empty';
  return (
    textProblem(message) ??
    (message.includes('{{') || message.includes('}}')
      ? 'contains {{ or }}, which the provider takes for a substitution (the import refuses the flow)'
      : undefined)
  );
}

/** A relative path that stays inside the stack folder (`..` segments that climb out of it are refused). */
function statePathProblem(p: string): string | undefined {
  if (p === '') return 'is empty';
  const text = textProblem(p);
  if (text) return text;
  const slashed = p.replace(/\\/g, '/');
  if (path.posix.isAbsolute(slashed) || /^[A-Za-z]:/.test(slashed)) return 'must be relative to the stack folder';
  const normalized = path.posix.normalize(slashed);
  if (normalized === '..' || normalized.startsWith('../')) return 'leaves the stack folder (cdktf.out/stacks/<stack>)';
  if (normalized === '.' || slashed.endsWith('/')) return 'names a folder, not a state file';
  // Synth rewrites these as a whole: a state file there would be lost at the next synth.
  if (/^(assets|cdk\.tf\.json)(\/|$)/i.test(normalized)) return 'lies in what synth rewrites (assets/, cdk.tf.json)';
  return undefined;
}

/** Prefixes and suffixes Amazon S3 reserves (General purpose bucket naming rules). */
const S3_RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const S3_RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/**
 * Why `bucket` is not an S3 general purpose bucket name, by AWS's rules: 3 to 63 characters; lower-case
 * letters, digits, dots and hyphens; a letter or digit first and last; no two adjacent dots; not an IP
 * address; none of the reserved prefixes and suffixes.
 */
function s3BucketProblem(bucket: string): string | undefined {
  if (bucket.length < 3 || bucket.length > 63) return `is not an S3 bucket name: ${bucket.length} characters, buckets have 3 to 63`;
  if (!/^[a-z0-9.-]+$/.test(bucket)) return 'is not an S3 bucket name: only lower-case letters, digits, dots (.) and hyphens (-)';
  if (!/^[a-z0-9]/.test(bucket) || !/[a-z0-9]$/.test(bucket)) return 'is not an S3 bucket name: it must begin and end with a letter or digit';
  if (bucket.includes('..')) return 'is not an S3 bucket name: two adjacent dots';
  if (/^[0-9]+(\.[0-9]+){3}$/.test(bucket)) return 'is not an S3 bucket name: it is written as an IP address';
  const prefix = S3_RESERVED_PREFIXES.find((p) => bucket.startsWith(p));
  if (prefix) return `is not an S3 bucket name: the prefix ${prefix} is reserved by Amazon S3`;
  const suffix = S3_RESERVED_SUFFIXES.find((p) => bucket.endsWith(p));
  if (suffix) return `is not an S3 bucket name: the suffix ${suffix} is reserved by Amazon S3`;
  return undefined;
}

function checkBackend(env: Obj, at: string, report: Report): void {
  const b = get(env, 'backend');
  const bAt = `${at}.backend`;
  if (b === undefined) {
    report(
      'GC3004',
      bAt,
      'backend is missing (synth would write an absolute local state path)',
      undefined,
      "add { type: 'local', path: 'terraform.<stack>.tfstate' }",
    );
    return;
  }
  if (!isObject(b)) {
    report('GC3004', bAt, 'backend must be an object', b, "use { type: 'local', path: 'terraform.<stack>.tfstate' }");
    return;
  }
  // Terraform reads backend settings literally (never as templates), so they are not escaped: what
  // could do harm there is refused here.
  const text = (key: string, pattern: RegExp | undefined, what: string, fix: string, required = true): void => {
    const value = get(b, key);
    if (value === undefined && !required) return;
    const why =
      typeof value !== 'string' || value === ''
        ? 'is missing'
        : (textProblem(value) ?? (pattern && !pattern.test(value) ? `is not ${what}` : undefined));
    if (why) report('GC3004', `${bAt}.${key}`, `${key} ${why}`, value, fix);
  };
  const type = get(b, 'type');
  switch (type) {
    case 'local': {
      unknownKeys(b, bAt, KEYS.local, 'a local backend', report);
      const p = get(b, 'path');
      const why = typeof p === 'string' ? statePathProblem(p) : 'is missing';
      if (why)
        report(
          'GC3004',
          `${bAt}.path`,
          `local state path ${why}`,
          p,
          'use e.g. terraform.contact-center-dev.tfstate (relative to cdktf.out/stacks/<stack>)',
        );
      break;
    }
    case 's3': {
      unknownKeys(b, bAt, KEYS.s3, 'an s3 backend', report);
      const bucket = get(b, 'bucket');
      const bucketWhy = typeof bucket !== 'string' || bucket === '' ? 'is missing' : (textProblem(bucket) ?? s3BucketProblem(bucket));
      if (bucketWhy)
        report(
          'GC3004',
          `${bAt}.bucket`,
          `bucket ${bucketWhy}`,
          bucket,
          'use e.g. acme-tf-state (see "General purpose bucket naming rules" in the Amazon S3 user guide)',
        );
      text('key', /^[^/](.*[^/])?$/, 'a state object key (no leading or trailing /)', 'use e.g. genesys/prod.tfstate');
      text('region', /^[a-z]{2}(-[a-z]+)+-[0-9]+$/, 'an AWS region', 'use e.g. eu-west-1');
      text('dynamodbTable', /^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name', 'use e.g. tf-locks, or leave it out', false);
      booleanField(b, 'encrypt', bAt, false, report, 'GC3004');
      break;
    }
    case 'remote':
    case 'cloud': {
      unknownKeys(b, bAt, KEYS[type], `a ${type} backend`, report);
      text('organization', /^[A-Za-z0-9_-]{1,90}$/, 'an organization name (letters, digits, - or _)', 'use e.g. acme');
      text('workspace', /^[A-Za-z0-9_-]{1,90}$/, 'a workspace name (letters, digits, - or _)', 'use e.g. genesys-prod');
      text(
        'hostname',
        /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?$/,
        'a host name',
        'use e.g. app.terraform.io, or leave it out',
        false,
      );
      break;
    }
    default:
      report('GC3004', `${bAt}.type`, 'backend type must be local, s3, remote or cloud', type, "use 'local'");
  }
}

/**
 * Throws a `ProblemError` with every problem when the configuration is invalid; afterwards the
 * value is known to be a list of valid `EnvironmentConfig`s.
 */
export function validateConfig(environments: unknown): asserts environments is readonly EnvironmentConfig[] {
  const problems = configProblems(environments);
  if (problems.length > 0) throw new ProblemError(problems, ENVIRONMENT_CONFIGURATION);
}
