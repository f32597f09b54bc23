/** How long one try of a request may take by default: the client's and `--timeout`'s default. */
export const DEFAULT_TIMEOUT_MS = 30_000;
