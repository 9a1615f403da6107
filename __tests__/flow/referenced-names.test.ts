/**
 * Names a flow refers to (data actions and their fields, tables and fields, scripts and inputs, schedules,
 * schedule groups, participant data attributes) follow the flow-name rule: no line break or other control
 * character, no `{{ }}` (the provider substitutes `{{key}}` anywhere in the file), no outer spaces, and a
 * length limit (256 for data action and integration names, the provider's; 200 for the others).
 */
import {
  Action,
  CallData,
  DataTableLookup,
  Disconnect,
  EvaluateSchedule,
  EvaluateScheduleGroup,
  Expr,
  GetParticipantData,
  SetParticipantData,
  SetScreenPop,
  Variable,
  dataActionNamed,
  dataTableNamed,
} from '../../flow';
import { inboundFlowOf } from '../support/flow-builders';

const out = Variable.string('Flow.Out');
const codesOf = (action: Action): string[] =>
  inboundFlowOf('F', [action, new Disconnect('End')], [out])
    .validate()
    .map((p) => p.code);

const KINDS: Array<[kind: string, make: (name: string) => Action, code: string, limit: number]> = [
  ['integration name', (n) => new CallData('C', { action: dataActionNamed(n, 'A', { inputs: {}, outputs: {} }), inputs: {} }), 'GC1014', 256],
  ['data action name', (n) => new CallData('C', { action: dataActionNamed('I', n, { inputs: {}, outputs: {} }), inputs: {} }), 'GC1014', 256],
  [
    'data action input name',
    (n) => new CallData('C', { action: dataActionNamed('I', 'A', { inputs: { [n]: 'string' }, outputs: {} }), inputs: { [n]: Expr.string('x') } }),
    'GC1014',
    200,
  ],
  [
    'data action output name',
    (n) => new CallData('C', { action: dataActionNamed('I', 'A', { inputs: {}, outputs: { [n]: 'string' } }), inputs: {} }),
    'GC1014',
    200,
  ],
  ['table name', (n) => new DataTableLookup('D', { table: dataTableNamed(n, {}), key: Expr.string('k') }), 'GC1014', 200],
  ['table field name', (n) => new DataTableLookup('D', { table: dataTableNamed('T', { [n]: 'string' }), key: Expr.string('k') }), 'GC1014', 200],
  ['screen pop script name', (n) => new SetScreenPop('P', { script: n }), 'GC1014', 200],
  ['screen pop input name', (n) => new SetScreenPop('P', { script: 'S', inputs: { [n]: Expr.string('x') } }), 'GC1014', 200],
  ['schedule name', (n) => new EvaluateSchedule('S', { schedule: n }), 'GC1014', 200],
  ['schedule group name', (n) => new EvaluateScheduleGroup('S', { scheduleGroup: n }), 'GC1014', 200],
  ['emergency group name', (n) => new EvaluateScheduleGroup('S', { emergencyGroup: n }), 'GC1014', 200],
  ['attribute written', (n) => new SetParticipantData('S', [{ attribute: n, value: Expr.string('v') }]), 'GC1025', 200],
  ['attribute read', (n) => new GetParticipantData('S', [{ attribute: n, into: out }]), 'GC1025', 200],
];

const BAD: Array<[why: string, name: (limit: number) => string]> = [
  ['a line break', () => 'a\nb'],
  ['{{ }}', () => '{{queue_x}}'],
  ['a leading space', () => ' x'],
  ['a trailing space', () => 'x '],
  ['more characters than the limit', (limit) => 'x'.repeat(limit + 1)],
];

describe.each(KINDS)('the %s', (_kind, make, code, limit) => {
  it.each(BAD)('is refused with %s', (_why, name) => {
    expect(codesOf(make(name(limit)))).toEqual([code]);
  });

  it('is accepted at the limit and with spaces inside', () => {
    expect(codesOf(make('x'.repeat(limit)))).toEqual([]);
    expect(codesOf(make('Account lookup 2'))).toEqual([]);
  });
});
