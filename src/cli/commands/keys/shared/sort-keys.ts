import { expiryInstant } from '../../../../core/expiry-state.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { SortField } from './sort-field.js';

export type KeyComparator = (a: AccessKeyRecord, b: AccessKeyRecord) => number;

const TYPE_ORDER: Record<string, number> = { TENANT: 0, API: 1, USER: 2 };

/** Milliseconds of the expiry; never (and unreadable) sorts after every date. */
function expiryKey(record: AccessKeyRecord): number {
  const at = expiryInstant(record);
  return at instanceof Date ? at.getTime() : Number.POSITIVE_INFINITY;
}

function byNumber(get: (r: AccessKeyRecord) => number): KeyComparator {
  return (a, b) => {
    const x = get(a);
    const y = get(b);
    return x === y ? 0 : x < y ? -1 : 1;
  };
}

const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const tieBreak: KeyComparator = (a, b) => text(a.name, b.name) || text(a.access_key, b.access_key);

const PRIMARY: Record<SortField, KeyComparator> = {
  expires: byNumber(expiryKey),
  // access, api, user: the order of the labels the table shows.
  type: byNumber((r) => TYPE_ORDER[r.type] ?? 3),
  name: () => 0,
  status: (a, b) => text(a.status, b.status),
  created: (a, b) => text(a.created_date, b.created_date),
};

/**
 * A total order for a local sort: the field, then name, then access key, so equal keys never
 * swap places between runs. `desc` reverses the whole order (never-expiring keys first).
 */
export function compareKeys(field: SortField, desc: boolean): KeyComparator {
  const primary = PRIMARY[field];
  const ascending: KeyComparator = (a, b) => primary(a, b) || tieBreak(a, b);
  return desc ? (a, b) => ascending(b, a) : ascending;
}
