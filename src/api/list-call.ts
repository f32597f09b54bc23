import type { ListEnvelope, ListQuery } from '../wire/types.js';
import type { AnswerName } from './answer-schemas.js';
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

/** A list answer: the schema of its envelope and records (src/api/answer-schemas.ts). */
export type PageAnswer = Extract<AnswerName, `${string}Page`>;

/** One page of a list endpoint, its envelope and records checked against `answer`. */
export async function listPage<T>(
  call: Call,
  path: string,
  answer: PageAnswer,
  query: ListQuery = {},
): Promise<ListEnvelope<T>> {
  return call<ListEnvelope<T>>({ method: 'GET', path, query: toQueryParams(query), answer });
}

/** Every record of a list endpoint, one page fetched at a time from `query.page` (default 0). */
export function listAll<T>(
  call: Call,
  path: string,
  answer: PageAnswer,
  query: ListQuery = {},
): AsyncIterable<T> {
  const fetchPage = (page: number) => listPage<T>(call, path, answer, { ...query, page });
  return records(pages(fetchPage, { size: query.size, startPage: query.page }));
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
