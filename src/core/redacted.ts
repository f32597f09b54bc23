const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A secret held so that it cannot leak by accident: `String()`, template literals, `JSON`
 * and `util.inspect` (so console output and error dumps) all show `[redacted]`. Only
 * {@link Redacted.reveal} gives the value, which makes every use greppable.
 */
export class Redacted {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret itself: pass it straight to where it is needed, never to a message. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [INSPECT](): string {
    return '[redacted]';
  }
}
