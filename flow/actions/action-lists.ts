/** Checks of the action lists a JavaScript caller passes (branches, task bodies): every item an action. */
import { requireListOf } from '../arguments';
import type { Action } from './action';
import { isAction } from './action-kinds';

const ACTION = { is: isAction, name: 'an action' };

/** A list of actions (a task's body, a flow's startup task): each item an action of a known kind. */
export function requireActions(value: readonly Action[] | undefined, path: string, what: string, fix: string): readonly Action[] {
  return requireListOf(value, path, what, ACTION, fix);
}

/** An optional list of actions (a branch); missing means none. */
export function optionalActions(value: readonly Action[] | undefined, path: string, what: string): readonly Action[] {
  return value === undefined ? [] : requireActions(value, path, what, "pass a list of actions, e.g. [new Disconnect('Hang Up')]");
}
