import { boundedMs } from './time-budget';

/** When and how long to wait before retrying a Genesys call. */
export interface RetryPolicy {
  /** Attempts per call, the first included. @default 8 */
  readonly maxAttempts: number;
  /** Total time one call may take, waits included. @default 120000 */
  readonly maxTotalMs: number;
  /** First backoff for 5xx and network errors; doubles per attempt, with full jitter. @default 500 */
  readonly baseDelayMs: number;
  /** Longest single backoff. @default 20000 */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, maxTotalMs: 120_000, baseDelayMs: 500, maxDelayMs: 20_000 };

/** What a failed attempt looked like, as far as retrying is concerned. */
export interface AttemptFailure {
  /** HTTP status, or undefined for a network error. */
  readonly status: number | undefined;
  readonly retryAfterSeconds?: number;
}

/**
 * Milliseconds to wait before the next attempt, or undefined when the failure is not retryable:
 * 429 waits exactly `Retry-After` (1 s when absent), 5xx/network errors back off exponentially with
 * full jitter; other statuses are final.
 */
export function retryDelay(policy: RetryPolicy, failure: AttemptFailure, attempt: number, random: () => number = Math.random): number | undefined {
  if (failure.status === 429) return Math.max(0, (failure.retryAfterSeconds ?? 1) * 1000);
  if (failure.status === undefined || failure.status >= 500) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(random() * ceiling);
  }
  return undefined;
}

/**
 * The policy with `overrides` applied; an override that is not a usable number (NaN, infinite, negative,
 * a fractional attempt count, a total beyond `MAX_WAIT_MS`) keeps the default, so no retry loop is
 * ever unbounded.
 */
export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const attempts = overrides.maxAttempts;
  return {
    maxAttempts:
      typeof attempts === 'number' && Number.isInteger(attempts) && attempts >= 1 && attempts <= 1000 ? attempts : DEFAULT_RETRY_POLICY.maxAttempts,
    maxTotalMs: boundedMs(overrides.maxTotalMs, DEFAULT_RETRY_POLICY.maxTotalMs),
    baseDelayMs: boundedMs(overrides.baseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs),
    maxDelayMs: boundedMs(overrides.maxDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs),
  };
}
