import { DataActionSchema, DataType } from '../flow';

/** JSON schema type of each Architect data type (JSON schema has no "decimal": it is "number"). */
const JSON_SCHEMA_TYPES: Readonly<Record<DataType, string>> = { string: 'string', integer: 'integer', decimal: 'number', boolean: 'boolean' };

/**
 * A data action contract (`contract_input` / `contract_output`) as the JSON schema Genesys stores: a flat
 * object with one typed property per field; `required` lists the fields a caller must pass (every
 * input: the flow language's calls pass them all).
 */
export function contractJsonSchema(fields: DataActionSchema, required: boolean): string {
  const properties = Object.fromEntries(Object.entries(fields).map(([name, type]) => [name, { type: JSON_SCHEMA_TYPES[type] }]));
  return JSON.stringify({ type: 'object', properties, ...(required ? { required: Object.keys(fields) } : {}) });
}
