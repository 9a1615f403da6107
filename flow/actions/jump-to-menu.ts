import type { Menu } from '../menu';
import { ActionBase, ActionControl } from './action';

/** Continues the call in a menu of the same flow (given as the Menu or its id). */
export class JumpToMenu extends ActionBase {
  readonly kind = 'jumpToMenu';
  constructor(
    id: string,
    readonly target: Menu | string,
  ) {
    super(id);
  }
  override control(): ActionControl {
    return 'terminal';
  }
}

declare module './action' {
  interface ActionsByKind {
    jumpToMenu: JumpToMenu;
  }
}
