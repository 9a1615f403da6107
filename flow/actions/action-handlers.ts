import { Action, ActionKind, ActionOfKind } from './action';

/**
 * One handler per action kind, each taking that kind's class (and `Args`). Rendering, simulation and
 * validation dispatch through such tables, so an action kind they do not handle is a compile error.
 */
export type ActionHandlers<Result, Args extends unknown[] = []> = {
  readonly [K in ActionKind]: (action: ActionOfKind<K>, ...args: Args) => Result;
};

/** Runs the handler for the action's kind. */
export function handleAction<Result, Args extends unknown[]>(action: Action, handlers: ActionHandlers<Result, Args>, ...args: Args): Result {
  // The handler under `action.kind` takes the actions of that kind, this one among them; TypeScript
  // cannot relate a union's `kind` to its member, hence the cast.
  const handler = handlers[action.kind] as (action: Action, ...args: Args) => Result;
  // Only JavaScript, which skips the type check, gets here with a kind no table knows.
  if (!Object.hasOwn(handlers, action.kind)) throw new Error(`unknown action kind '${String(action.kind)}' (${action.id})`);
  return handler(action, ...args);
}
