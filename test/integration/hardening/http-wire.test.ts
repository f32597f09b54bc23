import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { basic } from '../../helpers/emulator-seed.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'seed-basic.json', testClock: true });
});
afterAll(() => emu.close());

/** Writes raw bytes to the server and resolves with everything it answers until it closes. */
function raw(request: string | Buffer[]): Promise<string> {
  const { port } = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve(answer) : reject(error),
    );
    socket.on('connect', () => {
      for (const part of typeof request === 'string' ? [Buffer.from(request)] : request) {
        socket.write(part);
      }
    });
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  return { status, head, body: JSON.parse(body) };
}

describe('requests refused by the HTTP parser', () => {
  it('answers headers over 16 KiB with 431 and the envelope', async () => {
    const answer = parse(
      await raw(
        `GET ${imsPaths.userinfo} HTTP/1.1\r\nHost: x\r\nX-Pad: ${'p'.repeat(20_000)}\r\n\r\n`,
      ),
    );
    expect(answer.status).toBe(431);
    expect(answer.head).toMatch(/content-type: application\/json/i);
    expect(answer.body).toEqual({
      timestamp: expect.stringMatching(/Z$/),
      code: 431,
      message: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
      error: 'Request headers are too large',
    });
  });

  it('answers a malformed request line or Content-Length with 400 and the envelope', async () => {
    for (const request of [
      'NOT A REQUEST\r\n\r\n',
      `POST ${imsPaths.login} HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}`,
      `GET ${imsPaths.userinfo} HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n`,
    ]) {
      const answer = parse(await raw(request));
      expect(answer.status, request.slice(0, 20)).toBe(400);
      expect(answer.body).toMatchObject({
        code: 400,
        message: 'BAD_REQUEST',
        error: 'Malformed HTTP request',
      });
    }
  });
});

describe('bodies over HTTP', () => {
  it('stops reading a chunked body past 64 KiB and answers 413', async () => {
    const token = await emu.login(basic.acmeAdmin);
    const chunk = `${(32 * 1024).toString(16)}\r\n${'x'.repeat(32 * 1024)}\r\n`;
    const head = `POST ${imsPaths.keys} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
    const answer = parse(
      await raw([
        Buffer.from(head),
        ...Array.from({ length: 4 }, () => Buffer.from(chunk)),
        Buffer.from('0\r\n\r\n'),
      ]),
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 413, message: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a declared Content-Length over 64 KiB before reading it', async () => {
    const answer = parse(
      await raw(
        `POST ${imsPaths.login} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\nConnection: close\r\n\r\n{`,
      ),
    );
    expect(answer.status).toBe(413);
    expect((await emu.request('GET', imsPaths.emulatorHealth)).status).toBe(200);
  });

  it('answers a form post with 415 over HTTP too', async () => {
    const res = await emu.request('POST', imsPaths.login, {
      rawBody: 'access_key=x&access_secret_key=y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([res.status, res.body.message]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});
