import type { OutputMode } from '../../../../output/mode.js';
import type { ListQuery } from '../../../../wire/types.js';
import type { SortField } from '../shared/sort-field.js';
import { compareKeys, type KeyComparator } from '../shared/sort-keys.js';
import type { KeysListOptions } from './options.js';

/**
 * Sorts the service does itself, with `orderBy` values docs/ims-api.md §4 confirms. The
 * others (`expires`, `type`) are not confirmed there, so they are sorted here, after every
 * page has arrived.
 */
const SERVER_ORDER: Partial<Record<SortField, string>> = {
  name: 'name',
  created: 'created_date_time',
  status: 'status',
};

/** The confirmed `userTypes` values; `USER` is an emulator extension, filtered here instead. */
const SERVER_TYPES = new Set(['TENANT', 'API']);

/** How `keys list` gets and prints its rows. */
export interface ListPlan {
  /** Sent with every page. */
  query: Omit<ListQuery, 'page'>;
  /** Set when the order is ours to make: every page must arrive before anything prints. */
  localSort?: KeyComparator;
  /** Records go to stdout as pages arrive (json, ndjson, tsv without a local sort). */
  stream: boolean;
}

export function planList(options: KeysListOptions, mode: OutputMode): ListPlan {
  const query: Omit<ListQuery, 'page'> = {};
  const orderBy = options.sort === undefined ? undefined : SERVER_ORDER[options.sort];
  if (orderBy !== undefined) {
    query.orderBy = orderBy;
    query.sortOrder = options.desc ? 'desc' : 'asc';
  } else if (options.sort === undefined && options.desc) {
    // `--desc` alone reverses the service's default order (creation time).
    query.orderBy = 'created_date_time';
    query.sortOrder = 'desc';
  }
  // The type filter still runs on our side too; this only spares pages of other types.
  if (options.type !== undefined && SERVER_TYPES.has(options.type)) query.userTypes = options.type;
  const localSort =
    options.sort !== undefined && orderBy === undefined
      ? compareKeys(options.sort, options.desc)
      : undefined;
  const stream = localSort === undefined && mode !== 'table';
  return { query, stream, ...(localSort ? { localSort } : {}) };
}
