import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveSecret } from '../../dist/config/credentials.js';
import { dataDir, dataFiles } from '../../dist/config/paths.js';
import { saveProfile } from '../../dist/config/profiles.js';
import { createEmulator } from '../../dist/emulator/index.js';
import { adminCredential, benchSeed } from './seed.js';

/**
 * A throw-away home for one bench run: config and data folders that belong to nobody else,
 * seed files, and the environment the CLI runs with (no inherited HELIX* or CI variables,
 * which would change what is measured).
 */
export function createWorkspace() {
  const root = mkdtempSync(join(tmpdir(), 'helixctl-bench-'));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: root,
    HELIXCTL_CONFIG_DIR: join(root, 'config'),
    HELIXCTL_DATA_DIR: join(root, 'data'),
    LANG: 'C.UTF-8',
  };
  return {
    root,
    env,
    /** Writes a seed of bench tenants (`[{ tenantId, keys, prefix? }]`) and returns its path. */
    writeSeed(name, sets) {
      const path = join(root, `${name}.json`);
      writeFileSync(path, JSON.stringify(benchSeed(sets)));
      return path;
    },
    /** Stores a profile for a bench tenant served at `url`, its secret in credentials.json. */
    async addProfile(name, url, tenantId) {
      const admin = adminCredential(tenantId);
      await saveProfile(env.HELIXCTL_CONFIG_DIR, name, {
        url,
        tenant_id: tenantId,
        access_key: admin.accessKey,
      });
      await saveSecret(env.HELIXCTL_CONFIG_DIR, name, admin.secretKey);
    },
    /**
     * Prepares the `local` profile on a database seeded with a bench tenant, as if the user
     * had run it before: local.db exists and its administrator credential is stored.
     */
    async prepareLocal(tenantId, keys) {
      const { localDb } = dataFiles(dataDir(env));
      createEmulator({ db: localDb, seed: benchSeed([{ tenantId, keys }]) }).close();
      const admin = adminCredential(tenantId);
      await saveProfile(env.HELIXCTL_CONFIG_DIR, 'local', {
        tenant_id: tenantId,
        access_key: admin.accessKey,
      });
      await saveSecret(env.HELIXCTL_CONFIG_DIR, 'local', admin.secretKey);
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
