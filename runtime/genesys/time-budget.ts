/**
 * The one way the runtime and the tools wait: every retry loop, poll loop and pause goes through a
 * {@link TimeBudget} and {@link pause}. A budget is always a finite number of milliseconds (a NaN,
 * infinite or negative value is never taken: it would make a deadline unreachable, so a loop would
 * wait forever), and a pause is always a finite, bounded wait (`setTimeout` fires at once for NaN or
 * anything above 2^31-1 ms, which would turn a poll loop into a busy loop).
 */

/** Longest wait `setTimeout` honours (a longer one fires at once); also the longest budget taken as given. */
export const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * A duration as given when it is a finite number from 0 to {@link MAX_WAIT_MS}, else the fallback (which
 * must itself be such a number).
 */
export function boundedMs(value: unknown, fallback: number): number {
  if (!isBoundedMs(fallback))
    throw new RangeError(`the fallback wait ${String(fallback)} is not a finite number of milliseconds from 0 to ${MAX_WAIT_MS}`);
  return isBoundedMs(value) ? value : fallback;
}

function isBoundedMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_WAIT_MS;
}

/** Waits `ms` milliseconds, clamped to 0 … {@link MAX_WAIT_MS} (a NaN waits 0). */
export function pause(ms: number): Promise<void> {
  const wait = Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_WAIT_MS) : ms > 0 ? MAX_WAIT_MS : 0;
  return new Promise<void>((resolve) => setTimeout(resolve, wait));
}

/**
 * A bounded amount of time, started when created: how long a call, its retries or a poll loop may take.
 * `totalMs` must be a finite number of milliseconds from 0 to {@link MAX_WAIT_MS}, or the constructor
 * throws (use {@link boundedMs} to fall back to a default for a value read from outside).
 */
export class TimeBudget {
  /**
   * A budget of at most `totalMs` that also ends when the first of the `enclosing` budgets does: a call's
   * retries inside a poll loop's wait, a poll inside a whole check's wait. Budgets do not run one after
   * the other: whatever is nested in a wait ends with it. `undefined` entries are ignored.
   */
  static within(totalMs: number, enclosing: ReadonlyArray<TimeBudget | undefined>, now: () => number = Date.now): TimeBudget {
    if (!isBoundedMs(totalMs)) return new TimeBudget(totalMs, now); // throws the RangeError
    let tightest: TimeBudget | undefined;
    for (const b of enclosing) if (b !== undefined && (tightest === undefined || b.remainingMs < tightest.remainingMs)) tightest = b;
    if (tightest === undefined || totalMs <= tightest.remainingMs) return new TimeBudget(totalMs, now);
    return new TimeBudget(tightest.remainingMs, now, tightest.limitedBy ?? tightest);
  }

  private readonly started: number;

  constructor(
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
    /** The outermost enclosing budget this one was cut to (see {@link within}), for messages. */
    readonly limitedBy?: TimeBudget,
  ) {
    if (!isBoundedMs(totalMs))
      throw new RangeError(`a time budget must be a finite number of milliseconds from 0 to ${MAX_WAIT_MS}, got ${String(totalMs)}`);
    this.started = now();
  }

  /** Milliseconds since the budget started. */
  get elapsedMs(): number {
    return Math.max(0, this.now() - this.started);
  }

  /** Milliseconds left (0 once spent). */
  get remainingMs(): number {
    return Math.max(0, this.totalMs - this.elapsedMs);
  }

  /** Whether the budget is spent. */
  get expired(): boolean {
    return this.elapsedMs >= this.totalMs;
  }

  /** Whether waiting `delayMs` more still ends within the budget (a NaN or negative delay never does). */
  allows(delayMs: number): boolean {
    return Number.isFinite(delayMs) && delayMs >= 0 && this.elapsedMs + delayMs <= this.totalMs;
  }
}

/** An attempt that did not end within its deadline (see {@link withDeadline}). */
export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`no complete answer within ${ms} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * Runs `work` with a total deadline of `ms` milliseconds (clamped like {@link pause}): when it has not
 * settled by then, its signal is aborted (an HTTP request given the signal is torn down, its socket
 * closed) and the promise rejects with {@link DeadlineExceeded}, whatever `work` does afterwards (its
 * late result or rejection is dropped). A deadline of 0 aborts at once. An idle timeout (one that only
 * counts time without data) never bounds a request that trickles its answer; this does.
 */
export function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const wait = Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_WAIT_MS) : ms > 0 ? MAX_WAIT_MS : 0;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new DeadlineExceeded(wait);
      reject(reason);
      controller.abort(reason);
    }, wait);
  });
  let running: Promise<T>;
  try {
    running = Promise.resolve(work(controller.signal));
  } catch (err) {
    running = Promise.reject(err);
  }
  // Whichever loses the race settles unobserved: never an unhandled rejection.
  running.catch(() => undefined);
  expired.catch(() => undefined);
  return Promise.race([running, expired]).finally(() => clearTimeout(timer));
}
