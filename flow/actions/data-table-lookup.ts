import { propsOf, requireExpression, requireRecord, requireTarget } from '../arguments';
import { optionalActions } from './action-lists';
import { DataTableSchema, DataTableTarget } from '../data-table-target';
import { Expression } from '../expression';
import { Variable } from '../variable';
import { Action, ActionBase, Branch } from './action';

export interface DataTableLookupProps<F extends DataTableSchema> {
  /** The data table to look the row up in; its fields type `outputs`. */
  readonly table: DataTableTarget<F>;
  /** The row's key (a string). */
  readonly key: Expression<'string'>;
  /**
   * Variables that receive fields of the row found, by field name (each of the field's type).
   * @default - no field is read
   */
  readonly outputs?: { readonly [K in keyof F]?: Variable<F[K]> };
  /** Runs when the row is found (outputs set); control then continues after the action. @default - nothing */
  readonly onFound?: readonly Action[];
  /** Runs when the table has no row with the key; control then continues after the action. @default - nothing */
  readonly onNotFound?: readonly Action[];
  /** Runs when the lookup fails; control then continues after the action. @default - nothing */
  readonly onFailure?: readonly Action[];
}

/**
 * Looks a row up in a data table by key (Architect's Data Table Lookup), reads its fields into
 * variables, then runs the found, not found or failure branch; control continues after the action.
 */
export class DataTableLookup<F extends DataTableSchema = DataTableSchema> extends ActionBase {
  readonly kind = 'dataTableLookup';
  readonly table: DataTableTarget<F>;
  readonly key: Expression<'string'>;
  readonly outputs: { readonly [K in keyof F]?: Variable<F[K]> };
  readonly onFound: readonly Action[];
  readonly onNotFound: readonly Action[];
  readonly onFailure: readonly Action[];

  constructor(id: string, props: DataTableLookupProps<F>) {
    super(id);
    const p = propsOf(props, id);
    this.table = requireTarget(p.table, id, 'the data table', 'pass table: a DataTable construct or dataTableNamed(...)');
    requireRecord(this.table.fields, id, "the data table's fields", 'give the table its fields: dataTableNamed(name, { field: type })');
    // Refused when made, as CallData and FindQueue refuse theirs; a key of another type is reported by validation (GC1008).
    this.key = requireExpression(p.key, id, 'key', "give it a string expression, e.g. Variable.string('Flow.Code').ref()");
    this.outputs = p.outputs === undefined ? {} : requireRecord(p.outputs, id, 'outputs', 'pass the output variables by name');
    this.onFound = optionalActions(p.onFound, id, 'onFound');
    this.onNotFound = optionalActions(p.onNotFound, id, 'onNotFound');
    this.onFailure = optionalActions(p.onFailure, id, 'onFailure');
  }

  /** Output variables by field name, sorted by name (the order they are written in). */
  outputEntries(): Array<[field: string, variable: Variable]> {
    return Object.entries(this.outputs as Readonly<Record<string, Variable | undefined>>)
      .filter((e): e is [string, Variable] => e[1] !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  override branches(): Branch[] {
    return [
      { label: 'found', actions: this.onFound },
      { label: 'notFound', actions: this.onNotFound },
      { label: 'failure', actions: this.onFailure },
    ];
  }

  override reads() {
    // A key that is not an Expression (JavaScript callers) is reported by validation instead.
    return this.key instanceof Expression ? [{ what: 'key', expression: this.key, expected: 'string' as const }] : [];
  }

  override references(): readonly object[] {
    return [this.table];
  }

  /** Fields the table has, into variables (anything else is a validation problem, not a write). */
  override writes() {
    const fields: DataTableSchema = this.table.fields;
    return this.outputEntries()
      .filter(([field, variable]) => Object.hasOwn(fields, field) && variable instanceof Variable)
      .map(([field, variable]) => ({ what: `field ${field}`, variable, valueType: fields[field] }));
  }
}

declare module './action' {
  interface ActionsByKind {
    dataTableLookup: DataTableLookup;
  }
}
