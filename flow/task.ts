import { requireString } from './arguments';
import { Action } from './actions/action';
import { requireActions } from './actions/action-lists';

/** A named list of actions of an inbound call flow; `id` is its refId. Its paths must all end. */
export class Task {
  readonly id: string;
  readonly actions: readonly Action[];

  constructor(id: string, actions: readonly Action[]) {
    this.id = requireString(id, 'Task', 'the task id', "give the task an id, e.g. new Task('Main Menu', [...])");
    this.actions = requireActions(actions, `Task ${id}`, 'actions', "pass the task's actions, e.g. [new Disconnect('Hang Up')]");
  }
}
