import { CancelledError, type HelixError, ServiceError, UsageError } from '../core/errors.js';
import { interruptedWord } from '../core/interrupt.js';
import type { NetworkFailure, ProxyFailure } from './network-error.js';
import { mutates, type RequestContext, requestLabel } from './request-context.js';

/**
 * Failures where no usable HTTP status came back: timeouts, lost connections, unreadable
 * bodies. For a request that changes state and may have reached the service, the honest
 * answer is OUTCOME_UNKNOWN: retrying blindly could create a second key.
 */

export function outcomeUnknown(
  reason: string,
  context: RequestContext,
  status?: number,
): HelixError {
  const what = context.outcome?.what ?? requestLabel(context);
  return new ServiceError(
    `the service may have completed ${what}; the outcome is unknown (${reason})`,
    {
      code: 'OUTCOME_UNKNOWN',
      status,
      hint: context.outcome?.checkHint ?? 'check the current state before trying again',
    },
  );
}

/** A 2xx response whose body is not the JSON expected. */
export function badResponse(reason: string, context: RequestContext): HelixError {
  if (mutates(context)) return outcomeUnknown(reason, context);
  return new ServiceError(
    `the service sent an unreadable response to ${requestLabel(context)} (${reason})`,
    { code: 'BAD_RESPONSE', hint: 'check that the portal URL points at BMC Helix Portal' },
  );
}

/**
 * A 2xx JSON answer with a field missing or of the wrong type (`path` names it, never its
 * value). After a write the change was made but its answer cannot be trusted: the hint says
 * how to check.
 */
export function unexpectedAnswer(path: string, context: RequestContext): HelixError {
  const written = mutates(context);
  const what = context.outcome?.what ?? requestLabel(context);
  return new ServiceError(
    `unexpected answer from the service: ${path}${written ? ` (after ${what})` : ''}`,
    {
      code: written ? 'OUTCOME_UNKNOWN' : 'BAD_RESPONSE',
      hint: written
        ? (context.outcome?.checkHint ?? 'check the current state before trying again')
        : `${requestLabel(context)} answered in a shape helixctl does not know; check that the portal URL points at BMC Helix Portal`,
    },
  );
}

export function fromTimeout(context: RequestContext): HelixError {
  const after = context.timeoutMs === undefined ? '' : ` after ${context.timeoutMs / 1000}s`;
  if (mutates(context)) return outcomeUnknown(`timed out${after}`, context);
  return new ServiceError(`request timed out${after}: ${requestLabel(context)}`, {
    code: 'TIMEOUT',
    hint: 'raise the limit with --timeout, or check the service',
  });
}

/**
 * Ctrl-C (or SIGTERM/SIGHUP) during a request: exit 130, and for a change the honest "may
 * have happened".
 */
export function fromInterrupt(context: RequestContext, signal = 'SIGINT'): HelixError {
  const interrupted = interruptedWord(signal);
  if (!mutates(context))
    return new CancelledError(`${interrupted} during ${requestLabel(context)}`);
  const what = context.outcome?.what ?? requestLabel(context);
  return new CancelledError(
    `${interrupted}: the service may have completed ${what}; the outcome is unknown`,
    {
      code: 'OUTCOME_UNKNOWN',
      hint: context.outcome?.checkHint ?? 'check the current state before trying again',
    },
  );
}

const HINTS: Partial<Record<NetworkFailure['kind'], string>> = {
  refused: 'check the portal URL (--url) and that the service is running',
  dns: 'check the host name in the portal URL (--url) and your DNS or proxy',
  tls: 'check the certificate; NODE_EXTRA_CA_CERTS adds a private CA',
};

const TRUST_HINT =
  'trust the CA that signed it: helixctl login --ca-file <ca.pem>, or NODE_EXTRA_CA_CERTS=<ca.pem>';

/**
 * A TLS failure named by what is wrong and how it is fixed (README "Corporate networks").
 * Verification is never turned off: each fix is a certificate, a clock or a URL.
 */
function fromTls(code: string, host: string): HelixError {
  const line = (problem: string, hint: string) =>
    new ServiceError(`TLS: the certificate of ${host} ${problem} (${code})`, {
      code: 'TLS_ERROR',
      hint,
    });
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return line('is self-signed', TRUST_HINT);
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return line('is signed by an unknown CA (a private or TLS-inspecting one?)', TRUST_HINT);
    case 'CERT_HAS_EXPIRED':
      return line(
        'has expired',
        "check this computer's clock; otherwise the portal (or the inspecting proxy) must renew it",
      );
    case 'CERT_NOT_YET_VALID':
      return line('is not valid yet', "check this computer's clock");
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return line(
        'is for another host name',
        'use in --url the host name the certificate was issued for',
      );
    default:
      return new ServiceError(`TLS connection to ${host} failed (${code})`, {
        code: 'TLS_ERROR',
        hint: HINTS.tls ?? '',
      });
  }
}

/** The proxy failed, not the service: say which proxy, where it came from, and what to fix. */
function fromProxy(proxy: ProxyFailure, host: string): HelixError {
  const from = proxy.source === 'profile' ? "the profile's --proxy" : proxy.source;
  const check = `check ${from} (helixctl whoami shows the proxy in force), or add ${host} to NO_PROXY`;
  const fail = (message: string, hint: string) =>
    new ServiceError(message, { code: 'PROXY_ERROR', hint });
  // 407 is the standard answer; some proxies (tinyproxy) answer a wrong password with 401.
  if (proxy.status === 407 || (proxy.status === 401 && proxy.hadCredentials)) {
    return proxy.hadCredentials
      ? fail(
          `the proxy ${proxy.proxy} refused the user and password in ${from} (${proxy.status})`,
          'check the user and password in the proxy URL (percent-encode special characters)',
        )
      : fail(
          `the proxy ${proxy.proxy} requires authentication (407)`,
          `put the user and password in ${from === "the profile's --proxy" ? 'HTTPS_PROXY' : from}: http://user:password@host:port`,
        );
  }
  if (proxy.status !== undefined) {
    return fail(
      `the proxy ${proxy.proxy} refused the connection to ${host} (${proxy.status})`,
      `ask the proxy's administrators to allow ${host}, or ${check}`,
    );
  }
  switch (proxy.code) {
    case 'ECONNREFUSED':
      return fail(`cannot connect to the proxy ${proxy.proxy}: connection refused`, check);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return fail(`cannot resolve the proxy host in ${proxy.proxy} (${proxy.code})`, check);
    default:
      return fail(`the connection to the proxy ${proxy.proxy} failed (${proxy.code})`, check);
  }
}

export function fromNetwork(failure: NetworkFailure, context: RequestContext): HelixError {
  if (failure.maybeSent && mutates(context)) {
    return outcomeUnknown(`connection lost: ${failure.code}`, context);
  }
  const host = context.host ?? 'the service';
  if (failure.proxy) return fromProxy(failure.proxy, host);
  if (failure.kind === 'tls') return fromTls(failure.code, host);
  if (failure.kind === 'blocked') {
    // Not the network: the URL names a port fetch never connects to. A usage error (exit 2).
    return new UsageError(`cannot connect to ${host}: fetch refuses that port (a "bad port")`, {
      hint: "use the portal's own port (https: 443), or put a proxy on another port",
    });
  }
  const messages: Record<NetworkFailure['kind'], string> = {
    refused: `cannot connect to ${host}: connection refused`,
    dns: `cannot resolve host ${host} (${failure.code})`,
    unreachable: `cannot reach ${host} (${failure.code})`,
    reset: `the connection to ${host} was lost (${failure.code})`,
    tls: `TLS connection to ${host} failed (${failure.code})`,
    blocked: `cannot connect to ${host} (${failure.code})`,
    proxy: `the proxy failed (${failure.code})`,
    other: `network error talking to ${host} (${failure.code})`,
  };
  return new ServiceError(messages[failure.kind], {
    code: 'NETWORK_ERROR',
    hint: HINTS[failure.kind] ?? 'check your network and try again',
  });
}
