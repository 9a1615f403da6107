import { requireRecord, requireString } from './arguments';
import { DataType } from './data-type';

/** Fields of a data table row besides its key, by name, with their Architect types. */
export type DataTableSchema = Readonly<Record<string, DataType>>;

/**
 * A data table a flow looks rows up in (Archy `dataTableLookup`), by name. Its key is a string (the
 * platform's `key` column); `fields` type what a lookup may read from the row found.
 */
export interface DataTableTarget<F extends DataTableSchema = DataTableSchema> {
  /** The data table's name. */
  readonly tableName: string;
  /** Row fields besides the key. */
  readonly fields: F;
}

/** A data table referred to by name only (it must exist in the org when the flow publishes). */
export function dataTableNamed<F extends DataTableSchema>(tableName: string, fields: F): DataTableTarget<F> {
  const at = `dataTableNamed(${String(tableName)})`;
  requireString(tableName, at, 'the table name', "name the table, e.g. 'Branches'");
  return { tableName, fields: requireRecord(fields, at, 'fields', "give the fields by name, e.g. { queue: 'string' }") };
}
