/**
 * Properties over hostile configuration (cases 3 and 9): whatever text or value a config field holds,
 * validation never throws and reports GC3xxx problems with code, path and fix; and config that passes
 * synthesizes (never an internal error) with no user text live as a Terraform interpolation.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { CONFIG_ERROR_CODES, ENVIRONMENTS, ProblemError, configProblems, formatProblem } from '../../config';
import { synthToDirectory } from '../../tools/synth';
import { foreignSequences } from '../synth/terraform-templates';

const [, test] = ENVIRONMENTS;
type Env = Record<string, any>;

/** Every text field of the config: where it is, and a valid value to hide hostile text in. */
const FIELDS: Array<{ path: Array<string | number>; valid: string; backend?: Env }> = [
  { path: ['name'], valid: 'test' },
  { path: ['region'], valid: 'us-east-1' },
  { path: ['division', 'name'], valid: 'Home' },
  { path: ['division', 'id'], valid: '0f2a5e4c-8d5b-4c1e-9a7b-3e2d1c0b9a8f' },
  { path: ['namePrefix'], valid: 'TEST ' },
  { path: ['pinAuth', 'accountLookup', 'integrationName'], valid: 'TEST Account Data Actions' },
  { path: ['pinAuth', 'accountLookup', 'url'], valid: 'https://accounts.test.example.com/ivr/lookup' },
  { path: ['operatorQueueName'], valid: 'TEST Operator' },
  { path: ['ivrs', 'sales', 'queueName'], valid: 'TEST Sales' },
  { path: ['ivrs', 'support', 'queueName'], valid: 'TEST Support' },
  { path: ['ivrs', 'sales', 'dnis', 0], valid: '+13175550200' },
  { path: ['ivrs', 'support', 'didPool', 'start'], valid: '+13175550210' },
  { path: ['ivrs', 'support', 'didPool', 'end'], valid: '+13175550219' },
  { path: ['businessHours', 'timeZone'], valid: 'America/Indiana/Indianapolis' },
  { path: ['businessHours', 'start'], valid: '2026-01-05T08:00:00.000000' },
  { path: ['businessHours', 'end'], valid: '2026-01-05T18:00:00.000000' },
  { path: ['businessHours', 'rrule'], valid: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR' },
  { path: ['businessHours', 'closedMessage'], valid: 'Our offices are closed.' },
  { path: ['inQueue', 'waitingMessage'], valid: 'Thank you for waiting.' },
  { path: ['backend', 'path'], valid: 'terraform.contact-center-test.tfstate' },
  ...(['bucket', 'key', 'region', 'dynamodbTable'] as const).map((key) => ({
    path: ['backend', key],
    valid: { bucket: 'acme-tf-state', key: 'genesys/test.tfstate', region: 'eu-west-1', dynamodbTable: 'tf-locks' }[key],
    backend: { type: 's3', bucket: 'acme-tf-state', key: 'genesys/test.tfstate', region: 'eu-west-1', dynamodbTable: 'tf-locks' },
  })),
  ...(['organization', 'workspace', 'hostname'] as const).map((key) => ({
    path: ['backend', key],
    valid: { organization: 'acme', workspace: 'genesys-test', hostname: 'app.terraform.io' }[key],
    backend: { type: 'cloud', organization: 'acme', workspace: 'genesys-test', hostname: 'app.terraform.io' },
  })),
];

/** Pieces of text that Terraform, cdktf, YAML, the provider's substitutions or a file system read specially. */
const HOSTILE_PIECES = [
  '${path.cwd}',
  '${file("/etc/passwd")}',
  '%{if true}x%{endif}',
  '${',
  '%{',
  '$${',
  '%%{',
  '$',
  '%',
  '{',
  '}',
  '{{',
  '}}',
  '{{queue_OperatorQueue}}',
  '${TfToken[TOKEN.1]}',
  '#{TfToken[TOKEN.1]}',
  '"',
  "'",
  '\\',
  '`',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u0085',
  '\u2028',
  '\ud800',
  '\udfff',
  '\ufeff',
  '😀',
  'é',
  ' ',
  '  ',
  '../',
  '/',
  ':',
  ': ',
  '#',
  '- ',
  '&a',
  '*a',
  '!!str',
  '|',
  '>',
  '?',
  '@',
  ',',
  ';',
  '=',
  'null',
  'x',
];
const piece = fc.constantFrom(...HOSTILE_PIECES);
const hostileText = fc.oneof(
  fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** A field and a hostile value for it: often the valid value with hostile text inserted (to reach synth). */
const hostileValue = (fields: typeof FIELDS) =>
  fc.integer({ min: 0, max: fields.length - 1 }).chain((i) =>
    fc.record({
      field: fc.constant(fields[i]),
      value: fc.oneof(
        {
          weight: 3,
          arbitrary: fc.tuple(fc.nat(), fc.array(piece, { minLength: 1, maxLength: 3 })).map(([at, p]) => insert(fields[i].valid, at, p.join(''))),
        },
        { weight: 2, arbitrary: hostileText },
        { weight: 1, arbitrary: fc.anything() },
      ),
    }),
  );
const hostileField = hostileValue(FIELDS);
/** Fields of free text (names, messages, state paths): the ones hostile text can pass validation in and reach synth. */
const FREE_TEXT = [
  'division.name',
  'namePrefix',
  'operatorQueueName',
  'ivrs.sales.queueName',
  'ivrs.support.queueName',
  'businessHours.closedMessage',
  'inQueue.waitingMessage',
  'pinAuth.accountLookup.integrationName',
  'pinAuth.accountLookup.url',
  'backend.path',
  'backend.key',
];
const hostileFreeText = fc.oneof(
  { weight: 4, arbitrary: hostileValue(FIELDS.filter((f) => FREE_TEXT.includes(f.path.join('.')))) },
  { weight: 1, arbitrary: hostileField },
);

function insert(valid: string, at: number, text: string): string {
  const k = at % (valid.length + 1);
  return valid.slice(0, k) + text + valid.slice(k);
}

/** The test environment with `value` at `field` (a deep copy; the embedded config is never touched). */
function withField(field: (typeof FIELDS)[number], value: unknown): Env {
  const env: Env = structuredClone({ ...test, ...(field.backend ? { backend: field.backend } : {}) });
  let node = env;
  for (const key of field.path.slice(0, -1)) node = node[key];
  node[field.path[field.path.length - 1]] = value;
  return env;
}

/** Every problem is a GC3xxx with a path into the config, a message and a fix, printed on one line. */
function expectWellFormed(problems: ReturnType<typeof configProblems>): void {
  // One assertion for the whole list (thousands of runs): each broken rule is named with the problem.
  const broken = problems.flatMap((p) =>
    [
      !Object.prototype.hasOwnProperty.call(CONFIG_ERROR_CODES, p.code) && 'code is not a GC3xxx code',
      !/^environments(\[|$)/.test(p.path) && 'path is not inside environments',
      p.message.length === 0 && 'no message',
      p.fix.length === 0 && 'no fix',
      /[\n\r\u0085\u2028\u2029]/.test(formatProblem(p)) && 'printed on more than one line',
    ]
      .filter((rule): rule is string => typeof rule === 'string')
      .map((rule) => ({ rule, problem: p })),
  );
  expect(broken).toEqual([]);
}

describe('hostile configuration (properties)', () => {
  it('property: any value in any config field: validation never throws, every problem is a well-formed GC3xxx', () => {
    fc.assert(
      fc.property(hostileField, ({ field, value }) => {
        expectWellFormed(configProblems([withField(field, value)]));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: any structure at all: validation never throws, every problem is a well-formed GC3xxx', () => {
    const env = fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...Object.keys(test), 'extra', '__proto__', 'toString'), fc.anything()));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(env, { maxLength: 3 })), (environments) => {
        const problems = configProblems(environments);
        expectWellFormed(problems);
        if (!Array.isArray(environments) || environments.length === 0) expect(problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  describe('synthesis', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-synth-'));
    const out = path.join(work, 'cdktf.out');
    afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

    it('property: hostile text in any config text field never crashes synth, and never reaches cdk.tf.json as a live interpolation', () => {
      let synthesized = 0;
      fc.assert(
        fc.property(hostileFreeText, ({ field, value }) => {
          const env = withField(field, value);
          const problems = configProblems([env]);
          fs.rmSync(out, { recursive: true, force: true });
          fs.mkdirSync(out, { recursive: true });
          fs.writeFileSync(path.join(out, 'previous.txt'), 'previous output');
          let error: unknown;
          try {
            synthToDirectory(out, [env as never]);
          } catch (e) {
            error = e;
          }
          if (problems.length > 0) {
            // Refused before anything is written: exit 1 with the problems, the previous output kept.
            expect(error).toBeInstanceOf(ProblemError);
            expectWellFormed((error as ProblemError).problems as ReturnType<typeof configProblems>);
            expect(fs.readdirSync(out)).toEqual(['previous.txt']);
            return;
          }
          // Accepted: synth must succeed (anything thrown here would be exit 2, or a GC1xxx/GC2xxx the
          // config check should have caught), and no user text is a live template sequence.
          if (error) throw error;
          synthesized++;
          const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'contact-center-test', 'cdk.tf.json'), 'utf8'));
          expect(foreignSequences(json)).toEqual([]);
        }),
        { numRuns: 60 },
      );
      // The generator must reach synth often enough for the property to mean something.
      expect(synthesized).toBeGreaterThan(5);
    }, 120000);
  });
});
