import { saveSecret } from '../../config/credentials.js';
import { configDir, dataDir, dataFiles } from '../../config/paths.js';
import { LOCAL_PROFILE } from '../../config/profile-schema.js';
import { saveProfile } from '../../config/profiles.js';
import { ensureSecureDir } from '../../config/secure-file.js';
import type { Settings } from '../../config/settings.js';
import { AuthError } from '../../core/errors.js';
import type { CommandContext } from './context.js';

/** Requests to the in-process emulator need a syntactically valid origin; nothing resolves it. */
export const LOCAL_ORIGIN = 'http://local.helixctl.invalid';

/**
 * The `local` profile: the emulator runs inside this process on `local.db` in the data folder,
 * reached through ky's injected fetch (no port, no daemon). The first use bootstraps the
 * database and keeps the administrator credential as the `local` profile's secret.
 */
export async function openLocalEmulator(ctx: CommandContext, settings: Settings) {
  const files = dataFiles(dataDir(ctx.env));
  await ensureSecureDir(files.dir);
  const { createEmulator } = await import('../../emulator/index.js');
  const emulator = createEmulator({ db: files.localDb });
  try {
    const credential = emulator.bootstrap
      ? await adopt(ctx, emulator.bootstrap.adminCredential)
      : storedCredential(settings, files.localDb);
    // Said in every human-readable run; JSON documents carry no prose.
    if (ctx.printer.mode === 'table' || ctx.printer.mode === 'tsv') {
      ctx.printer.info(
        `profile local: the built-in emulator (${files.localDb}), not a BMC Helix tenant`,
      );
    }
    return {
      baseUrl: LOCAL_ORIGIN,
      credential,
      fetch: (request: Request) => emulator.fetch(request),
      close: () => emulator.close(),
    };
  } catch (error) {
    emulator.close();
    throw error;
  }
}

async function adopt(
  ctx: CommandContext,
  credential: { accessKey: string; secretKey: string; tenantId: string },
) {
  const dir = configDir(ctx.env);
  await saveProfile(dir, LOCAL_PROFILE, {
    tenant_id: credential.tenantId,
    access_key: credential.accessKey,
  });
  await saveSecret(dir, LOCAL_PROFILE, credential.secretKey);
  ctx.printer.info('created the local emulator and saved its administrator credential');
  return credential;
}

function storedCredential(settings: Settings, dbPath: string) {
  const accessKey = settings.accessKey.value;
  const secret = settings.secretKey.value;
  if (accessKey === undefined || secret === undefined) {
    throw new AuthError(
      'the local emulator exists but its administrator credential is not stored',
      {
        hint: `remove ${dbPath} to start the local emulator afresh`,
      },
    );
  }
  return { accessKey, secretKey: secret.reveal(), tenantId: settings.tenantId.value };
}
