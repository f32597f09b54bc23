import { formatCredential } from '../../../src/core/credential.js';
import { imsPaths } from '../../../src/wire/paths.js';
import { type CliResult, type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { jsonRequest } from '../../helpers/http-json.js';
import type { ServeProcess } from '../../helpers/serve-process.js';

export interface KeyCredential {
  accessKey: string;
  secretKey: string;
  tenantId: string;
}

/** The built CLI against a `helixctl serve` process, as one credential, in its own HOME. */
export interface Session {
  home: Sandbox;
  cli(argv: string[]): Promise<CliResult>;
  /** A direct API call with this credential (to create what the test needs). */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

export function session(serve: ServeProcess, credential: KeyCredential): Session {
  const home = sandbox({
    HELIX_URL: serve.url,
    HELIX_CREDENTIAL: formatCredential(credential),
  });
  const call = (method: string, path: string, body: unknown, token?: string) =>
    jsonRequest(serve.url, method, path, { token, body });
  return {
    home,
    cli: (argv) => spawnCli(argv, { env: home.env }),
    async api(method, path, body) {
      // A fresh token each time: the test clock may have moved past the last one's expiry.
      const login = await call('POST', imsPaths.login, {
        access_key: credential.accessKey,
        access_secret_key: credential.secretKey,
        tenant_id: credential.tenantId,
      });
      if (login.status !== 200) throw new Error(`login: ${login.status}`);
      return call(method, path, body, login.body.json_web_token);
    },
  };
}

/** Moves the serve process's test clock. */
export async function advanceClock(serve: ServeProcess, seconds: number): Promise<void> {
  const res = await fetch(new URL(imsPaths.emulatorClock, serve.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance_seconds: seconds }),
  });
  if (res.status !== 200) throw new Error(`clock: ${res.status}`);
}

/** `2026-01-20T10:00:00` (zone-less UTC seconds), `days` after `from`. */
export function wireDaysFrom(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 19);
}
