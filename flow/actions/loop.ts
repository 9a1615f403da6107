import { propsOf } from '../arguments';
import { invalid } from '../errors';
import { Variable } from '../variable';
import { Action, ActionBase, ActionControl, Branch } from './action';
import { requireActions } from './action-lists';

export interface LoopProps {
  /** Integer variable Architect sets to the current iteration (0-based). */
  readonly counter: Variable<'integer'>;
  /** How many times the body runs at most (1–100): this is how retries are bounded. */
  readonly count: number;
  /** Runs once per iteration; falling off its end starts the next iteration. */
  readonly body: readonly Action[];
}

/** Repeats its body a bounded number of times; continues after it when the count runs out or on `LoopExit`. */
export class Loop extends ActionBase {
  readonly kind = 'loop';
  readonly counter: Variable<'integer'>;
  readonly count: number;
  readonly body: readonly Action[];

  constructor(id: string, props: LoopProps) {
    super(id);
    const p = propsOf(props, `Loop ${id}`);
    if (typeof p.count !== 'number' || !Number.isInteger(p.count) || p.count < 1 || p.count > 100) {
      throw invalid('GC1016', `Loop ${id}`, 'count must be an integer from 1 to 100', p.count, 'use e.g. 3');
    }
    this.counter = p.counter!;
    this.count = p.count;
    this.body = requireActions(p.body, `Loop ${id}`, 'body', 'pass the actions each iteration runs');
  }

  override branches(): Branch[] {
    return [{ label: 'loop', actions: this.body }];
  }

  override writes() {
    return [{ what: 'counter', variable: this.counter, valueType: 'integer' as const }];
  }
}

/** Starts the next iteration of the enclosing loop (or leaves it after the last one). */
export class LoopNext extends ActionBase {
  readonly kind = 'loopNext';
  override control(): ActionControl {
    return 'loopControl';
  }
}

/** Leaves the enclosing loop; control continues after the loop. */
export class LoopExit extends ActionBase {
  readonly kind = 'loopExit';
  override control(): ActionControl {
    return 'loopControl';
  }
}

declare module './action' {
  interface ActionsByKind {
    loop: Loop;
    loopNext: LoopNext;
    loopExit: LoopExit;
  }
}
