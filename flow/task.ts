import { Action } from './actions/action';

/** A named list of actions of an inbound call flow; `id` is its refId. Its paths must all end. */
export class Task {
  constructor(
    readonly id: string,
    readonly actions: readonly Action[],
  ) {}
}
