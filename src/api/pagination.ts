import { ServiceError } from '../core/errors.js';
import type { ListEnvelope } from '../wire/types.js';

export interface PageOptions {
  /** The page size asked for; when absent, the envelope's `records_per_page` is used. */
  size?: number | undefined;
  /** 0-based page to start from (default 0). */
  startPage?: number | undefined;
}

/** Pages fetched at most for one list, whatever the service says it holds. */
export const MAX_PAGES = 10_000;

/**
 * Walks a 0-based paged list, one page at a time: the next page is fetched only when the
 * consumer asks for it, so no more than one page is ever held. Stops on an empty page, on a
 * short page (fewer records than the page size in force), or when `page + 1 >= page_count`.
 * A service that keeps answering (the same page again, a `total_count` of 1e12) is cut off
 * before it is asked for more than `ceil(total / size) + 1` pages as the first page reported
 * them (the one extra for a list that grows while it is read), and never more than MAX_PAGES.
 */
export async function* pages<T>(
  fetchPage: (page: number) => Promise<ListEnvelope<T>>,
  options: PageOptions = {},
): AsyncGenerator<T[], void, undefined> {
  let page = options.startPage ?? 0;
  let maxPages: number | undefined;
  let fullPage: number | undefined;
  let previous: string | undefined;
  for (let fetched = 1; ; fetched += 1) {
    const { records, _metadata: meta } = await fetchPage(page);
    maxPages ??= pageBound(meta.total_count, [options.size, meta.records_per_page, records.length]);
    // The service's own page size when it says one, else what the first page held.
    fullPage ??= positive(meta.records_per_page) ?? records.length;
    if (records.length === 0) return;
    const seen = JSON.stringify(records);
    if (seen === previous)
      throw tooMany(`the service returned page ${page} the same as the one before`);
    previous = seen;
    yield records;
    if (page + 1 >= meta.page_count || records.length < fullPage) return;
    if (fetched >= maxPages) {
      throw tooMany(
        `the service kept returning pages past its total of ${meta.total_count} records`,
      );
    }
    page += 1;
  }
}

function tooMany(message: string): ServiceError {
  return new ServiceError(message, {
    code: 'BAD_RESPONSE',
    hint: 'try again; the list may have changed while it was read',
  });
}

function positive(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * The smallest plausible page size gives the loosest bound: a service that serves fewer
 * records than asked for (a size cap) must not be mistaken for one that never stops.
 */
function pageBound(total: number, sizes: ReadonlyArray<number | undefined>): number {
  const usable = sizes.map(positive).filter((s): s is number => s !== undefined);
  const size = usable.length > 0 ? Math.min(...usable) : 1;
  const safeTotal = Number.isFinite(total) && total > 0 ? total : 0;
  return Math.min(Math.ceil(safeTotal / size) + 1, MAX_PAGES);
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
