import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { NewCredential } from '../../core/credential.js';
import { checkSecretFileTarget } from './file-checks.js';
import { isNoLinkSupport, secretFileError } from './file-errors.js';

const SECRET_FILE_MODE = 0o600;

/** What `--secret-file` holds: the copy-format credential and a newline (one line, `read`-able). */
export function secretFileContent(cred: NewCredential): string {
  return `${cred.credential}\n`;
}

/**
 * Writes `content` to `path` as a new 0600 file, atomically: a temp file in the same folder
 * (O_CREAT|O_EXCL, so never through a planted link) is written, fsynced, then renamed over
 * the target with `force` or hard-linked to it without (link fails if the target appeared
 * meanwhile, so there is never a silent overwrite). Readers see the old file or the whole
 * new one, never a partial secret. Throws UsageError (exit 2) for a refused path.
 */
export async function writeSecretFile(
  path: string,
  content: string,
  options: { force: boolean },
): Promise<void> {
  await checkSecretFileTarget(path, options.force);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNew(temp, content);
    if (options.force) await rename(temp, path);
    else await linkNoClobber(temp, path, content);
    await syncFolder(dirname(path));
  } catch (error) {
    throw secretFileError(error, path);
  } finally {
    await rm(temp, { force: true });
  }
}

async function writeNew(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx', SECRET_FILE_MODE);
  try {
    // open()'s mode passes through the umask: set it exactly, whatever the umask is.
    await handle.chmod(SECRET_FILE_MODE);
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function linkNoClobber(temp: string, path: string, content: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    if (!isNoLinkSupport(error)) throw error;
    // No hard links here: O_EXCL on the target still refuses to overwrite.
    await writeNew(path, content);
  }
}

/** Makes the new directory entry durable; not possible everywhere (Windows), so best effort. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file itself is already synced; a folder that cannot be fsynced is not an error.
  }
}
