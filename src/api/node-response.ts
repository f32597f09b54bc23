import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

const NULL_BODY = new Set([101, 204, 205, 304]);

/** The failure global fetch reports when no response arrived. */
export function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

/** undici's error when the service closes the connection early: code `UND_ERR_SOCKET`. */
export function socketClosed(): Error {
  return Object.assign(new Error('other side closed'), {
    name: 'SocketError',
    code: 'UND_ERR_SOCKET',
  });
}

/**
 * A fetch Response over a node:http response: status and headers now, the body streamed (and
 * decoded as undici decodes it) as it is read. A connection lost mid-body errors the stream
 * with fetch's `TypeError('terminated')` (cause `UND_ERR_SOCKET`); an abort with the signal's
 * reason.
 */
export function responseOf(res: IncomingMessage, method: string, signal: AbortSignal): Response {
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    headers.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
  }
  const status = res.statusCode ?? 0;
  const init = { status, statusText: res.statusMessage ?? '', headers };
  if (method === 'HEAD' || NULL_BODY.has(status)) {
    res.resume();
    return new Response(null, init);
  }
  return new Response(bodyStream(res, decoded(res, headers), signal), init);
}

function bodyStream(res: IncomingMessage, source: Readable, signal: AbortSignal) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let done = false;
      const finish = (error?: unknown) => {
        if (done) return;
        done = true;
        signal.removeEventListener('abort', onAbort);
        if (error === undefined) controller.close();
        else controller.error(error);
      };
      const lost = (cause: unknown = socketClosed()) => new TypeError('terminated', { cause });
      const onAbort = () => {
        finish(signal.reason);
        res.destroy();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      source.on('data', (chunk: Buffer) => {
        if (done) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) source.pause();
      });
      source.once('end', () => finish(res.complete ? undefined : lost()));
      // A connection lost mid-body ends the message incomplete ('aborted', then 'close').
      res.once('close', () => {
        if (!res.complete) finish(lost());
      });
      source.once('error', (error) => finish(lost(res.complete ? error : socketClosed())));
    },
    pull() {
      source.resume();
    },
    cancel() {
      res.destroy();
    },
  });
}

/** The body through the decoders of its `content-encoding`, last applied first (as undici). */
function decoded(res: IncomingMessage, headers: Headers): Readable {
  const codings = (headers.get('content-encoding') ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) return res;
  // Loaded only for an encoded body (the emulator never encodes).
  const zlib = process.getBuiltinModule('node:zlib');
  const sync = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  let stream: Readable = res;
  for (const coding of codings.reverse()) {
    const decoder =
      coding === 'gzip' || coding === 'x-gzip'
        ? zlib.createGunzip(sync)
        : coding === 'deflate'
          ? zlib.createInflate(sync)
          : coding === 'br'
            ? zlib.createBrotliDecompress()
            : undefined;
    // An unknown coding is passed through as it is, as undici does.
    if (decoder === undefined) return stream;
    stream.once('error', (error) => decoder.destroy(error));
    stream = stream.pipe(decoder);
  }
  return stream;
}
