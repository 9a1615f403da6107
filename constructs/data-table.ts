import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { ArchitectDatatable } from '../.gen/providers/genesyscloud/architect-datatable';
import { ArchitectDatatableRow } from '../.gen/providers/genesyscloud/architect-datatable-row';
import { DataGenesyscloudArchitectDatatable } from '../.gen/providers/genesyscloud/data-genesyscloud-architect-datatable';
import { DataTableSchema, DataTableTarget, DataType, Problem } from '../flow';
import { childPath, fieldTypeProblems, isRecord, literalTextProblems, refuseProblems, safeNameProblems } from './construct-input';
import { DataTableRow, dataTableRowProblems } from './data-table-row';
import { claimName, refuseNameClash } from './resource-name-claims';
import { terraformText } from './terraform-text';

/** The platform's name of the row key property, always a string. */
const KEY_PROPERTY = 'key';

/** Property type of each Architect data type (the provider's `boolean | string | integer | number`). */
const PROPERTY_TYPES: Readonly<Record<DataType, string>> = { string: 'string', integer: 'integer', decimal: 'number', boolean: 'boolean' };

/** A data table as flows see it, whether this stack manages it or it exists in the org. */
export interface IDataTable<F extends DataTableSchema = DataTableSchema> extends DataTableTarget<F> {
  /** What the resources of flows looking rows up depend on (the table resource or its lookup). */
  readonly dependable: ITerraformDependable;
  /** Terraform reference to the table's id. */
  readonly tableId: string;
}

export interface DataTableProps<F extends DataTableSchema> {
  /** The table's name, which flows look it up by. */
  readonly name: string;
  /**
   * @default - the home division
   */
  readonly divisionId?: string;
  /**
   * @default - no description
   */
  readonly description?: string;
  /**
   * Display title of the key column.
   * @default - no title
   */
  readonly keyTitle?: string;
  /**
   * Row fields besides the key (a string), with their types. The platform never removes a field from a
   * table once added.
   */
  readonly fields: F;
  /**
   * Rows by key, each a `genesyscloud_architect_datatable_row`. A field a row leaves out gets the
   * platform's default.
   * @default - no rows (the table's rows are managed elsewhere)
   */
  readonly rows?: Readonly<Record<string, DataTableRow<F>>>;
}

function tableNameProblems(path: string, name: unknown): Problem[] {
  return safeNameProblems('GC2017', path, name, { what: 'data table name', fix: 'rename the table' });
}

/** The row key's property is the table's own: no field may take its name. */
function keyPropertyProblems(name: string, at: string): Problem[] {
  if (name.toLowerCase() !== KEY_PROPERTY) return [];
  return [{ code: 'GC2017', path: at, message: "'key' is the row key's property, which the table always has", value: name, fix: 'rename the field' }];
}

function fieldProblems(path: string, fields: unknown): Problem[] {
  return fieldTypeProblems('GC2017', path, fields, { fields: 'fields', field: 'field', example: "{ queueName: 'string' }" }, keyPropertyProblems);
}

function rowsProblems(path: string, fields: unknown, rows: unknown): Problem[] {
  if (rows === undefined) return [];
  if (!isRecord(rows))
    return [
      { code: 'GC2018', path, message: 'rows must be an object of key → row', value: rows, fix: "give e.g. { sales: { queueName: 'Sales' } }" },
    ];
  // Without fields (reported) rows cannot be checked against them.
  if (!isRecord(fields)) return [];
  return Object.entries(rows).flatMap(([key, row]) => dataTableRowProblems(path, fields as DataTableSchema, key, row));
}

function dataTableProblems(path: string, props: unknown): Problem[] {
  if (!isRecord(props)) {
    return [{ code: 'GC2017', path, message: 'a data table needs its props', value: props, fix: 'pass { name, fields }' }];
  }
  return [
    ...tableNameProblems(`${path}.name`, props.name),
    ...literalTextProblems('GC2017', `${path}.description`, props.description, false),
    ...literalTextProblems('GC2017', `${path}.keyTitle`, props.keyTitle, false),
    ...(props.divisionId === undefined || typeof props.divisionId === 'string'
      ? []
      : [{ code: 'GC2017' as const, path: `${path}.divisionId`, message: 'must be text', value: props.divisionId, fix: 'give the division id' }]),
    ...fieldProblems(`${path}.fields`, props.fields),
    ...rowsProblems(`${path}.rows`, props.fields, props.rows),
  ];
}

/**
 * An Architect data table managed by this stack (`genesyscloud_architect_datatable`, key column
 * `key` plus `fields`), with its rows (`genesyscloud_architect_datatable_row`, one per key).
 */
export class DataTable<F extends DataTableSchema = DataTableSchema> extends Construct implements IDataTable<F> {
  /** A data table that exists in the org, looked up by name (`data.genesyscloud_architect_datatable`). */
  static fromName<F extends DataTableSchema>(scope: Construct, id: string, name: string, fields: F): IDataTable<F> {
    return new ImportedDataTable(scope, id, name, fields);
  }

  readonly tableName: string;
  readonly fields: F;
  readonly resource: ArchitectDatatable;
  /** Row resources by key. */
  readonly rows: Readonly<Record<string, ArchitectDatatableRow>>;

  constructor(scope: Construct, id: string, props: DataTableProps<F>) {
    const path = childPath(scope, id);
    refuseProblems(dataTableProblems(path, props));
    refuseNameClash(scope, 'data table', props.name, `${path}.name`);
    super(scope, id);
    claimName(this, 'data table', props.name, this.node.path);
    const rows = props.rows ?? {};
    this.tableName = props.name;
    this.fields = props.fields;
    this.resource = new ArchitectDatatable(this, 'Resource', {
      name: terraformText(props.name),
      divisionId: terraformText(props.divisionId),
      description: terraformText(props.description),
      properties: [
        { name: KEY_PROPERTY, type: 'string', title: terraformText(props.keyTitle) },
        ...Object.entries(props.fields).map(([name, type]) => ({ name: terraformText(name), type: PROPERTY_TYPES[type] })),
      ],
    });
    // Ids by key (not by position), so adding or removing a row leaves the others' addresses alone.
    this.rows = Object.fromEntries(
      Object.entries(rows).map(([key, row]) => [
        key,
        new ArchitectDatatableRow(this, `Row-${encodeURIComponent(key)}`, {
          datatableId: this.resource.id,
          keyValue: terraformText(key),
          propertiesJson: terraformText(JSON.stringify(row)),
        }),
      ]),
    );
  }

  get dependable(): ITerraformDependable {
    return this.resource;
  }
  get tableId(): string {
    return this.resource.id;
  }
}

class ImportedDataTable<F extends DataTableSchema> extends Construct implements IDataTable<F> {
  readonly dependable: ITerraformDependable;
  readonly tableId: string;

  constructor(
    scope: Construct,
    id: string,
    readonly tableName: string,
    readonly fields: F,
  ) {
    const path = childPath(scope, id);
    refuseProblems([...tableNameProblems(`${path}.name`, tableName), ...fieldProblems(`${path}.fields`, fields)]);
    refuseNameClash(scope, 'data table', tableName, `${path}.name`);
    super(scope, id);
    claimName(this, 'data table', tableName, this.node.path);
    const lookup = new DataGenesyscloudArchitectDatatable(this, 'Lookup', { name: terraformText(tableName) });
    this.dependable = lookup;
    this.tableId = lookup.id;
  }
}
