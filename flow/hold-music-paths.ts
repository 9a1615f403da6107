import { Action } from './actions/action';

/**
 * Whether some path through `actions` falls off their end without having passed a HoldMusic (one played
 * on another path does not count). In an in-queue flow such a path restarts the task at once (GC1030).
 */
export function reachesEndWithoutHoldMusic(actions: readonly Action[]): boolean {
  return statesAtEnd(actions, new Set([false])).has(false);
}

/** Whether hold music was played, for each way control can reach the end of `actions`. */
type HeldStates = Set<boolean>;

/** The states at the end of `actions` entered with `states`; `loop` collects those at LoopNext / LoopExit. */
function statesAtEnd(actions: readonly Action[], states: HeldStates, loop?: HeldStates): HeldStates {
  let current = states;
  for (const action of actions) {
    if (current.size === 0) break;
    current = statesAfter(action, current, loop);
  }
  return current;
}

function statesAfter(action: Action, states: HeldStates, loop?: HeldStates): HeldStates {
  if (action.kind === 'holdMusic') return new Set([true]);
  if (action.kind === 'loop') {
    // The body runs at least once (count 1 to 100); the loop is left after a pass that falls through, or by LoopNext / LoopExit.
    const control: HeldStates = new Set();
    const through = statesAtEnd(action.body, states, control);
    return new Set([...through, ...control]);
  }
  const control = action.control();
  if (control === 'terminal') return new Set();
  if (control === 'loopControl') {
    states.forEach((s) => loop?.add(s));
    return new Set();
  }
  const branches = action.branches();
  if (branches.length === 0) return states;
  const after: HeldStates = new Set();
  for (const b of branches) statesAtEnd(b.actions, states, loop).forEach((s) => after.add(s));
  return after;
}
