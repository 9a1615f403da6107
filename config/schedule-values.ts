/**
 * Checks of the values a Genesys schedule takes (`genesyscloud_architect_schedules` start, end and
 * rrule; `genesyscloud_architect_schedulegroups` time_zone). Each returns why a value is wrong and how to
 * fix it, or undefined when it is right.
 */
import { closest } from './closest';
import { IANA_TIME_ZONE_NAMES } from './iana-time-zones';

export interface ValueProblem {
  readonly message: string;
  readonly fix: string;
}

// ---------------------------------------------------------------------------------------------------
// Time zones

/** An IANA name: parts separated by `/`, each a capital letter then letters, digits, `_`, `+`, `-`. */
const IANA_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;

function resolveTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const listedTimeZones = () => [...IANA_TIME_ZONE_NAMES, ...Intl.supportedValuesOf('timeZone')];
let listedSpellings: ReadonlyMap<string, string> | undefined;
let resolvedSpellings: ReadonlyMap<string, string> | undefined;
/**
 * Every time zone name spelled exactly, by its lower-case form: the IANA database's names (zones and
 * links) and the names ICU lists (`Intl.supportedValuesOf('timeZone')`), then the canonical names ICU
 * resolves them to. The resolved names are only looked at for a name neither list has: resolving each
 * of ~600 zones costs a tenth of a second, paid by every synth otherwise.
 */
function exactSpelling(lowerCase: string): string | undefined {
  listedSpellings ??= new Map(listedTimeZones().map((name) => [name.toLowerCase(), name]));
  const exact = listedSpellings.get(lowerCase);
  if (exact !== undefined) return exact;
  if (!resolvedSpellings) {
    const names = new Map<string, string>();
    for (const name of listedTimeZones()) {
      const resolved = resolveTimeZone(name);
      const key = resolved?.toLowerCase();
      if (resolved !== undefined && key !== undefined && !listedSpellings.has(key) && !names.has(key)) names.set(key, resolved);
    }
    resolvedSpellings = names;
  }
  return resolvedSpellings.get(lowerCase);
}

/**
 * An IANA time zone name (links such as `US/Eastern` or `Asia/Calcutta` included), written exactly as
 * the database writes it: Node's time-zone data (ICU) must know it, and the letter case must be the
 * database's (ICU accepts `europe/dublin` and `US/EASTERN`; Java time zone ids are case-sensitive). The
 * spelling is compared, case-sensitively, with the IANA names (`IANA_TIME_ZONE_NAMES`), the names ICU
 * lists and the canonical names ICU resolves; a name ICU knows that none of them has in any letter case
 * (a zone newer than the list) needs the capital letter that starts each part. The fix names the right
 * spelling.
 */
export function timeZoneProblem(zone: string): ValueProblem | undefined {
  const resolved = /^SystemV\//i.test(zone) ? undefined : resolveTimeZone(zone);
  if (resolved === undefined) {
    const guess = closest(zone, Intl.supportedValuesOf('timeZone'));
    return { message: 'is not an IANA time zone', fix: guess ? `did you mean ${guess}?` : 'use e.g. Europe/Dublin' };
  }
  const exact = exactSpelling(zone.toLowerCase());
  if (exact === zone) return undefined;
  if (exact !== undefined || !IANA_NAME.test(zone)) {
    return { message: 'time zone is not written as the IANA database writes it (letter case)', fix: `write ${exact ?? resolved}` };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Local date-times

/** `YYYY-MM-DDTHH:MM:SS` with up to 6 fraction digits, no zone (the provider's schedule format). */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function calendarProblem(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day < 1 || day > daysInMonth(year, month)) return `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}`;
  return undefined;
}

/**
 * A local date-time as the schedule takes it, checked against the calendar; `sortable` is the same
 * instant with 6 fraction digits (fixed width, so two of them compare as strings).
 */
export function parseLocalDateTime(text: string): { sortable: string } | ValueProblem {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m)
    return {
      message: 'must be an ISO-8601 local date-time without zone (YYYY-MM-DDTHH:MM:SS, optional fraction)',
      fix: 'use e.g. 2026-01-05T08:00:00.000000',
    };
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const wrong =
    calendarProblem(year, month, day) ??
    (hour > 23
      ? `hour ${hour} does not exist`
      : minute > 59
        ? `minute ${minute} does not exist`
        : second > 59
          ? `second ${second} does not exist`
          : undefined);
  if (wrong) return { message: `is not a real date-time: ${wrong}`, fix: 'write a date and time that exist, e.g. 2026-01-05T08:00:00.000000' };
  return { sortable: `${text.slice(0, 19)}.${(m[7] ?? '').padEnd(6, '0')}` };
}

// ---------------------------------------------------------------------------------------------------
// RRULE (RFC 5545 §3.3.10)

/** Frequencies of a schedule's recurrence: an opening repeats per day, week, month or year. */
const SCHEDULE_FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const RFC_FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', ...SCHEDULE_FREQS];
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const RULE_PARTS = [
  'FREQ',
  'UNTIL',
  'COUNT',
  'INTERVAL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
];
const EXAMPLE_RRULE = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';

/** A number list part: each item `[+|-]digits` (sign only when `signed`), within `min..max` by magnitude. */
function numberList(value: string, digits: number, min: number, max: number, signed: boolean): string | undefined {
  const item = new RegExp(`^${signed ? '[+-]?' : ''}[0-9]{1,${digits}}$`);
  for (const v of value.split(',')) {
    if (!item.test(v)) return `${JSON.stringify(v)} is not ${signed ? 'a signed' : 'an unsigned'} number of at most ${digits} digits`;
    const n = Math.abs(Number(v));
    if (n < min || n > max) return `${v} is outside ${min}..${max}`;
  }
  return undefined;
}

function untilProblem(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!m) return 'must be a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS, optional Z)';
  const [year, month, day] = m.slice(1, 4).map(Number);
  const wrong = calendarProblem(year, month, day);
  if (wrong) return wrong;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60)) return 'time does not exist';
  return undefined;
}

/** Largest COUNT or INTERVAL taken (six digits: far beyond any schedule's need). */
export const MAX_RRULE_NUMBER = 999_999;

/**
 * The rule as the schedule gets it: RFC 5545 rule parts and their values are case-insensitive (§3.1:
 * names and enumerated values; §3.3.10), and the provider and Genesys write them in upper case (the
 * provider's `rrule` examples, the API's `FREQ=DAILY;INTERVAL=1`), so ASCII letters are upper-cased; nothing
 * else changes (a non-ASCII letter stays as it is, and the grammar refuses it).
 */
export function normalizeRrule(rrule: string): string {
  return rrule.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/**
 * An RRULE value per the RFC 5545 grammar (`recur`), in any letter case (checked as `normalizeRrule`
 * writes it), each part at most once, with the RFC's rules on which parts go with which frequency; FREQ
 * one of DAILY, WEEKLY, MONTHLY, YEARLY (a sub-daily recurrence would repeat an opening of hours within
 * itself); COUNT and INTERVAL from 1 to `MAX_RRULE_NUMBER`.
 */
export function rruleProblem(written: string): ValueProblem | undefined {
  const wrong = (message: string, fix = `use e.g. ${EXAMPLE_RRULE}`): ValueProblem => ({ message, fix });
  if (/^RRULE:/i.test(written)) return wrong('starts with RRULE: (the schedule takes the rule value only)', 'drop the RRULE: prefix');
  if (written.trim() === '') return wrong('rrule is empty');
  const rrule = normalizeRrule(written);
  const parts = new Map<string, string>();
  for (const part of rrule.split(';')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if (part === '') return wrong("has an empty rule part (a ';' too many)");
    if (eq < 0) return wrong(`rule part ${JSON.stringify(part)} has no =VALUE`);
    if (!RULE_PARTS.includes(name)) {
      const guess = closest(name, RULE_PARTS);
      return wrong(
        `unknown rule part ${JSON.stringify(name)}; RFC 5545 rule parts: ${RULE_PARTS.join(', ')}`,
        guess ? `did you mean ${guess}?` : `use e.g. ${EXAMPLE_RRULE}`,
      );
    }
    if (parts.has(name)) return wrong(`rule part ${name} is given twice`, 'give each rule part once');
    parts.set(name, part.slice(eq + 1));
  }
  const freq = parts.get('FREQ');
  if (freq === undefined) return wrong('has no FREQ (required)', `add FREQ, e.g. ${EXAMPLE_RRULE}`);
  if (!RFC_FREQS.includes(freq))
    return wrong(`FREQ=${freq} is not a frequency; schedules take ${SCHEDULE_FREQS.join(', ')}`, `use e.g. ${EXAMPLE_RRULE}`);
  if (!SCHEDULE_FREQS.includes(freq))
    return wrong(`FREQ=${freq} would repeat the opening within itself; schedules take ${SCHEDULE_FREQS.join(', ')}`);
  if (parts.has('UNTIL') && parts.has('COUNT')) return wrong('UNTIL and COUNT must not both be given', 'keep one of them');
  for (const [name, value] of parts) {
    if (value === '') return wrong(`${name} has no value`);
    let why: string | undefined;
    switch (name) {
      case 'UNTIL':
        why = untilProblem(value);
        break;
      case 'COUNT':
      case 'INTERVAL':
        why =
          /^[0-9]+$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_RRULE_NUMBER
            ? undefined
            : `must be a whole number from 1 to ${MAX_RRULE_NUMBER}`;
        break;
      case 'BYSECOND':
        why = numberList(value, 2, 0, 60, false);
        break;
      case 'BYMINUTE':
        why = numberList(value, 2, 0, 59, false);
        break;
      case 'BYHOUR':
        why = numberList(value, 2, 0, 23, false);
        break;
      case 'BYMONTHDAY':
        why = numberList(value, 2, 1, 31, true) ?? (freq === 'WEEKLY' ? 'must not be used with FREQ=WEEKLY' : undefined);
        break;
      case 'BYYEARDAY':
        why = numberList(value, 3, 1, 366, true) ?? (freq !== 'YEARLY' ? `must not be used with FREQ=${freq}` : undefined);
        break;
      case 'BYWEEKNO':
        why = numberList(value, 2, 1, 53, true) ?? (freq !== 'YEARLY' ? 'is only valid with FREQ=YEARLY' : undefined);
        break;
      case 'BYMONTH':
        why = numberList(value, 2, 1, 12, false);
        break;
      case 'BYSETPOS':
        why =
          numberList(value, 3, 1, 366, true) ??
          ([...parts.keys()].some((k) => k.startsWith('BY') && k !== 'BYSETPOS') ? undefined : 'needs another BYxxx rule part');
        break;
      case 'WKST':
        why = WEEKDAYS.includes(value) ? undefined : `must be one of ${WEEKDAYS.join(', ')}`;
        break;
      case 'BYDAY':
        for (const day of value.split(',')) {
          const m = /^([+-]?)([0-9]{1,2})?([A-Z]{2})$/.exec(day);
          if (!m || !WEEKDAYS.includes(m[3])) {
            why = `${JSON.stringify(day)} is not a weekday (${WEEKDAYS.join(', ')}, optionally after a week number such as 1MO or -1FR)`;
          } else if (m[1] && m[2] === undefined) {
            why = `${JSON.stringify(day)} has a sign but no week number`;
          } else if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 53)) {
            why = `${JSON.stringify(day)}: week number outside 1..53`;
          } else if (m[2] !== undefined && freq !== 'MONTHLY' && freq !== 'YEARLY') {
            why = `${JSON.stringify(day)}: a numbered weekday needs FREQ=MONTHLY or FREQ=YEARLY`;
          } else if (m[2] !== undefined && freq === 'YEARLY' && parts.has('BYWEEKNO')) {
            why = `${JSON.stringify(day)}: a numbered weekday must not be used with BYWEEKNO`;
          }
          if (why) break;
        }
        break;
    }
    if (why) return wrong(`${name}=${value}: ${why}`);
  }
  return undefined;
}
