import { containsTokenMarker } from '../formats/cdktf-token-marker';
import { DataTableSchema, DataType, Problem } from '../flow';
import { isRecord, literalTextProblems } from './construct-input';

/** The TypeScript type of a value of each Architect data type. */
type ValueOf<T extends DataType> = T extends 'string' ? string : T extends 'boolean' ? boolean : number;

/** A data table row's values besides its key; a field left out gets the platform's default. */
export type DataTableRow<F extends DataTableSchema> = { readonly [K in keyof F]?: ValueOf<F[K]> };

/** Whether `value` is a value of `type` (integers whole, decimals finite). */
function fits(type: DataType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value);
  }
}

/** Problems of one row (`rows[key]`) against the table's fields: a blank key, unknown fields, values of the wrong type. */
export function dataTableRowProblems(path: string, fields: DataTableSchema, key: string, row: unknown): Problem[] {
  const at = `${path}[${JSON.stringify(key)}]`;
  const problems: Problem[] = [];
  if (key.trim() === '') {
    problems.push({ code: 'GC2018', path: at, message: 'a row key must not be empty or blank', value: key, fix: 'give the row a key' });
  }
  problems.push(...literalTextProblems('GC2018', at, key, true));
  if (!isRecord(row)) {
    problems.push({
      code: 'GC2018',
      path: at,
      message: 'a row must be an object of field → value',
      value: row,
      fix: "give e.g. { queueName: 'Sales' }",
    });
    return problems;
  }
  for (const [name, value] of Object.entries(row)) {
    const type = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (type === undefined) {
      problems.push({
        code: 'GC2018',
        path: `${at}.${name}`,
        message: 'the table has no such field',
        value: name,
        fix: `use one of the fields: ${Object.keys(fields).join(', ')}`,
      });
    } else if (typeof value === 'string' && containsTokenMarker(value)) {
      problems.push(...literalTextProblems('GC2018', `${at}.${name}`, value, true));
    } else if (!fits(type, value)) {
      problems.push({
        code: 'GC2018',
        path: `${at}.${name}`,
        message: `value is not a ${type}`,
        value,
        fix: `give a ${type} value (or leave the field out for its default)`,
      });
    }
  }
  return problems;
}
