import { existsSync } from 'node:fs';
import type { LoginCredential } from '../../api/session-types.js';
import { getSecret, saveSecret } from '../../config/credentials.js';
import { withFolderLock } from '../../config/file-lock.js';
import { configDir, dataDir, dataFiles } from '../../config/paths.js';
import { LOCAL_PROFILE } from '../../config/profile-schema.js';
import { getProfile, saveProfile } from '../../config/profiles.js';
import { ensureSecureDir } from '../../config/secure-file.js';
import type { Settings } from '../../config/settings.js';
import type { Credential } from '../../core/credential.js';
import type { Env } from '../../core/env.js';
import { AuthError } from '../../core/errors.js';
import type { Emulator } from '../../emulator/index.js';
import type { CommandContext } from './context.js';

/** Requests to the in-process emulator need a syntactically valid origin; nothing resolves it. */
export const LOCAL_ORIGIN = 'http://local.helixctl.invalid';

/** The hint for a `local` profile without a usable credential: no key is lost by it (same text in stale-credential.ts). */
export const LOCAL_REISSUE_HINT =
  're-issue its administrator credential (no key is lost): helixctl login --profile local';

/** What the local profile is, said once when its database is created and by every `whoami`. */
export function localBanner(env: Env): string {
  return `profile local: the built-in emulator (${dataFiles(dataDir(env)).localDb}), not a BMC Helix tenant`;
}

/** Where a newcomer goes from a fresh local emulator (one line, stderr, human modes only). */
export const LOCAL_NEXT_STEPS =
  'next: helixctl --profile local keys list · helixctl --profile local keys rotate <name> --secret-file ./cred · helixctl --help';

/**
 * The first use of the local database: what it is (on stderr, in every mode: a script's log
 * should say it too), that it was made, and, for a person reading (human modes), what to try
 * next. Later runs say nothing of it: `whoami` is the place to ask.
 */
function announceCreation(ctx: CommandContext): void {
  const { printer } = ctx;
  printer.info(localBanner(ctx.env));
  printer.info('created the local emulator and saved its administrator credential');
  if (printer.mode === 'table' || printer.mode === 'tsv') printer.info(LOCAL_NEXT_STEPS);
}

/**
 * The `local` profile: the emulator runs inside this process on `local.db` in the data folder,
 * reached through ky's injected fetch (no port, no daemon). The first use bootstraps the
 * database and keeps the administrator credential as the `local` profile's secret; it runs
 * under a lock of the data folder, so parallel first commands make one tenant and one stored
 * credential, and every one of them uses it.
 */
export async function openLocalEmulator(ctx: CommandContext, settings: Settings) {
  const files = dataFiles(dataDir(ctx.env));
  await ensureSecureDir(files.dir);
  const known = settingsCredential(settings);
  const opened =
    known !== undefined && existsSync(files.localDb)
      ? { emulator: await open(files.localDb), credential: known }
      : await withFolderLock(files.dir, 'local', () => firstUse(ctx, settings, files.localDb));
  const { emulator, credential } = opened;
  return {
    baseUrl: LOCAL_ORIGIN,
    credential,
    fetch: (request: Request) => emulator.fetch(request),
    close: () => emulator.close(),
  };
}

async function open(db: string): Promise<Emulator> {
  const { createEmulator } = await import('../../emulator/index.js');
  return createEmulator({ db });
}

/** Under the lock: create or open local.db, and make sure a credential is stored for it. */
async function firstUse(ctx: CommandContext, settings: Settings, db: string) {
  const emulator = await open(db);
  try {
    if (emulator.bootstrap) {
      const credential = await adoptLocalCredential(
        ctx,
        emulator,
        emulator.bootstrap.adminCredential,
      );
      announceCreation(ctx);
      return { emulator, credential };
    }
    // Another process may have stored it while this one waited for the lock.
    const credential = settingsCredential(settings) ?? (await storedLocalCredential(ctx));
    if (credential !== undefined) return { emulator, credential };
    // A bootstrap whose credential was never stored (a crash between the two): issue anew.
    const fresh = emulator.adminCredentialPending() ? emulator.issueAdminCredential() : undefined;
    if (fresh === undefined) {
      throw new AuthError(
        'the local emulator exists but its administrator credential is not stored',
        {
          hint: LOCAL_REISSUE_HINT,
        },
      );
    }
    return { emulator, credential: await adoptLocalCredential(ctx, emulator, fresh) };
  } catch (error) {
    emulator.close();
    throw error;
  }
}

/** Stores `credential` as the `local` profile's, then tells the emulator it was delivered. */
export async function adoptLocalCredential(
  ctx: CommandContext,
  emulator: Emulator,
  credential: Credential,
): Promise<Credential> {
  const dir = configDir(ctx.env);
  await saveProfile(dir, LOCAL_PROFILE, {
    tenant_id: credential.tenantId,
    access_key: credential.accessKey,
  });
  await saveSecret(dir, LOCAL_PROFILE, credential.secretKey);
  emulator.adminCredentialDelivered();
  return credential;
}

function settingsCredential(settings: Settings): LoginCredential | undefined {
  const accessKey = settings.accessKey.value;
  const secret = settings.secretKey.value;
  if (accessKey === undefined || secret === undefined) return undefined;
  return { accessKey, secretKey: secret.reveal(), tenantId: settings.tenantId.value };
}

async function storedLocalCredential(ctx: CommandContext): Promise<LoginCredential | undefined> {
  const dir = configDir(ctx.env);
  const profile = await getProfile(dir, LOCAL_PROFILE);
  const secret = await getSecret(dir, LOCAL_PROFILE);
  if (profile?.access_key === undefined || secret === undefined) return undefined;
  return { accessKey: profile.access_key, secretKey: secret.reveal(), tenantId: profile.tenant_id };
}
