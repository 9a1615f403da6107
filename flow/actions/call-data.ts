import { propsOf, requireRecord, requireTarget } from '../arguments';
import { optionalActions } from './action-lists';
import { DataActionSchema, DataActionTarget } from '../data-action-target';
import { Expression } from '../expression';
import { Variable } from '../variable';
import { Action, ActionBase, Branch } from './action';

/** Architect's range for a Call Data action's timeout, in seconds (see `CallDataProps.timeoutSeconds`). */
export const CALL_DATA_TIMEOUT_SECONDS = { min: 1, max: 60, default: 60 } as const;

export interface CallDataProps<I extends DataActionSchema, O extends DataActionSchema> {
  /** The data action to call; its contract types `inputs` and `outputs`. */
  readonly action: DataActionTarget<I, O>;
  /** A value for every input of the contract, and no others, each of the input's type. */
  readonly inputs: { readonly [K in keyof I]: Expression<I[K]> };
  /**
   * Variables that receive success outputs, by output name (each of the output's type).
   * @default - no output is read
   */
  readonly outputs?: { readonly [K in keyof O]?: Variable<O[K]> };
  /** Runs when the action succeeds (outputs set); control then continues after the action. @default - nothing */
  readonly onSuccess?: readonly Action[];
  /** Runs when the action fails; control then continues after the action. @default - nothing */
  readonly onFailure?: readonly Action[];
  /** Runs when the action times out; control then continues after the action. @default - nothing */
  readonly onTimeout?: readonly Action[];
  /**
   * How long the flow waits for the action, in whole seconds, 1 to 60 (60 s is the platform's limit on a
   * data action's execution, and the 1 minute every real export shows).
   * @default 60
   */
  readonly timeoutSeconds?: number;
}

/**
 * Calls a data action (Architect's Call Data Action): passes its inputs, reads its success outputs into
 * variables, then runs the success, failure or timeout branch; control continues after the action.
 */
export class CallData<I extends DataActionSchema = DataActionSchema, O extends DataActionSchema = DataActionSchema> extends ActionBase {
  readonly kind = 'callData';
  readonly action: DataActionTarget<I, O>;
  readonly inputs: { readonly [K in keyof I]: Expression<I[K]> };
  readonly outputs: { readonly [K in keyof O]?: Variable<O[K]> };
  readonly onSuccess: readonly Action[];
  readonly onFailure: readonly Action[];
  readonly onTimeout: readonly Action[];
  readonly timeoutSeconds: number;

  constructor(id: string, props: CallDataProps<I, O>) {
    super(id);
    const p = propsOf(props, id);
    this.action = requireTarget(p.action, id, 'the data action', 'pass action: a DataAction construct or dataActionNamed(...)');
    const contractFix = 'give the data action its contract: dataActionNamed(integration, action, { inputs: {...}, outputs: {...} })';
    requireRecord(this.action.inputs, id, "the data action's input contract", contractFix);
    requireRecord(this.action.outputs, id, "the data action's output contract", contractFix);
    // Inputs left out are reported by validation, one problem per contract input; null is no inputs object.
    this.inputs = (p.inputs === undefined ? {} : requireRecord(p.inputs, id, 'inputs', 'pass the inputs by name')) as typeof this.inputs;
    this.outputs = p.outputs === undefined ? {} : requireRecord(p.outputs, id, 'outputs', 'pass the output variables by name');
    this.onSuccess = optionalActions(p.onSuccess, id, 'onSuccess');
    this.onFailure = optionalActions(p.onFailure, id, 'onFailure');
    this.onTimeout = optionalActions(p.onTimeout, id, 'onTimeout');
    this.timeoutSeconds = p.timeoutSeconds ?? CALL_DATA_TIMEOUT_SECONDS.default;
  }

  /** Input values by name, sorted by name (the order they are written in). */
  inputEntries(): Array<[name: string, value: Expression]> {
    return Object.entries(this.inputs as Readonly<Record<string, Expression>>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Output variables by output name, sorted by name. */
  outputEntries(): Array<[name: string, variable: Variable]> {
    return Object.entries(this.outputs as Readonly<Record<string, Variable | undefined>>)
      .filter((e): e is [string, Variable] => e[1] !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  override branches(): Branch[] {
    return [
      { label: 'success', actions: this.onSuccess },
      { label: 'failure', actions: this.onFailure },
      { label: 'timeout', actions: this.onTimeout },
    ];
  }

  override reads() {
    const contract: DataActionSchema = this.action.inputs;
    // A value that is not an Expression (JavaScript callers) is reported by validation instead.
    return this.inputEntries()
      .filter(([, value]) => value instanceof Expression)
      .map(([name, expression]) => ({
        what: `input ${name}`,
        expression,
        expected: Object.hasOwn(contract, name) ? contract[name] : undefined,
      }));
  }

  override references(): readonly object[] {
    return [this.action];
  }

  /** Outputs the contract declares, into variables (anything else is a validation problem, not a write). */
  override writes() {
    const contract: DataActionSchema = this.action.outputs;
    return this.outputEntries()
      .filter(([name, variable]) => Object.hasOwn(contract, name) && variable instanceof Variable)
      .map(([name, variable]) => ({ what: `output ${name}`, variable, valueType: contract[name] }));
  }
}

declare module './action' {
  interface ActionsByKind {
    callData: CallData;
  }
}
