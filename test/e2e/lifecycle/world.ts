import { formatCredential, parseCredential } from '../../../src/core/credential.js';
import { imsPaths } from '../../../src/wire/paths.js';
import { type CliResult, runCli, type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';

export interface Cred {
  accessKey: string;
  secretKey: string;
  tenantId: string;
}

export interface KeyRow {
  access_key: string;
  name: string;
  description?: string;
  type: string;
  expiry_time?: string;
  key_expired: boolean;
  status: string;
}

/**
 * A fresh `helixctl serve --test-clock` (no seed: one tenant, its administrator) and a sandbox.
 * `cli` runs the CLI in process with its clock set to the emulator's frozen test clock, so
 * the times it computes (grace ends, renewed expiries) are the service's; `spawn` runs the
 * built binary, which reads the real clock (fine while the test clock has not moved).
 */
export interface Life {
  serve: ServeProcess;
  box: Sandbox;
  admin: Cred;
  now(): Date;
  cli(argv: string[], as: Cred): Promise<CliResult>;
  spawn(argv: string[], as: Cred): Promise<CliResult>;
  advance(seconds: number): Promise<void>;
  loginStatus(c: Cred): Promise<number>;
  keys(): Promise<KeyRow[]>;
  post(path: string, body: unknown, token?: string): Promise<Response>;
  token(c: Cred): Promise<string>;
  stop(): Promise<void>;
}

export async function startLife(): Promise<Life> {
  const serve = await startServe({ args: ['--test-clock'] });
  const admin = serve.admin;
  if (!admin) throw new Error('serve printed no administrator credential');
  const box = sandbox();
  const post = (path: string, body: unknown, token?: string) =>
    fetch(new URL(path, serve.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const clock = (await (await fetch(new URL(imsPaths.emulatorClock, serve.url))).json()) as {
    now: string;
  };
  let now = new Date(clock.now);
  const env = (as: Cred) => ({
    ...box.env,
    HELIX_URL: serve.url,
    HELIX_CREDENTIAL: formatCredential(as),
  });
  const life: Life = {
    serve,
    box,
    admin,
    now: () => now,
    cli: (argv, as) => runCli(argv, { env: env(as), now: () => now }),
    spawn: (argv, as) => spawnCli(argv, { env: env(as) }),
    advance: async (seconds) => {
      const res = await post(imsPaths.emulatorClock, { advance_seconds: seconds });
      if (res.status !== 200) throw new Error(`clock: ${res.status}`);
      now = new Date(((await res.json()) as { now: string }).now);
    },
    loginStatus: async (c) =>
      (
        await post(imsPaths.login, {
          access_key: c.accessKey,
          access_secret_key: c.secretKey,
          tenant_id: c.tenantId,
        })
      ).status,
    token: async (c) => {
      const res = await post(imsPaths.login, {
        access_key: c.accessKey,
        access_secret_key: c.secretKey,
        tenant_id: c.tenantId,
      });
      return ((await res.json()) as { json_web_token: string }).json_web_token;
    },
    keys: async () => {
      const r = await life.cli(['--json', 'keys', 'list'], admin);
      if (r.exitCode !== 0) throw new Error(`keys list: ${r.stderr}`);
      return JSON.parse(r.stdout) as KeyRow[];
    },
    post,
    stop: async () => {
      await serve.stop();
      box.cleanup();
    },
  };
  return life;
}

/** The credential in a `--json` secret document or a `--secret-file` (copy format). */
export function credentialOf(text: string): Cred {
  const parsed = parseCredential(text.trim());
  if (!parsed) throw new Error('no credential');
  return parsed as Cred;
}
