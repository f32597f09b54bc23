import type { KyInstance } from 'ky';
import { UsageError } from '../core/errors.js';
import { DEFAULT_TIMEOUT_MS } from '../core/timeout.js';
import type { AnswerName } from './answer-schemas.js';
import { attemptFetch, type FetchLike, type TraceEvent } from './attempt-fetch.js';
import { type OutcomeContext, type RequestContext, toHelixError } from './errors.js';
import { errorBody, parseBaseUrl, parseJsonBody } from './http-parts.js';
import { nodeFetch } from './node-fetch.js';
import { secretValues } from './redact.js';
import { retrySettings } from './retry-policy.js';

export type { FetchLike, TraceEvent } from './attempt-fetch.js';

// ky refuses timeouts above a 32-bit signed int of milliseconds.
const MAX_TIMEOUT_MS = 2_147_483_647;

export interface HttpOptions {
  /** Portal URL, e.g. `https://tenant.onbmc.com`; paths from imsPaths are appended. */
  baseUrl: string;
  /** Per try (a retried call may take up to three); default 30 s. */
  timeoutMs?: number | undefined;
  /** Injected fetch (the `local` profile passes the in-process emulator's). */
  fetch?: FetchLike | undefined;
  userAgent: string;
  /** Called once per try for `--debug`; receives no headers and no bodies. */
  onTrace?: ((event: TraceEvent) => void) | undefined;
  /** Aborts every request and retry wait (Ctrl-C); an `Interrupt` reason maps to exit 130. */
  signal?: AbortSignal | undefined;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
export type QueryParams = Record<string, string | number | boolean | undefined>;

export interface HttpRequest {
  method: HttpMethod;
  /** A path from imsPaths (leading slash). */
  path: string;
  query?: QueryParams | undefined;
  json?: unknown;
  /** Bearer token for a protected call. */
  token?: string | undefined;
  /** `json` (default): the 2xx body must be JSON; `none`: the body is ignored. */
  expect?: 'json' | 'none' | undefined;
  /** The schema the 2xx JSON body must match (src/api/answer-schemas.ts); unchecked if absent. */
  answer?: AnswerName | undefined;
  /** Whether the call changes state; default true for POST and PATCH. Login passes false. */
  mutates?: boolean | undefined;
  /** For calls that change state: named in OUTCOME_UNKNOWN errors. */
  outcome?: OutcomeContext | undefined;
}

export interface Http {
  readonly baseUrl: string;
  readonly host: string;
  /** Sends one request (with retries where allowed); failures are HelixErrors. */
  request<T>(request: HttpRequest): Promise<T>;
}

/** The HTTP layer: the only module that imports ky, and only when the first request goes out. */
export function createHttp(options: HttpOptions): Http {
  const base = parseBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new UsageError(`invalid timeout: ${timeoutMs} ms`);
  }
  const baseFetch: FetchLike = options.fetch ?? nodeFetch;
  let ky: Promise<KyInstance> | undefined;
  const load = (): Promise<KyInstance> => {
    ky ??= createKy(base.href, timeoutMs, options.userAgent);
    return ky;
  };
  // The schemas (and valibot) load with ky, on the first request, never on the start-up path.
  let schemas: Promise<typeof import('./answer-schemas.js')> | undefined;
  const loadSchemas = () => {
    schemas ??= import('./answer-schemas.js');
    return schemas;
  };
  return {
    baseUrl: base.href,
    host: base.host,
    async request<T>(request: HttpRequest): Promise<T> {
      const context: RequestContext = {
        method: request.method,
        path: request.path,
        host: base.host,
        timeoutMs,
        secrets: [...secretValues(request.json), ...(request.token ? [request.token] : [])],
        mutates: request.mutates,
        outcome: request.outcome,
      };
      const [instance, checker] = await Promise.all([
        load(),
        request.answer ? loadSchemas() : undefined,
      ]);
      let response: Response;
      try {
        response = await instance(request.path.replace(/^\/+/, ''), {
          method: request.method,
          searchParams: request.query,
          json: request.json,
          headers: request.token ? { authorization: `Bearer ${request.token}` } : {},
          fetch: attemptFetch(baseFetch, options.onTrace),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        throw toHelixError(error, { ...context, body: await errorBody(error) });
      }
      if (request.expect === 'none') return undefined as T;
      const body = parseJsonBody<unknown>(await response.text(), context);
      if (!request.answer || !checker) return body as T;
      return checker.checkAnswer(request.answer, body, context) as T;
    },
  };
}

async function createKy(
  prefixUrl: string,
  timeout: number,
  userAgent: string,
): Promise<KyInstance> {
  const { default: ky } = await import('ky');
  return ky.create({
    prefixUrl,
    timeout,
    retry: retrySettings(),
    throwHttpErrors: true,
    // A redirect would turn a POST into a GET, or land on an SSO page: report it instead.
    redirect: 'manual',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': userAgent,
    },
  });
}
