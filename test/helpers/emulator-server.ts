import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Credential,
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type RunningServer,
  startServer,
} from '../../src/emulator/index.js';
import { imsPaths } from '../../src/wire/paths.js';
import type { LoginResponse } from '../../src/wire/types.js';

/** A credential as tests hold it; `tenantId` is optional at login. */
export interface TestCredential {
  accessKey: string;
  secretKey: string;
  tenantId?: string;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields
  body: any;
  text: string;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  /** Sent as-is instead of `body` (malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestEmulator {
  readonly url: string;
  readonly emulator: Emulator;
  readonly server: RunningServer;
  readonly dbPath: string;
  /** The bootstrap admin credential, when the database was bootstrapped. */
  readonly admin: Credential | undefined;
  /** Request log lines the emulator wrote. */
  readonly logs: string[];
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  loginResponse(credential: TestCredential): Promise<LoginResponse>;
  /** Logs in and returns the access JWT (fails the test unless 200). */
  login(credential: TestCredential): Promise<string>;
  /** Moves the test clock (the emulator must have `testClock`). */
  advance(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export type TestEmulatorOptions = Omit<EmulatorOptions, 'log' | 'seed'> & {
  /** A seed object, or the name of a file in test/fixtures (e.g. `seed-basic.json`). */
  seed?: unknown;
};

/** Reads a seed file of test/fixtures. */
export function fixtureSeed(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

/**
 * Starts a real emulator over HTTP on 127.0.0.1 (ephemeral port) with a temp-file database,
 * unless `db` is given. `close()` stops the server, closes the database and removes the temp dir.
 */
export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const dir = options.db === undefined ? mkdtempSync(join(tmpdir(), 'helixctl-emu-')) : undefined;
  const dbPath = options.db ?? join(dir ?? '', 'emulator.db');
  const seed = typeof options.seed === 'string' ? fixtureSeed(options.seed) : options.seed;
  const logs: string[] = [];
  const removeDir = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  let emulator: Emulator;
  let server: RunningServer;
  try {
    emulator = createEmulator({ ...options, db: dbPath, seed, log: (line) => logs.push(line) });
  } catch (error) {
    // A test of bad options expects this throw: the temp folder must not outlive it.
    removeDir();
    throw error;
  }
  try {
    server = await startServer(emulator, { host: '127.0.0.1', port: 0 });
  } catch (error) {
    emulator.close();
    removeDir();
    throw error;
  }
  const request = async (method: string, path: string, opts: RequestOptions = {}) => {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.rawBody;
    if (body === undefined && opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(new URL(path, server.url), {
      method,
      headers,
      body: body ?? null,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
      text,
    };
  };
  const loginResponse = async (credential: TestCredential) => {
    const res = await request('POST', imsPaths.login, {
      body: {
        access_key: credential.accessKey,
        access_secret_key: credential.secretKey,
        ...(credential.tenantId === undefined ? {} : { tenant_id: credential.tenantId }),
      },
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
    return res.body as LoginResponse;
  };
  return {
    url: server.url,
    emulator,
    server,
    dbPath,
    admin: emulator.bootstrap?.adminCredential,
    logs,
    request,
    loginResponse,
    login: async (credential) => (await loginResponse(credential)).json_web_token,
    async advance(seconds) {
      const res = await request('POST', imsPaths.emulatorClock, {
        body: { advance_seconds: seconds },
      });
      if (res.status !== 200) throw new Error(`clock: ${res.status} ${res.text}`);
    },
    async close() {
      try {
        await server.close();
      } finally {
        try {
          emulator.close();
        } finally {
          removeDir();
        }
      }
    },
  };
}

/** The ids of the emulator's roles and groups, by name (as `token` sees them). */
export async function roleAndGroupIds(
  emu: TestEmulator,
  token: string,
): Promise<{ roleIds: Record<string, string>; groupIds: Record<string, string> }> {
  const roles = await emu.request('GET', imsPaths.roles, { token });
  const groups = await emu.request('GET', imsPaths.groups, { token });
  return {
    roleIds: Object.fromEntries(
      roles.body.records.map((r: { name: string; role_id: string }) => [r.name, r.role_id]),
    ),
    groupIds: Object.fromEntries(
      groups.body.records.map((g: { name: string; group_id: string }) => [g.name, g.group_id]),
    ),
  };
}
