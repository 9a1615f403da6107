/** Per-token sliding window: at most `limit` requests in any 60 s. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    public limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Records a request; returns 0 when allowed, else the seconds to wait (Retry-After). */
  hit(token: string, now = Date.now()): number {
    const times = (this.windows.get(token) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length >= this.limit) {
      this.windows.set(token, times);
      return Math.max(1, Math.ceil((times[0] + this.windowMs - now) / 1000));
    }
    times.push(now);
    this.windows.set(token, times);
    return 0;
  }

  reset(): void {
    this.windows.clear();
  }
}
