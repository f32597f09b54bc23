import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveSecret } from '../../dist/config/credentials.js';
import { dataDir, dataFiles } from '../../dist/config/paths.js';
import { saveProfile } from '../../dist/config/profiles.js';
import { createEmulator } from '../../dist/emulator/index.js';
import { adminCredential, benchSeed } from './seed.js';

/** Variables that change what helixctl does (profiles, output, masking): never inherited. */
const BEHAVIOUR = /^(HELIX|CI$|GITHUB_|NO_COLOR$|FORCE_COLOR$|XDG_|NODE_COMPILE_CACHE$)/;

/** What the clean environment keeps: the caller's PATH and a fixed LANG, nothing else. */
export const CLEAN_KEPT = ['PATH', 'LANG=C.UTF-8'];

/**
 * The environment the commands run with, before the workspace's own HOME and HELIXCTL_*
 * folders: the caller's minus BEHAVIOUR (`inherited`: may hold NODE_EXTRA_CA_CERTS,
 * NODE_OPTIONS...), or PATH and LANG only (`clean`).
 */
export function benchEnv(clean) {
  if (clean) return { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' };
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !BEHAVIOUR.test(name)));
}

/** Names of the inherited variables that change how Node itself starts or runs. */
export function nodeVariables(env) {
  return Object.keys(env)
    .filter((name) => /^(NODE_|UV_|OPENSSL_|SSL_CERT_)/.test(name))
    .sort();
}

/**
 * A throw-away home for one bench run: config, data and cache folders that belong to nobody
 * else, seed files, and the environments the commands run with: `envs.clean` and
 * `envs.inherited` (benchEnv, plus HOME, HELIXCTL_CONFIG_DIR and HELIXCTL_DATA_DIR in the
 * workspace). Start-up cases run in both; the other groups in `env`, the inherited one unless
 * `cleanEnv`.
 */
export function createWorkspace({ cleanEnv = false } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'helixctl-bench-'));
  const own = {
    HOME: root,
    HELIXCTL_CONFIG_DIR: join(root, 'config'),
    HELIXCTL_DATA_DIR: join(root, 'data'),
  };
  const envs = { clean: { ...benchEnv(true), ...own }, inherited: { ...benchEnv(false), ...own } };
  const env = cleanEnv ? envs.clean : envs.inherited;
  return {
    root,
    env,
    envs,
    envName: cleanEnv ? 'clean' : 'inherited',
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
