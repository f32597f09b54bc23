import { join } from 'node:path';
import { parseCredential } from '../../../src/core/credential.js';
import { createEmulator } from '../../../src/emulator/index.js';
import { imsPaths } from '../../../src/wire/paths.js';
import type { AccessKeyRecord } from '../../../src/wire/types.js';
import { type Sandbox, spawnCli } from '../../helpers/cli.js';

/**
 * The keys of a sandbox's `local` profile, read straight from its emulator database with the
 * administrator credential the profile stored (after the CLI has exited).
 */
export async function localKeys(box: Sandbox): Promise<AccessKeyRecord[]> {
  const copied = await spawnCli(['--profile', 'local', 'keys', 'copy', '--print'], {
    env: box.env,
  });
  if (copied.exitCode !== 0) throw new Error(`keys copy failed: ${copied.stderr}`);
  const admin = parseCredential(copied.stdout);
  const emulator = createEmulator({
    db: join(box.env.XDG_DATA_HOME ?? '', 'helixctl', 'local.db'),
  });
  try {
    const call = async <T>(method: string, path: string, token?: string, body?: unknown) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const init = { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) };
      const response = await emulator.fetch(new Request(`http://local${path}`, init));
      return (await response.json()) as T;
    };
    const login = await call<{ json_web_token: string }>('POST', imsPaths.login, undefined, {
      access_key: admin.accessKey,
      access_secret_key: admin.secretKey,
    });
    const page = await call<{ records: AccessKeyRecord[] }>(
      'GET',
      `${imsPaths.keys}?size=1000`,
      login.json_web_token,
    );
    return page.records;
  } finally {
    emulator.close();
  }
}
