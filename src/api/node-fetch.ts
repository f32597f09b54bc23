import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { FetchLike } from './attempt-fetch.js';
import { ProxyFailure } from './network-error.js';
import { fetchFailed, responseOf, socketClosed } from './node-response.js';
import { type ProxyChoice, proxyLabel } from './proxy.js';

type Transport = { request(url: URL, options: RequestOptions): ClientRequest };

/** How to reach the portal: which proxy (chosen once per connection) and which CAs to trust. */
export interface NetworkOptions {
  proxy?: ProxyChoice | undefined;
  /** Extra trusted CAs (PEM), on top of the system's and NODE_EXTRA_CA_CERTS. */
  caPem?: string | undefined;
}

/** Only the proxy's socket can fail these ways: the client never resolves the portal itself. */
const PROXY_CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * The default transport: fetch's contract (a Request in; a Response with a streamed body out;
 * `TypeError('fetch failed', {cause})` when no response arrives) on node:http and node:https
 * with their keep-alive global agents. Node 20's global fetch compiles undici's WebAssembly
 * HTTP parser on its first request, some 100 ms of every command on a 2-core machine;
 * node:http's parser is built in. It sends the headers undici's fetch adds and decodes the
 * encodings it decodes, and its failures carry undici's codes (`UND_ERR_SOCKET` when the
 * service closes the connection), so retries and messages are those of the global fetch.
 */
export const nodeFetch: FetchLike = createNodeFetch({});

/**
 * {@link nodeFetch} through a proxy and/or with extra CAs. The proxy agents (CONNECT for
 * https, absolute-form requests for http) load on the first request that needs one.
 */
export function createNodeFetch(network: NetworkOptions): FetchLike {
  const agents = new Map<string, Promise<Agent>>();
  const proxyUrl = network.proxy?.url;
  const ca = network.caPem === undefined ? undefined : trustedCas(network.caPem);
  const agentFor = (url: URL): Promise<Agent> | undefined => {
    if (proxyUrl === undefined) return undefined;
    let agent = agents.get(url.protocol);
    if (!agent) {
      agent = proxyAgent(proxyUrl, url.protocol === 'https:', ca);
      agents.set(url.protocol, agent);
    }
    return agent;
  };
  const failure = (fields: { code: string; status?: number }) =>
    proxyUrl === undefined
      ? undefined
      : new ProxyFailure({
          ...fields,
          proxy: proxyLabel(proxyUrl),
          source: network.proxy?.source ?? 'none',
          hadCredentials: proxyUrl.username !== '' || proxyUrl.password !== '',
        });
  return (request) => send(request, agentFor(new URL(request.url)), ca, failure);
}

async function proxyAgent(proxy: URL, https: boolean, ca: string[] | undefined): Promise<Agent> {
  // The proxy's own TLS (an https:// proxy URL) trusts the same CAs as the portal's.
  const tls = ca !== undefined && proxy.protocol === 'https:' ? { ca } : {};
  if (https) {
    const { HttpsProxyAgent } = await import('https-proxy-agent');
    return new HttpsProxyAgent(proxy, { keepAlive: true, ...tls });
  }
  const { HttpProxyAgent } = await import('http-proxy-agent');
  return new HttpProxyAgent(proxy, { keepAlive: true, ...tls });
}

/**
 * Passing `ca` replaces Node's trust store, so it is rebuilt in full: the bundled roots, the
 * NODE_EXTRA_CA_CERTS file Node read at start-up, then the profile's CA file.
 */
function trustedCas(pem: string): string[] {
  const { rootCertificates } = process.getBuiltinModule('node:tls');
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  const fs = process.getBuiltinModule('node:fs');
  let extraPem: string[] = [];
  if (extra) {
    try {
      extraPem = [fs.readFileSync(extra, 'utf8')];
    } catch {
      // Node has already warned about an unreadable NODE_EXTRA_CA_CERTS at start-up.
    }
  }
  return [...rootCertificates, ...extraPem, pem];
}

type FailureOf = (fields: { code: string; status?: number }) => ProxyFailure | undefined;

async function send(
  request: Request,
  agent: Promise<Agent> | undefined,
  ca: string[] | undefined,
  proxyFailure: FailureOf,
): Promise<Response> {
  const url = new URL(request.url);
  const signal = request.signal;
  if (signal.aborted) throw signal.reason;
  const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
  // Not `await import()`: a built-in's ES module facade costs more than the lookup.
  const transport: Transport = process.getBuiltinModule(
    url.protocol === 'https:' ? 'node:https' : 'node:http',
  );
  const options: RequestOptions & { ca?: string[] } = {
    method: request.method,
    headers: wireHeaders(request.headers, url, body),
  };
  if (agent !== undefined) options.agent = await agent;
  if (ca !== undefined && url.protocol === 'https:') options.ca = ca;
  return new Promise<Response>((resolve, reject) => {
    const req = transport.request(url, options);
    // https-proxy-agent reports the CONNECT answer; anything but 200 is the proxy's refusal.
    let tunnel: number | undefined;
    req.once('proxyConnect', (answer: { statusCode: number }) => {
      tunnel = answer.statusCode;
    });
    const onAbort = () => {
      req.destroy();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('error', (error: NodeJS.ErrnoException) => {
      signal.removeEventListener('abort', onAbort);
      const viaProxy =
        tunnel === undefined && PROXY_CONNECT_CODES.has(error.code ?? '')
          ? proxyFailure({ code: error.code ?? 'ERROR' })
          : undefined;
      reject(fetchFailed(viaProxy ?? (isPeerClose(error) ? socketClosed() : error)));
    });
    req.once('response', (res: IncomingMessage) => {
      signal.removeEventListener('abort', onAbort);
      // The answer is the proxy's, not the portal's: a refused tunnel, or 407 (which only a
      // proxy sends) on a plain-http request.
      const status = res.statusCode ?? 0;
      const refused =
        (tunnel !== undefined && tunnel !== 200) || status === 407
          ? proxyFailure({ code: `PROXY_${tunnel ?? status}`, status: tunnel ?? status })
          : undefined;
      if (refused) {
        res.destroy();
        reject(fetchFailed(refused));
        return;
      }
      try {
        resolve(responseOf(res, request.method, signal));
      } catch (error) {
        res.destroy();
        reject(fetchFailed(error));
      }
    });
    req.end(body);
  });
}

/** node:http says "socket hang up" when the peer closed the connection without answering. */
function isPeerClose(error: NodeJS.ErrnoException): boolean {
  return error.code === 'ECONNRESET' && error.message === 'socket hang up';
}

/** The request's headers plus what undici's fetch adds when they are absent. */
function wireHeaders(headers: Headers, url: URL, body: Buffer | undefined) {
  const out: Record<string, string> = {
    accept: '*/*',
    'accept-language': '*',
    'sec-fetch-mode': 'cors',
    'user-agent': 'node',
    'accept-encoding': url.protocol === 'https:' ? 'br, gzip, deflate' : 'gzip, deflate',
  };
  for (const [name, value] of headers) out[name] = value;
  if (body !== undefined) out['content-length'] = String(body.byteLength);
  return out;
}
