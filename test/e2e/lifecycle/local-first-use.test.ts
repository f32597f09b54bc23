import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../src/emulator/store/sqlite.js';
import { spawnCli } from '../../helpers/cli.js';
import { useSandbox } from '../../helpers/lifecycle.js';

/**
 * Issue 10 case 8: 20 parallel first commands on `--profile local` in a fresh HOME. Each one
 * used to race the bootstrap: 16 exited 3 ("administrator credential is not stored") with a
 * hint to remove local.db, which would have deleted the keys the other 4 had just made. Now
 * first use runs under a lock of the data folder: one tenant, one stored credential, all 0.
 */
const sb = useSandbox();

function counts(home: string) {
  const db = openDatabase(join(home, '.local', 'share', 'helixctl', 'local.db'));
  try {
    const one = (sql: string) => db.prepare(sql).get<{ n: number }>()?.n;
    return {
      tenants: one('SELECT COUNT(*) AS n FROM tenants'),
      admins: one("SELECT COUNT(*) AS n FROM access_keys WHERE name LIKE 'helixctl-admin%'"),
      keys: one("SELECT COUNT(*) AS n FROM access_keys WHERE name LIKE 'k%'"),
    };
  } finally {
    db.close();
  }
}

it('20 parallel first commands all succeed with one tenant and one credential', async () => {
  for (let round = 0; round < 2; round++) {
    const home = join(sb.home, `round-${round}`);
    const env = {
      ...sb.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local', 'share'),
    };
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        spawnCli(
          [
            '--profile',
            'local',
            'keys',
            'add',
            `k${i}`,
            '--expires',
            '1d',
            '--no-copy',
            '--secret-file',
            join(sb.home, `r${round}-k${i}.cred`),
          ],
          { env, timeout: 60_000 },
        ),
      ),
    );
    for (const r of runs) {
      expect(r.stderr).not.toContain('remove');
      expect(r.exitCode, r.stderr).toBe(0);
    }
    expect(counts(home)).toEqual({ tenants: 1, admins: 1, keys: 20 });
    const credentials = JSON.parse(
      readFileSync(join(home, '.config', 'helixctl', 'credentials.json'), 'utf8'),
    );
    expect(Object.keys(credentials.profiles)).toEqual(['local']);
  }
}, 240_000);
