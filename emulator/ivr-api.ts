import { randomUUID } from 'crypto';
import type * as platformClient from 'purecloud-platform-client-v2';
import { HttpError, badRequest, notFound } from './http-error';
import { OrgState, StoredIvr } from './org-state';
import { pageRequest, toPage } from './paging';
import { jsonBody, requiredString } from './request-validation';

const BASE = '/api/v2/architect/ivrs';

/**
 * `/api/v2/architect/ivrs` (CONTRACT.md IVR-1..7): list, create, get, update with optimistic locking,
 * delete. Flow and schedule-group ids are stored as given (the emulator has no schedule groups).
 */
export class IvrApi {
  constructor(private readonly org: OrgState) {}

  handles(path: string): boolean {
    return path === BASE || path.startsWith(`${BASE}/`);
  }

  serve(method: string, path: string, q: URLSearchParams, body: string): unknown {
    const id = path === BASE ? undefined : /^\/api\/v2\/architect\/ivrs\/([^/]+)$/.exec(path)?.[1];
    if (path !== BASE && !id) throw notFound(`No emulated route for ${method} ${path}`);
    if (!id && method === 'GET') {
      const page = toPage([...this.org.ivrs.values()].sort((a, b) => a.name.localeCompare(b.name)).map(toApi), pageRequest(q), BASE, q);
      return { ...page, totalNumberOfEntities: page.total };
    }
    if (!id && method === 'POST') {
      const now = new Date().toISOString();
      const ivr: StoredIvr = { ...this.validated(jsonBody(body), randomUUID()), version: 1, dateCreated: now, dateModified: now };
      this.org.ivrs.set(ivr.id, ivr);
      return toApi(ivr);
    }
    if (!id) throw new HttpError(405, 'method.not.allowed', `${method} is not allowed on ${path}`);
    const ivr = this.org.ivrs.get(id);
    if (!ivr) throw notFound(`IVR ${id} not found`);
    if (method === 'GET') return toApi(ivr);
    if (method === 'PUT') {
      const request = jsonBody(body);
      // Rule 19: updates carry the version read just before; a stale one is a conflict the provider retries.
      if (request.version !== undefined && request.version !== ivr.version) {
        throw new HttpError(409, 'conflict', `IVR version ${JSON.stringify(request.version)} does not match the current version ${ivr.version}.`);
      }
      const updated: StoredIvr = {
        ...this.validated(request, ivr.id),
        version: ivr.version + 1,
        dateCreated: ivr.dateCreated,
        dateModified: new Date().toISOString(),
      };
      this.org.ivrs.set(ivr.id, updated);
      return toApi(updated);
    }
    if (method === 'DELETE') {
      this.org.ivrs.delete(ivr.id);
      return undefined;
    }
    throw new HttpError(405, 'method.not.allowed', `${method} is not allowed on ${path}`);
  }

  /** The IVR model's rules (PY build/docs/IVR.md): name required; DNIS unique, not used elsewhere; schedule group needs open and closed flows. */
  private validated(b: Record<string, unknown>, id: string): Omit<StoredIvr, 'version' | 'dateCreated' | 'dateModified'> {
    const name = requiredString(b, 'name', 'IVR');
    const dnis = b.dnis ?? [];
    if (!Array.isArray(dnis) || dnis.some((d) => typeof d !== 'string' || d.trim() === ''))
      throw badRequest("IVR: 'dnis' must be a list of phone numbers.");
    const duplicate = dnis.find((d, i) => dnis.indexOf(d) !== i);
    if (duplicate !== undefined) throw badRequest(`IVR: DNIS ${duplicate} is listed twice; each DNIS must be unique.`);
    for (const number of dnis as string[]) {
      const holder = [...this.org.ivrs.values()].find((other) => other.id !== id && other.dnis.includes(number));
      if (holder) throw badRequest(`IVR: DNIS ${number} is already in use by IVR '${holder.name}'.`);
    }
    const ref = (key: string): string | undefined => {
      const value = b[key];
      if (value === undefined || value === null) return undefined;
      const refId = (value as { id?: unknown }).id;
      if (typeof value !== 'object' || typeof refId !== 'string' || refId === '') throw badRequest(`IVR: '${key}' must be an object with an id.`);
      return refId;
    };
    const ivr = {
      id,
      name,
      description: typeof b.description === 'string' ? b.description : undefined,
      dnis: [...(dnis as string[])],
      openHoursFlowId: ref('openHoursFlow'),
      closedHoursFlowId: ref('closedHoursFlow'),
      holidayHoursFlowId: ref('holidayHoursFlow'),
      scheduleGroupId: ref('scheduleGroup'),
    };
    if (ivr.scheduleGroupId && (!ivr.openHoursFlowId || !ivr.closedHoursFlowId)) {
      throw badRequest('IVR: a scheduleGroup requires an openHoursFlow and a closedHoursFlow as well.');
    }
    return ivr;
  }
}

function toApi(i: StoredIvr): platformClient.Models.IVR {
  return {
    id: i.id,
    name: i.name,
    description: i.description,
    version: i.version,
    state: 'active',
    dateCreated: i.dateCreated,
    dateModified: i.dateModified,
    dnis: [...i.dnis],
    openHoursFlow: i.openHoursFlowId ? { id: i.openHoursFlowId } : undefined,
    closedHoursFlow: i.closedHoursFlowId ? { id: i.closedHoursFlowId } : undefined,
    holidayHoursFlow: i.holidayHoursFlowId ? { id: i.holidayHoursFlowId } : undefined,
    scheduleGroup: i.scheduleGroupId ? { id: i.scheduleGroupId } : undefined,
    selfUri: `${BASE}/${i.id}`,
  };
}
