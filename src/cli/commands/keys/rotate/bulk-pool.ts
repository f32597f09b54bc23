/**
 * Runs `work` over `items` with at most `concurrency` at a time, in order, and stops starting
 * new items once `stopped()` is true (items in progress finish). `work` must not reject.
 * Returns the items that were never started.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<T[]> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stopped()) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  const size = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: size }, worker));
  return items.slice(next);
}
