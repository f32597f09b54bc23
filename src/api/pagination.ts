import { ServiceError } from '../core/errors.js';
import type { ListEnvelope } from '../wire/types.js';

export interface PageOptions {
  /** The page size asked for; when absent, the envelope's `records_per_page` is used. */
  size?: number | undefined;
  /** 0-based page to start from (default 0). */
  startPage?: number | undefined;
}

/**
 * Walks a 0-based paged list, one page at a time: the next page is fetched only when the
 * consumer asks for it, so no more than one page is ever held. Stops on an empty page or
 * when `page + 1 >= page_count`. A service that keeps answering (same page forever, a
 * `page_count` that never ends) is cut off after `ceil(total / size) + 1` pages.
 */
export async function* pages<T>(
  fetchPage: (page: number) => Promise<ListEnvelope<T>>,
  options: PageOptions = {},
): AsyncGenerator<T[], void, undefined> {
  let page = options.startPage ?? 0;
  let maxPages: number | undefined;
  for (let fetched = 1; ; fetched += 1) {
    const { records, _metadata: meta } = await fetchPage(page);
    maxPages ??= pageBound(meta.total_count, [options.size, meta.records_per_page, records.length]);
    if (fetched > maxPages) {
      throw new ServiceError(
        `the service kept returning pages past its total of ${meta.total_count} records`,
        { code: 'BAD_RESPONSE', hint: 'try again; the list may have changed while it was read' },
      );
    }
    if (records.length === 0) return;
    yield records;
    if (page + 1 >= meta.page_count) return;
    page += 1;
  }
}

/**
 * The smallest plausible page size gives the loosest bound: a service that serves fewer
 * records than asked for (a size cap) must not be mistaken for one that never stops.
 */
function pageBound(total: number, sizes: ReadonlyArray<number | undefined>): number {
  const usable = sizes.filter(
    (s): s is number => typeof s === 'number' && Number.isFinite(s) && s > 0,
  );
  const size = usable.length > 0 ? Math.min(...usable) : 1;
  const safeTotal = Number.isFinite(total) && total > 0 ? total : 0;
  return Math.ceil(safeTotal / size) + 1;
}

/** Flattens pages into records, still fetching lazily. */
export async function* records<T>(source: AsyncIterable<T[]>): AsyncGenerator<T, void, undefined> {
  for await (const page of source) yield* page;
}

/** Every record of every page, for lists known to be small (a key's groups or roles). */
export async function collect<T>(source: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of source) all.push(...page);
  return all;
}
