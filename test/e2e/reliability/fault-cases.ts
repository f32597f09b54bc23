import { FAULTS, type FaultOn } from '../../helpers/fault-proxy.js';

/**
 * The faults of the issue, with what docs/cli-contract.md §8 makes of them for an
 * idempotent request (GET, PUT, DELETE): which are retried (3 tries in all), the exit code,
 * and what the one error line says.
 */
export interface FaultCase {
  name: string;
  fault: () => FaultOn;
  /** Tries an idempotent request gets. */
  tries: number;
  /** The error line (after `error: `) for an idempotent request. */
  message: RegExp;
  /** JSON envelope code for an idempotent request. */
  code: string;
  /** Least wait between tries, in ms (Retry-After or the backoff's lower bound). */
  minGaps?: number[];
  /** The proxy lets the service act before the answer is lost. */
  forwards?: boolean;
}

/** Timeout given to runs that meet a stall (docs/cli-contract.md §2's default: 30 s). */
export const STALL_TIMEOUT_S = 2;

// ky's delay is 300 ms * 2^(n-1) with "equal jitter" (half fixed): at least 150, then 300.
const BACKOFF = [150, 300];
// Retry-After: 1 is one second; a little slack for the proxy's clock reading.
const RETRY_AFTER_1 = [950, 950];

export const FAULT_CASES: FaultCase[] = [
  {
    name: '500',
    fault: () => FAULTS.status(500),
    tries: 1,
    message: /^service error \(HTTP 500\) on [A-Z]+ \S+: fault injected/,
    code: 'SERVER_ERROR',
  },
  {
    name: '502 with an HTML body',
    fault: FAULTS.badGateway,
    tries: 3,
    message: /^service error \(HTTP 502\) on [A-Z]+ \S+$/,
    code: 'BAD_GATEWAY',
    minGaps: BACKOFF,
  },
  {
    name: '503 with Retry-After: 1',
    fault: () => FAULTS.unavailable(1),
    tries: 3,
    message: /^service error \(HTTP 503\)/,
    code: 'SERVICE_UNAVAILABLE',
    minGaps: RETRY_AFTER_1,
  },
  {
    name: '429 with Retry-After: 1',
    fault: () => FAULTS.rateLimited(1),
    tries: 3,
    message: /^rate limited by the service on [A-Z]+ \S+; retry in 1 s$/,
    code: 'RATE_LIMITED',
    minGaps: RETRY_AFTER_1,
  },
  {
    name: 'connection reset',
    fault: FAULTS.reset,
    tries: 3,
    message: /^the connection to 127\.0\.0\.1:\d+ was lost \(\w+\)$/,
    code: 'NETWORK_ERROR',
    minGaps: BACKOFF,
  },
  {
    name: 'truncated JSON body',
    fault: () => FAULTS.truncate(12),
    tries: 3,
    message: /^the service sent an unreadable response to [A-Z]+ \S+ \(the body was cut off/,
    code: 'BAD_RESPONSE',
    minGaps: BACKOFF,
    forwards: true,
  },
  {
    name: 'stall past the timeout',
    fault: () => FAULTS.stall(),
    tries: 1,
    message: new RegExp(`^request timed out after ${STALL_TIMEOUT_S}s: [A-Z]+ \\S+$`),
    code: 'TIMEOUT',
  },
];
