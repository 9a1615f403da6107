import { DataType } from './data-type';
import { FlowType } from './flow-type';

/** A shared flow's input or output parameter. */
export interface ParameterSpec {
  readonly type: DataType;
  /** Inputs only: the caller must provide it. */
  readonly required?: boolean;
  readonly description?: string;
}

/**
 * What a caller needs to know about a shared flow (Architect common module): its name, typed inputs
 * and outputs, and the outcomes it ends with. Implemented by `CommonModuleFlow`, the `SharedFlow`
 * construct and `SharedFlow.fromName(...)` references.
 */
export interface SharedFlowInterface<O extends string = string> {
  /** The flow's name in Architect (YAML refers to modules by name). */
  readonly flowName: string;
  readonly inputs: Readonly<Record<string, ParameterSpec>>;
  readonly outputs: Readonly<Record<string, ParameterSpec>>;
  readonly outcomes: readonly O[];
  /** Flow types allowed to call it. */
  readonly compatibleFlowTypes: readonly FlowType[];
}

/** Name of the module output that carries the outcome (`Common.Outcome`). */
export const OUTCOME_OUTPUT = 'Outcome';
