import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, MAX_PAGES, pages, records } from '../../../src/api/pagination.js';
import { ServiceError } from '../../../src/core/errors.js';
import type { ListEnvelope } from '../../../src/wire/types.js';

/** A paged source over `all`, the way the IMS pages (0-based, past the end = empty). */
function source(all: number[], size: number) {
  const asked: number[] = [];
  const fetchPage = async (page: number): Promise<ListEnvelope<number>> => {
    asked.push(page);
    return {
      records: all.slice(page * size, page * size + size),
      _metadata: {
        page,
        records_per_page: size,
        page_count: Math.ceil(all.length / size),
        total_count: all.length,
      },
    };
  };
  return { fetchPage, asked };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('pages', () => {
  it('walks 0-based pages in order and stops at page_count', async () => {
    const { fetchPage, asked } = source(range(25), 10);
    const seen = await collect(pages(fetchPage, { size: 10 }));
    expect(seen).toEqual(range(25));
    expect(asked).toEqual([0, 1, 2]);
  });

  it('fetches one page for an empty list and yields nothing', async () => {
    const { fetchPage, asked } = source([], 10);
    expect(await collect(pages(fetchPage, { size: 10 }))).toEqual([]);
    expect(asked).toEqual([0]);
  });

  it('fetches the next page only when the consumer asks for it', async () => {
    const { fetchPage, asked } = source(range(30), 10);
    for await (const page of pages(fetchPage, { size: 10 })) {
      expect(page).toEqual(range(10));
      break;
    }
    expect(asked).toEqual([0]);
  });

  it('stops on an empty page even when page_count promises more', async () => {
    let calls = 0;
    const lying = async (page: number): Promise<ListEnvelope<number>> => {
      calls += 1;
      const rows = page === 0 ? [1, 2] : [];
      return {
        records: rows,
        _metadata: { page, records_per_page: 2, page_count: 50, total_count: 100 },
      };
    };
    expect(await collect(pages(lying, { size: 2 }))).toEqual([1, 2]);
    expect(calls).toBe(2);
  });

  it('cuts off a service that returns the same page forever', async () => {
    let calls = 0;
    const stuck = async (): Promise<ListEnvelope<number>> => {
      calls += 1;
      return {
        records: [7, 8],
        _metadata: { page: 0, records_per_page: 2, page_count: 1e9, total_count: 6 },
      };
    };
    const error = await collect(pages(stuck, { size: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('BAD_RESPONSE');
    // The second answer repeats the first: no third request.
    expect(calls).toBe(2);
  });

  it('never asks for more pages than the first total allows (plus one for growth)', async () => {
    let calls = 0;
    const endless = async (page: number): Promise<ListEnvelope<number>> => {
      calls += 1;
      return {
        records: [page * 2, page * 2 + 1],
        _metadata: { page, records_per_page: 2, page_count: 1e9, total_count: 6 },
      };
    };
    const error = await collect(pages(endless, { size: 2 })).catch((e: unknown) => e);
    expect((error as ServiceError).code).toBe('BAD_RESPONSE');
    // ceil(6 / 2) + 1 = 4 pages are fetched; the guard trips before a 5th request.
    expect(calls).toBe(4);
  });

  it('stops on a short page even when total_count is 1e12', async () => {
    let calls = 0;
    const huge = async (page: number): Promise<ListEnvelope<number>> => {
      calls += 1;
      return {
        records: [page],
        _metadata: { page, records_per_page: 1000, page_count: 1e9, total_count: 1e12 },
      };
    };
    expect(await collect(pages(huge, { size: 1000 }))).toEqual([0]);
    expect(calls).toBe(1);
  });

  it(`fetches at most ${MAX_PAGES} pages of a list that claims 1e12 records`, async () => {
    let calls = 0;
    const huge = async (page: number): Promise<ListEnvelope<number>> => {
      calls += 1;
      return {
        records: [page],
        _metadata: { page, records_per_page: 1, page_count: 1e12, total_count: 1e12 },
      };
    };
    const error = await collect(pages(huge)).catch((e: unknown) => e);
    expect((error as ServiceError).code).toBe('BAD_RESPONSE');
    expect(calls).toBe(MAX_PAGES);
  });

  it('follows a service that serves smaller pages than asked for', async () => {
    // Asked for 10, the service caps pages at 3: 4 pages, which a bound of
    // ceil(10 / 10) + 1 = 2 would wrongly cut off.
    const { fetchPage, asked } = source(range(10), 3);
    expect(await collect(pages(fetchPage, { size: 10 }))).toEqual(range(10));
    expect(asked).toEqual([0, 1, 2, 3]);
  });

  it('uses records_per_page when no size was asked for', async () => {
    const { fetchPage, asked } = source(range(5), 2);
    expect(await collect(pages(fetchPage))).toEqual(range(5));
    expect(asked).toEqual([0, 1, 2]);
  });

  it('starts from startPage', async () => {
    const { fetchPage, asked } = source(range(25), 10);
    expect(await collect(pages(fetchPage, { size: 10, startPage: 1 }))).toEqual(
      range(25).slice(10),
    );
    expect(asked).toEqual([1, 2]);
  });

  it('yields every record exactly once, in order, for any total and size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(60), fc.integer({ min: 1, max: 12 }), async (total, size) => {
        const { fetchPage, asked } = source(range(total), size);
        const seen: number[] = [];
        for await (const item of records(pages(fetchPage, { size }))) seen.push(item);
        expect(seen).toEqual(range(total));
        expect(asked.length).toBe(Math.max(1, Math.ceil(total / size)));
      }),
    );
  });
});
