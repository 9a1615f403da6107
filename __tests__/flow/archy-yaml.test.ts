/**
 * `toArchyYaml` writes block structure itself and asks the `yaml` library only for scalars: its output
 * must be the library's, byte for byte, for any document (golden files, seed flows, hostile text).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { CommonModuleFlow, InboundCallFlow, dataActionNamed } from '../../flow';
import { libraryYaml, toArchyYaml } from '../../flow/archy/yaml';
import { afterHoursFlow } from '../../stacks/flows/after-hours';
import { ACCOUNT_LOOKUP_CONTRACT, pinAuthFlow } from '../../stacks/flows/pin-auth';

const golden = path.join(__dirname, '..', 'golden');

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'N',
  'true',
  'False',
  'null',
  '~',
  'Null',
  '',
  ' ',
  '-',
  '- a',
  '? x',
  '0',
  '1',
  '0x1F',
  '1e5',
  '1_000',
  '12:30',
  '.5',
  '.inf',
  '.NaN',
  '2024-01-01',
  '<<',
  '=',
  '!',
  '&a',
  '*a',
  '%x',
  '@x',
  '`x',
  '|',
  '>',
  '#',
  'a #b',
  'a# b',
  'a: b',
  'a:b',
  'a:',
  '{{queue_sales}}',
  '[x]',
  'menu[Main Menu]',
  '/inboundCall/menus/menu[Main Menu]',
  'Flow.Pin == "1234"',
  '"4321"',
  "it's",
  'Append("a", Call.Ani)',
  'tab\there',
  'line\nbreak',
  'trailing ',
  ' leading',
  'é ü 漢字',
  '😀',
  'a,b',
  'a{b}',
  '\\',
  'x'.repeat(1100),
  'A'.repeat(300),
];
const CHARS = 'aZ09 ._/()[]{}-:#,"\'!&*?|>%@`~=+\\\t\néü';

function text(rnd: () => number): string {
  if (rnd() < 0.4) return WORDS[Math.floor(rnd() * WORDS.length)];
  const n = Math.floor(rnd() * 12);
  let s = rnd() < 0.5 ? 'A' : '';
  for (let i = 0; i < n; i++) s += CHARS[Math.floor(rnd() * CHARS.length)];
  return s;
}

function scalar(rnd: () => number): unknown {
  const r = rnd();
  if (r < 0.7) return text(rnd);
  if (r < 0.8) return Math.floor(rnd() * 100) - 10;
  if (r < 0.85) return rnd() * 10;
  if (r < 0.9) return rnd() < 0.5;
  if (r < 0.95) return null;
  return rnd() < 0.5 ? [] : {};
}

function node(rnd: () => number, depth: number): unknown {
  const r = rnd();
  if (depth > 4 || r < 0.4) return scalar(rnd);
  const n = 1 + Math.floor(rnd() * 4);
  if (r < 0.7) return Object.fromEntries(Array.from({ length: n }, () => [text(rnd), node(rnd, depth + 1)]));
  return Array.from({ length: n }, () => node(rnd, depth + 1));
}

describe('toArchyYaml', () => {
  it('equals the library for the golden files and the seed flows', () => {
    const docs = fs
      .readdirSync(golden)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => parse(fs.readFileSync(path.join(golden, f), 'utf8')));
    for (const flow of [
      new CommonModuleFlow(
        pinAuthFlow({
          flowName: 'PIN',
          division: 'Home',
          maxAttempts: 3,
          accountLookup: dataActionNamed('Account Data Actions', 'Account PIN Lookup', ACCOUNT_LOOKUP_CONTRACT),
        }),
      ),
      new InboundCallFlow(afterHoursFlow({ flowName: 'Closed', division: 'Home', message: 'We are closed: call back "later".' })),
    ]) {
      docs.push(parse(flow.render().yaml));
    }
    expect(docs.length).toBeGreaterThan(3);
    for (const doc of docs) expect(toArchyYaml(doc)).toBe(libraryYaml(doc));
  });

  it('equals the library for 1 000 random documents with hostile text in every position', () => {
    const rnd = random(13);
    for (let i = 0; i < 1000; i++) {
      const doc = { [text(rnd) || 'root']: node(rnd, 0) } as Record<string, unknown>;
      expect(toArchyYaml(doc)).toBe(libraryYaml(doc));
    }
  });

  it('equals the library for each hostile word as key, value and list item', () => {
    for (const w of WORDS) {
      const doc = { [w]: w, k: [w, [w], { [w]: [w] }], m: { [w]: { [w]: w } } };
      expect(toArchyYaml(doc)).toBe(libraryYaml(doc));
    }
  });

  it('hands undefined values, class instances and empty documents to the library', () => {
    for (const doc of [{}, { a: undefined, b: 1 }, { a: new Date(0) }, { a: [undefined] }, { a: new Map([['x', 1]]) }] as Record<string, unknown>[]) {
      expect(toArchyYaml(doc)).toBe(libraryYaml(doc));
    }
  });
});
