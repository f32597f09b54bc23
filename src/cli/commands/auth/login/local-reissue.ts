import { withFolderLock } from '../../../../config/file-lock.js';
import { dataDir, dataFiles } from '../../../../config/paths.js';
import { ensureSecureDir } from '../../../../config/secure-file.js';
import { ServiceError } from '../../../../core/errors.js';
import type { CommandContext } from '../../../runtime/context.js';
import { adoptLocalCredential } from '../../../runtime/local-emulator.js';

/**
 * `helixctl login --profile local`: the way back for a `local` profile whose stored
 * credential no longer works (its key rotated, deactivated or deleted, credentials.json
 * lost). Opens local.db directly (no login needed: the file is the user's own), creates a
 * fresh administrator key in the bootstrap tenant and stores it; every other key is kept.
 * Under the same lock as the first use, which it performs itself when local.db is missing.
 */
export async function reissueLocal(ctx: CommandContext): Promise<number> {
  const files = dataFiles(dataDir(ctx.env));
  await ensureSecureDir(files.dir);
  const credential = await withFolderLock(files.dir, 'local', async () => {
    const { createEmulator } = await import('../../../../emulator/index.js');
    const emulator = createEmulator({ db: files.localDb });
    try {
      const fresh = emulator.bootstrap?.adminCredential ?? emulator.issueAdminCredential();
      if (fresh === undefined) {
        throw new ServiceError(`${files.localDb} has no emulator administrator to issue a key for`);
      }
      return await adoptLocalCredential(ctx, emulator, fresh);
    } finally {
      emulator.close();
    }
  });
  ctx.printer.result(
    () => ({ profile: 'local', access_key: credential.accessKey, tenant_id: credential.tenantId }),
    () =>
      ctx.printer.success(
        `stored a new administrator credential for profile local (${credential.accessKey}); every other key is unchanged`,
      ),
  );
  return 0;
}
