import { requireRecord, requireString } from './arguments';
import { DataType } from './data-type';

/** Fields of a data action's input or output contract, by name, with their Architect types. */
export type DataActionSchema = Readonly<Record<string, DataType>>;

/**
 * A data action a flow calls (Archy `callData`). Architect addresses it by the name of the integration
 * it belongs to (the `category` key of real exports) and its own name; `inputs` and `outputs` are its
 * contract (the flat, typed fields a flow passes and reads), which types the calls made in flows.
 */
export interface DataActionTarget<I extends DataActionSchema = DataActionSchema, O extends DataActionSchema = DataActionSchema> {
  /** Name of the integration the action belongs to (Archy's `category`). */
  readonly integrationName: string;
  /** The data action's name. */
  readonly actionName: string;
  /** Input contract: what a call must pass. */
  readonly inputs: I;
  /** Output contract (success): what a call may read. */
  readonly outputs: O;
  /**
   * A secure data action (for PCI / PII data). Genesys calls those only with Call Secure Data, in secure
   * call or voice bot flows (help, "Call Secure Data action"), which this project does not model: a
   * `CallData` of one is refused.
   * @default false
   */
  readonly secure?: boolean;
}

/** A data action referred to by names only (it must exist in the org when the flow publishes). */
export function dataActionNamed<I extends DataActionSchema, O extends DataActionSchema>(
  integrationName: string,
  actionName: string,
  contract: { readonly inputs: I; readonly outputs: O },
): DataActionTarget<I, O> {
  const at = `dataActionNamed(${String(integrationName)}, ${String(actionName)})`;
  const fix = "pass the contract, e.g. { inputs: { ani: 'string' }, outputs: { tier: 'string' } }";
  requireString(integrationName, at, 'the integration name', "name the integration, e.g. 'CRM'");
  requireString(actionName, at, 'the data action name', "name the data action, e.g. 'Lookup Customer'");
  const { inputs, outputs } = requireRecord(contract, at, 'the contract', fix);
  return { integrationName, actionName, inputs: requireRecord(inputs, at, 'inputs', fix), outputs: requireRecord(outputs, at, 'outputs', fix) };
}
