import { propsOf, requireExpression, requireRecord, requireString } from '../arguments';
import { Expression } from '../expression';
import { ActionBase } from './action';

export interface SetScreenPopProps {
  /** Name of the published script the agent's screen shows when the call reaches them. */
  readonly script: string;
  /**
   * Values for the script's input variables, by input name (string expressions).
   * @default - none
   */
  readonly inputs?: Readonly<Record<string, Expression>>;
}

/** Chooses the script an agent's screen pops when the call is answered; control continues after it. */
export class SetScreenPop extends ActionBase {
  readonly kind = 'setScreenPop';
  readonly script: string;
  readonly inputs: Readonly<Record<string, Expression>>;

  constructor(id: string, props: SetScreenPopProps) {
    super(id);
    const at = `SetScreenPop ${id}`;
    const p = propsOf(props, at);
    this.script = requireString(p.script, at, 'script', 'name the published script');
    const inputs = requireRecord(p.inputs ?? {}, at, 'inputs', 'pass the script inputs by name');
    for (const [name, value] of Object.entries(inputs)) {
      requireExpression(value, at, `script input ${name}`, 'give it a string expression (Expr.string, Variable.ref())');
    }
    this.inputs = inputs;
  }

  override reads() {
    return Object.entries(this.inputs).map(([name, expression]) => ({ what: `script input ${name}`, expression, expected: 'string' as const }));
  }
}

declare module './action' {
  interface ActionsByKind {
    setScreenPop: SetScreenPop;
  }
}
