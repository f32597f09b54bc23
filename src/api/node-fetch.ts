import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { FetchLike } from './attempt-fetch.js';
import { fetchFailed, responseOf, socketClosed } from './node-response.js';

type Transport = { request(url: URL, options: RequestOptions): ClientRequest };

/**
 * The default transport: fetch's contract (a Request in; a Response with a streamed body out;
 * `TypeError('fetch failed', {cause})` when no response arrives) on node:http and node:https
 * with their keep-alive global agents. Node 20's global fetch compiles undici's WebAssembly
 * HTTP parser on its first request, some 100 ms of every command on a 2-core machine;
 * node:http's parser is built in. It sends the headers undici's fetch adds and decodes the
 * encodings it decodes, and its failures carry undici's codes (`UND_ERR_SOCKET` when the
 * service closes the connection), so retries and messages are those of the global fetch.
 */
export const nodeFetch: FetchLike = async (request) => {
  const url = new URL(request.url);
  const signal = request.signal;
  if (signal.aborted) throw signal.reason;
  const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
  // Not `await import()`: a built-in's ES module facade costs more than the lookup.
  const transport: Transport = process.getBuiltinModule(
    url.protocol === 'https:' ? 'node:https' : 'node:http',
  );
  return new Promise<Response>((resolve, reject) => {
    const req = transport.request(url, {
      method: request.method,
      headers: wireHeaders(request.headers, url, body),
    });
    const onAbort = () => {
      req.destroy();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('error', (error: NodeJS.ErrnoException) => {
      signal.removeEventListener('abort', onAbort);
      reject(fetchFailed(isPeerClose(error) ? socketClosed() : error));
    });
    req.once('response', (res: IncomingMessage) => {
      signal.removeEventListener('abort', onAbort);
      try {
        resolve(responseOf(res, request.method, signal));
      } catch (error) {
        res.destroy();
        reject(fetchFailed(error));
      }
    });
    req.end(body);
  });
};

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
