import { badRequest } from './http-error';

/** `pageNumber` / `pageSize` of a paged listing (defaults 1 and 25: PY build/docs/ArchitectApi.md). */
export interface PageRequest {
  readonly pageNumber: number;
  readonly pageSize: number;
}

/** The paging fields of an entity listing (PY build/docs/FlowEntityListing.md and the other *EntityListing models). */
export interface Page<T> {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
  firstUri: string;
  lastUri: string;
  selfUri: string;
  nextUri?: string;
  previousUri?: string;
}

/**
 * Reads `pageNumber` and `pageSize`: integers (documented `int`), at least 1 (pages count from 1).
 * No maximum page size is documented, so none is applied (CONTRACT.md PAGE-1, "not documented").
 */
export function pageRequest(q: URLSearchParams): PageRequest {
  return { pageNumber: positiveInteger(q, 'pageNumber', 1), pageSize: positiveInteger(q, 'pageSize', 25) };
}

function positiveInteger(q: URLSearchParams, name: string, fallback: number): number {
  const raw = q.get(name);
  if (raw === null) return fallback;
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < 1) {
    throw badRequest(`Invalid value ${JSON.stringify(raw)} for '${name}': a positive integer is required.`);
  }
  return Number(raw);
}

/**
 * The requested page of `all` with the listing fields (rule 15). A page past the end is a 200 with no
 * entities; an empty listing has `pageCount` 0 (CONTRACT.md PAGE-2).
 */
export function toPage<T>(all: readonly T[], request: PageRequest, path: string, q: URLSearchParams = new URLSearchParams()): Page<T> {
  const { pageNumber, pageSize } = request;
  const total = all.length;
  const pageCount = Math.ceil(total / pageSize);
  const uri = (n: number) => {
    const params = new URLSearchParams(q);
    params.set('pageSize', String(pageSize));
    params.set('pageNumber', String(n));
    return `${path}?${params.toString()}`;
  };
  return {
    entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total,
    pageCount,
    firstUri: uri(1),
    lastUri: uri(Math.max(1, pageCount)),
    selfUri: uri(pageNumber),
    ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
    ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {}),
  };
}
