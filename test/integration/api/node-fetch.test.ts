import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../../src/api/network-error.js';
import { nodeFetch } from '../../../src/api/node-fetch.js';

/**
 * nodeFetch (the default transport) against the global fetch it replaces, on a loopback
 * server: for every case both must send the same request and report the same outcome.
 */

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const routes = new Map<string, Handler>();
const seen: { raw: string[]; body: string }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ raw: req.rawHeaders, body });
      routes.get(req.url ?? '')?.(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fetchers = [
  ['global fetch', (r: Request) => fetch(r)],
  ['nodeFetch', async (r: Request) => nodeFetch(r)],
] as const;
const both = (name: string, run: (f: (r: Request) => Promise<Response>) => Promise<unknown>) =>
  it(`${name}: same outcome as the global fetch`, async () => {
    const outcomes = [];
    for (const [, f] of fetchers) outcomes.push(await run(f));
    expect(outcomes[1]).toEqual(outcomes[0]);
  });
const settle = async (p: Promise<unknown>) =>
  p.then(
    (value) => ({ ok: value }),
    (error: Error) => ({
      name: error.name,
      message: error.message,
      net: classifyNetworkError(error),
    }),
  );
/** The request headers as received, by name (order and the port in `host` aside). */
const headersOf = (raw: string[]) => {
  const out: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2)
    out[(raw[i] as string).toLowerCase()] = raw[i + 1] as string;
  out.host = out.host?.replace(/:\d+$/, '') ?? '';
  return out;
};
const route = (path: string, handler: Handler) => {
  routes.set(path, handler);
  return `${base}${path}`;
};

describe('nodeFetch', () => {
  both('GET and POST put the same headers and body on the wire', async (f) => {
    const url = route('/echo', (_req, res) => res.end('{}'));
    seen.length = 0;
    await (await f(new Request(url, { headers: { accept: 'application/json' } }))).text();
    const json = { name: 'ci', n: 1 };
    const post = new Request(url, {
      method: 'POST',
      body: JSON.stringify(json),
      headers: { 'content-type': 'application/json', 'user-agent': 'helixctl node/20' },
    });
    await (await f(post)).text();
    return seen.map((s) => ({ headers: headersOf(s.raw), body: s.body }));
  });

  for (const [coding, encode] of [
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const) {
    both(`decodes a ${coding} body`, async (f) => {
      const url = route(`/${coding}`, (_req, res) => {
        res.writeHead(200, { 'content-encoding': coding, 'content-type': 'application/json' });
        res.end(encode(JSON.stringify({ records: Array.from({ length: 500 }, (_, i) => i) })));
      });
      const response = await f(new Request(url));
      return { status: response.status, body: await response.json() };
    });
  }

  both('passes an unknown coding through and keeps every header', async (f) => {
    const url = route('/odd', (_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(203, 'Fine', { 'content-encoding': 'zstd-ish', 'x-one': 'v' });
      res.end('raw bytes');
    });
    const response = await f(new Request(url));
    return {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers].filter(([n]) => n !== 'date' && n !== 'keep-alive'),
      cookies: response.headers.getSetCookie(),
      body: await response.text(),
    };
  });

  both(
    'gives no body for 204 and HEAD, and does not follow a redirect it is told not to',
    async (f) => {
      const url = route('/empty', (req, res) => {
        if (req.method === 'GET') res.writeHead(302, { location: '/elsewhere' }).end('moved');
        else res.writeHead(204).end();
      });
      const outcomes = [];
      for (const method of ['DELETE', 'HEAD']) {
        const response = await f(new Request(url, { method }));
        outcomes.push({
          status: response.status,
          body: response.body,
          text: await response.text(),
        });
      }
      const redirect = await f(new Request(url, { redirect: 'manual' }));
      outcomes.push({ status: redirect.status, location: redirect.headers.get('location') });
      return outcomes;
    },
  );

  both('reads a large body whole', async (f) => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const url = route('/big', (_req, res) => res.end(big));
    return (await (await f(new Request(url))).text()).length;
  });

  both('reports a connection closed before any answer as UND_ERR_SOCKET', async (f) => {
    const url = route('/close', (req) => req.socket.destroy());
    return settle(f(new Request(url, { method: 'POST', body: '{}' })));
  });

  both('reports a body cut off mid-way as terminated (UND_ERR_SOCKET)', async (f) => {
    const url = route('/cut', (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const response = await f(new Request(url));
    return { status: response.status, read: await settle(response.text()) };
  });

  both('reports a refused connection as ECONNREFUSED', async (f) => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    return settle(f(new Request(`http://127.0.0.1:${port}/`)));
  });

  both('rejects with the signal reason when aborted before or while waiting', async (f) => {
    const url = route('/slow', (_req, res) => setTimeout(() => res.end('late'), 2000));
    const early = new AbortController();
    early.abort(new Error('stop now'));
    const waiting = new AbortController();
    const pending = settle(f(new Request(url, { signal: waiting.signal })));
    setTimeout(() => waiting.abort(new Error('gave up')), 50);
    return [await settle(f(new Request(url, { signal: early.signal }))), await pending];
  });

  both('errors the body with the signal reason when aborted while reading it', async (f) => {
    const url = route('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('first part');
    });
    const controller = new AbortController();
    const response = await f(new Request(url, { signal: controller.signal }));
    const reading = settle(response.text());
    controller.abort(new Error('timed out'));
    return { status: response.status, read: await reading };
  });
});
