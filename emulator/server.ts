import { randomUUID } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import AdmZip from 'adm-zip';
import type * as platformClient from 'purecloud-platform-client-v2';
import { checkImport } from './archy-check';
import { regenerateExport } from './export-regeneration';
import { Fault, FaultBook } from './faults';
import { Actor, OrgState, StoredFlow, StoredIvr } from './org-state';
import { RateLimiter } from './rate-limiter';

type JobMessage = platformClient.Models.ArchitectJobMessage;

export interface EmulatorOptions {
  /** @default 0 (any free port) */
  readonly port?: number;
  /** Requests per minute per token. @default 300 */
  readonly rateLimitPerMinute?: number;
  /** Lifetime of access tokens. @default 86400 */
  readonly tokenTtlSeconds?: number;
  /** Time an import or export job takes to finish after it starts. @default 50 */
  readonly jobDurationMs?: number;
  /** Accepted client credentials; empty accepts any non-empty pair. @default {} */
  readonly clients?: Readonly<Record<string, string>>;
}

interface ImportJob {
  id: string;
  status: 'Registered' | 'Started' | 'Success' | 'Failure';
  clientId: string;
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

interface Token {
  clientId: string;
  expiresAt: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * A local stand-in for the Genesys Cloud API: what the SDK-based tools and the provider call for flows
 * (OAuth, flows, import and export jobs, publish/unlock, dependency tracking, IVRs), a per-token rate
 * limit, fault injection and an admin interface under `/__admin/`.
 */
export class GenesysEmulator {
  readonly org = new OrgState();
  readonly faults = new FaultBook();
  readonly limiter: RateLimiter;
  /** Count of API requests by `METHOD /route`, for cost checks. */
  readonly requestCounts = new Map<string, number>();
  private readonly tokens = new Map<string, Token>();
  private readonly importJobs = new Map<string, ImportJob>();
  private readonly exportJobs = new Map<string, ExportJob>();
  private server?: http.Server;
  private baseUrl = '';
  private readonly tokenTtlSeconds: number;
  private readonly jobDurationMs: number;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.limiter = new RateLimiter(options.rateLimitPerMinute ?? 300);
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 86400;
    this.jobDurationMs = options.jobDurationMs ?? 50;
  }

  get url(): string {
    return this.baseUrl;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve));
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

  /** Publishes a flow as if someone had done it (seeding, or "edited in Architect" with a user actor). */
  seedFlow(yaml: string, actor: Actor = { kind: 'user', id: 'user-architect', name: 'Architect User' }): StoredFlow {
    const check = checkImport(yaml);
    if (check.errors.length > 0 || !check.type || !check.name) throw new Error(`seed rejected: ${check.errors.join('; ')}`);
    return this.org.publish(check.name, check.type, check.division, yaml, actor, this.bindModules(check.calledModules));
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
    const body = await readBody(req);
    try {
      if (url.pathname.startsWith('/__admin/')) return send(res, 200, this.admin(req.method ?? 'GET', url, body));
      if (url.pathname.startsWith('/uploads/')) return send(res, 200, this.upload(req, url, body));
      if (url.pathname.startsWith('/downloads/')) return this.download(req, url, res);
      if (url.pathname === '/oauth/token') return send(res, 200, this.login(req, body));
      const route = `${req.method} ${url.pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}/g, '/{id}').replace(/\/versions\/[^/]+/, '/versions/{v}')}`;
      this.requestCounts.set(route, (this.requestCounts.get(route) ?? 0) + 1);
      const token = this.authenticate(req);
      const wait = this.limiter.hit(token.key);
      if (wait > 0) throw new HttpError(429, 'too.many.requests.retry.after', `Rate limit exceeded the maximum. Retry the request in [${wait}] seconds`, { 'Retry-After': String(wait) });
      const fault = this.faults.take('status', url.pathname);
      if (fault) {
        const retry: Record<string, string> = fault.status === 429 ? { 'Retry-After': String(fault.retryAfterSeconds ?? 1) } : {};
        throw new HttpError(fault.status, fault.status === 429 ? 'too.many.requests.retry.after' : 'internal.server.error', `Injected ${fault.status}`, retry);
      }
      const raw = this.faults.take('body', url.pathname);
      if (raw) {
        res.writeHead(raw.status ?? 200, { 'Content-Type': raw.contentType ?? 'application/json' });
        res.end(raw.body);
        return;
      }
      const delay = this.faults.take('delay', url.pathname);
      if (delay) await new Promise((r) => setTimeout(r, delay.ms));
      const result = this.api(req.method ?? 'GET', url, body, token.token);
      send(res, result === undefined ? 204 : 200, result);
    } catch (err) {
      if (err instanceof HttpError) {
        send(res, err.status, { message: err.message, code: err.code, status: err.status, contextId: randomUUID(), details: [], errors: [] }, err.headers);
      } else {
        send(res, 500, { message: (err as Error).message, code: 'internal.server.error', status: 500 });
      }
    }
  }

  private login(req: http.IncomingMessage, body: string): object {
    const auth = req.headers.authorization ?? '';
    const [id, secret] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('utf8').split(':');
    const known = this.options.clients ?? {};
    const ok = auth.startsWith('Basic ') && id && secret && (Object.keys(known).length === 0 || known[id] === secret);
    if (!ok || !new URLSearchParams(body).get('grant_type')?.includes('client_credentials')) {
      throw new HttpError(401, 'bad.credentials', 'Invalid client credentials');
    }
    const accessToken = randomUUID();
    this.tokens.set(accessToken, { clientId: id, expiresAt: Date.now() + this.tokenTtlSeconds * 1000 });
    return { access_token: accessToken, token_type: 'bearer', expires_in: this.tokenTtlSeconds };
  }

  private authenticate(req: http.IncomingMessage): { key: string; token: Token } {
    const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const token = this.tokens.get(key);
    if (!token || token.expiresAt <= Date.now()) throw new HttpError(401, 'bad.credentials', 'Invalid login credentials.');
    return { key, token };
  }

  private api(method: string, url: URL, body: string, token: Token): unknown {
    const p = url.pathname;
    const q = url.searchParams;
    const actor: Actor = { kind: 'client', id: token.clientId };
    let m: RegExpExecArray | null;
    if (method === 'GET' && p === '/api/v2/organizations/me') return { id: this.org.orgId, name: 'Emulated Org', version: 1, state: 'active' };
    if (method === 'GET' && p === '/api/v2/authorization/products') return { entities: [{ id: 'architect' }] };
    if (method === 'GET' && p === '/api/v2/flows') return this.listFlows(q);
    if (method === 'POST' && p === '/api/v2/flows/jobs') return this.registerImport(token);
    if ((m = /^\/api\/v2\/flows\/jobs\/([^/]+)$/.exec(p)) && method === 'GET') return this.importStatus(m[1], q);
    if (method === 'POST' && p === '/api/v2/flows/export/jobs') return this.registerExport(JSON.parse(body || '{}'));
    if ((m = /^\/api\/v2\/flows\/export\/jobs\/([^/]+)$/.exec(p)) && method === 'GET') return this.exportStatus(m[1]);
    if (method === 'POST' && p === '/api/v2/flows/actions/publish') return this.publishAction(q.get('flow') ?? '', actor);
    if (method === 'POST' && p === '/api/v2/flows/actions/unlock') return this.unlockAction(q.get('flow') ?? '');
    if (method === 'GET' && p === '/api/v2/architect/dependencytracking/consumingresources') return this.consumers(q);
    if (method === 'GET' && p === '/api/v2/architect/dependencytracking/consumedresources') return this.consumed(q);
    if ((m = /^\/api\/v2\/flows\/([^/]+)\/versions$/.exec(p)) && method === 'GET') {
      const flow = this.flow(m[1]);
      const entities = [...flow.versions].reverse().map((v) => this.org.toApiVersion(flow, v));
      return onePage(entities);
    }
    if ((m = /^\/api\/v2\/flows\/([^/]+)\/versions\/([^/]+)$/.exec(p)) && method === 'GET') {
      const flow = this.flow(m[1]);
      const version = flow.versions.find((v) => v.id === m![2]);
      if (!version) throw new HttpError(404, 'not.found', `Flow version ${m[2]} not found`);
      return this.org.toApiVersion(flow, version);
    }
    if ((m = /^\/api\/v2\/flows\/([^/]+)$/.exec(p))) {
      if (method === 'GET') return this.org.toApiFlow(this.flow(m[1]));
      if (method === 'DELETE') return this.deleteFlow(m[1]);
    }
    if (p.startsWith('/api/v2/architect/ivrs')) return this.ivrs(method, p, body);
    throw new HttpError(404, 'not.found', `No emulated route for ${method} ${p}`);
  }

  private flow(id: string): StoredFlow {
    const flow = this.org.flows.get(id);
    if (!flow) throw new HttpError(404, 'not.found', `Flow ${id} not found`);
    return flow;
  }

  private listFlows(q: URLSearchParams): platformClient.Models.FlowEntityListing {
    const pageSize = Math.min(Number(q.get('pageSize') ?? 25), 500);
    const pageNumber = Math.max(Number(q.get('pageNumber') ?? 1), 1);
    const types = q.getAll('type').flatMap((t) => t.split(',')).map((t) => t.toLowerCase());
    const name = q.get('name')?.toLowerCase();
    const all = [...this.org.flows.values()]
      .filter((f) => types.length === 0 || types.includes(f.type.toLowerCase()))
      // Name filter: case-insensitive substring, `*` as wildcard (as the API's name search).
      .filter((f) => !name || new RegExp(name.split('*').map(escapeRegExp).join('.*')).test(f.name.toLowerCase()))
      .sort((a, b) => a.name.localeCompare(b.name));
    const entities = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((f) => this.org.toApiFlow(f));
    return { entities, pageSize, pageNumber, total: all.length, pageCount: Math.max(1, Math.ceil(all.length / pageSize)) };
  }

  private registerImport(token: Token): platformClient.Models.RegisterArchitectJobResponse {
    const job: ImportJob = { id: randomUUID(), status: 'Registered', clientId: token.clientId, messages: [] };
    this.importJobs.set(job.id, job);
    return { id: job.id, presignedUrl: `${this.baseUrl}/uploads/${job.id}`, headers: { 'Content-Type': 'application/octet-stream' }, selfUri: `/api/v2/flows/jobs/${job.id}` };
  }

  private upload(req: http.IncomingMessage, url: URL, yaml: string): object {
    // Presigned storage URLs reject a second authentication mechanism; a token sent here would leak.
    if (req.headers.authorization) throw new HttpError(400, 'bad.request', 'Only one auth mechanism allowed; the presigned URL must be used without an Authorization header');
    if (req.method !== 'PUT') throw new HttpError(405, 'method.not.allowed', 'Use PUT to upload');
    const job = this.importJobs.get(url.pathname.split('/')[2]);
    if (!job || job.status !== 'Registered') throw new HttpError(404, 'not.found', 'Upload URL expired or unknown');
    job.status = 'Started';
    job.doneAt = Date.now() + this.jobDurationMs;
    job.result = () => this.runImport(job, yaml);
    return {};
  }

  private runImport(job: ImportJob, yaml: string): void {
    const fail = (text: string) => {
      job.status = 'Failure';
      job.messages.push({ dateTime: new Date().toISOString(), type: 'error', text });
    };
    const injected = this.faults.take('failJob');
    if (injected) return fail(injected.message);
    const check = checkImport(yaml);
    for (const e of check.errors) fail(e);
    if (check.errors.length > 0 || !check.type || !check.name) return;
    for (const module of check.calledModules) {
      const target = this.org.findFlow(module, 'COMMONMODULE');
      if (!target) fail(`Could not find the common module '${module}' called by the flow.`);
      else if (!target.publishedVersionId) fail(`The common module '${module}' has no published version.`);
    }
    if (job.status === 'Failure') return;
    const existing = this.org.findFlow(check.name, check.type);
    if (existing?.lockedBy && !(existing.lockedBy.kind === 'client' && existing.lockedBy.id === job.clientId)) {
      const who = existing.lockedBy.kind === 'user' ? `user ${existing.lockedBy.name}` : `OAuth client ${existing.lockedBy.id}`;
      return fail(`Flow '${check.name}' is locked by ${who}.`);
    }
    const flow = this.org.publish(check.name, check.type, check.division, yaml, { kind: 'client', id: job.clientId }, this.bindModules(check.calledModules));
    job.flowId = flow.id;
    job.status = 'Success';
    job.messages.push({ dateTime: new Date().toISOString(), type: 'info', text: `Published '${flow.name}' version ${flow.publishedVersionId}.` });
  }

  private importStatus(id: string, q: URLSearchParams): platformClient.Models.ArchitectJobStateResponse {
    const job = this.importJobs.get(id);
    if (!job) throw new HttpError(404, 'not.found', `Job ${id} not found`);
    if (job.status === 'Started' && job.doneAt! <= Date.now()) job.result!();
    const expand = q.getAll('expand').join(',').includes('messages');
    return { id: job.id, status: job.status, command: 'initialize', flow: job.flowId ? { id: job.flowId } : undefined, messages: expand ? job.messages : undefined, selfUri: `/api/v2/flows/jobs/${id}` };
  }

  private registerExport(request: platformClient.Models.RegisterArchitectExportJob): platformClient.Models.RegisterArchitectExportJobResponse {
    const refs = request.flows ?? [];
    if (refs.length === 0) throw new HttpError(400, 'bad.request', 'flows must not be empty');
    const files = refs.map((ref) => {
      const flow = this.flow(ref.flow.id ?? '');
      const version = flow.versions.find((v) => v.id === (ref.flow.version ?? flow.publishedVersionId));
      if (!version) throw new HttpError(400, 'bad.request', `Flow ${flow.id} has no version ${ref.flow.version}`);
      return { name: `${ref.fileName ?? `${flow.name.replace(/[^A-Za-z0-9_-]+/g, '_')}_v${version.id.replace(/\W/g, '_')}`}.yaml`, yaml: regenerateExport(version.yaml) };
    });
    const injected = this.faults.take('failExport');
    const job: ExportJob = {
      id: randomUUID(),
      status: 'Started',
      doneAt: Date.now() + this.jobDurationMs,
      files,
      messages: injected ? [{ type: 'error', text: injected.message, dateTime: new Date().toISOString() }] : [],
    };
    this.exportJobs.set(job.id, job);
    return { id: job.id, status: 'Started', totalFlows: files.length, selfUri: `/api/v2/flows/export/jobs/${job.id}` };
  }

  private exportStatus(id: string): platformClient.Models.ArchitectExportJobStateResponse {
    const job = this.exportJobs.get(id);
    if (!job) throw new HttpError(404, 'not.found', `Export job ${id} not found`);
    if (job.status === 'Started' && job.doneAt <= Date.now()) job.status = job.messages.length > 0 ? 'Failure' : 'Success';
    return {
      id: job.id,
      status: job.status,
      command: 'export',
      downloadUrl: job.status === 'Success' ? `${this.baseUrl}/downloads/${job.id}` : undefined,
      messages: job.messages,
      selfUri: `/api/v2/flows/export/jobs/${id}`,
    };
  }

  private download(req: http.IncomingMessage, url: URL, res: http.ServerResponse): void {
    if (req.headers.authorization) {
      return send(res, 400, { message: 'Only one auth mechanism allowed; presigned download URLs take no Authorization header', status: 400 });
    }
    const job = this.exportJobs.get(url.pathname.split('/')[2]);
    if (!job || job.status !== 'Success') return send(res, 404, { message: 'Download URL expired or unknown', status: 404 });
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

  private publishAction(flowId: string, actor: Actor): platformClient.Models.Operation {
    const flow = this.flow(flowId);
    if (flow.lockedBy && !(flow.lockedBy.kind === 'client' && actor.kind === 'client' && flow.lockedBy.id === actor.id)) {
      const who = flow.lockedBy.kind === 'user' ? `user ${flow.lockedBy.name}` : `OAuth client ${flow.lockedBy.id}`;
      throw new HttpError(409, 'flow.locked', `Flow '${flow.name}' is locked by ${who}`);
    }
    const source = flow.savedDraft?.yaml ?? this.org.published(flow)?.yaml;
    if (!source) throw new HttpError(400, 'flow.no.version', `Flow '${flow.name}' has nothing to publish`);
    const check = checkImport(source);
    this.org.publish(flow.name, flow.type, flow.division, source, actor, this.bindModules(check.calledModules));
    return { id: randomUUID(), complete: true, actionName: 'Publish', actionStatus: 'Complete', client: actor.kind === 'client' ? { id: actor.id } : undefined };
  }

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
        return published && module.name in published.boundModules ? [{ id: f.id, name: f.name, type: `${f.type}FLOW`, version: published.id }] : [];
      });
  }

  private consumers(q: URLSearchParams): platformClient.Models.ConsumingResourcesEntityListing {
    const entities = this.consumersOf(this.flow(q.get('id') ?? ''));
    return onePage(entities);
  }

  private consumed(q: URLSearchParams): platformClient.Models.ConsumedResourcesEntityListing {
    const flow = this.flow(q.get('id') ?? '');
    const version = flow.versions.find((v) => v.id === (q.get('version') ?? flow.publishedVersionId));
    if (!version) throw new HttpError(404, 'not.found', 'Flow version not found');
    const entities = Object.entries(version.boundModules).map(([name, boundVersion]) => {
      const module = this.org.findFlow(name, 'COMMONMODULE');
      return { id: module?.id, name, type: 'COMMONMODULEFLOW', version: boundVersion, deleted: !module };
    });
    return onePage(entities);
  }

  private ivrs(method: string, p: string, body: string): unknown {
    const id = /^\/api\/v2\/architect\/ivrs\/([^/]+)$/.exec(p)?.[1];
    const toApi = (i: StoredIvr): platformClient.Models.IVR => ({
      id: i.id,
      name: i.name,
      dnis: i.dnis,
      openHoursFlow: i.openHoursFlowId ? { id: i.openHoursFlowId } : undefined,
      closedHoursFlow: i.closedHoursFlowId ? { id: i.closedHoursFlowId } : undefined,
      holidayHoursFlow: i.holidayHoursFlowId ? { id: i.holidayHoursFlowId } : undefined,
      scheduleGroup: i.scheduleGroupId ? { id: i.scheduleGroupId } : undefined,
      state: 'active',
    });
    const fromApi = (ivrId: string, b: platformClient.Models.IVR) => ({
      id: ivrId,
      name: b.name,
      dnis: b.dnis ?? [],
      openHoursFlowId: b.openHoursFlow?.id,
      closedHoursFlowId: b.closedHoursFlow?.id,
      holidayHoursFlowId: b.holidayHoursFlow?.id,
      scheduleGroupId: b.scheduleGroup?.id,
    });
    if (!id && method === 'GET') {
      const entities = [...this.org.ivrs.values()].map(toApi);
      return onePage(entities);
    }
    if (!id && method === 'POST') {
      const ivr = fromApi(randomUUID(), JSON.parse(body));
      this.org.ivrs.set(ivr.id, ivr);
      return toApi(ivr);
    }
    const ivr = id ? this.org.ivrs.get(id) : undefined;
    if (!ivr) throw new HttpError(404, 'not.found', `IVR ${id} not found`);
    if (method === 'GET') return toApi(ivr);
    if (method === 'PUT') {
      const updated = fromApi(ivr.id, JSON.parse(body));
      this.org.ivrs.set(ivr.id, updated);
      return toApi(updated);
    }
    if (method === 'DELETE') {
      this.org.ivrs.delete(ivr.id);
      return undefined;
    }
    throw new HttpError(405, 'method.not.allowed', `${method} not allowed`);
  }

  /** The admin interface tests and the demo use to seed data and switch faults on. */
  private admin(method: string, url: URL, body: string): unknown {
    const p = url.pathname;
    const json = body ? JSON.parse(body) : {};
    let m: RegExpExecArray | null;
    if (method === 'POST' && p === '/__admin/faults') {
      this.faults.add(json as Fault);
      return { ok: true };
    }
    if (method === 'DELETE' && p === '/__admin/faults') {
      this.faults.clear();
      return { ok: true };
    }
    if (method === 'POST' && p === '/__admin/tokens/expire') {
      this.tokens.forEach((t) => (t.expiresAt = 0));
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
    if (method === 'GET' && p === '/__admin/stats') return { total: this.totalRequests, byRoute: Object.fromEntries(this.requestCounts) };
    throw new HttpError(404, 'not.found', `No admin route ${method} ${p}`);
  }
}

/** A listing that fits one page (the emulator never pages these). */
function onePage<T>(entities: T[]): { entities: T[]; pageSize: number; pageNumber: number; total: number; pageCount: number } {
  return { entities, pageSize: Math.max(entities.length, 25), pageNumber: 1, total: entities.length, pageCount: 1 };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
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
