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
    this.script = props.script;
    this.inputs = props.inputs ?? {};
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
