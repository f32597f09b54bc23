import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import { accessibleKeys, type KeySourceOptions } from '../../../runtime/key-source.js';
import { keyFilter } from '../shared/filter-predicate.js';
import type { KeyFilters } from '../shared/key-filters.js';

export interface ListedKeysOptions {
  filters: KeyFilters;
  now: Date;
  query?: KeySourceOptions['query'];
  /** Stop after this many matching keys: no further page is requested. */
  limit?: number | undefined;
}

/**
 * The visible keys that pass the filters, lazily: one page is held at a time, and reaching
 * `limit` ends the iteration, which ends the paging too.
 */
export async function* listedKeys(
  conn: Connection,
  options: ListedKeysOptions,
): AsyncGenerator<AccessKeyRecord> {
  const { filters, limit } = options;
  if (limit !== undefined && limit <= 0) return;
  const keep = keyFilter(filters, options.now);
  let count = 0;
  const source = accessibleKeys(conn, { userId: filters.user, query: options.query });
  for await (const record of source) {
    if (!keep(record)) continue;
    yield record;
    count += 1;
    if (limit !== undefined && count >= limit) return;
  }
}
