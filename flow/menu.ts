import { Action } from './actions/action';
import { requireActions } from './actions/action-lists';
import { propsOf, requireListOf, requireString } from './arguments';
import { invalid } from './errors';
import { Prompt } from './prompt';
import { QueueTarget } from './queue-target';
import type { Task } from './task';

/** A DTMF key a menu choice answers to. */
export type MenuDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

/** What pressing a menu key does. Build with the static factories. */
export class MenuChoice {
  /** Transfer to an ACD queue. */
  static transferToAcd(digit: MenuDigit, id: string, queue: QueueTarget): MenuChoice {
    return new MenuChoice('transferToAcd', digit, id, { queue });
  }
  /** End the call. */
  static disconnect(digit: MenuDigit, id: string): MenuChoice {
    return new MenuChoice('disconnect', digit, id, {});
  }
  /** Continue in a task of the same flow (the Task or its id). */
  static jumpToTask(digit: MenuDigit, id: string, task: Task | string): MenuChoice {
    return new MenuChoice('jumpToTask', digit, id, { task });
  }
  /** Run actions inline; they must end in a terminal action. */
  static runActions(digit: MenuDigit, id: string, actions: readonly Action[]): MenuChoice {
    return new MenuChoice('actions', digit, id, { actions: requireActions(actions, `MenuChoice ${id}`, 'actions', 'pass the actions the key runs') });
  }

  private constructor(
    readonly kind: 'transferToAcd' | 'disconnect' | 'jumpToTask' | 'actions',
    readonly digit: MenuDigit,
    readonly id: string,
    readonly target: { queue?: QueueTarget; task?: Task | string; actions?: readonly Action[] },
  ) {
    if (!/^[0-9]$/.test(digit)) {
      throw invalid('GC1016', `MenuChoice ${id}`, 'a menu choice answers to one digit 0–9', digit, "use e.g. '1'");
    }
  }
}

const MENU_CHOICE = { is: (x: unknown) => x instanceof MenuChoice, name: 'a MenuChoice' };

export interface MenuProps {
  readonly prompt: Prompt;
  readonly choices: readonly MenuChoice[];
}

/** A DTMF menu of an inbound call flow; `id` is its refId. */
export class Menu {
  readonly prompt: Prompt;
  readonly choices: readonly MenuChoice[];

  constructor(
    readonly id: string,
    props: MenuProps,
  ) {
    requireString(id, 'Menu', 'the menu id', "give the menu an id, e.g. new Menu('Main Menu', {...})");
    const p = propsOf(props, `Menu ${id}`);
    this.prompt = p.prompt!;
    this.choices = requireListOf(
      p.choices,
      `Menu ${id}`,
      'choices',
      MENU_CHOICE,
      "pass choices made with MenuChoice, e.g. [MenuChoice.disconnect('9', 'Hang Up')]",
    );
  }
}
