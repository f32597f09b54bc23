import { interruptOf } from '../core/interrupt.js';
import { readCapped } from '../core/read-capped.js';
import { classifyNetworkError, ResponseBodyError } from './network-error.js';

/** One line of `--debug` trace: never headers, never bodies. */
export interface TraceEvent {
  method: string;
  /** The request URL (ours never carry secrets; user info is stripped anyway). */
  url: string;
  /** Undefined when no response arrived. */
  status: number | undefined;
  ms: number;
  /** 1 for the first try, 2 and 3 for retries. */
  attempt: number;
  /** A failure code when no (whole) response arrived: `ECONNRESET`, `ABORTED`... */
  error?: string;
}

/** A fetch taking a Request; may return a bare Response (hono's `app.fetch` does). */
export type FetchLike = (request: Request) => Promise<Response> | Response;

const NULL_BODY = new Set([101, 204, 205, 304]);
/** A list page of 1000 keys is well under 1 MiB; anything near this is not the IMS API. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * Wraps `base` for one logical call: counts attempts, times them, reports each to `trace`,
 * and reads the whole body before returning. Reading it here puts the body under ky's
 * timeout and lets ky retry a body cut off mid-way, like any other network failure.
 */
export function attemptFetch(
  base: FetchLike,
  trace: ((event: TraceEvent) => void) | undefined,
): (input: Request | URL | string, init?: RequestInit) => Promise<Response> {
  let attempt = 0;
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    attempt += 1;
    const started = performance.now();
    const emit = (status: number | undefined, error?: string): void => {
      const ms = Math.round(performance.now() - started);
      const event: TraceEvent = {
        method: request.method,
        url: safeUrl(request.url),
        status,
        ms,
        attempt,
      };
      if (error) event.error = error;
      try {
        trace?.(event);
      } catch {
        // A failing trace printer must not change the outcome of the request.
      }
    };
    let response: Response;
    try {
      response = await base(request);
    } catch (error) {
      emit(undefined, failureCode(error));
      throw error;
    }
    try {
      const buffered = await buffer(response);
      emit(response.status);
      return buffered;
    } catch (error) {
      emit(response.status, failureCode(error));
      throw error;
    }
  };
}

const bodyTooLarge = () => new ResponseBodyError(0, 'BODY_TOO_LARGE');

async function buffer(response: Response): Promise<Response> {
  const init = {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  };
  if (NULL_BODY.has(response.status) || response.body === null) return new Response(null, init);
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response.body, MAX_RESPONSE_BYTES, bodyTooLarge);
  } catch (error) {
    if (interruptOf(error)) throw error;
    // An error status is mapped from the status alone; a lost body only matters on success.
    if (!response.ok) return new Response(null, init);
    if (error instanceof ResponseBodyError) throw error;
    throw new ResponseBodyError(response.status, failureCode(error));
  }
  return new Response(bytes, init);
}

function failureCode(error: unknown): string {
  if (error instanceof ResponseBodyError) return error.code;
  if (interruptOf(error)) return 'INTERRUPTED';
  if (error instanceof Error && error.name === 'AbortError') return 'ABORTED';
  return classifyNetworkError(error)?.code ?? (error instanceof Error ? error.name : 'ERROR');
}

function safeUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return '<unparsable url>';
  }
}
