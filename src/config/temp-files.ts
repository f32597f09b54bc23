import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The temporary files a writer of the config folder makes before its rename: ours
 * (`.credentials.json.<hex>.tmp`, `.tokens.json.<hex>.tmp`, `.config.json.<hex>.tmp`) and conf's
 * (`config.json.tmp-<digits><hex>`). A writer killed with SIGKILL leaves one behind, and it
 * may hold a secret or a refresh token.
 */
const TEMP_FILE =
  /^(\.(credentials|tokens|config)\.json\.[0-9a-f]+\.tmp|config\.json\.tmp-[0-9a-f]+)$/;

/**
 * Removes the folder's leftover temporary files at least `olderThanMs` old (0: all of them).
 * Call it only under the config lock (src/config/config-lock.ts): every writer holds that lock
 * from its temp file to its rename, so a temp file seen under it belongs to nobody alive. The
 * age margin spares a writer that does not take the lock (an older helixctl). Best effort:
 * returns how many were removed.
 */
export async function sweepTempFiles(dir: string, olderThanMs: number): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  const now = Date.now();
  for (const name of names) {
    if (!TEMP_FILE.test(name)) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => undefined);
    if (!info || info.isDirectory() || now - info.mtimeMs < olderThanMs) continue;
    if (
      await unlink(path).then(
        () => true,
        () => false,
      )
    )
      removed += 1;
  }
  return removed;
}
