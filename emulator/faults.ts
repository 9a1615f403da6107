/**
 * Faults tests switch on through the admin interface. Each applies to the next `count` matching API
 * requests (or jobs), then disappears. Status, body and delay faults also reach the token endpoint
 * (`POST /oauth/token`), but only when their `path` names it (e.g. `path: '/oauth/token'`): a fault
 * without a path never fails a login.
 */
export type Fault =
  /** Answer with this status (429 carries Retry-After) instead of serving the request. */
  | { kind: 'status'; status: number; count: number; path?: string; retryAfterSeconds?: number }
  /** Serve the request after a delay. */
  | { kind: 'delay'; ms: number; count: number; path?: string }
  /** Answer with this raw body instead of serving the request (HTML error pages, empty or malformed JSON, wrong shapes). */
  | { kind: 'body'; body: string; count: number; path?: string; status?: number; contentType?: string }
  /** Make the next import jobs fail with this message (as Archy session errors do). */
  | { kind: 'failJob'; message: string; count: number }
  /** Make the next export jobs fail with this message. */
  | { kind: 'failExport'; message: string; count: number };

export class FaultBook {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    if (!Number.isInteger(fault.count) || fault.count < 1) throw new Error('fault.count must be a positive integer');
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * Takes one use of the first fault of `kind` whose path filter matches `path`; with `namedOnly`, only
   * a fault whose path filter is set and matches (the token endpoint).
   */
  take<K extends Fault['kind']>(kind: K, path = '', namedOnly = false): Extract<Fault, { kind: K }> | undefined {
    const matches = (f: Fault) => {
      const filter = 'path' in f ? f.path : undefined;
      return filter ? path.includes(filter) : !namedOnly;
    };
    const i = this.faults.findIndex((f) => f.kind === kind && matches(f));
    if (i < 0) return undefined;
    const fault = this.faults[i];
    fault.count -= 1;
    if (fault.count <= 0) this.faults.splice(i, 1);
    return fault as Extract<Fault, { kind: K }>;
  }
}
