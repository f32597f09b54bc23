/**
 * Runs async work one piece at a time, in call order. A failure of one piece does not stop
 * the next: each caller gets its own outcome.
 */
export class SerialQueue {
  #tail: Promise<void> | undefined;

  /** True when nothing is running or waiting. */
  get idle(): boolean {
    return this.#tail === undefined;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = (this.#tail ?? Promise.resolve()).then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tail = tail;
    void tail.then(() => {
      if (this.#tail === tail) this.#tail = undefined;
    });
    return result;
  }
}
