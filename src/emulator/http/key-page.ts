import type { AccessKeyRecord, ListEnvelope } from '../../api/types.js';
import { KEY_SORT, type KeyFilter, listKeys } from '../repos/key-list.js';
import { toKeyRecord } from '../repos/key-record.js';
import type { EmulatorContext } from '../services/context.js';
import {
  KEY_TYPES,
  parseBoolean,
  parseDays,
  parseStatus,
  parseTypes,
  type QueryReader,
} from './list-query.js';
import { envelope, parsePaging, parseSort } from './paging.js';

/**
 * One page of keys for `GET /access_keys` and `GET /users/{id}/access_keys`: the documented
 * parameters (page, size, orderBy, sortOrder, userTypes/userType) and the extension filters
 * (status, expiringWithinDays, expired, name). Type filter, then sort, then page.
 */
export function keyPage(
  ctx: EmulatorContext,
  query: QueryReader,
  scope: Pick<KeyFilter, 'tenantId' | 'ownerUserId'>,
): ListEnvelope<AccessKeyRecord> {
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
  const { rows, total } = listKeys(ctx.db, filter, sort, paging, now);
  return envelope(
    rows.map((row) => toKeyRecord(row, now)),
    total,
    paging,
  );
}
