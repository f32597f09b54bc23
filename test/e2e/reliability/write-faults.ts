import { FAULTS, type FaultOn } from '../../helpers/fault-proxy.js';
import { STALL_TIMEOUT_S } from './fault-cases.js';

/**
 * The faults against a request that changes something (POST, PATCH): never retried,
 * and wherever the service may have acted the CLI says the outcome is unknown. `acted` is
 * whether the service really did (the proxy forwarded the request before losing the answer).
 */
export interface WriteFault {
  name: string;
  fault: () => FaultOn;
  acted: boolean;
  code: 'OUTCOME_UNKNOWN' | 'SERVICE_UNAVAILABLE' | 'RATE_LIMITED';
  /** The end of the error line. */
  reason: RegExp;
}

const lost = (reason: string): RegExp => new RegExp(`; the outcome is unknown \\(${reason}\\)$`);
const TIMED_OUT = lost(`timed out after ${STALL_TIMEOUT_S}s`);

export const WRITE_FAULTS: WriteFault[] = [
  {
    name: '500',
    fault: () => FAULTS.status(500),
    acted: false,
    code: 'OUTCOME_UNKNOWN',
    reason: lost('HTTP 500'),
  },
  {
    name: '502 with an HTML body',
    fault: FAULTS.badGateway,
    acted: false,
    code: 'OUTCOME_UNKNOWN',
    reason: lost('HTTP 502'),
  },
  {
    // 503 says the request was not acted on: a plain service error.
    name: '503 with Retry-After: 1',
    fault: () => FAULTS.unavailable(1),
    acted: false,
    code: 'SERVICE_UNAVAILABLE',
    reason: /^service error \(HTTP 503\) on (POST|PATCH) \S+: fault injected by the test proxy$/,
  },
  {
    name: '429 with Retry-After: 1',
    fault: () => FAULTS.rateLimited(1),
    acted: false,
    code: 'RATE_LIMITED',
    reason: /^rate limited by the service on (POST|PATCH) \S+; retry in 1 s$/,
  },
  {
    name: 'connection reset',
    fault: FAULTS.reset,
    acted: false,
    code: 'OUTCOME_UNKNOWN',
    reason: lost('connection lost: \\w+'),
  },
  {
    name: 'stall past the timeout',
    fault: () => FAULTS.stall(),
    acted: false,
    code: 'OUTCOME_UNKNOWN',
    reason: TIMED_OUT,
  },
  {
    name: 'truncated JSON body',
    fault: () => FAULTS.truncate(12),
    acted: true,
    code: 'OUTCOME_UNKNOWN',
    reason: lost('the body was cut off: \\w+'),
  },
  {
    name: 'service acted, then the connection reset',
    fault: () => FAULTS.afterForward({ kind: 'reset' }),
    acted: true,
    code: 'OUTCOME_UNKNOWN',
    reason: lost('connection lost: \\w+'),
  },
  {
    name: 'service acted, then a 500',
    fault: () => FAULTS.afterForward(FAULTS.status(500)),
    acted: true,
    code: 'OUTCOME_UNKNOWN',
    reason: lost('HTTP 500'),
  },
  {
    name: 'service acted, then a 502 HTML page',
    fault: () => FAULTS.afterForward(FAULTS.badGateway()),
    acted: true,
    code: 'OUTCOME_UNKNOWN',
    reason: lost('HTTP 502'),
  },
  {
    name: 'service acted, then a stall past the timeout',
    fault: () => FAULTS.afterForward({ kind: 'stall' }),
    acted: true,
    code: 'OUTCOME_UNKNOWN',
    reason: TIMED_OUT,
  },
];
