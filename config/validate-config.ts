import * as path from 'path';
import { isE164 } from '../constructs/e164';
import { isSafeName } from '../constructs/safe-name';
import { ConfigErrorCode, ConfigProblem, ConfigValidationError } from './config-error';
import { EnvironmentConfig } from './environment-config';
import { GENESYS_REGIONS } from './regions';

const ENV_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;

/** Checks every environment and returns all problems (empty when valid). */
export function configProblems(environments: readonly EnvironmentConfig[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report = (code: ConfigErrorCode, at: string, message: string, value: unknown, fix: string): void => {
    problems.push({ code, path: at, message, value, fix });
  };
  const seenEnvs = new Set<string>();
  for (const [i, env] of environments.entries()) {
    const at = `environments[${env.name ?? i}]`;
    if (!ENV_NAME.test(env.name ?? '')) report('GC3003', `${at}.name`, 'environment name must be lower-case letters, digits or -', env.name, 'use e.g. dev');
    if (seenEnvs.has(env.name)) report('GC3006', `${at}.name`, 'environment defined twice', env.name, 'give each environment its own name');
    seenEnvs.add(env.name);
    if (!Object.hasOwn(GENESYS_REGIONS, env.region)) {
      report('GC3001', `${at}.region`, `region is not one of the provider's aws_region values: ${Object.keys(GENESYS_REGIONS).join(', ')}`, env.region, 'use e.g. us-east-1');
    }
    if (typeof env.namePrefix !== 'string' || (env.namePrefix !== '' && !isSafeName(`${env.namePrefix}x`))) {
      report('GC3003', `${at}.namePrefix`, 'prefix must not start with a space or contain quotes, backslashes, control characters or {{ }}', env.namePrefix, "use e.g. 'DEV '");
    }
    if (!isSafeName(env.division?.name ?? '')) report('GC3003', `${at}.division.name`, 'division name is missing or invalid', env.division?.name, "use e.g. 'Home'");
    if (env.division && env.division.name !== 'Home' && !env.division.id) {
      report('GC3003', `${at}.division.id`, 'a division other than Home needs its id', env.division.name, 'add division.id');
    }
    const { maxAttempts, expectedPin } = env.pinAuth ?? ({} as EnvironmentConfig['pinAuth']);
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 10) report('GC3005', `${at}.pinAuth.maxAttempts`, 'attempts must be an integer from 1 to 10', maxAttempts, 'use e.g. 3');
    if (!/^[0-9]{4}$/.test(expectedPin ?? '')) report('GC3005', `${at}.pinAuth.expectedPin`, 'PIN must be exactly 4 digits', expectedPin, "use e.g. '1234'");
    const queueNames = [env.operatorQueueName, env.ivrs?.sales?.queueName, env.ivrs?.support?.queueName];
    queueNames.forEach((q) => {
      if (!isSafeName(q ?? '')) report('GC3003', `${at}.queues`, 'queue name is missing or has quotes, backslashes, control characters, {{ }} or outer spaces', q, 'rename the queue');
    });
    const numbers = new Set<string>();
    for (const [ivrName, ivr] of Object.entries(env.ivrs ?? {})) {
      const ivrAt = `${at}.ivrs.${ivrName}`;
      if (!ivr.dnis || ivr.dnis.length === 0) report('GC3002', `${ivrAt}.dnis`, 'an IVR needs at least one number', ivr.dnis, 'add an E.164 number');
      (ivr.dnis ?? []).forEach((n, k) => {
        if (!isE164(n)) report('GC3002', `${ivrAt}.dnis[${k}]`, 'not an E.164 number', n, 'write + country code and number, digits only');
        if (numbers.has(n)) report('GC3006', `${ivrAt}.dnis[${k}]`, 'number is used by two IVRs', n, 'route each number to one IVR');
        numbers.add(n);
      });
      if (ivr.didPool) {
        const { start, end } = ivr.didPool;
        for (const bound of ['start', 'end'] as const) {
          if (!isE164(ivr.didPool[bound])) report('GC3002', `${ivrAt}.didPool.${bound}`, 'not an E.164 number', ivr.didPool[bound], 'write + country code and number');
        }
        (ivr.dnis ?? []).forEach((n, k) => {
          if (isE164(n) && isE164(start) && isE164(end) && (n.length !== start.length || n < start || n > end)) {
            report('GC3002', `${ivrAt}.dnis[${k}]`, `number is outside the DID pool ${start}..${end}`, n, 'widen the pool or fix the number');
          }
        });
      }
    }
    const hours = env.businessHours;
    if (hours) {
      for (const field of ['start', 'end'] as const) {
        if (!LOCAL_DATE_TIME.test(hours[field])) report('GC3007', `${at}.businessHours.${field}`, 'must be an ISO-8601 local date-time without zone', hours[field], 'use e.g. 2026-01-05T08:00:00.000000');
      }
      if (hours.start >= hours.end) report('GC3007', `${at}.businessHours`, 'start must be before end', `${hours.start}..${hours.end}`, 'swap them');
      if (!/^FREQ=/.test(hours.rrule)) report('GC3007', `${at}.businessHours.rrule`, 'rrule must start with FREQ=', hours.rrule, 'use e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
      if (!hours.timeZone || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(hours.timeZone)) report('GC3007', `${at}.businessHours.timeZone`, 'must be an IANA time zone', hours.timeZone, 'use e.g. Europe/Dublin');
      if (!hours.closedMessage?.trim()) report('GC3007', `${at}.businessHours.closedMessage`, 'closed message is empty', hours.closedMessage, 'write what callers hear when closed');
    }
    checkBackend(env, at, report);
  }
  return problems;
}

function checkBackend(env: EnvironmentConfig, at: string, report: (code: ConfigErrorCode, at: string, message: string, value: unknown, fix: string) => void): void {
  const b = env.backend;
  if (!b) {
    report('GC3004', `${at}.backend`, 'backend is missing (synth would write an absolute local state path)', undefined, "add { type: 'local', path: 'terraform.<stack>.tfstate' }");
    return;
  }
  switch (b.type) {
    case 'local':
      if (!b.path || path.isAbsolute(b.path) || /^[A-Za-z]:[\\/]/.test(b.path)) {
        report('GC3004', `${at}.backend.path`, 'local state path must be relative to the stack folder', b.path, 'use e.g. terraform.contact-center-dev.tfstate');
      }
      break;
    case 's3':
      if (!b.bucket || !b.key || !b.region) report('GC3004', `${at}.backend`, 's3 backend needs bucket, key and region', b, 'fill in bucket, key and region');
      break;
    case 'remote':
    case 'cloud':
      if (!b.organization || !b.workspace) report('GC3004', `${at}.backend`, `${b.type} backend needs organization and workspace`, b, 'fill in organization and workspace');
      break;
    default:
      report('GC3004', `${at}.backend.type`, 'backend type must be local, s3, remote or cloud', (b as { type: unknown }).type, "use 'local'");
  }
}

/** Throws `ConfigValidationError` with every problem when the configuration is invalid. */
export function validateConfig(environments: readonly EnvironmentConfig[]): void {
  const problems = configProblems(environments);
  if (problems.length > 0) throw new ConfigValidationError(problems);
}
