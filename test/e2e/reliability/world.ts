import { beforeEach } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { imsPaths } from '../../../src/wire/paths.js';
import type { AccessKeyRecord } from '../../../src/wire/types.js';
import { type CliResult, type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { type FaultProxy, startFaultProxy } from '../../helpers/fault-proxy.js';
import { jsonRequest } from '../../helpers/http-json.js';
import { useResource } from '../../helpers/lifecycle.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';

/**
 * The scene of the reliability and security batteries: `helixctl serve` (the built binary),
 * the fault proxy in front of it, a sandbox HOME, and a direct line to the service that
 * bypasses the proxy (to set up keys and to read the state afterwards).
 */

export interface Cred {
  accessKey: string;
  secretKey: string;
  tenantId: string;
}

export interface Timed extends CliResult {
  /** Wall time of the whole child process, spawn to exit. */
  ms: number;
}

export interface World {
  serve: ServeProcess;
  proxy: FaultProxy;
  box: Sandbox;
  admin: Cred;
  /**
   * Environment for a CLI run through the proxy with the admin credential (env mode); `extra`
   * on top, where an empty value removes the variable.
   */
  env(extra?: Record<string, string>): Record<string, string>;
  /** The built CLI through the proxy; `extra` env on top. */
  cli(argv: string[], options?: { env?: Record<string, string>; input?: string }): Promise<Timed>;
  /** A direct admin call to serve (not through the proxy). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** Every key of the admin's tenant, straight from the service. */
  keys(): Promise<AccessKeyRecord[]>;
  /** Creates a key directly; returns its credential. */
  createKey(name: string, type?: 'TENANT' | 'API'): Promise<Cred>;
  close(): Promise<void>;
}

export async function startWorld(serveArgs: string[] = []): Promise<World> {
  const serve = await startServe({ args: serveArgs });
  if (!serve.admin) throw new Error('serve printed no admin credential');
  const admin = serve.admin;
  const proxy = await startFaultProxy(serve.url);
  const box = sandbox();
  let token: string | undefined;
  const raw = (method: string, path: string, body?: unknown, token?: string) =>
    jsonRequest(serve.url, method, path, { token, body });
  const login = async () => {
    const r = await raw('POST', imsPaths.login, {
      access_key: admin.accessKey,
      access_secret_key: admin.secretKey,
    });
    if (r.status !== 200) throw new Error(`admin login: ${r.status}`);
    return r.body.json_web_token as string;
  };
  const api: World['api'] = async (method, path, body) => {
    token ??= await login();
    const first = await raw(method, path, body, token);
    if (first.status !== 401) return first;
    token = await login();
    return raw(method, path, body, token);
  };
  const env = (extra: Record<string, string> = {}) =>
    Object.fromEntries(
      Object.entries({
        ...box.env,
        HELIX_URL: proxy.url,
        HELIX_CREDENTIAL: formatCredential(admin),
        ...extra,
      }).filter(([, value]) => value !== ''),
    );
  return {
    serve,
    proxy,
    box,
    admin,
    env,
    async cli(argv, options = {}) {
      const started = Date.now();
      const result = await spawnCli(argv, {
        env: env(options.env),
        ...(options.input === undefined ? {} : { input: options.input }),
      });
      return { ...result, ms: Date.now() - started };
    },
    api,
    async keys() {
      const r = await api('GET', `${imsPaths.keys}?size=1000`);
      return r.body.records as AccessKeyRecord[];
    },
    async createKey(name, type = 'TENANT') {
      const r = await api('POST', imsPaths.keys, { name, type, expiry_enum: '90 days' });
      if (r.status !== 201) throw new Error(`create ${name}: ${r.status}`);
      return {
        accessKey: r.body.access_key,
        secretKey: r.body.access_secret_key,
        tenantId: r.body.tenant_id,
      };
    },
    async close() {
      await proxy.close();
      await serve.stop();
      box.cleanup();
    },
  };
}

/**
 * startWorld() once for the file (or the `describe` it is called in), closed after it; before
 * each test the proxy's fault rules and its request log are cleared.
 */
export function useWorld(serveArgs: string[] = []): World {
  const world = useResource(
    'the world',
    'file',
    () => startWorld(serveArgs),
    (w) => w.close(),
  );
  beforeEach(() => {
    world.proxy.clear();
    world.proxy.requests.length = 0;
  });
  return world;
}

/** A name no other test of the run uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
