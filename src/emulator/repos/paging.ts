import type { ListEnvelope } from '../../wire/types.js';
import { badRequest } from '../model/api-error.js';

/** Largest `size` accepted; larger values are refused (400), never silently clamped. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 1000;

export interface Paging {
  page: number;
  size: number;
}

export interface Sort {
  /** SQL expression, from an allow-list: never text from the request. */
  column: string;
  desc: boolean;
}

type Query = (name: string) => string | undefined;

function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw badRequest(`${name} must be an integer between ${min} and ${max}`);
  }
  return Number(raw);
}

/** `page` (0-based, default 0) and `size` (1..1000, default 1000). */
export function parsePaging(query: Query): Paging {
  const page = query('page');
  const size = query('size');
  return {
    page: page === undefined || page === '' ? 0 : integer('page', page, 0, 1_000_000_000),
    size:
      size === undefined || size === ''
        ? DEFAULT_PAGE_SIZE
        : integer('size', size, 1, MAX_PAGE_SIZE),
  };
}

/** `orderBy` from `columns` (API name → SQL) and `sortOrder` asc|desc in any case. */
export function parseSort(
  query: Query,
  columns: Readonly<Record<string, string>>,
  fallback: string,
): Sort {
  const orderBy = query('orderBy') || fallback;
  const column = Object.hasOwn(columns, orderBy) ? columns[orderBy] : undefined;
  if (column === undefined) {
    throw badRequest(`orderBy must be one of: ${Object.keys(columns).join(', ')}`);
  }
  const order = (query('sortOrder') || 'asc').toLowerCase();
  if (order !== 'asc' && order !== 'desc') throw badRequest('sortOrder must be asc or desc');
  return { column, desc: order === 'desc' };
}

/** The IMS list envelope; `page_count = ceil(total / size)`, a page past the end is empty. */
export function envelope<T>(records: T[], total: number, paging: Paging): ListEnvelope<T> {
  return {
    records,
    _metadata: {
      page: paging.page,
      records_per_page: paging.size,
      page_count: Math.ceil(total / paging.size),
      total_count: total,
    },
  };
}

/**
 * `ORDER BY` text with a stable tie-break on `idColumn`. `sort.column` may list several
 * comma-separated expressions; the direction applies to each.
 */
export function orderClause(sort: Sort, idColumn: string): string {
  const dir = sort.desc ? 'DESC' : 'ASC';
  const parts = sort.column.split(',').map((c) => c.trim());
  if (!parts.includes(idColumn)) parts.push(idColumn);
  return `ORDER BY ${parts.map((c) => `${c} ${dir}`).join(', ')}`;
}
