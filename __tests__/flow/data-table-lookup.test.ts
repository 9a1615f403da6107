/**
 * The DataTableLookup action (issue 15): validation (the table's typed fields), its Archy shape (unverified:
 * no public export shows it), simulation (the script's `dataTables`) and how plan review outlines it.
 */
import { parse } from 'yaml';
import {
  Action,
  DataTableLookup,
  DataTableLookupProps,
  Disconnect,
  Expr,
  InboundCallFlow,
  UNVERIFIED_SHAPES,
  Variable,
  dataTableNamed,
} from '../../flow';
import { MODELLED_ARCHY_ACTIONS } from '../../flow/archy/emitter';
import { diffOutlines, mermaid, outlineFlow } from '../../runtime/plan-review/flow-outline';
import { ScriptError, simulateCall } from '../../simulator';
import { inboundFlowOf, say } from '../support/flow-builders';

const PATH = 'dev/X';
const AT = `${PATH} > tasks > Main > Find branch`;
const branches = dataTableNamed('Branches', { queue: 'string', open: 'boolean', priority: 'integer' });
type Props = Partial<DataTableLookupProps<typeof branches.fields>>;
const code = Variable.string('Flow.Code');
const queue = Variable.string('Flow.Queue');
const open = Variable.boolean('Flow.Open');
const flowOf = (...actions: Action[]): InboundCallFlow => inboundFlowOf('Table IVR', actions, [code, queue, open]);
const lookup = (props: Props = {}) =>
  new DataTableLookup('Find branch', {
    table: branches,
    key: code.ref(),
    outputs: { queue, open },
    onFound: [say('Found')],
    onNotFound: [say('Unknown')],
    onFailure: [say('Failed')],
    ...props,
  });
const routed = (props?: Props) => flowOf(lookup(props), new Disconnect('Bye'));
const withCode = (value: string, dataTables: unknown) => ({ variables: { 'Flow.Code': value }, dataTables }) as never;

describe('DataTableLookup validation', () => {
  it('accepts a string key and fields read into declared variables of their type', () => {
    expect(routed().validate(PATH)).toEqual([]);
  });

  it('reports a key that is not a string (GC1008), and refuses one that is not an expression when made', () => {
    expect(routed({ key: Expr.integer(4) as never }).validate(PATH)).toEqual([expect.objectContaining({ code: 'GC1008', path: AT, value: '4' })]);
    expect(() => lookup({ key: 'B1' as never })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ code: 'GC1008', value: 'B1' })] }),
    );
  });

  it('reports a field the table does not have (GC1022)', () => {
    expect(routed({ outputs: { queue, city: code } as never }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1022', path: AT, value: 'city' }),
    ]);
  });

  it('reports a variable of another type than the field (GC1008), and an undeclared one (GC1006)', () => {
    expect(routed({ outputs: { open: queue } as never }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1008', path: AT, value: 'Flow.Queue' }),
    ]);
    expect(routed({ outputs: { priority: Variable.integer('Flow.Priority') } }).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1006', path: AT, value: 'Flow.Priority' }),
    ]);
  });

  it('reports an empty table name (GC1014)', () => {
    const nameless = dataTableNamed('', {});
    expect(flowOf(new DataTableLookup('Find branch', { table: nameless, key: code.ref() }), new Disconnect('Bye')).validate(PATH)).toEqual([
      expect.objectContaining({ code: 'GC1014', path: AT }),
    ]);
  });

  it('names its data table as what the flow references', () => {
    expect(lookup().references()).toEqual([branches]);
    expect(routed().references()).toContain(branches);
  });
});

describe('DataTableLookup Archy shape (unverified)', () => {
  const actionsOf = (flow: InboundCallFlow) => parse(flow.render().yaml).inboundCall.tasks[0].task.actions;

  it('writes the key, the table with the fields read (sorted by name), and each branch with actions', () => {
    expect(actionsOf(routed({ outputs: { queue, open } }))[0]).toEqual({
      dataTableLookup: {
        name: 'Find branch',
        lookupValue: { exp: 'Flow.Code' },
        dataTable: {
          Branches: {
            foundOutputs: { open: { var: 'Flow.Open' }, queue: { var: 'Flow.Queue' } },
            failureOutputs: { errorType: { noValue: true }, errorMessage: { noValue: true } },
          },
        },
        outputs: {
          found: { actions: [{ playAudio: { name: 'Found', audio: { tts: 'Found' } } }] },
          notFound: { actions: [{ playAudio: { name: 'Unknown', audio: { tts: 'Unknown' } } }] },
          failure: { actions: [{ playAudio: { name: 'Failed', audio: { tts: 'Failed' } } }] },
        },
      },
    });
    expect(Object.keys(actionsOf(routed())[0].dataTableLookup.dataTable.Branches.foundOutputs)).toEqual(['open', 'queue']);
  });

  it('leaves out an output without actions', () => {
    expect(actionsOf(routed({ onFound: [], onFailure: [] }))[0].dataTableLookup.outputs).toEqual({ notFound: expect.any(Object) });
    expect(actionsOf(routed({ onFound: [], onNotFound: [], onFailure: [] }))[0].dataTableLookup).not.toHaveProperty('outputs');
  });

  it('is modelled, and listed as unverified with its basis', () => {
    expect(MODELLED_ARCHY_ACTIONS).toContain('dataTableLookup');
    expect(UNVERIFIED_SHAPES.find((s) => s.id === 'dataTableLookup')?.basis).toMatch(/no public Archy export/);
  });
});

describe('DataTableLookup simulation', () => {
  const table = { B1: { queue: 'Berlin', open: true, priority: 2 }, B2: { queue: 'Paris' } };

  it('sets the fields of the row found and runs the found branch, then continues', () => {
    const result = simulateCall(routed(), withCode('B1', { Branches: table }));
    expect(result.transcript).toContainEqual(
      expect.objectContaining({
        kind: 'dataTableLookup',
        nodeId: 'Find branch',
        branch: 'found',
        dataTable: { name: 'Branches', key: 'B1', result: 'found', outputs: { open: true, queue: 'Berlin' } },
      }),
    );
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'set', variable: 'Flow.Queue', value: 'Berlin' }));
    expect(result.prompts).toEqual(['Hello.', 'Found']);
    expect(result.outcome).toEqual({ kind: 'disconnect' });
  });

  it('reads a field the row lacks as NOT_SET', () => {
    const result = simulateCall(routed(), withCode('B2', { Branches: table }));
    expect(result.transcript).toContainEqual(expect.objectContaining({ kind: 'set', variable: 'Flow.Open', value: undefined }));
  });

  it('runs notFound for a key without a row, and failure for a failing table, setting nothing', () => {
    const missing = simulateCall(routed(), withCode('B9', { Branches: table }));
    expect(missing.prompts).toEqual(['Hello.', 'Unknown']);
    expect(missing.transcript).toContainEqual(expect.objectContaining({ dataTable: { name: 'Branches', key: 'B9', result: 'notFound' } }));
    const failing = simulateCall(routed(), withCode('B1', { Branches: 'failure' }));
    expect(failing.prompts).toEqual(['Hello.', 'Failed']);
    expect([...missing.transcript, ...failing.transcript].filter((t) => t.kind === 'set')).toEqual([]);
  });

  it('stops when the table is not in the script, or the key is NOT_SET', () => {
    expect(simulateCall(routed(), withCode('B1', {})).outcome).toEqual(
      expect.objectContaining({
        kind: 'error',
        nodeId: 'Find branch',
        message: expect.stringMatching(/^data table 'Branches' \(Find branch, key "B1"\) is not in the script/),
      }),
    );
    expect(simulateCall(routed(), { dataTables: { Branches: table } }).outcome).toEqual(
      expect.objectContaining({ kind: 'error', message: expect.stringContaining('key of data table lookup') }),
    );
  });

  it('is a ScriptError when the row found does not fit the table (an unknown field, a wrong type) or the tables are not data', () => {
    expect(() => simulateCall(routed(), withCode('B1', { Branches: { B1: { city: 'x' } } }))).toThrow(/does not declare/);
    expect(() => simulateCall(routed(), withCode('B1', { Branches: { B1: { open: 'yes' } } }))).toThrow(ScriptError);
    expect(() => simulateCall(routed(), withCode('B1', { Branches: ['B1'] }))).toThrow(
      /script.dataTables\["Branches"\] must be 'failure' or an object of rows by key/,
    );
  });
});

describe('DataTableLookup in plan review', () => {
  it('is a node whose facts name the table, key and fields; branches are child nodes in order', () => {
    const outline = outlineFlow(routed().render().yaml);
    expect(outline.nodes.find((n) => n.kind === 'dataTableLookup')!.facts).toEqual(
      expect.objectContaining({ 'lookupValue.exp': 'Flow.Code', 'dataTable.Branches.foundOutputs.queue.var': 'Flow.Queue' }),
    );
    expect(outline.nodes.map((n) => n.id).filter((id) => id.includes('dataTableLookup "Find branch" ['))).toEqual([
      'task "Main" > dataTableLookup "Find branch" [found] > playAudio "Found"',
      'task "Main" > dataTableLookup "Find branch" [notFound] > playAudio "Unknown"',
      'task "Main" > dataTableLookup "Find branch" [failure] > playAudio "Failed"',
    ]);
  });

  it('shows a changed key as a change of the node', () => {
    const other = routed({ key: Expr.string('B1') });
    expect(diffOutlines(outlineFlow(routed().render().yaml), outlineFlow(other.render().yaml))).toEqual([
      expect.objectContaining({
        id: 'task "Main" > dataTableLookup "Find branch"',
        change: 'changed',
        facts: { 'lookupValue.exp': ['Flow.Code', '"B1"'] },
      }),
    ]);
  });

  it('draws control falling through a branch without actions to the next action', () => {
    const chart = mermaid(routed({ onNotFound: [], onFailure: [] }).render().yaml);
    const box = /(n\d+)\["dataTableLookup: Find branch"\]/.exec(chart)![1];
    const next = /(n\d+)\(\["disconnect: Bye"\]\)/.exec(chart)![1];
    expect(chart).toContain(`${box} --> ${next}`);
  });
});
