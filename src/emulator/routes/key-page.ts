import {
  KEY_TYPES,
  parseBoolean,
  parseDays,
  parseStatus,
  parseTypes,
  type QueryReader,
} from '../http/list-query.js';
import { KEY_SORT, type KeyFilter, listKeys } from '../repos/key-list.js';
import { recordStableUntil, toKeyRecord } from '../repos/key-record.js';
import { envelope, parsePaging, parseSort } from '../repos/paging.js';
import type { EmulatorContext } from '../services/context.js';

const UTF8 = new TextEncoder();

/**
 * One page of keys, serialized to UTF-8 bytes, for `GET /access_keys` and `GET /users/{id}/access_keys`: the
 * documented parameters (page, size, orderBy, sortOrder, userTypes/userType) and the
 * extension filters (status, expiringWithinDays, expired, name). Type filter, then sort, then
 * page. Pages whose membership does not depend on the clock are served from the page cache.
 */
export function keyPageBody(
  ctx: EmulatorContext,
  query: QueryReader,
  scope: Pick<KeyFilter, 'tenantId' | 'ownerUserId'>,
): Uint8Array<ArrayBuffer> {
  const paging = parsePaging(query.one);
  const sort = parseSort(query.one, KEY_SORT, 'created_date_time');
  const name = query.one('name');
  const filter: KeyFilter = {
    ...scope,
    types: parseTypes(query, KEY_TYPES),
    status: parseStatus(query),
    expiringWithinDays: parseDays(query, 'expiringWithinDays'),
    expired: parseBoolean(query, 'expired'),
    name: name === '' ? undefined : name,
  };
  const now = ctx.clock.now();
  const cacheable = filter.expired === undefined && filter.expiringWithinDays === undefined;
  const key = JSON.stringify([filter, sort, paging]);
  const version = ctx.db.version();
  const cached = cacheable ? ctx.pages.get(key, version, now) : undefined;
  if (cached !== undefined) return cached;
  const { rows, total } = listKeys(ctx.db, filter, sort, paging, now);
  // Bytes, not a string: node:http would encode a cached 50 KB string again on every send
  // (and scan it for its length), which cost more than the whole rest of a cached request.
  const body = UTF8.encode(
    JSON.stringify(
      envelope(
        rows.map((row) => toKeyRecord(row, now)),
        total,
        paging,
      ),
    ),
  );
  if (cacheable) {
    const validUntil = rows.reduce(
      (min, row) => Math.min(min, recordStableUntil(row, now)),
      Number.POSITIVE_INFINITY,
    );
    ctx.pages.set(key, { version, builtAt: now, validUntil, body });
  }
  return body;
}
