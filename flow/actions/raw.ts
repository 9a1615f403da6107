import { ActionBase, ActionControl } from './action';

export interface RawActionOptions {
  /**
   * The action ends the path (e.g. `transferToNumber`): validation then expects nothing after it.
   * @default false - control continues with the next action
   */
  readonly endsPath?: boolean;
}

/**
 * An Archy action written as is, for what the language does not model: one key, the Archy action name
 * (`setWrapupCode`), whose value the YAML gets verbatim (only the YAML writer escapes it). Nothing checks
 * its content: validation lists it as unchecked (`uncheckedActions`), the simulator stops at it.
 */
export class RawAction extends ActionBase {
  readonly kind = 'raw';
  /** The Archy action object, e.g. `{ setWrapupCode: { name: 'Wrap-up', ... } }`. */
  readonly archy: Readonly<Record<string, unknown>>;
  readonly endsPath: boolean;

  constructor(id: string, archy: Readonly<Record<string, unknown>>, options: RawActionOptions = {}) {
    super(id);
    this.archy = archy;
    this.endsPath = options.endsPath ?? false;
  }

  /** The Archy action name: the object's key (its first when it wrongly has several; '' when none). */
  get archyName(): string {
    return Object.keys(this.archy ?? {})[0] ?? '';
  }

  override control(): ActionControl {
    return this.endsPath ? 'terminal' : 'continues';
  }
}

declare module './action' {
  interface ActionsByKind {
    raw: RawAction;
  }
}
