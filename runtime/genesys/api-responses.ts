import type * as platformClient from 'purecloud-platform-client-v2';
import { parseDocument } from 'yaml';
import { GenesysError, sanitize } from './genesys-error';

/**
 * Readers of the Genesys API answers the runtime relies on. Each checks that an answer has the shape
 * the API contract promises and returns it typed, or throws GC4006 naming the call, what was wrong and
 * a short, scrubbed excerpt of the bad value. Anything else would be read as "nothing there" (no
 * flows, no callers, in sync) when it only means "could not read": the callers turn GC4006 into
 * "could not check".
 */

export const CONTRACT_FIX = 'retry; if it persists, the API or a proxy in between answers something other than the Genesys API';

/**
 * Most entities one paged listing may hold. Genesys documents no upper bound (no page-size maximum
 * either), so the bound is ours: far above any org this project manages, low enough that following a
 * listing costs at most 100 calls at 500 per page (flows) or 500 calls at 100 per page.
 */
export const MAX_LISTED_ENTITIES = 50_000;

/** Most pages a listing fetched `pageSize` at a time may have. */
export function maxPages(pageSize: number): number {
  return Math.ceil(MAX_LISTED_ENTITIES / pageSize);
}

/** GC4006: the answer of `call` is not what the contract promises. */
export function contractViolation(call: string, problem: string, value: unknown): GenesysError {
  return new GenesysError('GC4006', call, `the answer is not what the Genesys API promises: ${problem}`, excerpt(value), CONTRACT_FIX);
}

/**
 * A bounded, single-line, scrubbed excerpt of a bad value (never a whole page, never a token). The value
 * is scrubbed whole and only then cut and flattened: a cut (or a line break turned into a blank) inside a
 * credential would hide it from the scrubber.
 */
export function excerpt(value: unknown, max = 120): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (Buffer.isBuffer(value)) text = value.toString('utf8');
  else if (value === undefined) text = '(nothing)';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  const line = sanitize(text, Number.MAX_SAFE_INTEGER)
    // eslint-disable-next-line no-control-regex -- control characters are what this expression finds
    .replace(/[\u0000-\u0008\u000e-\u001f\ufffd]/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The body of a 2xx answer, which must be JSON (an object or an array). The SDK hands back the raw
 * text when it cannot parse it (an HTML page, an empty body, truncated JSON): that is never an answer.
 */
export function readJsonBody(call: string, body: unknown, status: number | undefined, contentType: string | undefined): Json | unknown[] {
  if (typeof body === 'object' && body !== null) return body as Json | unknown[];
  const http = `HTTP ${status ?? '2xx'}${contentType ? ` ${contentType.split(';')[0]}` : ''}`;
  if (body === undefined || body === '') throw contractViolation(call, `an empty answer (${http}) where a JSON object was expected`, body ?? '');
  if (body === null) throw contractViolation(call, `JSON null (${http}) where a JSON object was expected`, 'null');
  if (typeof body === 'string') {
    if (/^\s*</.test(body)) throw contractViolation(call, `an HTML/XML page (${http}) where JSON was expected`, body);
    try {
      JSON.parse(body);
    } catch {
      throw contractViolation(call, `malformed JSON (${http})`, body);
    }
  }
  throw contractViolation(call, `a JSON ${typeof body} (${http}) where a JSON object was expected`, body);
}

function object(call: string, value: unknown, what: string): Json {
  if (!isObject(value)) throw contractViolation(call, `${what} is not a JSON object`, value);
  return value;
}

function requireString(call: string, obj: Json, key: string, what: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') throw contractViolation(call, `${what} has no ${key}`, obj);
  return value;
}

function optionalString(call: string, obj: Json, key: string, what: string): void {
  if (obj[key] !== undefined && obj[key] !== null && typeof obj[key] !== 'string')
    throw contractViolation(call, `${what}.${key} is not a string`, obj);
}

function optionalObject(call: string, obj: Json, key: string, what: string): Json | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw contractViolation(call, `${what}.${key} is not an object`, obj);
  return value;
}

function optionalArray(call: string, obj: Json, key: string, what: string): unknown[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw contractViolation(call, `${what}.${key} is not an array`, obj);
  return value;
}

function httpUrl(call: string, value: unknown, what: string): string {
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || url.protocol === 'http:') return value;
    } catch {
      // reported below
    }
  }
  throw contractViolation(call, `${what} is not an http(s) URL`, value);
}

/** A flow (`GET /api/v2/flows/{id}` or a listing entry): `id`, `name` and `type` (contract rule 14). */
export function readFlow(call: string, value: unknown): platformClient.Models.Flow {
  const flow = object(call, value, 'a flow');
  requireString(call, flow, 'id', 'a flow');
  requireString(call, flow, 'name', 'a flow');
  requireString(call, flow, 'type', 'a flow');
  for (const key of ['publishedVersion', 'savedVersion', 'checkedInVersion']) {
    const version = optionalObject(call, flow, key, 'the flow');
    if (version) requireString(call, version, 'id', `the flow's ${key}`);
  }
  optionalObject(call, flow, 'lockedUser', 'the flow');
  optionalObject(call, flow, 'lockedClient', 'the flow');
  return flow as unknown as platformClient.Models.Flow;
}

/** A published flow that calls a module (consumingresources): everything the guard and check use. */
export function readConsumer(call: string, value: unknown): platformClient.Models.Dependency {
  const dependency = object(call, value, 'a dependency');
  for (const key of ['id', 'name', 'type', 'version']) requireString(call, dependency, key, 'a consuming flow');
  return dependency as unknown as platformClient.Models.Dependency;
}

/** A resource a flow version uses (consumedresources): name and type; a module also its version. */
export function readConsumed(call: string, value: unknown): platformClient.Models.Dependency {
  const dependency = object(call, value, 'a dependency');
  requireString(call, dependency, 'name', 'a consumed resource');
  const type = requireString(call, dependency, 'type', 'a consumed resource');
  optionalString(call, dependency, 'id', 'the consumed resource');
  if (type === 'COMMONMODULEFLOW') requireString(call, dependency, 'version', 'a consumed common module');
  return dependency as unknown as platformClient.Models.Dependency;
}

/** An IVR configuration: id, name; DNIS a list of strings; flow and schedule group bindings objects. */
export function readIvr(call: string, value: unknown): platformClient.Models.IVR {
  const ivr = object(call, value, 'an IVR');
  requireString(call, ivr, 'id', 'an IVR');
  requireString(call, ivr, 'name', 'an IVR');
  const dnis = optionalArray(call, ivr, 'dnis', 'the IVR');
  if (dnis?.some((d) => typeof d !== 'string')) throw contractViolation(call, 'the IVR.dnis holds something other than strings', ivr);
  for (const key of ['openHoursFlow', 'closedHoursFlow', 'holidayHoursFlow', 'scheduleGroup']) optionalObject(call, ivr, key, 'the IVR');
  return ivr as unknown as platformClient.Models.IVR;
}

export interface PageRequest {
  readonly pageNumber: number;
  readonly pageSize: number;
}

export interface ListingPage<T> {
  readonly entities: T[];
  /** Pages the listing has, as this page states it (checked against `total`, `pageSize` and the bound). */
  readonly pageCount: number;
  /** Entities the listing has, as this page states it (undefined when the page does not say). */
  readonly total: number | undefined;
  /** Page size the page was cut at (the one asked for when the page does not say). */
  readonly pageSize: number;
}

function nonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * One page of a paged listing (contract rule 15): an `entities` array, a `pageCount` that is a
 * non-negative integer within `maxPages` and consistent with `total` and `pageSize` when they are
 * given, the page asked for, and as many entities as `total` puts on that page. Each entity is read
 * with `readEntity`.
 */
export function readListing<T>(call: string, body: unknown, request: PageRequest, readEntity: (call: string, value: unknown) => T): ListingPage<T> {
  const listing = object(call, body, 'the listing');
  if (!Array.isArray(listing.entities)) throw contractViolation(call, 'the listing has no entities array', listing);
  const { pageCount, pageNumber, total } = listing;
  if (!nonNegativeInteger(pageCount)) throw contractViolation(call, `pageCount ${JSON.stringify(pageCount)} is not a non-negative integer`, listing);
  const limit = maxPages(request.pageSize);
  if (pageCount > limit)
    throw contractViolation(
      call,
      `pageCount ${pageCount} is beyond the bound of ${limit} pages of ${request.pageSize} (${MAX_LISTED_ENTITIES} entities)`,
      listing,
    );
  const pageSize = listing.pageSize ?? request.pageSize;
  if (!nonNegativeInteger(pageSize) || pageSize < 1 || pageSize > request.pageSize) {
    throw contractViolation(
      call,
      `pageSize ${JSON.stringify(listing.pageSize)} is not a page size of at most the ${request.pageSize} asked for`,
      listing,
    );
  }
  if (pageNumber !== undefined && pageNumber !== request.pageNumber) {
    throw contractViolation(call, `answered page ${JSON.stringify(pageNumber)} when page ${request.pageNumber} was asked for`, listing);
  }
  const count = listing.entities.length;
  if (count > pageSize) throw contractViolation(call, `${count} entities on a page of ${pageSize}`, listing);
  if (total !== undefined) {
    if (!nonNegativeInteger(total)) throw contractViolation(call, `total ${JSON.stringify(total)} is not a non-negative integer`, listing);
    const pages = Math.ceil(total / pageSize);
    if (pageCount !== pages && !(total === 0 && pageCount <= 1)) {
      throw contractViolation(call, `pageCount ${pageCount} does not match total ${total} at ${pageSize} per page (${pages} pages)`, listing);
    }
    const expected = Math.max(0, Math.min(pageSize, total - (request.pageNumber - 1) * pageSize));
    if (count !== expected)
      throw contractViolation(
        call,
        `${count} entities on page ${request.pageNumber}, but total ${total} at ${pageSize} per page puts ${expected} there`,
        listing,
      );
  } else if (request.pageNumber < pageCount && count < pageSize) {
    throw contractViolation(
      call,
      `only ${count} entities on page ${request.pageNumber} of ${pageCount} (pages before the last hold ${pageSize})`,
      listing,
    );
  }
  return { entities: listing.entities.map((e) => readEntity(call, e)), pageCount, total: total as number | undefined, pageSize };
}

const JOB_STATUSES = ['Registered', 'Started', 'Success', 'Failure'] as const;
type JobStatus = (typeof JOB_STATUSES)[number];

function jobStatus(call: string, state: Json, what: string): JobStatus {
  const status = state.status;
  if (!JOB_STATUSES.includes(status as JobStatus))
    throw contractViolation(call, `${what} status ${JSON.stringify(status)} is none of ${JOB_STATUSES.join(', ')}`, state);
  return status as JobStatus;
}

function jobMessages(call: string, state: Json, what: string): void {
  const messages = optionalArray(call, state, 'messages', what);
  if (messages?.some((m) => !isObject(m))) throw contractViolation(call, `${what}.messages holds something other than messages`, state);
}

/** `POST /api/v2/flows/export/jobs`: the job id to poll. */
export function readExportJobRegistration(call: string, body: unknown): platformClient.Models.RegisterArchitectExportJobResponse & { id: string } {
  const job = object(call, body, 'the export job registration');
  requireString(call, job, 'id', 'the export job registration');
  if (job.status !== undefined) jobStatus(call, job, 'the export job');
  return job as unknown as platformClient.Models.RegisterArchitectExportJobResponse & { id: string };
}

/** `GET /api/v2/flows/export/jobs/{id}`: a known status; a `Success` carries its `downloadUrl`. */
export function readExportJobState(call: string, body: unknown): platformClient.Models.ArchitectExportJobStateResponse {
  const state = object(call, body, 'the export job state');
  const status = jobStatus(call, state, 'the export job');
  jobMessages(call, state, 'the export job');
  if (status === 'Success') httpUrl(call, state.downloadUrl, 'the downloadUrl of a successful export job');
  return state as unknown as platformClient.Models.ArchitectExportJobStateResponse;
}

/** `POST /api/v2/flows/jobs`: the job id and where to upload the file. */
export function readImportJobRegistration(
  call: string,
  body: unknown,
): platformClient.Models.RegisterArchitectJobResponse & { id: string; presignedUrl: string } {
  const job = object(call, body, 'the import job registration');
  requireString(call, job, 'id', 'the import job registration');
  httpUrl(call, job.presignedUrl, 'the presignedUrl of the import job');
  const headers = optionalObject(call, job, 'headers', 'the import job registration');
  if (headers && Object.values(headers).some((v) => typeof v !== 'string'))
    throw contractViolation(call, 'the upload headers are not all strings', Object.keys(headers));
  return job as unknown as platformClient.Models.RegisterArchitectJobResponse & { id: string; presignedUrl: string };
}

/** `GET /api/v2/flows/jobs/{id}`: a known status; a `Success` names the flow (contract rule 7). */
export function readImportJobState(call: string, body: unknown): platformClient.Models.ArchitectJobStateResponse {
  const state = object(call, body, 'the import job state');
  const status = jobStatus(call, state, 'the import job');
  jobMessages(call, state, 'the import job');
  if (status === 'Success')
    requireString(call, object(call, state.flow, 'the flow of a successful import job'), 'id', 'the flow of a successful import job');
  return state as unknown as platformClient.Models.ArchitectJobStateResponse;
}

/** `POST /api/v2/flows/actions/publish`: an Operation. */
export function readOperation(call: string, body: unknown): platformClient.Models.Operation {
  const operation = object(call, body, 'the operation');
  optionalString(call, operation, 'errorMessage', 'the operation');
  return operation as unknown as platformClient.Models.Operation;
}

/**
 * One exported flow file: a YAML document whose root is a single flow-type key (`inboundCall`,
 * `commonModule`, ...) holding the flow's settings, as every Architect export is.
 */
export function readExportedFlow(call: string, text: string): string {
  if (text.trim() === '') throw contractViolation(call, 'the exported file is empty', text);
  if (/^\s*</.test(text)) throw contractViolation(call, 'the exported file is an HTML/XML page, not YAML', text);
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) throw contractViolation(call, `the exported file is not YAML: ${doc.errors[0].message.split('\n')[0]}`, text);
  const root: unknown = doc.toJS();
  const keys = isObject(root) ? Object.keys(root) : [];
  if (keys.length !== 1 || !isObject((root as Json)[keys[0]])) {
    throw contractViolation(call, 'the exported file is not a flow (a YAML mapping with one flow-type key holding the flow)', text);
  }
  return text;
}
