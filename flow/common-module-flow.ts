import { Action, forEachActionIn } from './actions/action';
import { requireActions } from './actions/action-lists';
import { sharedFlowOutcome } from './actions/set-outcome';
import { requireList, requireListOf } from './arguments';
import { ArchyEmitter, variableEntry } from './archy/emitter';
import { toArchyYaml } from './archy/yaml';
import { sha256 } from './content-hash';
import { FlowProblem } from './errors';
import { FlowDefinition, FlowDefinitionProps, RenderedFlow } from './flow-definition';
import { FLOW_TYPE_INFO, FlowType } from './flow-type';
import { OUTCOME_OUTPUT, ParameterSpec, SharedFlowInterface } from './shared-flow-interface';
import { FlowChecker } from './validation';
import { Variable } from './variable';

/** A shared-flow input: the `Common.` variable that receives it, and whether callers must pass it. */
export interface SharedFlowInput {
  readonly variable: Variable;
  /**
   * @default true
   */
  readonly required?: boolean;
  readonly description?: string;
}

export interface CommonModuleFlowProps<O extends string> extends FlowDefinitionProps {
  /**
   * Inputs, as `Common.` variables (required) or `SharedFlowInput`s.
   * @default - no inputs
   */
  readonly inputs?: ReadonlyArray<Variable | SharedFlowInput>;
  /**
   * Outputs, as `Common.` variables the logic sets.
   * @default - no outputs besides the outcome
   */
  readonly outputs?: readonly Variable[];
  /**
   * Named outcomes the logic ends with (`EndSharedFlow`); callers branch on them. A caller takes the
   * last outcome's branch for any unexpected value, so put the safe one (e.g. `failure`) last.
   */
  readonly outcomes: readonly O[];
  /**
   * Flow types allowed to call it.
   * @default ['inboundcall']
   */
  readonly compatibleFlowTypes?: readonly FlowType[];
  /**
   * The logic; every path ends in a terminal action: `EndSharedFlow` (returns an outcome to the caller)
   * or one that ends the call, such as `Disconnect`.
   */
  readonly actions: readonly Action[];
}

const INPUT = {
  is: (x: unknown) => x instanceof Variable || (typeof x === 'object' && x !== null && (x as SharedFlowInput).variable instanceof Variable),
  name: 'a Variable or { variable, required }',
};
const OUTPUT = { is: (x: unknown) => x instanceof Variable, name: 'a Variable' };
const OUTCOME_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const COMMON_MODULE_FLOW = Symbol.for('genesys-cdktf-flows.CommonModuleFlow');

/** An Architect common module ("shared flow"): typed inputs and outputs, named outcomes, no exits of its own. */
export class CommonModuleFlow<O extends string = string> extends FlowDefinition implements SharedFlowInterface<O> {
  /** Whether `x` is a CommonModuleFlow, also one made by another copy of this library (`instanceof` is not). */
  static isCommonModuleFlow(x: unknown): x is CommonModuleFlow {
    return typeof x === 'object' && x !== null && COMMON_MODULE_FLOW in x;
  }

  readonly type: FlowType = 'commonmodule';
  readonly inputs: Readonly<Record<string, ParameterSpec>>;
  readonly outputs: Readonly<Record<string, ParameterSpec>>;
  readonly outcomes: readonly O[];
  readonly compatibleFlowTypes: readonly FlowType[];
  readonly actions: readonly Action[];
  private readonly inputVariables: readonly Variable[];
  private readonly outputVariables: readonly Variable[];

  constructor(props: CommonModuleFlowProps<O>) {
    super(props);
    Object.defineProperty(this, COMMON_MODULE_FLOW, { value: true });
    const at = this.name;
    const inputList = props.inputs === undefined ? [] : requireListOf(props.inputs, at, 'inputs', INPUT, "pass e.g. [Variable.string('Common.Ani')]");
    const inputs = inputList.map((i) => (i instanceof Variable ? { variable: i } : i));
    this.inputVariables = inputs.map((i) => i.variable);
    this.outputVariables =
      props.outputs === undefined ? [] : requireListOf(props.outputs, at, 'outputs', OUTPUT, "pass e.g. [Variable.string('Common.Tier')]");
    this.inputs = Object.fromEntries(
      inputs.map((i) => [i.variable.localName, { type: i.variable.type, required: i.required ?? true, description: i.description }]),
    );
    this.outputs = Object.fromEntries(this.outputVariables.map((v) => [v.localName, { type: v.type }]));
    this.outcomes = requireList(props.outcomes, at, 'outcomes', "declare e.g. ['success', 'failure']");
    this.compatibleFlowTypes = props.compatibleFlowTypes ?? ['inboundcall'];
    this.actions = requireActions(props.actions, this.name, 'actions', "pass the module's actions, e.g. [new EndSharedFlow('Done', 'success')]");
  }

  get flowName(): string {
    return this.name;
  }

  /** Visits every action of the module, depth first, in YAML order. */
  forEachAction(visit: (action: Action) => void): void {
    forEachActionIn(this.actions, visit);
  }

  validate(path: string = this.name): FlowProblem[] {
    return this.check(path).problems;
  }

  uncheckedActions(path: string = this.name): string[] {
    return this.check(path).unchecked;
  }

  private check(path: string): { problems: FlowProblem[]; unchecked: string[] } {
    const c = new FlowChecker('commonmodule', 'Common', this.outcomes);
    c.checkFlowName(this.name, path);
    if (this.outcomes.length === 0)
      c.report('GC1016', `${path} > outcomes`, 'a shared flow needs at least one outcome', '[]', "declare e.g. ['success', 'failure']");
    const seen = new Set<string>();
    for (const o of this.outcomes) {
      if (!OUTCOME_NAME.test(o))
        c.report('GC1014', `${path} > outcomes`, 'outcome name must start with a letter and use letters, digits or _', o, 'rename the outcome');
      if (seen.has(o)) c.report('GC1002', `${path} > outcomes`, 'outcome declared twice', o, 'declare each outcome once');
      seen.add(o);
    }
    c.declare(sharedFlowOutcome(), `${path} > outputs`, 'outcome output');
    for (const v of [...this.inputVariables, ...this.outputVariables]) {
      if (v.localName === OUTCOME_OUTPUT) {
        c.report('GC1014', `${path} > variables`, `Common.${OUTCOME_OUTPUT} is reserved for the outcome`, v.name, 'choose another name');
      }
    }
    const inputNames = new Set(this.inputVariables.map((v) => v.name));
    this.inputVariables.forEach((v) => c.declare(v, `${path} > inputs`, 'input'));
    // A variable may be both input and output (in/out parameter); declare it once.
    this.outputVariables.filter((v) => !inputNames.has(v.name)).forEach((v) => c.declare(v, `${path} > outputs`, 'output'));
    this.variables.forEach((v) => c.declare(v, `${path} > variables`, 'variable'));
    c.checkEnds(this.actions, `${path} > startUpTaskActions`, 'end every path with EndSharedFlow(outcome)');
    // Every path that reaches an EndSharedFlow without an outcome must have set one (GC1012).
    c.checkOutcomeSet(this.actions, `${path} > startUpTaskActions`);
    return { problems: c.problems, unchecked: c.unchecked };
  }

  protected emit(): RenderedFlow {
    const key = FLOW_TYPE_INFO.commonmodule.yamlKey;
    const e = new ArchyEmitter(key);
    const inputNames = new Set(this.inputVariables.map((v) => v.name));
    const outputNames = new Set(this.outputVariables.map((v) => v.name));
    const parameters = [...this.inputVariables, ...this.outputVariables.filter((v) => !inputNames.has(v.name)), sharedFlowOutcome()];
    const variables = [
      ...parameters.map((v) =>
        variableEntry(v, { isInput: inputNames.has(v.name), isOutput: outputNames.has(v.name) || v.localName === OUTCOME_OUTPUT }),
      ),
      ...this.variables.map((v) => variableEntry(v, { isInput: false, isOutput: false })),
    ];
    const body: Record<string, unknown> = { name: this.name };
    if (this.description) body.description = this.description;
    body.division = this.division;
    body.supportedLanguages = { [this.language]: { none: true } };
    body.variables = variables;
    body.settingsCommonModule = { compatibleFlowTypes: this.compatibleFlowTypes.map((flowType) => ({ flowType })) };
    // Every path ends in EndSharedFlow (validated), which writes the endTask: no unreachable trailer.
    body.startUpTaskActions = e.moduleActions(this.actions);
    const yaml = toArchyYaml({ [key]: body });
    return { type: this.type, name: this.name, yaml, contentHash: sha256(yaml) };
  }
}
