import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback HTTP proxy (127.0.0.1, port 0) between the CLI and a real upstream (`helixctl
 * serve`, `startTestEmulator`). It forwards everything by default; rules make chosen requests
 * misbehave, selected by method and path regex, and by which of the rule's matches they are
 * (the first N, given match numbers, or a predicate). It records every request with what the
 * client got, so tests can count what reached the wire. Test infrastructure, not a mock: it
 * speaks plain HTTP and knows nothing of the client.
 *
 *   const proxy = await startFaultProxy(serve.url);
 *   proxy.inject({ method: 'POST', path: /\/secret$/, matches: [2, 5], fault: FAULTS.status(500) });
 *   ... run the CLI with HELIX_URL=proxy.url ...
 *   expect(proxy.count('POST', /\/secret$/)).toBe(50);
 */

/** What a faulted request gets. `forward: true` first lets the upstream act, then loses its answer. */
export type Fault =
  /** Answers this status without asking the upstream; an object body is sent as JSON. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Destroys the connection: the client sees no status line at all. */
  | { kind: 'reset' }
  /** Holds the request (forever, or `ms` then resets): past the client's timeout. */
  | { kind: 'stall'; ms?: number }
  /** Sends the upstream's status and full Content-Length, then `bytes` of the body, then closes. */
  | { kind: 'truncate'; bytes: number };

export type FaultOn = Fault & { forward?: boolean };

/** Ready-made faults for the common cases. */
export const FAULTS = {
  /** The IMS error envelope with this status, unless another body is given. */
  status: (status: number, body?: unknown): FaultOn => ({
    kind: 'status',
    status,
    body: body ?? imsEnvelope(status, 'INJECTED_FAULT', 'fault injected by the test proxy'),
  }),
  /** A load balancer's 502: an HTML page, not the IMS JSON envelope. */
  badGateway: (): FaultOn => ({
    kind: 'status',
    status: 502,
    body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    headers: { 'content-type': 'text/html' },
  }),
  unavailable: (retryAfterSeconds: number): FaultOn => retryAfter(503, retryAfterSeconds),
  rateLimited: (retryAfterSeconds: number): FaultOn => retryAfter(429, retryAfterSeconds),
  reset: (): FaultOn => ({ kind: 'reset' }),
  stall: (ms?: number): FaultOn => (ms === undefined ? { kind: 'stall' } : { kind: 'stall', ms }),
  truncate: (bytes = 10): FaultOn => ({ kind: 'truncate', bytes }),
  /** The upstream acts on the request, then the client's answer is lost in the given way. */
  afterForward: (fault: Fault): FaultOn => ({ ...fault, forward: true }),
} as const;

export interface FaultRule {
  /** Any method when absent. */
  method?: string;
  /** Matched against the path without its query string; a string must be equal. */
  path: RegExp | string;
  /** Fault only the first `times` matches. */
  times?: number;
  /** Fault only these matches (1-based, counted over this rule's matching requests). */
  matches?: readonly number[];
  /** Fault when this returns true (after `times`/`matches`, which must also allow it). */
  when?: (request: ProxiedRequest, match: number) => boolean;
  fault: FaultOn;
}

export interface RuleHandle {
  /** Requests this rule matched (faulted or not). */
  readonly matched: number;
  /** Requests this rule faulted. */
  readonly faulted: ProxiedRequest[];
  remove(): void;
}

export interface ProxiedRequest {
  method: string;
  /** Without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The fault applied, if any. */
  fault?: Fault['kind'];
  /** Whether the upstream saw the request. */
  forwarded: boolean;
  /** The status the client received, when it received one. */
  status?: number;
  /** `Date.now()` when the request arrived (its body read). */
  at: number;
  /** `Date.now()` when the exchange ended: answered, reset, or given up by the client. */
  endedAt?: number;
  /** The upstream's answer body, for forwarded requests (tokens and secrets tests must know). */
  responseBody?: string;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: give it to the CLI as HELIX_URL. */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: ProxiedRequest[];
  /** Adds a rule; the first rule that matches a request and selects it decides its fault. */
  inject(rule: FaultRule): RuleHandle;
  /** Removes every rule: everything is forwarded again. */
  clear(): void;
  count(method: string, path: RegExp | string): number;
  /** Resolves with the `nth` (1-based, default 1) matching request once it has arrived. */
  waitForRequest(method: string, path: RegExp | string, nth?: number): Promise<ProxiedRequest>;
  /**
   * Milliseconds between consecutive matching requests' arrivals (a retry's wait shows here).
   */
  gaps(method: string, path: RegExp | string): number[];
  /** The most requests in progress at once since the start (or the last `resetPeak`). */
  readonly peakInFlight: number;
  resetPeak(): void;
  close(): Promise<void>;
}

interface LiveRule extends FaultRule {
  matchedCount: number;
  faultedList: ProxiedRequest[];
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const rules: LiveRule[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const flight = { now: 0, peak: 0 };
  const waiters = new Set<() => void>();
  const matching = (method: string, path: RegExp | string) =>
    requests.filter((r) => r.method === method.toUpperCase() && pathMatches(path, r.path));
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    flight.now += 1;
    flight.peak = Math.max(flight.peak, flight.now);
    const recorded = await record(req);
    res.once('close', () => {
      flight.now -= 1;
      recorded.endedAt = Date.now();
    });
    requests.push(recorded);
    for (const wake of [...waiters]) wake();
    const fault = pick(rules, recorded);
    if (fault === undefined || fault.forward === true || fault.kind === 'truncate') {
      const answer = await forward(target, req, recorded.body);
      recorded.forwarded = true;
      recorded.responseBody = answer.body.toString('utf8');
      if (fault === undefined) return send(res, recorded, answer);
      if (fault.kind === 'truncate') return truncate(res, recorded, answer, fault.bytes);
    }
    await misbehave(res, recorded, fault as Fault);
  };
  // An unreachable upstream looks to the client like a reset connection, as through a real proxy.
  const server = createServer(
    (req, res) => void handle(req, res).catch(() => res.socket?.destroy()),
  );
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject(rule) {
      const live: LiveRule = { ...rule, matchedCount: 0, faultedList: [] };
      rules.push(live);
      return {
        get matched() {
          return live.matchedCount;
        },
        faulted: live.faultedList,
        remove: () => void rules.splice(rules.indexOf(live), 1),
      };
    },
    clear: () => void rules.splice(0),
    get peakInFlight() {
      return flight.peak;
    },
    resetPeak: () => {
      flight.peak = flight.now;
    },
    count: (method, path) => matching(method, path).length,
    waitForRequest: (method, path, nth = 1) =>
      new Promise((resolve) => {
        const check = () => {
          const found = matching(method, path)[nth - 1];
          if (found === undefined) return;
          waiters.delete(check);
          resolve(found);
        };
        waiters.add(check);
        check();
      }),
    gaps: (method, path) => {
      const times = matching(method, path).map((r) => r.at);
      return times.slice(1).map((t, i) => t - (times[i] as number));
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `{timestamp, code, message, error}`, the IMS error body. */
export function imsEnvelope(status: number, message: string, error: string) {
  return { timestamp: new Date().toISOString(), code: status, message, error };
}

function retryAfter(status: number, seconds: number): FaultOn {
  const reason = status === 429 ? 'TOO_MANY_REQUESTS' : 'SERVICE_UNAVAILABLE';
  return {
    kind: 'status',
    status,
    body: imsEnvelope(status, reason, 'fault injected by the test proxy'),
    headers: { 'retry-after': String(seconds) },
  };
}

function pathMatches(pattern: RegExp | string, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

/** Counts the request against every matching rule; returns the first selected rule's fault. */
function pick(rules: LiveRule[], request: ProxiedRequest): FaultOn | undefined {
  let chosen: FaultOn | undefined;
  for (const rule of rules) {
    if (rule.method !== undefined && rule.method.toUpperCase() !== request.method) continue;
    if (!pathMatches(rule.path, request.path)) continue;
    rule.matchedCount += 1;
    const n = rule.matchedCount;
    const selected =
      (rule.times === undefined || n <= rule.times) &&
      (rule.matches === undefined || rule.matches.includes(n)) &&
      (rule.when === undefined || rule.when(request, n));
    if (!selected || chosen !== undefined) continue;
    chosen = rule.fault;
    request.fault = rule.fault.kind;
    rule.faultedList.push(request);
  }
  return chosen;
}

async function record(req: IncomingMessage): Promise<ProxiedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://proxy.invalid');
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
    forwarded: false,
    at: Date.now(),
  };
}

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

function forward(target: URL, req: IncomingMessage, body: string): Promise<Upstream> {
  const headers = { ...req.headers, host: target.host };
  return new Promise((resolve, reject) => {
    const out = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      async (answer) => {
        const chunks: Buffer[] = [];
        for await (const chunk of answer) chunks.push(chunk as Buffer);
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (!HOP_BY_HOP.has(name) && value !== undefined) kept[name] = String(value);
        }
        resolve({ status: answer.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

function send(res: ServerResponse, recorded: ProxiedRequest, answer: Upstream): void {
  recorded.status = answer.status;
  res.writeHead(answer.status, { ...answer.headers, 'content-length': answer.body.length });
  res.end(answer.body);
}

function truncate(res: ServerResponse, rec: ProxiedRequest, answer: Upstream, bytes: number) {
  rec.status = answer.status;
  res.writeHead(answer.status, { ...answer.headers, 'content-length': answer.body.length });
  res.write(answer.body.subarray(0, Math.min(bytes, answer.body.length - 1)), () =>
    res.socket?.destroy(),
  );
}

async function misbehave(res: ServerResponse, recorded: ProxiedRequest, fault: Fault) {
  if (fault.kind === 'reset') return void res.socket?.destroy();
  if (fault.kind === 'stall') {
    if (fault.ms === undefined) return; // until the proxy closes
    await new Promise((resolve) => setTimeout(resolve, fault.ms));
    return void res.socket?.destroy();
  }
  if (fault.kind !== 'status') return;
  const text =
    fault.body === undefined
      ? ''
      : typeof fault.body === 'string'
        ? fault.body
        : JSON.stringify(fault.body);
  recorded.status = fault.status;
  res.writeHead(fault.status, {
    ...(text === '' ? {} : { 'content-type': 'application/json' }),
    ...fault.headers,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
