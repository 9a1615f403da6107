import { Expression } from '../expression';
import { SharedFlowInterface } from '../shared-flow-interface';
import { Variable } from '../variable';
import { Action, ActionBase, Branch } from './action';

export interface CallSharedFlowProps<O extends string> {
  /** The shared flow (common module) to call: a definition, a SharedFlow construct or a reference. */
  readonly flow: SharedFlowInterface<O>;
  /**
   * Values for the shared flow's inputs, by input name (without `Common.`).
   * @default - no inputs (allowed only when none is required)
   */
  readonly inputs?: Readonly<Record<string, Expression>>;
  /**
   * Variables of the calling flow that receive the shared flow's outputs, by output name.
   * @default - outputs are not read
   */
  readonly outputs?: Readonly<Record<string, Variable>>;
  /** What to do for each outcome of the shared flow; every outcome must be handled. */
  readonly outcomes: Readonly<Record<O, readonly Action[]>>;
}

/** Calls a shared flow (Architect's Call Common Module) and branches on the outcome it returns. */
export class CallSharedFlow<O extends string = string> extends ActionBase {
  readonly kind = 'callSharedFlow';
  readonly flow: SharedFlowInterface<O>;
  /** Values for the shared flow's inputs, by input name; undefined when none were given. */
  readonly inputs?: Readonly<Record<string, Expression>>;
  /** Variables that receive the shared flow's outputs, by output name; undefined when none were given. */
  readonly outputs?: Readonly<Record<string, Variable>>;
  readonly outcomes: Readonly<Record<O, readonly Action[]>>;

  constructor(id: string, props: CallSharedFlowProps<O>) {
    super(id);
    this.flow = props.flow;
    this.inputs = props.inputs;
    this.outputs = props.outputs;
    this.outcomes = props.outcomes;
  }

  /** Outcome branches in the order the shared flow declares its outcomes, then any unknown ones. */
  override branches(): Branch[] {
    const handled = Object.keys(this.outcomes) as O[];
    const declared = [...new Set(this.flow.outcomes)];
    const ordered = [...declared.filter((o) => handled.includes(o)), ...handled.filter((o) => !declared.includes(o))];
    return ordered.map((o) => ({ label: `outcome ${o}`, actions: this.outcomes[o] }));
  }

  /** The calling flow's variable that receives the outcome (declared automatically). */
  outcomeVariable(): Variable<'string'> {
    const base = this.id.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    return Variable.string(`Flow.${/^[A-Za-z]/.test(base) ? base : 'Call_' + base}_Outcome`);
  }

  override reads() {
    return Object.entries(this.inputs ?? {}).map(([name, expression]) => ({
      what: `input ${name}`,
      expression,
      expected: Object.hasOwn(this.flow.inputs, name) ? this.flow.inputs[name].type : undefined,
    }));
  }

  override writes() {
    return Object.entries(this.outputs ?? {})
      .filter(([name]) => Object.hasOwn(this.flow.outputs, name))
      .map(([name, variable]) => ({ what: `output ${name}`, variable, valueType: this.flow.outputs[name].type }));
  }
}

declare module './action' {
  interface ActionsByKind {
    callSharedFlow: CallSharedFlow;
  }
}
