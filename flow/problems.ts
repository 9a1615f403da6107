import { ProblemCode } from './problem-codes';

/**
 * One problem found in what the user wrote or what the runtime met: every area (flow language,
 * constructs, configuration, runtime) reports its problems in this shape and prints them with
 * {@link formatProblem}.
 */
export interface Problem<Code extends ProblemCode = ProblemCode> {
  readonly code: Code;
  /** Where: a construct path plus the position inside a flow, a config path, an API call or setting. */
  readonly path: string;
  readonly message: string;
  /**
   * The bad value as given; `undefined` for a missing field, which is shown as such. Left out when there
   * is no value to show (then the line has no `(value: …)`).
   */
  readonly value?: unknown;
  readonly fix: string;
}

const MAX_VALUE_LENGTH = 200;

/**
 * Characters JSON leaves as they are that would break a line, reorder what is shown (bidirectional
 * controls) or not show at all (invisible characters: the value would look like a valid one).
 */
const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** The same, plus the control characters JSON escapes inside a string (texts printed as they are). */
// eslint-disable-next-line no-control-regex -- control characters are what this expression finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A value as it appears in a problem: JSON where JSON can say it (so control characters, quotes and lone
 * surrogates are escaped; line separators, bidirectional controls and invisible characters such as
 * U+200B too), shortened when long, on one line; never throws (bigint, cycles, symbols).
 */
export function describeValue(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'symbol' ? v.toString() : v));
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    if (value === undefined) text = 'undefined';
    else if (typeof value === 'symbol') text = value.toString();
    else if (typeof value === 'function') text = 'a function';
    else text = Object.prototype.toString.call(value);
  }
  text = text.replace(UNPRINTABLE_IN_JSON, escaped);
  if (text.length <= MAX_VALUE_LENGTH) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[MAX_VALUE_LENGTH - 1]) ? MAX_VALUE_LENGTH - 1 : MAX_VALUE_LENGTH; // never half a pair
  return `${text.slice(0, cut)}… (${text.length} characters)`;
}

/** `text` on one line with every character that would not print as itself escaped (paths, messages, fixes). */
function printable(text: string): string {
  return text.replace(UNPRINTABLE, escaped);
}

/** A problem on one line: `CODE [path] message (value: …). Fix: …`. */
export function formatProblem(p: Problem): string {
  const value = Object.hasOwn(p, 'value') ? ` (value: ${describeValue(p.value)})` : '';
  return `${p.code} [${printable(p.path)}] ${printable(p.message)}${value}. Fix: ${printable(p.fix)}`;
}

/**
 * Thrown with every problem found, not just the first. The message is the problems' lines under a
 * heading naming what was checked (`subject`, e.g. `flow definition`); a single problem without a
 * subject is its own one-line message.
 */
export class ProblemError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], subject?: string) {
    const lines = problems.map(formatProblem);
    const heading = subject === undefined ? `${problems.length} problem(s):` : `${problems.length} problem(s) in ${subject}:`;
    super(subject === undefined && lines.length === 1 ? lines[0] : [heading, ...lines.map((line) => `  ${line}`)].join('\n'));
    this.name = 'ProblemError';
    this.problems = problems;
  }
}
