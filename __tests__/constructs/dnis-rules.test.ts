/**
 * The DNIS and DID-pool rules are one set of rules (formats/dnis-rules.ts): the configuration check and
 * InboundIvr give the same verdicts on the same numbers, each in its own codes and words.
 */
import { ENVIRONMENTS, configProblems } from '../../config';
import { InboundIvr, SharedFlow } from '../../constructs';
import { Expr, Problem, ProblemError, Prompt, queueNamed } from '../../flow';
import { simpleModule, testStack } from '../support/fixtures';

type Rule = 'no numbers' | 'not E.164' | 'repeated' | 'bound not E.164' | 'not a range' | 'outside the pool';
type Verdict = [Rule, unknown];
interface Case {
  readonly dnis: readonly string[];
  readonly pool?: { readonly start: string; readonly end: string };
}

const pool = { start: '+13175550300', end: '+13175550309' };

const CASES: ReadonlyArray<[string, Case, Verdict[]]> = [
  ['numbers without a pool', { dnis: ['+13175550300', '+13175550301'] }, []],
  ['numbers inside the pool', { dnis: ['+13175550309', '+13175550300'], pool }, []],
  ['no numbers', { dnis: [] }, [['no numbers', []]]],
  ['a number that is not E.164', { dnis: ['317-555-0300', '+13175550300'], pool }, [['not E.164', '317-555-0300']]],
  ['a number listed twice', { dnis: ['+13175550300', '+13175550301', '+13175550300'] }, [['repeated', '+13175550300']]],
  ['a number after the pool', { dnis: ['+13175550310'], pool }, [['outside the pool', '+13175550310']]],
  ['a number with more digits than the pool', { dnis: ['+131755503000'], pool }, [['outside the pool', '+131755503000']]],
  ['a reversed pool', { dnis: ['+13175550300'], pool: { start: pool.end, end: pool.start } }, [['not a range', '+13175550309..+13175550300']]],
  [
    'a pool whose bounds differ in length',
    { dnis: ['+13175550300'], pool: { start: '+1317555030', end: pool.end } },
    [['not a range', '+1317555030..+13175550309']],
  ],
  ['a pool bound that is not E.164', { dnis: ['+13175550300'], pool: { ...pool, start: '13175550300' } }, [['bound not E.164', '13175550300']]],
  [
    'two pool bounds that are not E.164',
    { dnis: ['+13175550300'], pool: { start: 'x', end: '' } },
    [
      ['bound not E.164', 'x'],
      ['bound not E.164', ''],
    ],
  ],
  [
    'a number listed twice outside the pool',
    { dnis: ['+13175550320', '+13175550320'], pool },
    [
      ['repeated', '+13175550320'],
      ['outside the pool', '+13175550320'],
    ],
  ],
  [
    'every rule broken at once',
    { dnis: ['bad', '+13175550300', '+13175550300', '+13175550399'], pool },
    [
      ['not E.164', 'bad'],
      ['repeated', '+13175550300'],
      ['outside the pool', '+13175550399'],
    ],
  ],
];

/** The configuration's verdicts on the sales IVR of `dev` with these numbers and pool. */
function configVerdicts({ dnis, pool: didPool }: Case): Verdict[] {
  const dev = ENVIRONMENTS[0];
  const env = { ...dev, ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, dnis: [...dnis], didPool } } };
  const at = 'environments[dev].ivrs.sales';
  return configProblems([env])
    .filter((p) => p.path.startsWith(`${at}.dnis`) || p.path.startsWith(`${at}.didPool`))
    .map((p): Verdict => {
      const where = p.path.slice(at.length);
      if (p.code === 'GC3006') return ['repeated', p.value];
      if (where === '.dnis') return ['no numbers', p.value];
      if (where === '.didPool') return ['not a range', p.value];
      if (where.startsWith('.didPool.')) return ['bound not E.164', p.value];
      return [p.message.includes('outside') ? 'outside the pool' : 'not E.164', p.value];
    });
}

/** InboundIvr's verdicts on an IVR with these numbers and pool. */
function constructVerdicts({ dnis, pool: didPool }: Case): Verdict[] {
  const stack = testStack();
  const module = new SharedFlow(stack, 'Pin', simpleModule('Shared PIN'));
  let problems: readonly Problem[] = [];
  try {
    new InboundIvr(stack, 'Ivr', {
      name: 'Sales IVR',
      greeting: Prompt.tts('Welcome.'),
      dnis,
      didPool: didPool && { startPhoneNumber: didPool.start, endPhoneNumber: didPool.end },
      sharedFlow: module,
      sharedFlowInputs: { Account: Expr.string('x') },
      routes: { ok: queueNamed('Sales'), failed: queueNamed('Operator') },
    });
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    problems = (e as ProblemError).problems;
  }
  return problems.map((p): Verdict => {
    const where = p.path.slice('test-stack/Ivr'.length);
    if (p.code === 'GC2007') return [where === '' ? 'no numbers' : 'repeated', p.value];
    if (where === ' > didPool') return ['not a range', p.value];
    if (where.startsWith(' > didPool.')) return ['bound not E.164', p.value];
    return [p.code === 'GC2003' ? 'outside the pool' : 'not E.164', p.value];
  });
}

const distinct = (verdicts: Verdict[]): Verdict[] => [...new Map(verdicts.map((v) => [JSON.stringify(v), v])).values()];

describe('DNIS and DID-pool rules', () => {
  it.each(CASES)('config and InboundIvr agree on %s', (_name, numbers, expected) => {
    // The same verdicts; config names each entry of a repeated number (its index), the construct each number once.
    expect(distinct(configVerdicts(numbers))).toEqual(expected);
    expect(distinct(constructVerdicts(numbers))).toEqual(expected);
  });
});
