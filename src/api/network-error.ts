/**
 * Classification of the low-level failures fetch reports (undici wraps them as
 * `TypeError('fetch failed' | 'terminated', {cause})`, sometimes with an AggregateError).
 * What matters to the caller is whether the request may have reached the service.
 */

export type NetworkFailureKind =
  | 'refused'
  | 'dns'
  | 'unreachable'
  | 'reset'
  | 'tls'
  | 'blocked'
  | 'proxy'
  | 'other';

export interface NetworkFailure {
  kind: NetworkFailureKind;
  /** The system or undici code, e.g. `ECONNREFUSED`, `UND_ERR_SOCKET`. */
  code: string;
  /** False only when the request certainly never left (refused, DNS, TLS, connect timeout). */
  maybeSent: boolean;
  /** Worth trying again for an idempotent request (DNS misses and TLS failures are not). */
  transient: boolean;
  /** Set when the failure is the proxy's (kind `proxy`). */
  proxy?: ProxyFailure;
}

/**
 * The proxy, not the service, failed: it refused the connection, its host name did not
 * resolve, it wants (other) credentials (407), or it refused the CONNECT tunnel. The request
 * never reached the service. `proxy` is the label (no credentials); `source` the variable or
 * `profile` it came from, so the message can say what to fix.
 */
export class ProxyFailure extends Error {
  readonly code: string;
  readonly proxy: string;
  readonly source: string;
  readonly status: number | undefined;
  readonly hadCredentials: boolean;

  constructor(fields: {
    code: string;
    proxy: string;
    source: string;
    status?: number | undefined;
    hadCredentials: boolean;
  }) {
    super(`proxy ${fields.proxy} failed (${fields.code})`);
    this.name = 'ProxyFailure';
    this.code = fields.code;
    this.proxy = fields.proxy;
    this.source = fields.source;
    this.status = fields.status;
    this.hadCredentials = fields.hadCredentials;
  }
}

function proxyFailureOf(error: unknown, depth = 0): ProxyFailure | undefined {
  if (error instanceof ProxyFailure) return error;
  if (depth > 5 || error === null || typeof error !== 'object') return undefined;
  return proxyFailureOf((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * The response headers arrived but the body did not (connection closed mid-body). Thrown by
 * our fetch wrapper so that ky retries it like any network error for idempotent methods.
 */
export class ResponseBodyError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string) {
    super(`the response body was cut off (${code})`);
    this.name = 'ResponseBodyError';
    this.status = status;
    this.code = code;
  }
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_)/;

function kindOf(code: string): NetworkFailureKind {
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'dns';
  if (['UND_ERR_CONNECT_TIMEOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN'].includes(code)) {
    return 'unreachable';
  }
  if (TLS_CODE.test(code)) return 'tls';
  if (['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT'].includes(code)) return 'reset';
  if (code.startsWith('UND_ERR_')) return 'reset';
  return 'other';
}

/** The first string `code` along the cause chain (and inside AggregateErrors). */
function lowLevelCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || error === null || typeof error !== 'object') return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && code.length > 0) return code;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = lowLevelCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return lowLevelCode(cause, depth + 1);
}

function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && /^(fetch failed|terminated)$/.test(error.message.trim());
}

/** fetch refuses some ports outright (6000, 6667...: the Fetch standard's "bad ports"). */
function isBadPort(error: unknown): boolean {
  const cause = (error as { cause?: unknown }).cause;
  return isFetchFailure(error) && cause instanceof Error && cause.message === 'bad port';
}

/** Describes `error` when it is a network failure; undefined for anything else. */
export function classifyNetworkError(error: unknown): NetworkFailure | undefined {
  if (error instanceof ResponseBodyError) {
    // Too large is not a network failure: it is mapped as an unreadable response.
    if (error.code === 'BODY_TOO_LARGE') return undefined;
    return { kind: 'reset', code: error.code, maybeSent: true, transient: true };
  }
  const proxy = proxyFailureOf(error);
  if (proxy) {
    // Worth another try only when the proxy may come back; a 407 or a refused tunnel will not.
    const transient =
      proxy.status === undefined
        ? proxy.code !== 'ENOTFOUND' && proxy.code !== 'EAI_NONAME'
        : proxy.status >= 500;
    return { kind: 'proxy', code: proxy.code, maybeSent: false, transient, proxy };
  }
  if (isBadPort(error)) {
    return { kind: 'blocked', code: 'BAD_PORT', maybeSent: false, transient: false };
  }
  const code = lowLevelCode(error);
  // A bare TypeError from fetch with no code still means the connection failed somewhere.
  if (!code) {
    return isFetchFailure(error)
      ? { kind: 'other', code: 'FETCH_FAILED', maybeSent: true, transient: true }
      : undefined;
  }
  // Codes on errors that are not fetch failures (our own errors carry codes too) only
  // count when they are recognisably system or undici codes.
  const kind = kindOf(code);
  if (!isFetchFailure(error) && kind === 'other') return undefined;
  const maybeSent = kind === 'reset' || kind === 'other';
  const transient = kind !== 'tls' && code !== 'ENOTFOUND' && code !== 'EAI_NONAME';
  return { kind, code, maybeSent, transient };
}
