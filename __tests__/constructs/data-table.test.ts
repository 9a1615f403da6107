import { DataTable, DataTableRow } from '../../constructs';
import { DataTableTarget } from '../../flow';
import { problemsThrownBy, resourceAt, synthJson, testStack } from '../support/fixtures';
import { dependsOnOfFlowNaming } from '../support/referencing-flow';

const FIELDS = { name: 'string', level: 'integer', credit: 'decimal', vip: 'boolean' } as const;

describe('DataTable', () => {
  it('creates a genesyscloud_architect_datatable: a string key property, then one property per field (decimal → number)', () => {
    const stack = testStack();
    new DataTable(stack, 'Customers', { name: 'Customers', description: 'By ${email}', divisionId: 'div-1', keyTitle: 'Email', fields: FIELDS });
    const table = resourceAt(synthJson(stack), 'genesyscloud_architect_datatable', 'Customers/Resource');
    expect(table).toMatchObject({ name: 'Customers', description: 'By $${email}', division_id: 'div-1' });
    expect(table.properties).toEqual([
      { name: 'key', type: 'string', title: 'Email' },
      { name: 'name', type: 'string' },
      { name: 'level', type: 'integer' },
      { name: 'credit', type: 'number' },
      { name: 'vip', type: 'boolean' },
    ]);
  });

  it('creates one genesyscloud_architect_datatable_row per key, in the table, its values as JSON (templates kept literal)', () => {
    const stack = testStack();
    const table = new DataTable(stack, 'Customers', {
      name: 'Customers',
      fields: FIELDS,
      rows: { 'ann@example.com': { name: 'Ann ${x}', level: 3, credit: 12.5, vip: true }, 'bob/1': { level: 1 } },
    });
    const json = synthJson(stack);
    const tableAddress = resourceAt(json, 'genesyscloud_architect_datatable', 'Customers/Resource').address;
    const rows = Object.values(json.resource.genesyscloud_architect_datatable_row);
    expect(rows).toHaveLength(2);
    const ann = rows.find((r) => r.key_value === 'ann@example.com');
    expect(ann.datatable_id).toBe(`\${${tableAddress}.id}`);
    expect(ann.properties_json).toBe('{"name":"Ann $${x}","level":3,"credit":12.5,"vip":true}');
    expect(rows.find((r) => r.key_value === 'bob/1').properties_json).toBe('{"level":1}');
    expect(Object.keys(table.rows)).toEqual(['ann@example.com', 'bob/1']);
  });

  it("keeps a row's address when other rows come and go (rows are named by key, not position)", () => {
    const addresses = (keys: string[]) => {
      const stack = testStack();
      new DataTable(stack, 'T', { name: 'T', fields: FIELDS, rows: Object.fromEntries(keys.map((k) => [k, {}])) });
      const rows = synthJson(stack).resource.genesyscloud_architect_datatable_row;
      return Object.fromEntries(Object.entries(rows).map(([address, row]) => [row.key_value, address]));
    };
    const before = addresses(['a', 'b', 'c']);
    const after = addresses(['c', 'b']);
    expect(after).toEqual({ b: before.b, c: before.c });
  });

  it('is the target flows look rows up in, and a dependency of the flows that name it', () => {
    const stack = testStack();
    const managed: DataTableTarget<typeof FIELDS> = new DataTable(stack, 'Customers', { name: 'Customers', fields: FIELDS });
    expect(managed).toMatchObject({ tableName: 'Customers', fields: FIELDS });
    const imported = DataTable.fromName(stack, 'Found', 'Holidays', { date: 'string' });
    const dependsOn = dependsOnOfFlowNaming(stack, [managed, imported]);
    const json = synthJson(stack);
    expect([...dependsOn].sort()).toEqual(
      [
        resourceAt(json, 'genesyscloud_architect_datatable', 'Customers/Resource').address,
        resourceAt(json, 'genesyscloud_architect_datatable', 'Found/Lookup', 'data').address,
      ].sort(),
    );
  });

  it('fromName looks the table up by name (data.genesyscloud_architect_datatable) and creates none', () => {
    const stack = testStack();
    const found = DataTable.fromName(stack, 'Found', 'Holidays ${y}', { date: 'string' });
    expect(found).toMatchObject({ tableName: 'Holidays ${y}', fields: { date: 'string' } });
    const json = synthJson(stack);
    expect(resourceAt(json, 'genesyscloud_architect_datatable', 'Found/Lookup', 'data').name).toBe('Holidays $${y}');
    expect(json.resource?.genesyscloud_architect_datatable).toBeUndefined();
  });

  it('lists every problem of the table (GC2017) and its rows (GC2018) with path, value and fix, before adding anything', () => {
    const stack = testStack();
    const rows: Record<string, DataTableRow<typeof FIELDS>> = {
      ' ': { name: 'blank key' },
      ann: { level: 2.5, credit: Infinity, vip: 'yes' as never, name: 7 as never },
      bob: { age: 40 } as never,
    };
    const problems = problemsThrownBy(
      () => new DataTable(stack, 'Bad', { name: ' Customers', fields: { ...FIELDS, Key: 'string', 'a{{b}}': 'integer', x: 'date' as never }, rows }),
    );
    expect(problems.map((p) => [p.code, p.path, p.value])).toEqual([
      ['GC2017', 'test-stack/Bad.name', ' Customers'],
      ['GC2017', 'test-stack/Bad.fields.Key', 'Key'],
      ['GC2017', 'test-stack/Bad.fields.a{{b}}', 'a{{b}}'],
      ['GC2017', 'test-stack/Bad.fields.x', 'date'],
      ['GC2018', 'test-stack/Bad.rows[" "]', ' '],
      ['GC2018', 'test-stack/Bad.rows["ann"].level', 2.5],
      ['GC2018', 'test-stack/Bad.rows["ann"].credit', Infinity],
      ['GC2018', 'test-stack/Bad.rows["ann"].vip', 'yes'],
      ['GC2018', 'test-stack/Bad.rows["ann"].name', 7],
      ['GC2018', 'test-stack/Bad.rows["bob"].age', 'age'],
    ]);
    for (const problem of problems) expect(problem.fix).not.toBe('');
    const json = synthJson(stack);
    expect(json.resource?.genesyscloud_architect_datatable).toBeUndefined();
    expect(json.resource?.genesyscloud_architect_datatable_row).toBeUndefined();
  });

  it('fromName refuses a name flows cannot write (GC2017)', () => {
    const stack = testStack();
    expect(problemsThrownBy(() => DataTable.fromName(stack, 'Bad', 'a"b', {}))).toEqual([
      expect.objectContaining({ code: 'GC2017', path: 'test-stack/Bad.name', value: 'a"b' }),
    ]);
  });
});
