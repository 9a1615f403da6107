import { AsyncLocalStorage } from 'async_hooks';
import * as platformClient from 'purecloud-platform-client-v2';
import { contractViolation, readJsonBody } from './api-responses';
import { GenesysError, OWN_CLIENT, printableUrl, registerAccessToken, registerOwnCredentials, sanitize } from './genesys-error';
import { AttemptFailure, RetryPolicy, retryDelay, retryPolicy } from './retry-policy';
import { GenesysSettings, settingsFromEnvironment } from './settings';
import { DeadlineExceeded, TimeBudget, boundedMs, pause, withDeadline } from './time-budget';

export interface GenesysClientOptions {
  readonly retry?: Partial<RetryPolicy>;
  /**
   * Longest one HTTP attempt may take, from sending the request to the last byte of the answer (also
   * the SDK's idle timeout). An attempt is also cut short when its call's time budget ends first.
   * @default 30000
   */
  readonly requestTimeoutMs?: number;
  /** Replaced in tests to observe waits. @default `pause` of ./time-budget */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * A bound on everything the client does (the login, every call and its retries, presigned transfers):
   * once it is spent nothing more is attempted (GC4004). Each call keeps its own bound
   * (`retry.maxTotalMs`) inside it. @default - no bound beyond each call's own
   */
  readonly budget?: TimeBudget;
}

/** The SDK API classes the tools use, sharing the client's authenticated ApiClient. */
export interface GenesysApis {
  readonly architect: platformClient.ArchitectApi;
  readonly organization: platformClient.OrganizationApi;
}

/** How one call's answer is read. */
export interface CallOptions {
  /**
   * Whether a 2xx must carry a JSON body (every read and most writes). False for calls answered with
   * 204 No Content (deletes); their body, if any, is returned as the SDK gives it.
   * @default true
   */
  readonly expectBody?: boolean;
  /**
   * The enclosing wait (a poll loop, a whole check): the call's attempts and retries end when it is
   * spent, whatever is left of the call's own budget. @default - the call's own budget only
   */
  readonly budget?: TimeBudget;
}

/** Where a presigned transfer's time is bounded. */
export interface TransferOptions {
  /** As {@link CallOptions.budget}. */
  readonly budget?: TimeBudget;
}

/**
 * The abort signal of the attempt in flight, read by the SDK's HTTP client when it builds the request
 * (one per asynchronous context: concurrent calls each see their own).
 */
const attemptSignal = new AsyncLocalStorage<AbortSignal>();

/** The SDK's default (axios) HTTP client, as far as this module uses it. */
interface SdkHttpClient {
  toAxiosConfig(options: unknown): Record<string, unknown>;
}
type SdkHttpClientClass = new (timeout?: number, httpsAgent?: unknown) => SdkHttpClient;

/**
 * The SDK's own HTTP client, with the signal of the attempt in flight passed to axios: when the attempt's
 * deadline passes, the request is aborted and its socket closed (the SDK's `timeout` is an idle timeout:
 * an answer trickled a byte at a time never trips it).
 */
function abortableHttpClient(timeoutMs: number): unknown {
  const Default = (platformClient as unknown as { DefaultHttpClient: SdkHttpClientClass }).DefaultHttpClient;
  class AbortableHttpClient extends Default {
    toAxiosConfig(options: unknown): Record<string, unknown> {
      const config = super.toAxiosConfig(options);
      const signal = attemptSignal.getStore();
      return signal ? { ...config, signal } : config;
    }
  }
  return new AbortableHttpClient(timeoutMs);
}

interface ExtendedResponse {
  status?: number;
  headers?: unknown;
  body?: unknown;
}

/**
 * The one way this project talks to Genesys Cloud: the official SDK, credentials from the provider's
 * environment variables, 429s retried after `Retry-After`, 5xx and network errors retried with jittered
 * backoff inside a time budget, an expired token renewed once, and errors that never carry tokens,
 * secrets or request headers.
 */
export class GenesysClient {
  /** Logs in with settings from the environment (or the given ones). */
  static async connect(settings: GenesysSettings = settingsFromEnvironment(), options: GenesysClientOptions = {}): Promise<GenesysClient> {
    const client = new GenesysClient(settings, options);
    await client.login();
    return client;
  }

  readonly apis: GenesysApis;
  /** HTTP attempts made against the API and login (retries included), for cost reports. */
  apiCalls = 0;
  /** The bound on everything the client does (see {@link GenesysClientOptions.budget}), if one was given. */
  readonly budget: TimeBudget | undefined;
  private readonly sdk = platformClient.ApiClient.instance;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly requestTimeoutMs: number;

  private constructor(
    private readonly settings: GenesysSettings,
    options: GenesysClientOptions,
  ) {
    registerOwnCredentials(settings.clientId, settings.clientSecret);
    this.policy = retryPolicy(options.retry);
    this.sleep = options.sleep ?? pause;
    this.budget = options.budget;
    this.requestTimeoutMs = boundedMs(options.requestTimeoutMs, 30_000);
    const config = (this.sdk as unknown as { config: { live_reload_config: boolean; setConfigPath(p: string): void } }).config;
    // The SDK reads and watches ~/.genesyscloudjavascript/config; that would keep processes alive and let a
    // stray file redirect traffic. Configuration comes from the environment only.
    config.live_reload_config = false;
    config.setConfigPath('');
    this.sdk.setReturnExtendedResponses(true);
    (this.sdk as unknown as { timeout: number }).timeout = this.requestTimeoutMs;
    (this.sdk as unknown as { setHttpClient(client: unknown): void }).setHttpClient(abortableHttpClient(this.requestTimeoutMs));
    if (settings.gateway) {
      this.sdk.setGateway({
        host: settings.gateway.host,
        port: settings.gateway.port ?? -1,
        protocol: settings.gateway.protocol,
        path_params_login: '',
        path_params_api: '',
      });
    } else {
      this.sdk.setGateway(undefined as never);
      this.sdk.setEnvironment(regionHost(settings.region));
    }
    this.apis = { architect: new platformClient.ArchitectApi(), organization: new platformClient.OrganizationApi() };
  }

  /**
   * The client id calls are made as (to tell our publishes from other people's). Never print it: texts
   * say `OWN_CLIENT` ("this deployment's OAuth client") instead.
   */
  get clientId(): string {
    return this.settings.clientId;
  }

  /**
   * Runs one SDK call with retries; `label` names it in errors (e.g. `GET /api/v2/flows`). A 2xx whose
   * body is not JSON (an HTML page, an empty body, truncated JSON: the SDK then hands back the raw
   * text) fails with GC4006 instead of reaching the caller as an empty answer; it is not retried.
   *
   * Time: every attempt has a total deadline (`requestTimeoutMs`, or what is left of the budget if less)
   * and is aborted when it passes; retries end when the call's budget (`retry.maxTotalMs`), the
   * enclosing `options.budget` or the client's budget is spent, whichever ends first.
   */
  async call<T>(label: string, run: (apis: GenesysApis) => Promise<unknown>, options: CallOptions = {}): Promise<T> {
    const budget = TimeBudget.within(this.policy.maxTotalMs, [options.budget, this.budget]);
    let renewed = false;
    let last: Failure | undefined;
    for (let attempt = 1; ; attempt++) {
      if (budget.expired) throw exhausted(label, 'gave up', attempt - 1, budget, last, 'retry later; the platform is rate limiting or unavailable');
      this.apiCalls++;
      let response: ExtendedResponse | undefined;
      try {
        response = (await this.attempt(budget, () => run(this.apis))) as ExtendedResponse | undefined;
      } catch (raw) {
        const failure = describeFailure(raw);
        last = failure;
        if (failure.status === 401 && !renewed) {
          renewed = true;
          await this.login(budget);
          continue;
        }
        const delay = retryDelay(this.policy, failure, attempt);
        if (delay === undefined) {
          const kind = failure.status === 401 || failure.status === 403 ? 'GC4005' : 'GC4003';
          throw new GenesysError(
            kind,
            label,
            `Genesys answered ${failure.status}${failure.code ? ` ${failure.code}` : ''}: ${failure.message}`,
            undefined,
            failure.status === 403 ? "grant the OAuth client's role the permission named above" : 'see the message; the request was not retried',
            failure.status,
          );
        }
        if (attempt >= this.policy.maxAttempts || !budget.allows(delay)) {
          throw exhausted(label, 'gave up', attempt, budget, failure, 'retry later; the platform is rate limiting or unavailable');
        }
        await this.sleep(delay);
        continue;
      }
      const extended = typeof response === 'object' && response !== null && 'body' in response;
      const body = extended ? response!.body : response;
      if (options.expectBody === false) return body as T;
      return readJsonBody(
        label,
        body,
        extended ? response!.status : undefined,
        extended ? headerValue(response!.headers, 'content-type') : undefined,
      ) as T;
    }
  }

  /**
   * One SDK attempt with its total deadline: `requestTimeoutMs`, or what is left of `budget` if less.
   * Past it the request is aborted (its socket closed) and the attempt fails with {@link DeadlineExceeded}.
   */
  private attempt<T>(budget: TimeBudget, work: () => Promise<T>): Promise<T> {
    return withDeadline(Math.min(this.requestTimeoutMs, budget.remainingMs), (signal) => attemptSignal.run(signal, work));
  }

  /** Fetches a presigned download URL (no Authorization header: it must not leave the API host). */
  async download(url: string, options: TransferOptions = {}): Promise<Buffer> {
    return this.presigned('download', url, { method: 'GET' }, options);
  }

  /** PUTs a body to a presigned upload URL with the headers the job registration returned. */
  async upload(url: string, headers: Record<string, string>, body: string, options: TransferOptions = {}): Promise<void> {
    await this.presigned('upload', url, { method: 'PUT', headers, body }, options);
  }

  /**
   * GET or PUT a presigned URL. A URL carrying credentials (user:password@) is refused up front (GC4006,
   * a presigned URL never does, and fetch would refuse it anyway); network errors and 5xx are retried,
   * anything else (a 4xx, a request that cannot be built) is final. No message carries the URL's
   * user:password@ or query string (presigned URLs are signed in the query). Each attempt (request and
   * whole answer) has a total deadline of 60 s, or what is left of the budget if less.
   */
  private async presigned(what: string, url: string, init: RequestInit, options: TransferOptions): Promise<Buffer> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw contractViolation(what, `the ${what} URL is not a URL`, printableUrl(url));
    }
    const where = `${what} ${parsed.pathname}`;
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw contractViolation(where, `the ${what} URL is not an http(s) URL`, printableUrl(url));
    if (parsed.username || parsed.password) {
      throw contractViolation(
        where,
        `the ${what} URL carries credentials (user:password@); a presigned URL is signed in its query, never with a password`,
        printableUrl(url),
      );
    }
    const budget = TimeBudget.within(this.policy.maxTotalMs, [options.budget, this.budget]);
    let last: Failure | undefined;
    for (let attempt = 1; ; attempt++) {
      if (budget.expired) throw exhausted(where, `the ${what} gave up`, attempt - 1, budget, last, 'retry the operation');
      let failure: Failure;
      try {
        const answer = await withDeadline(Math.min(PRESIGNED_ATTEMPT_MS, budget.remainingMs), async (signal) => {
          const res = await fetch(url, { ...init, signal });
          if (res.ok) return { ok: true as const, data: Buffer.from(await res.arrayBuffer()) };
          return {
            ok: false as const,
            failure: {
              status: res.status,
              retryAfterSeconds: retryAfterSeconds(res.headers.get('retry-after')),
              message: sanitize(await res.text()),
            },
          };
        });
        if (answer.ok) return answer.data;
        failure = answer.failure;
      } catch (err) {
        const network = describeNetworkError(err);
        if (!network.transient) {
          throw new GenesysError(
            'GC4003',
            where,
            `the ${what} could not be made: ${network.message}`,
            undefined,
            'see the message; the request was not retried',
          );
        }
        failure = { status: undefined, message: network.message };
      }
      last = failure;
      const delay = retryDelay(this.policy, failure, attempt);
      if (delay === undefined) {
        throw new GenesysError(
          'GC4003',
          where,
          `storage answered ${failure.status ?? 'network error'}: ${failure.message}`,
          undefined,
          'retry the operation',
          failure.status,
        );
      }
      if (attempt >= this.policy.maxAttempts || !budget.allows(delay)) {
        throw new GenesysError(
          'GC4004',
          where,
          `storage answered ${failure.status ?? 'network error'}: ${failure.message}${budgetNote(budget)}`,
          undefined,
          'retry the operation',
          failure.status,
        );
      }
      await this.sleep(delay);
    }
  }

  /**
   * Logs in (client credentials grant) with the same retries and time budget as every call: a 429 waits
   * `Retry-After`, a 400 `invalid_request` "rate limit exceeded" (how the login service rate limits; the
   * provider retries it too) is a 429, 5xx and network errors back off. Only a 400 or 401 means the
   * credentials (or region) are wrong (GC4005); other refusals are GC4003, exhausted retries GC4004.
   * Each attempt has a total deadline, as every call's. The token received is registered with the
   * scrubber: no message prints it.
   */
  private async login(enclosing?: TimeBudget): Promise<void> {
    const call = 'POST /oauth/token';
    const budget = TimeBudget.within(this.policy.maxTotalMs, [enclosing, this.budget]);
    const advice = 'retry later; the login service is rate limiting or unavailable';
    let last: Failure | undefined;
    for (let attempt = 1; ; attempt++) {
      if (budget.expired) throw exhausted(call, 'login gave up', attempt - 1, budget, last, advice);
      this.apiCalls++;
      let failure: Failure;
      try {
        const auth = (await this.attempt(budget, () => this.sdk.loginClientCredentialsGrant(this.settings.clientId, this.settings.clientSecret))) as
          { accessToken?: unknown } | undefined;
        const token = auth?.accessToken ?? (this.sdk as unknown as { authData?: { accessToken?: unknown } }).authData?.accessToken;
        if (typeof token === 'string') registerAccessToken(token);
        return;
      } catch (raw) {
        failure = describeFailure(raw);
      }
      last = failure;
      const retryAs: AttemptFailure = loginRateLimited(failure) ? { status: 429, retryAfterSeconds: failure.retryAfterSeconds } : failure;
      const delay = retryDelay(this.policy, retryAs, attempt);
      const answer = `${failure.status ?? 'network error'} ${failure.message}`;
      if (delay === undefined) {
        if (failure.status === 400 || failure.status === 401) {
          throw new GenesysError(
            'GC4005',
            call,
            `login failed for ${OWN_CLIENT}: ${answer}`,
            undefined,
            'check GENESYSCLOUD_OAUTHCLIENT_ID/SECRET and GENESYSCLOUD_REGION (or the gateway settings)',
            failure.status,
          );
        }
        throw new GenesysError(
          'GC4003',
          call,
          `the login service refused the request: ${answer}`,
          undefined,
          'check GENESYSCLOUD_REGION (or the gateway settings); the request was not retried',
          failure.status,
        );
      }
      if (attempt >= this.policy.maxAttempts || !budget.allows(delay)) throw exhausted(call, 'login gave up', attempt, budget, failure, advice);
      await this.sleep(delay);
    }
  }
}

/** Total deadline of one presigned upload or download attempt. */
const PRESIGNED_ATTEMPT_MS = 60_000;

/** What one failed attempt came to, scrubbed. */
type Failure = { status: number | undefined; code?: string; message: string; retryAfterSeconds?: number };

/** GC4004: retries ended (attempts used up, or no time left in the call's budget or an enclosing one). */
function exhausted(where: string, verb: string, attempts: number, budget: TimeBudget, last: Failure | undefined, fix: string): GenesysError {
  const answer = last ? `; last answer: ${last.status ?? 'network error'} ${last.message}` : '';
  const what = attempts === 0 ? `${verb} before the first attempt: no time left` : `${verb} after ${attempts} attempt(s) in ${budget.elapsedMs} ms`;
  return new GenesysError('GC4004', where, `${what}${budgetNote(budget)}${answer}`, undefined, fix, last?.status);
}

/** Says so when the budget was cut to an enclosing one (a wait, a whole check): that is what ended the retries. */
function budgetNote(budget: TimeBudget): string {
  return budget.limitedBy ? ` (within the enclosing time budget of ${budget.limitedBy.totalMs} ms)` : '';
}

/**
 * How the login service says "rate limited" besides 429: 400 `invalid_request` with a description
 * starting "rate limit exceeded;" (the provider retries exactly that: TF genesyscloud/provider/provider.go).
 */
function loginRateLimited(failure: ReturnType<typeof describeFailure>): boolean {
  return failure.status === 400 && failure.oauthError === 'invalid_request' && /rate limit exceeded/i.test(failure.oauthDescription ?? '');
}

/** A `Retry-After` in seconds (a non-negative number), or undefined. */
function retryAfterSeconds(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * Status, code, message and Retry-After of an SDK rejection (an API call's, or the login's axios error),
 * and nothing else (no headers, no config, no request). The message is the ErrorBody `message`, or the
 * OAuth `error: error_description`, scrubbed.
 */
function describeFailure(raw: unknown): Failure & { oauthError?: string; oauthDescription?: string } {
  // An attempt past its deadline (aborted, its socket closed): a network error, retried like one.
  if (raw instanceof DeadlineExceeded) return { status: undefined, message: raw.message };
  const r = (raw ?? {}) as {
    status?: number;
    headers?: unknown;
    body?: unknown;
    message?: string;
    response?: { status?: number; headers?: unknown; data?: unknown };
  };
  const status = typeof r.status === 'number' ? r.status : typeof r.response?.status === 'number' ? r.response.status : undefined;
  const headers = r.headers ?? r.response?.headers;
  const body = (
    typeof r.body === 'object' && r.body !== null
      ? r.body
      : typeof r.response?.data === 'object' && r.response?.data !== null
        ? r.response?.data
        : undefined
  ) as { message?: unknown; code?: unknown; error?: unknown; error_description?: unknown } | undefined;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const oauthError = text(body?.error);
  const oauthDescription = text(body?.error_description);
  const message = text(body?.message)
    ? sanitize(String(body!.message))
    : oauthError
      ? sanitize(oauthDescription ? `${oauthError}: ${oauthDescription}` : oauthError)
      : status
        ? `HTTP ${status}`
        : sanitize(r.message ?? String(raw));
  return {
    status,
    code: text(body?.code) ? sanitize(String(body!.code), 100) : undefined,
    message,
    retryAfterSeconds: retryAfterSeconds(headerValue(headers, 'retry-after')),
    ...(oauthError ? { oauthError: sanitize(oauthError, 100) } : {}),
    ...(oauthDescription ? { oauthDescription: sanitize(oauthDescription) } : {}),
  };
}

/**
 * A fetch rejection, scrubbed, and whether it is transient: undici reports connection failures as
 * `TypeError: fetch failed` with the system error as `cause`, timeouts as TimeoutError/AbortError.
 * Anything else (a URL with credentials, an invalid header, an unsupported scheme) fails the same way
 * on every attempt and is not retried.
 */
function describeNetworkError(err: unknown): { transient: boolean; message: string } {
  const e = (err ?? {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err instanceof DeadlineExceeded) return { transient: true, message: err.message };
  const message = sanitize(
    String(e.message ?? err)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\.+$/, ''),
  );
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return { transient: true, message: `timed out (${message})` };
  if (e.message === 'fetch failed') {
    const cause = e.cause ? sanitize(String(e.cause.code ?? e.cause.message ?? '')) : '';
    return { transient: true, message: cause ? `${message} (${cause})` : message };
  }
  return { transient: false, message };
}

/** A response header by lower-case name (axios hands back an AxiosHeaders object or a plain one). */
function headerValue(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    const value: unknown = get.call(headers, name);
    if (value !== undefined && value !== null) return String(value);
  }
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : String((headers as Record<string, unknown>)[key]);
}

/** The SDK's host for a provider region name (`eu-west-1` → `PureCloudRegionHosts.eu_west_1`). */
export function regionHost(region: string): string {
  const hosts = platformClient.PureCloudRegionHosts as Record<string, unknown>;
  const key = region.replace(/-/g, '_');
  // Own string entries only: an inherited member (constructor, toString) is no host.
  const host = Object.hasOwn(hosts, key) && typeof hosts[key] === 'string' ? (hosts[key] as string) : undefined;
  if (!host)
    throw new GenesysError(
      'GC4002',
      'GENESYSCLOUD_REGION',
      'the SDK knows no host for this region',
      region,
      'use a provider aws_region value, e.g. us-east-1',
    );
  return host;
}
