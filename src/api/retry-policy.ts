import { httpErrorResponse, isTimeoutError } from './ky-shapes.js';
import { classifyNetworkError } from './network-error.js';
import { parseRetryAfter } from './retry-after.js';

/**
 * The retry rules of docs/cli-contract.md §8, as ky retry options: GET, PUT, DELETE
 * (and HEAD) are retried on 429, 502, 503, 504 and transient network failures, 3 tries in
 * all; POST and PATCH never, so nothing is created twice. Kept free of ky imports: the
 * object is plain data plus two functions.
 */

export const RETRY_STATUSES = [429, 502, 503, 504];
export const RETRY_METHODS = ['get', 'put', 'delete', 'head'];
/** Tries in all, the first included. */
export const MAX_TRIES = 3;
/** A longer Retry-After fails fast with a message saying when to retry. */
export const RETRY_AFTER_CAP_MS = 60_000;
const BASE_DELAY_MS = 300;
const MAX_DELAY_MS = 5_000;

export interface RetrySettings {
  limit: number;
  methods: string[];
  statusCodes: number[];
  afterStatusCodes: number[];
  maxRetryAfter: number;
  backoffLimit: number;
  delay: (attempt: number) => number;
  jitter: (delay: number) => number;
  retryOnTimeout: boolean;
  shouldRetry: (state: { error: Error; retryCount: number }) => false | undefined;
}

export function retrySettings(): RetrySettings {
  return {
    limit: MAX_TRIES - 1,
    methods: RETRY_METHODS,
    statusCodes: RETRY_STATUSES,
    afterStatusCodes: RETRY_STATUSES,
    maxRetryAfter: RETRY_AFTER_CAP_MS,
    backoffLimit: MAX_DELAY_MS,
    delay: (attempt) => BASE_DELAY_MS * 2 ** (attempt - 1),
    // "Equal jitter": half the delay fixed, half random, so parallel callers spread out.
    jitter: (delay) => delay / 2 + (Math.random() * delay) / 2,
    // The timeout bounds one whole call; a retry would multiply the wait.
    retryOnTimeout: false,
    shouldRetry: ({ error }) => vetoRetry(error, Date.now()),
  };
}

/**
 * False to forbid a retry ky would otherwise make, undefined to let ky's own checks
 * (method, status list, Retry-After) decide.
 */
export function vetoRetry(error: unknown, nowMs: number): false | undefined {
  const response = httpErrorResponse(error);
  if (response) {
    const wait = parseRetryAfter(response.headers.get('retry-after'), nowMs);
    return wait !== undefined && wait > RETRY_AFTER_CAP_MS ? false : undefined;
  }
  if (isTimeoutError(error)) return undefined;
  const network = classifyNetworkError(error);
  return network?.transient ? undefined : false;
}
