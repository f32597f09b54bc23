import { expect } from 'vitest';
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
} from '../../../src/emulator/index.js';
import { imsPaths } from '../../../src/wire/paths.js';
import type { TestCredential } from '../../helpers/emulator-server.js';
import { fixtureSeed } from '../../helpers/emulator-server.js';
import { useResource } from '../../helpers/lifecycle.js';

/** A fixed start, so that timestamps and expiries in these tests never depend on today. */
export const START = new Date('2026-01-15T12:00:00Z');

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields
  body: any;
}

export interface SendOptions {
  token?: string;
  /** Serialised as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Sent as-is (no content-type is added). */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface InProcess {
  readonly emulator: Emulator;
  /** Unexpected errors the emulator logged (a 500's stack). */
  readonly errors: string[];
  send(method: string, path: string, options?: SendOptions): Promise<Sent>;
  login(credential: TestCredential): Promise<string>;
  close(): void;
}

/**
 * inProcess() for the file: after its tests, the emulator must have logged no unexpected
 * error, then it is closed.
 */
export function useInProcess(options: EmulatorOptions = {}): InProcess {
  return useResource(
    'the in-process emulator',
    'file',
    () => inProcess(options),
    (emu) => {
      try {
        expect(emu.errors).toEqual([]);
      } finally {
        emu.close();
      }
    },
  );
}

/** The real emulator, in this process, reached through `emulator.fetch` (no port). */
export function inProcess(options: EmulatorOptions = {}): InProcess {
  const errors: string[] = [];
  const emulator = createEmulator({
    seed: fixtureSeed('seed-basic.json'),
    testClock: true,
    now: START,
    logError: (line) => errors.push(line),
    ...options,
  });
  const send = async (method: string, path: string, opts: SendOptions = {}): Promise<Sent> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Uint8Array | undefined = opts.raw;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] ??= 'application/json';
    }
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = body;
    const response = await emulator.fetch(new URL(path, 'http://emulator.test'), init);
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  };
  return {
    emulator,
    errors,
    send,
    async login(credential) {
      const res = await send('POST', imsPaths.login, {
        json: { access_key: credential.accessKey, access_secret_key: credential.secretKey },
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
      return res.body.json_web_token as string;
    },
    close: () => emulator.close(),
  };
}

/** Asserts nothing about the body: returns the IMS envelope's fields for one expect. */
export function envelopeOf(res: Sent): [number, string, string] {
  return [res.body?.code, res.body?.message, res.body?.error];
}
