import { describe, expect, it } from 'vitest';
import { readCapped } from '../../../src/core/read-capped.js';

function streamOf(chunks: number[][]) {
  let cancelled = false;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled];
      pulled += 1;
      if (next === undefined) controller.close();
      else controller.enqueue(Uint8Array.from(next));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

const tooLarge = () => new Error('too large');

describe('readCapped', () => {
  it('joins the chunks of a body within the cap', async () => {
    const { body } = streamOf([[1, 2], [3], [4, 5]]);
    expect([...(await readCapped(body, 5, tooLarge))]).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads an empty body as no bytes', async () => {
    const { body } = streamOf([]);
    expect((await readCapped(body, 5, tooLarge)).byteLength).toBe(0);
  });

  it('throws the given error and cancels the stream once the cap is passed', async () => {
    const stream = streamOf([[1, 2, 3], [4, 5, 6], [7]]);
    await expect(readCapped(stream.body, 5, tooLarge)).rejects.toThrow('too large');
    expect(stream.cancelled()).toBe(true);
  });
});
