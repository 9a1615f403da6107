import { randomUUID } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import AdmZip from 'adm-zip';
import type * as platformClient from 'purecloud-platform-client-v2';
import { ImportCheck, checkImport } from './archy-check';
import { regenerateExport } from './export-regeneration';
import { Fault, FaultBook } from './faults';
import { HttpError, OAuthError, StorageError, badRequest, codeForStatus, notFound } from './http-error';
import { IvrApi } from './ivr-api';
import { Actor, OrgState, StoredFlow, StoredVersion } from './org-state';
import { pageRequest, toPage } from './paging';
import { DEPENDENCY_OBJECT_TYPES, EXPORT_TYPES, FLOW_FILTERS, FLOW_LIST_TYPES, JobStatus } from './platform-enums';
import { RateLimiter } from './rate-limiter';
import { checkEnum, enumQueryValues, jsonBody, multiQuery, optionalEnumQuery, requiredQuery } from './request-validation';
import { IssuedToken, TokenIssuer } from './token-issuer';

type JobMessage = platformClient.Models.ArchitectJobMessage;

export interface EmulatorOptions {
  /** @default 0 (any free port) */
  readonly port?: number;
  /** Requests per minute per token. @default 300 */
  readonly rateLimitPerMinute?: number;
  /** Lifetime of access tokens (`expires_in`); must be above 60 (rule 2). @default 86400 */
  readonly tokenTtlSeconds?: number;
  /** Time an import or export job takes to finish after it starts. @default 50 */
  readonly jobDurationMs?: number;
  /** Accepted client credentials; empty accepts any non-empty pair. @default {} */
  readonly clients?: Readonly<Record<string, string>>;
  /** Largest request body read; a larger one is answered 413 without reading it all. @default MAX_BODY_BYTES (10 MB) */
  readonly maxBodyBytes?: number;
  /**
   * Bytes of request bodies held at once, all connections together; a body that would go past it is
   * answered 503 and its connection closed. @default MAX_BODY_BYTES_IN_FLIGHT (64 MB)
   */
  readonly maxBodyBytesInFlight?: number;
  /** Time a client has to send a whole request (headers and body); then 408 and the connection is closed. @default 30000 */
  readonly requestTimeoutMs?: number;
  /** Time a client has to send a request's headers (at most `requestTimeoutMs`). @default 10000 */
  readonly headersTimeoutMs?: number;
  /** Connections open at once; more are closed as they arrive. @default MAX_CONNECTIONS (256) */
  readonly maxConnections?: number;
}

/**
 * Largest request body the emulator reads (the emulator's choice: the platform documents no limit for
 * these endpoints). Far above any flow file (a few kilobytes to a few hundred) or API body; a larger one
 * is answered 413 (ErrorBody) as soon as its size is known, and the rest is never read.
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Request bodies held at once, all connections together (the emulator's choice): with the per-request
 * limit, 60 slow clients could otherwise hold 60 × 10 MB.
 */
export const MAX_BODY_BYTES_IN_FLIGHT = 64 * 1024 * 1024;

/** Connections open at once (the emulator's choice: far above what the tools and the provider open). */
export const MAX_CONNECTIONS = 256;

/** A request body over the limit (answered 413). */
class BodyTooLarge extends Error {}

/** A request body that does not fit in what all connections together may hold (answered 503). */
class BodiesOverCapacity extends Error {}

/** Bytes of request bodies being read, all connections together, against a cap. */
class BodyBytesInFlight {
  held = 0;
  constructor(readonly cap: number) {}

  /** Takes `n` bytes; false (nothing taken) when that would go past the cap. */
  take(n: number): boolean {
    if (this.held + n > this.cap) return false;
    this.held += n;
    return true;
  }

  release(n: number): void {
    this.held = Math.max(0, this.held - n);
  }
}

interface ImportJob {
  id: string;
  status: JobStatus;
  clientId: string;
  /** Headers the presigned upload must carry (returned by the registration). */
  uploadHeaders: Record<string, string>;
  flowId?: string;
  messages: JobMessage[];
  doneAt?: number;
  result?: () => void;
}

interface ExportJob {
  id: string;
  status: 'Started' | 'Success' | 'Failure';
  doneAt: number;
  files: Array<{ name: string; yaml: string }>;
  messages: JobMessage[];
}

/** `ExportDetails.fileName`: "Must contain only alphanumeric characters, underscores, or hyphens." (PY: build/docs/ExportDetails.md). */
const EXPORT_FILE_NAME = /^[A-Za-z0-9_-]+$/;

/** `expand` of the job status endpoints: PY build/docs/ArchitectApi.md (get_flows_job, get_flows_export_job). */
const JOB_EXPANDS = ['messages'] as const;

/**
 * A local stand-in for the Genesys Cloud API: what the SDK-based tools and the provider call for flows
 * (OAuth, flows, import and export jobs, publish/unlock, dependency tracking, IVRs), a per-token rate
 * limit, fault injection and an admin interface under `/__admin/`. It enforces the platform's
 * documented contract; every rule it applies is listed, with its source, in `emulator/CONTRACT.md`.
 */
export class GenesysEmulator {
  readonly org = new OrgState();
  readonly faults = new FaultBook();
  readonly limiter: RateLimiter;
  /** Count of API requests by `METHOD /route`, for cost checks. */
  readonly requestCounts = new Map<string, number>();
  /** Requests to the token endpoint (`POST /oauth/token`), refused ones included. */
  tokenRequests = 0;
  /** Requests to presigned upload URLs (`presignedUrl` of import jobs), refused ones included. */
  uploadRequests = 0;
  /** Requests to presigned download URLs (`downloadUrl` of export jobs), refused ones included. */
  downloadRequests = 0;
  private readonly tokens: TokenIssuer;
  private readonly ivrApi = new IvrApi(this.org);
  private readonly importJobs = new Map<string, ImportJob>();
  private readonly exportJobs = new Map<string, ExportJob>();
  private server?: http.Server;
  private baseUrl = '';
  private readonly jobDurationMs: number;
  private readonly exportsByVersion = new WeakMap<StoredVersion, { source: string; exported: string }>();
  private readonly maxBodyBytes: number;
  /** Request body bytes held now, all connections together (see {@link EmulatorOptions.maxBodyBytesInFlight}). */
  readonly bodyBytesInFlight: BodyBytesInFlight;
  private readonly requestTimeoutMs: number;
  private readonly headersTimeoutMs: number;
  private readonly maxConnections: number;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.limiter = new RateLimiter(options.rateLimitPerMinute ?? 300);
    this.tokens = new TokenIssuer(options.clients ?? {}, options.tokenTtlSeconds ?? 86400);
    this.jobDurationMs = options.jobDurationMs ?? 50;
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    if (!Number.isInteger(this.maxBodyBytes) || this.maxBodyBytes < 1)
      throw new Error(`maxBodyBytes must be a positive integer, got ${options.maxBodyBytes}`);
    const positive = (name: keyof EmulatorOptions, fallback: number): number => {
      const value = options[name] ?? fallback;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
        throw new Error(`${name} must be a positive integer, got ${String(options[name])}`);
      return value;
    };
    this.bodyBytesInFlight = new BodyBytesInFlight(positive('maxBodyBytesInFlight', MAX_BODY_BYTES_IN_FLIGHT));
    this.requestTimeoutMs = positive('requestTimeoutMs', 30_000);
    this.headersTimeoutMs = positive('headersTimeoutMs', Math.min(10_000, this.requestTimeoutMs));
    this.maxConnections = positive('maxConnections', MAX_CONNECTIONS);
    if (this.headersTimeoutMs > this.requestTimeoutMs)
      throw new Error(`headersTimeoutMs (${this.headersTimeoutMs}) must not exceed requestTimeoutMs (${this.requestTimeoutMs})`);
  }

  get url(): string {
    return this.baseUrl;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  /**
   * Listens on 127.0.0.1. Rejects with the listen error (e.g. `EADDRINUSE` when the port is taken)
   * instead of letting it escape as an unhandled 'error' event.
   */
  async start(): Promise<this> {
    const options: http.ServerOptions = {
      // A client that sends its request slowly (or never finishes it) is answered 408 and disconnected;
      // Node checks these timeouts every `connectionsCheckingInterval`, so check often enough for them to hold.
      requestTimeout: this.requestTimeoutMs,
      headersTimeout: this.headersTimeoutMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(this.headersTimeoutMs / 4))),
    };
    const server = http.createServer(options, (req, res) => {
      this.handle(req, res).catch(() => {
        // Nothing a request does may stop the emulator: answer 500 if still possible, else drop the connection.
        if (!res.headersSent) send(res, 500, new HttpError(500, 'internal.server.error', 'The emulator failed to answer this request.').body);
        else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => {
        server.off('listening', onListening);
        reject(err);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(this.options.port ?? 0, '127.0.0.1');
    });
    // Later server errors (none expected once listening) must not crash the process either.
    server.on('error', () => undefined);
    // Connections past the limit are closed as they arrive.
    server.maxConnections = this.maxConnections;
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${this.port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Total API requests served or refused (admin, upload and download URLs excluded). */
  get totalRequests(): number {
    return [...this.requestCounts.values()].reduce((a, b) => a + b, 0);
  }

  /**
   * Every request a client made (diagnostics, for cost checks): API, token endpoint, presigned uploads
   * and downloads, served or refused; admin requests excluded.
   */
  get allRequests(): number {
    return this.totalRequests + this.tokenRequests + this.uploadRequests + this.downloadRequests;
  }

  /**
   * Publishes a flow as if someone had done it (seeding, or "edited in Architect" with a user actor).
   * The file passes the file checks of an import job (CONTRACT.md ARCHY-1..7); a called module that
   * does not exist or is unpublished is left unbound rather than refused (ARCHY-8 is not applied), so
   * tests can set up a caller whose module is gone.
   */
  seedFlow(yaml: string, actor: Actor = { kind: 'user', id: 'user-architect', name: 'Architect User' }): StoredFlow {
    const check = checkImport(yaml);
    if (check.errors.length > 0 || !check.type || !check.name) throw new Error(`seed rejected: ${check.errors.join('; ')}`);
    return this.org.publish(check.name, check.type, check.division, yaml, actor, this.bindModules(check.calledModules));
  }

  /**
   * What an import job refuses in a flow file: the file checks (ARCHY-1..7) and, against the org, a
   * called module that does not exist or has no published version (ARCHY-8). Publishing refuses the same
   * (ACTION-5).
   */
  private importErrors(check: ImportCheck): string[] {
    const errors = [...check.errors];
    for (const module of check.calledModules) {
      const target = this.org.findFlow(module, 'COMMONMODULE');
      if (!target) errors.push(`Could not find the common module '${module}' called by the flow.`);
      else if (!target.publishedVersionId) errors.push(`The common module '${module}' has no published version.`);
    }
    return errors;
  }

  private bindModules(names: string[]): Record<string, string> {
    const bound: Record<string, string> = {};
    for (const name of names) {
      const module = this.org.findFlow(name, 'COMMONMODULE');
      if (module?.publishedVersionId) bound[name] = module.publishedVersionId;
    }
    return bound;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    let body: string;
    try {
      body = await readBody(req, this.maxBodyBytes, this.bodyBytesInFlight);
    } catch (err) {
      if (!(err instanceof BodyTooLarge) && !(err instanceof BodiesOverCapacity)) return void req.destroy();
      // Answered at once; the connection is closed after the answer, so the rest of the body is never read.
      res.once('finish', () => setImmediate(() => req.destroy()));
      if (err instanceof BodiesOverCapacity) {
        const busy = new HttpError(
          503,
          'service.unavailable',
          `The emulator is holding ${this.bodyBytesInFlight.cap} bytes of request bodies already; retry the request.`,
        );
        return send(res, 503, busy.body, { Connection: 'close', 'Retry-After': '1' });
      }
      const refusal = new HttpError(
        413,
        'request.entity.too.large',
        `The request body is larger than the ${this.maxBodyBytes} bytes the emulator accepts.`,
      );
      return send(res, 413, refusal.body, { Connection: 'close' });
    }
    try {
      if (url.pathname.startsWith('/__admin/')) return send(res, 200, this.admin(method, url, body));
      if (url.pathname.startsWith('/uploads/')) {
        this.uploadRequests++;
        return this.upload(req, url, body, res);
      }
      if (url.pathname.startsWith('/downloads/')) {
        this.downloadRequests++;
        return this.download(req, url, res);
      }
      if (url.pathname === '/oauth/token') {
        this.tokenRequests++;
        // Faults reach the token endpoint only when their path names it (the emulator's choice, CONTRACT.md).
        if (await this.injectFaults(url.pathname, res, true)) return;
        if (method !== 'POST') throw new OAuthError(405, 'invalid_request', 'The token endpoint takes POST.');
        return send(res, 200, this.tokens.login(req.headers.authorization, body));
      }
      const route = `${method} ${url.pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}/g, '/{id}').replace(/\/versions\/[^/]+/, '/versions/{v}')}`;
      this.requestCounts.set(route, (this.requestCounts.get(route) ?? 0) + 1);
      const token = this.tokens.authenticate(req.headers.authorization);
      const wait = this.limiter.hit(token.key);
      if (wait > 0)
        throw new HttpError(429, 'too.many.requests.retry.after', `Rate limit exceeded the maximum. Retry the request in [${wait}] seconds`, {
          'Retry-After': String(wait),
        });
      if (await this.injectFaults(url.pathname, res, false)) return;
      const result = this.api(method, url, body, token.token);
      send(res, result === undefined ? 204 : 200, result);
    } catch (err) {
      if (err instanceof HttpError) send(res, err.status, err.body, err.headers);
      else if (err instanceof OAuthError) send(res, err.status, err.body);
      else if (err instanceof StorageError) sendText(res, err.status, err.message);
      else send(res, 500, new HttpError(500, 'internal.server.error', (err as Error).message).body);
    }
  }

  /**
   * Applies the first matching status, body and delay faults: true when a fault answered the request.
   * For the token endpoint (`tokenEndpoint`) only faults whose `path` names it apply; its status faults
   * answer in the endpoint's own `{error, error_description}` shape.
   */
  private async injectFaults(path: string, res: http.ServerResponse, tokenEndpoint: boolean): Promise<boolean> {
    const fault = this.faults.take('status', path, tokenEndpoint);
    if (fault) {
      const retry: Record<string, string> = fault.status === 429 ? { 'Retry-After': String(fault.retryAfterSeconds ?? 1) } : {};
      if (tokenEndpoint) {
        const error =
          fault.status === 429 || fault.status === 503 ? 'temporarily_unavailable' : fault.status >= 500 ? 'server_error' : 'invalid_request';
        send(res, fault.status, new OAuthError(fault.status, error, `Injected ${fault.status}`).body, retry);
      } else {
        send(res, fault.status, new HttpError(fault.status, codeForStatus(fault.status), `Injected ${fault.status}`).body, retry);
      }
      return true;
    }
    const raw = this.faults.take('body', path, tokenEndpoint);
    if (raw) {
      res.writeHead(raw.status ?? 200, { 'Content-Type': raw.contentType ?? 'application/json' });
      res.end(raw.body);
      return true;
    }
    const delay = this.faults.take('delay', path, tokenEndpoint);
    if (delay) await new Promise((r) => setTimeout(r, delay.ms));
    return false;
  }

  private api(method: string, url: URL, body: string, token: IssuedToken): unknown {
    const p = url.pathname;
    const q = url.searchParams;
    const actor: Actor = { kind: 'client', id: token.clientId };
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '/api/v2/organizations/me') {
      return {
        id: this.org.orgId,
        name: 'Emulated Org',
        defaultCountryCode: 'US',
        version: 1,
        state: 'active',
        selfUri: `/api/v2/organizations/${this.org.orgId}`,
      };
    }
    if (method === 'GET' && p === '/api/v2/authorization/products') return toPage([{ id: 'architect' }], pageRequest(q), p, q);
    if (method === 'GET' && p === '/api/v2/flows') return this.listFlows(q);
    if (method === 'POST' && p === '/api/v2/flows/jobs') return this.registerImport(token);
    if ((m = /^\/api\/v2\/flows\/jobs\/([^/]+)$/.exec(p)) && method === 'GET') return this.importStatus(m[1], q);
    if (method === 'POST' && p === '/api/v2/flows/export/jobs') return this.registerExport(jsonBody(body));
    if ((m = /^\/api\/v2\/flows\/export\/jobs\/([^/]+)$/.exec(p)) && method === 'GET') return this.exportStatus(m[1], q);
    if (method === 'POST' && p === '/api/v2/flows/actions/publish') return this.publishAction(requiredQuery(q, 'flow'), actor);
    if (method === 'POST' && p === '/api/v2/flows/actions/unlock') return this.unlockAction(requiredQuery(q, 'flow'));
    if (method === 'GET' && p === '/api/v2/architect/dependencytracking/consumingresources') return this.consumers(q);
    if (method === 'GET' && p === '/api/v2/architect/dependencytracking/consumedresources') return this.consumed(q);
    if ((m = /^\/api\/v2\/flows\/([^/]+)\/versions$/.exec(p)) && method === 'GET') {
      const flow = this.flow(m[1]);
      const entities = [...flow.versions].reverse().map((v) => this.org.toApiVersion(flow, v));
      return toPage(entities, pageRequest(q), p, q);
    }
    if ((m = /^\/api\/v2\/flows\/([^/]+)\/versions\/([^/]+)$/.exec(p)) && method === 'GET') {
      const flow = this.flow(m[1]);
      const version = flow.versions.find((v) => v.id === m![2]);
      if (!version) throw notFound(`Flow version ${m[2]} not found`);
      return this.org.toApiVersion(flow, version);
    }
    if ((m = /^\/api\/v2\/flows\/([^/]+)$/.exec(p))) {
      if (method === 'GET') return this.org.toApiFlow(this.flow(m[1]));
      if (method === 'DELETE') return this.deleteFlow(m[1]);
    }
    if (this.ivrApi.handles(p)) return this.ivrApi.serve(method, p, q, body);
    throw notFound(`No emulated route for ${method} ${p}`);
  }

  private flow(id: string): StoredFlow {
    const flow = this.org.flows.get(id);
    if (!flow) throw notFound(`Flow ${id} not found`);
    return flow;
  }

  /**
   * `GET /api/v2/flows`: `type` values from the documented enum, paging, `name` (case-insensitive,
   * `*` as wildcard), `id` (then every other filter is ignored, as documented), `sortBy` id|name and
   * `sortOrder` asc|desc.
   */
  private listFlows(q: URLSearchParams): platformClient.Models.FlowEntityListing {
    const request = pageRequest(q);
    const ids = multiQuery(q, 'id');
    let all: StoredFlow[];
    if (ids.length > 0) {
      // "If one or more IDs are specified, the search will fetch flows that match the given ID(s) and not
      // use any additional supplied query parameters in the search." (PY: build/docs/ArchitectApi.md)
      all = [...this.org.flows.values()].filter((f) => ids.includes(f.id));
    } else {
      const types = enumQueryValues(q, 'type', FLOW_LIST_TYPES);
      const name = q.get('name')?.toLowerCase();
      all = [...this.org.flows.values()]
        .filter((f) => types.length === 0 || (types as string[]).includes(f.type.toLowerCase()))
        .filter((f) => !name || new RegExp(`^.*${name.split('*').map(escapeRegExp).join('.*')}.*$`).test(f.name.toLowerCase()));
    }
    const key = q.get('sortBy') === 'name' ? (f: StoredFlow) => f.name.toLowerCase() : (f: StoredFlow) => f.id;
    all.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    if (q.get('sortOrder')?.toLowerCase() === 'desc') all.reverse();
    return toPage(
      all.map((f) => this.org.toApiFlow(f)),
      request,
      '/api/v2/flows',
      q,
    );
  }

  private registerImport(token: IssuedToken): platformClient.Models.RegisterArchitectJobResponse {
    const job: ImportJob = {
      id: randomUUID(),
      status: 'Registered',
      clientId: token.clientId,
      uploadHeaders: { 'Content-Type': 'application/octet-stream' },
      messages: [],
    };
    this.importJobs.set(job.id, job);
    return {
      id: job.id,
      presignedUrl: `${this.baseUrl}/uploads/${job.id}`,
      headers: { ...job.uploadHeaders },
      selfUri: `/api/v2/flows/jobs/${job.id}`,
    };
  }

  /**
   * The presigned upload URL (rule 10): a PUT without Authorization carrying every header the
   * registration returned, answered with exactly 200 and an empty body.
   */
  private upload(req: http.IncomingMessage, url: URL, yaml: string, res: http.ServerResponse): void {
    if (req.method !== 'PUT') throw new StorageError(403, `The presigned URL is signed for PUT, not ${req.method}.`);
    // Presigned storage URLs reject a second authentication mechanism; a token sent here would leak.
    if (req.headers.authorization)
      throw new StorageError(400, 'Only one auth mechanism allowed; the presigned URL must be used without an Authorization header.');
    const job = this.importJobs.get(url.pathname.split('/')[2]);
    if (!job || job.status !== 'Registered') throw new StorageError(404, 'Upload URL expired or unknown.');
    for (const [name, value] of Object.entries(job.uploadHeaders)) {
      if (req.headers[name.toLowerCase()] !== value)
        throw new StorageError(403, `The upload must carry the header ${name}: ${value} the job registration returned.`);
    }
    job.status = 'Started';
    job.doneAt = Date.now() + this.jobDurationMs;
    job.result = () => this.runImport(job, yaml);
    res.writeHead(200);
    res.end();
  }

  private runImport(job: ImportJob, yaml: string): void {
    const fail = (text: string) => {
      job.status = 'Failure';
      job.messages.push({ dateTime: new Date().toISOString(), type: 'Error', text });
    };
    const injected = this.faults.take('failJob');
    if (injected) return fail(injected.message);
    const check = checkImport(yaml);
    const errors = this.importErrors(check);
    errors.forEach(fail);
    if (errors.length > 0 || !check.type || !check.name) return;
    const existing = this.org.findFlow(check.name, check.type);
    if (existing?.lockedBy && !(existing.lockedBy.kind === 'client' && existing.lockedBy.id === job.clientId)) {
      const who = existing.lockedBy.kind === 'user' ? `user ${existing.lockedBy.name}` : `OAuth client ${existing.lockedBy.id}`;
      return fail(`Flow '${check.name}' is locked by ${who}.`);
    }
    const flow = this.org.publish(
      check.name,
      check.type,
      check.division,
      yaml,
      { kind: 'client', id: job.clientId },
      this.bindModules(check.calledModules),
    );
    job.flowId = flow.id;
    job.status = 'Success';
  }

  /** Rules 7 and 9: status and command from the documented enums; Success carries `flow.id`. */
  private importStatus(id: string, q: URLSearchParams): platformClient.Models.ArchitectJobStateResponse {
    const expand = enumQueryValues(q, 'expand', JOB_EXPANDS);
    const job = this.importJobs.get(id);
    if (!job) throw notFound(`Job ${id} not found`);
    if (job.status === 'Started' && job.doneAt! <= Date.now()) job.result!();
    return {
      id: job.id,
      status: job.status,
      command: 'Publish',
      flow: job.flowId ? { id: job.flowId, selfUri: `/api/v2/flows/${job.flowId}` } : undefined,
      messages: expand.includes('messages') ? job.messages : undefined,
      selfUri: `/api/v2/flows/jobs/${id}`,
    };
  }

  /**
   * `POST /api/v2/flows/export/jobs` (rule 11): `flows` required and not empty; each `flow` required
   * with an `id` or both `name` and `type`; `fileName` of letters, digits, `_` and `-`; `exportType`
   * Architect or Yaml. A flow or version that does not exist fails the job, as Archy reports it.
   */
  private registerExport(request: Record<string, unknown>): platformClient.Models.RegisterArchitectExportJobResponse {
    const details = request.flows;
    if (!Array.isArray(details) || details.length === 0)
      throw badRequest("RegisterArchitectExportJob: 'flows' is required and must list at least one flow.");
    const refs = details.map((d: unknown, i) => {
      const where = `flows[${i}]`;
      if (!d || typeof d !== 'object' || Array.isArray(d)) throw badRequest(`${where} must be an ExportDetails object.`);
      const detail = d as { flow?: unknown; fileName?: unknown; exportType?: unknown };
      const flow = detail.flow as platformClient.Models.ArchitectFlowReference | undefined;
      if (!flow || typeof flow !== 'object' || Array.isArray(flow)) throw badRequest(`${where}.flow is required.`);
      if (!flow.id && !(flow.name && flow.type)) throw badRequest(`${where}.flow must name the flow by id, or by both name and type.`);
      if (detail.fileName !== undefined && (typeof detail.fileName !== 'string' || !EXPORT_FILE_NAME.test(detail.fileName))) {
        throw badRequest(`${where}.fileName ${JSON.stringify(detail.fileName)} must contain only alphanumeric characters, underscores, or hyphens.`);
      }
      if (detail.exportType !== undefined) checkEnum(`${where}.exportType`, detail.exportType, EXPORT_TYPES);
      return { flow, fileName: detail.fileName as string | undefined };
    });
    const messages: JobMessage[] = [];
    const files = refs.flatMap((ref) => {
      const flow = ref.flow.id ? this.org.flows.get(ref.flow.id) : this.org.findFlow(ref.flow.name!, ref.flow.type!);
      const version: StoredVersion | undefined = flow?.versions.find((v) => v.id === (ref.flow.version ?? flow.publishedVersionId));
      if (!flow || !version) {
        const what = ref.flow.id ? `with id ${ref.flow.id}` : `named '${ref.flow.name}' of type ${ref.flow.type}`;
        messages.push({
          type: 'Error',
          text: `could not find the flow ${what}${ref.flow.version ? ` at version ${ref.flow.version}` : ''}.`,
          dateTime: new Date().toISOString(),
        });
        return [];
      }
      const fileName = ref.fileName ?? `${flow.name.replace(/[^A-Za-z0-9_-]+/g, '_')}_v${version.id.replace(/\W/g, '_')}`;
      return [{ name: `${fileName}.yaml`, yaml: this.exportedYaml(version) }];
    });
    const injected = this.faults.take('failExport');
    if (injected) messages.push({ type: 'Error', text: injected.message, dateTime: new Date().toISOString() });
    const job: ExportJob = { id: randomUUID(), status: 'Started', doneAt: Date.now() + this.jobDurationMs, files, messages };
    this.exportJobs.set(job.id, job);
    return { id: job.id, status: 'Started', totalFlows: refs.length, selfUri: `/api/v2/flows/export/jobs/${job.id}` };
  }

  /** A version's export, regenerated once: the regeneration is a function of the stored YAML alone. */
  private exportedYaml(version: StoredVersion): string {
    const known = this.exportsByVersion.get(version);
    if (known?.source === version.yaml) return known.exported;
    const exported = regenerateExport(version.yaml);
    this.exportsByVersion.set(version, { source: version.yaml, exported });
    return exported;
  }

  /** Rule 8: a poll answers Started, Success (with `downloadUrl`) or Failure; never Registered. */
  private exportStatus(id: string, q: URLSearchParams): platformClient.Models.ArchitectExportJobStateResponse {
    enumQueryValues(q, 'expand', JOB_EXPANDS);
    const job = this.exportJobs.get(id);
    if (!job) throw notFound(`Export job ${id} not found`);
    if (job.status === 'Started' && job.doneAt <= Date.now()) job.status = job.messages.length > 0 ? 'Failure' : 'Success';
    return {
      id: job.id,
      status: job.status,
      command: 'Export',
      downloadUrl: job.status === 'Success' ? `${this.baseUrl}/downloads/${job.id}` : undefined,
      messages: job.messages,
      selfUri: `/api/v2/flows/export/jobs/${id}`,
    };
  }

  /** The presigned download URL: a plain GET without Authorization; one file, or a zip of several (rule 12). */
  private download(req: http.IncomingMessage, url: URL, res: http.ServerResponse): void {
    if (req.method !== 'GET') throw new StorageError(403, `The presigned URL is signed for GET, not ${req.method}.`);
    if (req.headers.authorization)
      throw new StorageError(400, 'Only one auth mechanism allowed; presigned download URLs take no Authorization header.');
    const job = this.exportJobs.get(url.pathname.split('/')[2]);
    if (!job || job.status !== 'Success') throw new StorageError(404, 'Download URL expired or unknown.');
    if (job.files.length === 1) {
      res.writeHead(200, { 'Content-Type': 'application/x-yaml', 'Content-Disposition': `attachment; filename="${job.files[0].name}"` });
      res.end(job.files[0].yaml);
      return;
    }
    const zip = new AdmZip();
    job.files.forEach((f) => zip.addFile(f.name, Buffer.from(f.yaml, 'utf8')));
    res.writeHead(200, { 'Content-Type': 'application/zip' });
    res.end(zip.toBuffer());
  }

  /**
   * Rule 13: `flow` (required) as a query parameter; answers an Operation (ACTION-3). What an import job
   * would refuse (ARCHY-1..8) fails the publish: the Operation carries `actionStatus: FAILURE` and the
   * reasons in `errorMessage` (what the runtime reads), and nothing is published (ACTION-5).
   */
  private publishAction(flowId: string, actor: Actor): platformClient.Models.Operation {
    const flow = this.flow(flowId);
    if (flow.lockedBy && !(flow.lockedBy.kind === 'client' && actor.kind === 'client' && flow.lockedBy.id === actor.id)) {
      const who = flow.lockedBy.kind === 'user' ? `user ${flow.lockedBy.name}` : `OAuth client ${flow.lockedBy.id}`;
      throw new HttpError(409, 'flow.locked', `Flow '${flow.name}' is locked by ${who}`);
    }
    const source = flow.savedDraft?.yaml ?? this.org.published(flow)?.yaml;
    if (!source) throw new HttpError(400, 'flow.no.version', `Flow '${flow.name}' has nothing to publish`);
    const check = checkImport(source);
    const operation = { id: randomUUID(), complete: true, actionName: 'PUBLISH', client: actor.kind === 'client' ? { id: actor.id } : undefined };
    const errors = this.importErrors(check);
    if (errors.length > 0)
      return { ...operation, actionStatus: 'FAILURE', errorMessage: `Flow '${flow.name}' cannot be published: ${errors.join(' ')}` };
    this.org.publish(flow.name, flow.type, flow.division, source, actor, this.bindModules(check.calledModules));
    return { ...operation, actionStatus: 'SUCCESS' };
  }

  /** Rule 13: `flow` (required) as a query parameter; answers the Flow. */
  private unlockAction(flowId: string): platformClient.Models.Flow {
    const flow = this.flow(flowId);
    flow.lockedBy = undefined;
    return this.org.toApiFlow(flow);
  }

  private deleteFlow(id: string): undefined {
    const flow = this.flow(id);
    if (flow.type === 'COMMONMODULE' && this.consumersOf(flow).length > 0) {
      throw new HttpError(409, 'flow.in.use', `Common module '${flow.name}' is referenced by published flows`);
    }
    this.org.flows.delete(id);
    return undefined;
  }

  private consumersOf(module: StoredFlow): platformClient.Models.Dependency[] {
    return [...this.org.flows.values()]
      .filter((f) => f.id !== module.id)
      .flatMap((f) => {
        const published = this.org.published(f);
        return published && module.name in published.boundModules
          ? [{ id: f.id, name: f.name, type: `${f.type}FLOW`, version: published.id, deleted: false }]
          : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** consumingresources: `id` and `objectType` (documented enum) required, `flowFilter` and `resourceType` from their enums. */
  private consumers(q: URLSearchParams): platformClient.Models.ConsumingResourcesEntityListing {
    const id = requiredQuery(q, 'id');
    const objectType = checkEnum('objectType', requiredQuery(q, 'objectType'), DEPENDENCY_OBJECT_TYPES);
    optionalEnumQuery(q, 'flowFilter', FLOW_FILTERS);
    const resourceTypes = enumQueryValues(q, 'resourceType', DEPENDENCY_OBJECT_TYPES);
    const module = this.org.flows.get(id);
    const entities = module && `${module.type}FLOW` === objectType ? this.consumersOf(module) : [];
    return toPage(
      entities.filter((d) => resourceTypes.length === 0 || (resourceTypes as string[]).includes(d.type ?? '')),
      pageRequest(q),
      '/api/v2/architect/dependencytracking/consumingresources',
      q,
    );
  }

  /** consumedresources: `id`, `version` and `objectType` (documented enum) all required. */
  private consumed(q: URLSearchParams): platformClient.Models.ConsumedResourcesEntityListing {
    const id = requiredQuery(q, 'id');
    const versionId = requiredQuery(q, 'version');
    const objectType = checkEnum('objectType', requiredQuery(q, 'objectType'), DEPENDENCY_OBJECT_TYPES);
    const resourceTypes = enumQueryValues(q, 'resourceType', DEPENDENCY_OBJECT_TYPES);
    const flow = this.org.flows.get(id);
    const version = flow && `${flow.type}FLOW` === objectType ? flow.versions.find((v) => v.id === versionId) : undefined;
    const entities = Object.entries(version?.boundModules ?? {}).map(([name, boundVersion]) => {
      const module = this.org.findFlow(name, 'COMMONMODULE');
      return { id: module?.id, name, type: 'COMMONMODULEFLOW', version: boundVersion, deleted: !module };
    });
    return toPage(
      entities.filter((d) => resourceTypes.length === 0 || (resourceTypes as string[]).includes(d.type)),
      pageRequest(q),
      '/api/v2/architect/dependencytracking/consumedresources',
      q,
    );
  }

  /** The admin interface tests and the demo use to seed data and switch faults on. */
  private admin(method: string, url: URL, body: string): unknown {
    const p = url.pathname;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the admin body is read field by field below, each checked
    let json: Record<string, any>;
    try {
      json = body ? JSON.parse(body) : {};
    } catch {
      throw badRequest('admin: the body is not JSON');
    }
    let m: RegExpExecArray | null;
    try {
      if (method === 'POST' && p === '/__admin/faults') {
        this.faults.add(json as Fault);
        return { ok: true };
      }
      if (method === 'DELETE' && p === '/__admin/faults') {
        this.faults.clear();
        return { ok: true };
      }
      if (method === 'POST' && p === '/__admin/tokens/expire') {
        this.tokens.expireAll();
        return { ok: true };
      }
      if (method === 'POST' && p === '/__admin/flows') return this.org.toApiFlow(this.seedFlow(json.yaml, json.actor));
      if ((m = /^\/__admin\/flows\/([^/]+)\/(edit|lock|unlock|draft)$/.exec(p)) && method === 'POST') {
        const flow = this.flow(m[1]);
        const user: Actor = json.actor ?? { kind: 'user', id: 'user-architect', name: 'Architect User' };
        if (m[2] === 'edit') return this.org.toApiFlow(this.seedFlow(json.yaml, user));
        if (m[2] === 'lock') flow.lockedBy = user;
        if (m[2] === 'unlock') flow.lockedBy = undefined;
        if (m[2] === 'draft') {
          flow.savedDraft = { yaml: json.yaml, actor: user };
          flow.lockedBy = user;
        }
        return this.org.toApiFlow(flow);
      }
      if (method === 'GET' && p === '/__admin/flows') {
        return [...this.org.flows.values()].map((f) => ({ ...this.org.toApiFlow(f), yaml: this.org.published(f)?.yaml }));
      }
      if (method === 'GET' && p === '/__admin/stats') {
        return {
          total: this.totalRequests,
          byRoute: Object.fromEntries(this.requestCounts),
          tokenRequests: this.tokenRequests,
          uploadRequests: this.uploadRequests,
          downloadRequests: this.downloadRequests,
          allRequests: this.allRequests,
        };
      }
    } catch (err) {
      // Admin requests are not API requests: a refused seed or fault is the caller's mistake.
      throw err instanceof HttpError ? err : badRequest(`admin: ${(err as Error).message}`);
    }
    throw notFound(`No admin route ${method} ${p}`);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The request body as text, at most `limit` bytes: a larger `Content-Length` is refused before reading
 * anything, a body that grows past the limit as soon as it does (nothing more is kept; the caller
 * closes the connection).
 */
/**
 * The request body, at most `limit` bytes (else BodyTooLarge), its bytes counted in `inFlight` while it is
 * read (a body that does not fit there: BodiesOverCapacity). Declared sizes are checked before anything
 * is read; the bytes held are released however the read ends.
 */
function readBody(req: http.IncomingMessage, limit: number, inFlight: BodyBytesInFlight): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
  if (Number.isFinite(declared) && declared > 0 && inFlight.held + declared > inFlight.cap) return Promise.reject(new BodiesOverCapacity());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      inFlight.release(size);
      fn();
    };
    req.on('data', (c: Buffer) => {
      if (settled) return;
      if (size + c.length > limit) {
        chunks.length = 0;
        req.pause();
        return settle(() => reject(new BodyTooLarge()));
      }
      if (!inFlight.take(c.length)) {
        chunks.length = 0;
        req.pause();
        return settle(() => reject(new BodiesOverCapacity()));
      }
      size += c.length;
      chunks.push(c);
    });
    req.on('end', () => settle(() => resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', (err) => settle(() => reject(err)));
    req.on('close', () => settle(() => reject(new Error('the request was aborted'))));
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status === 200 ? 204 : status, headers);
    res.end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain' });
  res.end(text);
}
