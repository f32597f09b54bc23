import type { ListEnvelope, ListQuery } from '../wire/types.js';
import { badResponse } from './errors.js';
import type { HttpRequest, QueryParams } from './http.js';
import { pages, records } from './pagination.js';

/** A protected request: the session supplies the token and the one retry after a 401. */
export type Call = <T>(request: Omit<HttpRequest, 'token'>) => Promise<T>;

/** Overrides for calls that change state. */
export interface MutationOptions {
  /** The hint of an OUTCOME_UNKNOWN error: how the user can check what happened. */
  checkHint?: string | undefined;
}

export function toQueryParams(query: ListQuery): QueryParams {
  return {
    page: query.page,
    size: query.size,
    orderBy: query.orderBy,
    sortOrder: query.sortOrder,
    userTypes: query.userTypes,
    expiringWithinDays: query.expiringWithinDays,
  };
}

/** One page of a list endpoint, its envelope checked. */
export async function listPage<T>(
  call: Call,
  path: string,
  query: ListQuery = {},
): Promise<ListEnvelope<T>> {
  const value = await call<unknown>({ method: 'GET', path, query: toQueryParams(query) });
  if (!isEnvelope(value)) throw badResponse('not a list envelope', { method: 'GET', path });
  return value as ListEnvelope<T>;
}

/** Every record of a list endpoint, one page fetched at a time from `query.page` (default 0). */
export function listAll<T>(call: Call, path: string, query: ListQuery = {}): AsyncIterable<T> {
  const fetchPage = (page: number) => listPage<T>(call, path, { ...query, page });
  return records(pages(fetchPage, { size: query.size, startPage: query.page }));
}

function isEnvelope(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { records: list, _metadata: meta } = value as { records?: unknown; _metadata?: unknown };
  if (!Array.isArray(list) || meta === null || typeof meta !== 'object') return false;
  const { page_count, total_count } = meta as { page_count?: unknown; total_count?: unknown };
  return typeof page_count === 'number' && typeof total_count === 'number';
}

/**
 * Checks that one-time fields (the new secret) are there: a key created without its secret
 * in the answer is OUTCOME_UNKNOWN for a write, BAD_RESPONSE otherwise.
 */
export function requireFields<T extends object>(
  value: T,
  fields: readonly string[],
  request: Omit<HttpRequest, 'token'>,
): T {
  const missing = fields.find(
    (field) => typeof (value as Record<string, unknown>)[field] !== 'string',
  );
  if (missing) {
    throw badResponse(`no ${missing} in the response`, {
      method: request.method,
      path: request.path,
      mutates: request.mutates,
      outcome: request.outcome,
    });
  }
  return value;
}
