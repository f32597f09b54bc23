import { formatCredential } from '../../../src/core/credential.js';
import { imsPaths } from '../../../src/wire/paths.js';
import { type CliResult, type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';

export const SEED = new URL('../../fixtures/seed-basic.json', import.meta.url).pathname;

export interface Cred {
  accessKey: string;
  secretKey: string;
  tenantId: string;
}

/** `helixctl serve --seed seed-basic.json --test-clock` and a sandbox to run the CLI in. */
export interface Served {
  serve: ServeProcess;
  box: Sandbox;
  /** Spawns the built CLI in env mode as `as`, with `env` on top of the sandbox's. */
  cli(
    argv: string[],
    as: Cred,
    options?: { env?: Record<string, string>; input?: string; drop?: string[] },
  ): Promise<CliResult>;
  loginStatus(credential: Cred): Promise<number>;
  advance(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startServed(): Promise<Served> {
  const serve = await startServe({ args: ['--seed', SEED, '--test-clock'] });
  const box = sandbox();
  const post = (path: string, body: unknown) =>
    fetch(new URL(path, serve.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return {
    serve,
    box,
    cli: (argv, as, options = {}) => {
      const env: Record<string, string> = {
        ...box.env,
        HELIX_URL: serve.url,
        HELIX_CREDENTIAL: formatCredential(as),
        ...options.env,
      };
      for (const name of options.drop ?? []) delete env[name];
      return spawnCli(argv, {
        env,
        ...(options.input === undefined ? {} : { input: options.input }),
      });
    },
    loginStatus: async (c) =>
      (
        await post(imsPaths.login, {
          access_key: c.accessKey,
          access_secret_key: c.secretKey,
          tenant_id: c.tenantId,
        })
      ).status,
    advance: async (seconds) => {
      const res = await post(imsPaths.emulatorClock, { advance_seconds: seconds });
      if (res.status !== 200) throw new Error(`clock: ${res.status}`);
    },
    stop: async () => {
      await serve.stop();
      box.cleanup();
    },
  };
}
