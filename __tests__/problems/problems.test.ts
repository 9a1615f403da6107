/**
 * One problem type, one formatter, one error class for every area: the flow language (GC1xxx), the
 * constructs (GC2xxx), the configuration (GC3xxx) and the runtime (GC4xxx).
 */
import { ENVIRONMENTS, validateConfig } from '../../config';
import { InboundIvr, SharedFlow } from '../../constructs';
import {
  CONFIG_ERROR_CODES,
  CONSTRUCT_ERROR_CODES,
  PREFLIGHT_ERROR_CODES,
  REVIEW_ERROR_CODES,
  PROVIDERS_LOCK_ERROR_CODES,
  Digits,
  Expr,
  FLOW_ERROR_CODES,
  InboundCallFlow,
  PROBLEM_CODE_TABLES,
  PlayAudio,
  Problem,
  ProblemArea,
  ProblemCode,
  ProblemError,
  Prompt,
  RUNTIME_ERROR_CODES,
  Task,
  formatProblem,
  problemArea,
  queueNamed,
} from '../../flow';
import { GenesysError, clearRegisteredSecrets, registerOwnCredentials } from '../../runtime/genesys/genesys-error';
import { simpleModule, testStack } from '../support/fixtures';

/** `CODE [path] message (value: …). Fix: …` on one line. */
const ONE_LINE = /^GC\d{4} \[[^\n]+\] [^\n]+ \(value: [^\n]+\)\. Fix: [^\n]+$/;

function thrown(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return e as ProblemError;
  }
  throw new Error('expected a ProblemError, nothing was thrown');
}

/** The error of each area, from its public interface. */
function errorsOfEveryArea(): Record<ProblemArea, ProblemError> {
  const stack = testStack();
  const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
  const talkOnly = new Task('Main', [new PlayAudio('Talk', { prompt: Prompt.tts('Hello.') })]);
  return {
    flow: thrown(() => new InboundCallFlow({ name: ' Sales', initialGreeting: Prompt.tts('Hi.'), startUp: talkOnly, tasks: [talkOnly] }).render()),
    construct: thrown(
      () =>
        new InboundIvr(stack, 'Ivr', {
          name: 'Sales IVR',
          greeting: Prompt.tts('Welcome.'),
          dnis: ['317-555-0100', '+13175550100', '+13175550100'],
          sharedFlow: module,
          sharedFlowInputs: { Account: Expr.string('x') },
          routes: { ok: queueNamed('Sales'), failed: queueNamed('Operator') },
        }),
    ),
    config: thrown(() =>
      validateConfig([
        { ...ENVIRONMENTS[0], region: 'mars-1' },
        { ...ENVIRONMENTS[1], pinAuth: { maxAttempts: 0 } },
      ]),
    ),
    runtime: new GenesysError('GC4002', 'GENESYSCLOUD_REGION', 'unknown region', 'mars-1', 'set the provider aws_region value, e.g. us-east-1'),
  };
}

describe('problems of every area', () => {
  it('are ProblemErrors whose problems print in one shape, with the one formatter, under a heading when there are several', () => {
    for (const [area, error] of Object.entries(errorsOfEveryArea())) {
      expect({ area, isProblemError: error instanceof ProblemError }).toEqual({ area, isProblemError: true });
      expect(error.problems.length).toBeGreaterThan(0);
      for (const p of error.problems) {
        expect(problemArea(p.code)).toBe(area);
        expect(formatProblem(p)).toMatch(ONE_LINE);
      }
      const lines = error.problems.map(formatProblem);
      if (lines.length === 1) expect(error.message).toBe(lines[0]);
      else expect(error.message.split('\n').slice(1)).toEqual(lines.map((line) => `  ${line}`));
    }
  });

  it('keep the headings each area had: flow definition, environment configuration', () => {
    const errors = errorsOfEveryArea();
    expect(errors.flow.message).toMatch(/^\d+ problem\(s\) in flow definition:\n/);
    expect(errors.config.message).toMatch(/^\d+ problem\(s\) in environment configuration:\n/);
    expect(errors.construct.message).toMatch(/^2 problem\(s\):\n/);
    expect(thrown(() => Digits.exactly(0)).message).toMatch(/^1 problem\(s\) in flow definition:\n {2}GC1016 \[Digits\.exactly\]/);
  });

  it('runtime failures are ProblemErrors with one problem, keeping their HTTP status', () => {
    const error = new GenesysError('GC4003', 'GET /api/v2/flows', 'Genesys answered 404', undefined, 'check the id', 404);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.problems).toEqual([{ code: 'GC4003', path: 'GET /api/v2/flows', message: 'Genesys answered 404', fix: 'check the id' }]);
    expect(error.message).toBe('GC4003 [GET /api/v2/flows] Genesys answered 404. Fix: check the id');
    expect(error.status).toBe(404);
  });
});

describe('formatProblem', () => {
  const problem = (extra: Partial<Problem> = {}): Problem => ({
    code: 'GC3003',
    path: 'environments[dev].name',
    message: 'bad',
    fix: 'fix it',
    ...extra,
  });

  it('never prints a raw control character, line break, bidirectional control or invisible character, in any part', () => {
    const nasty = 'a\nb\r\u0000\u0085\u2028\u2029\u202e\u200b\ufeffc';
    const line = formatProblem(problem({ path: nasty, message: nasty, value: nasty, fix: nasty }));
    // eslint-disable-next-line no-control-regex -- control characters are what must not appear
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/);
    expect(line).toContain('\\u202e');
    expect(line).toContain('(value: "a\\nb\\r\\u0000\\u0085\\u2028\\u2029\\u202e\\u200b\\ufeffc")');
  });

  it('shows a value as JSON, cut when long; a missing value as undefined; no value part when the problem has none', () => {
    expect(formatProblem(problem({ value: 'x' }))).toBe('GC3003 [environments[dev].name] bad (value: "x"). Fix: fix it');
    expect(formatProblem(problem({ value: { a: [1, 2n] } }))).toContain('(value: {"a":[1,"2n"]})');
    expect(formatProblem(problem({ value: 'x'.repeat(500) }))).toMatch(/x… \(502 characters\)\)\. Fix: fix it$/);
    expect(formatProblem(problem({ value: undefined }))).toBe('GC3003 [environments[dev].name] bad (value: undefined). Fix: fix it');
    expect(formatProblem(problem())).toBe('GC3003 [environments[dev].name] bad. Fix: fix it');
  });
});

describe('problem codes', () => {
  const tables: ReadonlyArray<[ProblemArea, Readonly<Record<string, string>>, string]> = [
    ['flow', FLOW_ERROR_CODES, '1'],
    ['construct', CONSTRUCT_ERROR_CODES, '2'],
    ['config', CONFIG_ERROR_CODES, '3'],
    ['runtime', RUNTIME_ERROR_CODES, '4'],
    ['review', REVIEW_ERROR_CODES, '5'],
    ['preflight', PREFLIGHT_ERROR_CODES, '6'],
    ['providersLock', PROVIDERS_LOCK_ERROR_CODES, '7'],
  ];

  it('each area keeps its own range, and every code belongs to exactly one area', () => {
    expect(Object.keys(PROBLEM_CODE_TABLES).sort()).toEqual(tables.map(([area]) => area).sort());
    for (const [area, table, digit] of tables) {
      for (const code of Object.keys(table)) {
        expect(code).toMatch(new RegExp(`^GC${digit}\\d{3}$`));
        expect(problemArea(code as ProblemCode)).toBe(area);
      }
    }
    const all = tables.flatMap(([, table]) => Object.keys(table));
    expect(new Set(all).size).toBe(all.length);
  });

  it('no two codes of an area share a meaning', () => {
    for (const [area, table] of tables) {
      const meanings = Object.values(table);
      expect({ area, repeated: meanings.filter((m, i) => meanings.indexOf(m) !== i) }).toEqual({ area, repeated: [] });
    }
  });

  it('a call to a shared flow that is not a SharedFlow has its own code (GC2010), apart from invalid IVR definitions (GC2007)', () => {
    expect(CONSTRUCT_ERROR_CODES.GC2007).toBe('invalid IVR definition');
    expect(CONSTRUCT_ERROR_CODES.GC2010).toMatch(/not a SharedFlow/);
  });
});

describe('GenesysError', () => {
  afterEach(() => clearRegisteredSecrets());

  it('scrubs secrets inside an object value before the formatter cuts it (a cut secret is no longer recognizable)', () => {
    const secret = 'S3cr3t-Value-With-Some-Length-0123456789';
    registerOwnCredentials('client-id-0123456789', secret);
    const error = new GenesysError(
      'GC4003',
      'call',
      'failed',
      { pad: 'x'.repeat(170), s: secret, b64: Buffer.from(secret).toString('base64') },
      'retry',
    );
    expect(error.message).not.toContain(secret.slice(0, 12));
    expect(error.message).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
  });
});
