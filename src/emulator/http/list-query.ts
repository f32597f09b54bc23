import type { KeyType } from '../../wire/types.js';
import { badRequest } from '../model/api-error.js';

/** Query parameters of a request: the first value of `name`, and all values by name. */
export interface QueryReader {
  one(name: string): string | undefined;
  all(): Record<string, string[]>;
}

/**
 * The type filter, read from `userTypes` and from `userType` (docs/ims-api.md §4:
 * both occur), parameter names and values in any case, values comma-separated or repeated.
 */
export function parseTypes<T extends string>(
  query: QueryReader,
  allowed: readonly T[],
): T[] | undefined {
  const values: string[] = [];
  for (const [name, given] of Object.entries(query.all())) {
    const lower = name.toLowerCase();
    if (lower !== 'usertypes' && lower !== 'usertype') continue;
    for (const item of given.flatMap((v) => v.split(','))) {
      if (item.trim() !== '') values.push(item.trim().toUpperCase());
    }
  }
  if (values.length === 0) return undefined;
  const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length > 0) throw badRequest(`userTypes must be among: ${allowed.join(', ')}`);
  return [...new Set(values)] as T[];
}

export const KEY_TYPES: readonly KeyType[] = ['API', 'TENANT', 'USER'];

export function parseBoolean(query: QueryReader, name: string): boolean | undefined {
  const raw = query.one(name);
  if (raw === undefined || raw === '') return undefined;
  const lower = raw.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw badRequest(`${name} must be true or false`);
  return lower === 'true';
}

export function parseStatus(query: QueryReader): 'ACTIVE' | 'INACTIVE' | undefined {
  const raw = query.one('status');
  if (raw === undefined || raw === '') return undefined;
  const upper = raw.toUpperCase();
  if (upper !== 'ACTIVE' && upper !== 'INACTIVE')
    throw badRequest('status must be ACTIVE or INACTIVE');
  return upper;
}

export function parseDays(query: QueryReader, name: string): number | undefined {
  const raw = query.one(name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,5}$/.test(raw)) throw badRequest(`${name} must be a whole number of days`);
  return Number(raw);
}
