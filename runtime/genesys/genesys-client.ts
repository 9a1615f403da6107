import * as platformClient from 'purecloud-platform-client-v2';
import { contractViolation, readJsonBody } from './api-responses';
import { GenesysError, OWN_CLIENT, printableUrl, registerAccessToken, registerOwnCredentials, sanitize } from './genesys-error';
import { AttemptFailure, RetryPolicy, retryDelay, retryPolicy } from './retry-policy';
import { GenesysSettings, settingsFromEnvironment } from './settings';
import { TimeBudget, pause } from './time-budget';

export interface GenesysClientOptions {
  readonly retry?: Partial<RetryPolicy>;
  /** Timeout of one HTTP request. @default 30000 */
  readonly requestTimeoutMs?: number;
  /** Replaced in tests to observe waits. @default `pause` of ./time-budget */
  readonly sleep?: (ms: number) => Promise<void>;
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
  private readonly sdk = platformClient.ApiClient.instance;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  private constructor(
    private readonly settings: GenesysSettings,
    options: GenesysClientOptions,
  ) {
    registerOwnCredentials(settings.clientId, settings.clientSecret);
    this.policy = retryPolicy(options.retry);
    this.sleep = options.sleep ?? pause;
    const config = (this.sdk as unknown as { config: { live_reload_config: boolean; setConfigPath(p: string): void } }).config;
    // The SDK reads and watches ~/.genesyscloudjavascript/config; that would keep processes alive and let a
    // stray file redirect traffic. Configuration comes from the environment only.
    config.live_reload_config = false;
    config.setConfigPath('');
    this.sdk.setReturnExtendedResponses(true);
    (this.sdk as unknown as { timeout: number }).timeout = options.requestTimeoutMs ?? 30_000;
    if (settings.gateway) {
      this.sdk.setGateway({ host: settings.gateway.host, port: settings.gateway.port ?? -1, protocol: settings.gateway.protocol, path_params_login: '', path_params_api: '' });
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
   */
  async call<T>(label: string, run: (apis: GenesysApis) => Promise<unknown>, options: CallOptions = {}): Promise<T> {
    const budget = new TimeBudget(this.policy.maxTotalMs);
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      this.apiCalls++;
      let response: ExtendedResponse | undefined;
      try {
        response = (await run(this.apis)) as ExtendedResponse | undefined;
      } catch (raw) {
        const failure = describeFailure(raw);
        if (failure.status === 401 && !renewed) {
          renewed = true;
          await this.login();
          continue;
        }
        const delay = retryDelay(this.policy, failure, attempt);
        if (delay === undefined) {
          const kind = failure.status === 401 || failure.status === 403 ? 'GC4005' : 'GC4003';
          throw new GenesysError(kind, label, `Genesys answered ${failure.status}${failure.code ? ` ${failure.code}` : ''}: ${failure.message}`, undefined, failure.status === 403 ? "grant the OAuth client's role the permission named above" : 'see the message; the request was not retried', failure.status);
        }
        if (attempt >= this.policy.maxAttempts || !budget.allows(delay)) {
          throw new GenesysError('GC4004', label, `gave up after ${attempt} attempt(s) in ${budget.elapsedMs} ms; last answer: ${failure.status ?? 'network error'} ${failure.message}`, undefined, 'retry later; the platform is rate limiting or unavailable', failure.status);
        }
        await this.sleep(delay);
        continue;
      }
      const extended = typeof response === 'object' && response !== null && 'body' in response;
      const body = extended ? response!.body : response;
      if (options.expectBody === false) return body as T;
      return readJsonBody(label, body, extended ? response!.status : undefined, extended ? headerValue(response!.headers, 'content-type') : undefined) as T;
    }
  }

  /** Fetches a presigned download URL (no Authorization header: it must not leave the API host). */
  async download(url: string): Promise<Buffer> {
    return this.presigned('download', url, { method: 'GET' });
  }

  /** PUTs a body to a presigned upload URL with the headers the job registration returned. */
  async upload(url: string, headers: Record<string, string>, body: string): Promise<void> {
    await this.presigned('upload', url, { method: 'PUT', headers, body });
  }

  /**
   * GET or PUT a presigned URL. A URL carrying credentials (user:password@) is refused up front (GC4006,
   * a presigned URL never does, and fetch would refuse it anyway); network errors and 5xx are retried,
   * anything else (a 4xx, a request that cannot be built) is final. No message carries the URL's
   * user:password@ or query string (presigned URLs are signed in the query).
   */
  private async presigned(what: string, url: string, init: RequestInit): Promise<Buffer> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw contractViolation(what, `the ${what} URL is not a URL`, printableUrl(url));
    }
    const where = `${what} ${parsed.pathname}`;
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw contractViolation(where, `the ${what} URL is not an http(s) URL`, printableUrl(url));
    if (parsed.username || parsed.password) {
      throw contractViolation(where, `the ${what} URL carries credentials (user:password@); a presigned URL is signed in its query, never with a password`, printableUrl(url));
    }
    const budget = new TimeBudget(this.policy.maxTotalMs);
    for (let attempt = 1; ; attempt++) {
      let failure: { status: number | undefined; retryAfterSeconds?: number; message: string };
      try {
        const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
        if (res.ok) return Buffer.from(await res.arrayBuffer());
        failure = { status: res.status, retryAfterSeconds: retryAfterSeconds(res.headers.get('retry-after')), message: sanitize(await res.text()) };
      } catch (err) {
        const network = describeNetworkError(err);
        if (!network.transient) {
          throw new GenesysError('GC4003', where, `the ${what} could not be made: ${network.message}`, undefined, 'see the message; the request was not retried');
        }
        failure = { status: undefined, message: network.message };
      }
      const delay = retryDelay(this.policy, failure, attempt);
      if (delay === undefined || attempt >= this.policy.maxAttempts || !budget.allows(delay)) {
        throw new GenesysError(delay === undefined ? 'GC4003' : 'GC4004', where, `storage answered ${failure.status ?? 'network error'}: ${failure.message}`, undefined, 'retry the operation', failure.status);
      }
      await this.sleep(delay);
    }
  }

  /**
   * Logs in (client credentials grant) with the same retries and time budget as every call: a 429 waits
   * `Retry-After`, a 400 `invalid_request` "rate limit exceeded" (how the login service rate limits; the
   * provider retries it too) is a 429, 5xx and network errors back off. Only a 400 or 401 means the
   * credentials (or region) are wrong (GC4005); other refusals are GC4003, exhausted retries GC4004.
   * The token received is registered with the scrubber: no message prints it.
   */
  private async login(): Promise<void> {
    const call = 'POST /oauth/token';
    const budget = new TimeBudget(this.policy.maxTotalMs);
    for (let attempt = 1; ; attempt++) {
      this.apiCalls++;
      let failure: ReturnType<typeof describeFailure>;
      try {
        const auth = (await this.sdk.loginClientCredentialsGrant(this.settings.clientId, this.settings.clientSecret)) as { accessToken?: unknown } | undefined;
        const token = auth?.accessToken ?? (this.sdk as unknown as { authData?: { accessToken?: unknown } }).authData?.accessToken;
        if (typeof token === 'string') registerAccessToken(token);
        return;
      } catch (raw) {
        failure = describeFailure(raw);
      }
      const retryAs: AttemptFailure = loginRateLimited(failure) ? { status: 429, retryAfterSeconds: failure.retryAfterSeconds } : failure;
      const delay = retryDelay(this.policy, retryAs, attempt);
      const answer = `${failure.status ?? 'network error'} ${failure.message}`;
      if (delay === undefined) {
        if (failure.status === 400 || failure.status === 401) {
          throw new GenesysError('GC4005', call, `login failed for ${OWN_CLIENT}: ${answer}`, undefined, 'check GENESYSCLOUD_OAUTHCLIENT_ID/SECRET and GENESYSCLOUD_REGION (or the gateway settings)', failure.status);
        }
        throw new GenesysError('GC4003', call, `the login service refused the request: ${answer}`, undefined, 'check GENESYSCLOUD_REGION (or the gateway settings); the request was not retried', failure.status);
      }
      if (attempt >= this.policy.maxAttempts || !budget.allows(delay)) {
        throw new GenesysError('GC4004', call, `login gave up after ${attempt} attempt(s) in ${budget.elapsedMs} ms; last answer: ${answer}`, undefined, 'retry later; the login service is rate limiting or unavailable', failure.status);
      }
      await this.sleep(delay);
    }
  }
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
function describeFailure(raw: unknown): { status: number | undefined; code?: string; message: string; retryAfterSeconds?: number; oauthError?: string; oauthDescription?: string } {
  const r = (raw ?? {}) as { status?: number; headers?: unknown; body?: unknown; message?: string; response?: { status?: number; headers?: unknown; data?: unknown } };
  const status = typeof r.status === 'number' ? r.status : typeof r.response?.status === 'number' ? r.response.status : undefined;
  const headers = r.headers ?? r.response?.headers;
  const body = (typeof r.body === 'object' && r.body !== null ? r.body : typeof r.response?.data === 'object' && r.response?.data !== null ? r.response?.data : undefined) as
    | { message?: unknown; code?: unknown; error?: unknown; error_description?: unknown }
    | undefined;
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
  const message = sanitize(String(e.message ?? err).replace(/\s+/g, ' ').trim().replace(/\.+$/, ''));
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
  const host = (platformClient.PureCloudRegionHosts as Record<string, string>)[region.replace(/-/g, '_')];
  if (!host) throw new GenesysError('GC4002', 'GENESYSCLOUD_REGION', 'the SDK knows no host for this region', region, 'use a provider aws_region value, e.g. us-east-1');
  return host;
}
