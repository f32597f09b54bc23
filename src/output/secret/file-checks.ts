import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { access, lstat, open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { isMissing, secretFileError } from './file-errors.js';

async function statOrUndefined(path: string, follow: boolean): Promise<Stats | undefined> {
  try {
    return follow ? await stat(path) : await lstat(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw secretFileError(error, path);
  }
}

/**
 * Refuses a secret-file target that must not be written: a missing parent folder, an
 * existing file without `force`, and always a symbolic link (following it is the classic way
 * to make a program write where it should not; replacing it would silently break the
 * user's link) or anything that is not a regular file. Throws UsageError (exit 2).
 */
export async function checkSecretFileTarget(path: string, force: boolean): Promise<void> {
  const folder = dirname(path);
  const parent = await statOrUndefined(folder, true);
  if (parent === undefined) {
    throw new UsageError(`folder does not exist: ${folder}`, {
      hint: 'create it first or choose another --secret-file path',
    });
  }
  if (!parent.isDirectory()) throw new UsageError(`not a folder: ${folder}`);
  const target = await statOrUndefined(path, false);
  if (target === undefined) return;
  if (target.isSymbolicLink()) {
    throw new UsageError(`refusing to write a secret through a symbolic link: ${path}`, {
      hint: 'pass the path the link points to',
    });
  }
  if (!target.isFile()) throw new UsageError(`refusing to replace ${path}: not a regular file`);
  if (!force) throw new UsageError(`refusing to overwrite ${path}: pass --force`);
}

/**
 * Validates `--secret-file` before anything is created or rotated, so that a bad path is a
 * usage error (exit 2) while nothing has changed yet (README, "Where a new secret goes"):
 * the checks of `checkSecretFileTarget`, an existing target the user may not write (even
 * with `--force`), and the folder, by doing there what the write will do: create a 0600 temp
 * file (O_EXCL) and remove it. Permission bits alone would not do: root passes every
 * `access()` check, yet cannot create files on a read-only mount, in /proc or in /sys.
 */
export async function preflightSecretFile(
  path: string,
  options: { force: boolean },
): Promise<void> {
  await checkSecretFileTarget(path, options.force);
  const folder = dirname(path);
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw secretFileError(error, folder);
  }
  if (options.force) await checkReplaceable(path);
  await probeFolder(folder, path);
}

async function checkReplaceable(path: string): Promise<void> {
  try {
    await access(path, constants.W_OK);
  } catch (error) {
    if (isMissing(error)) return;
    throw new UsageError(`refusing to replace ${path}: you cannot write it`, {
      code: 'SECRET_FILE',
      cause: error,
      hint: 'make it writable first (chmod u+w) or choose another --secret-file path',
    });
  }
}

async function probeFolder(folder: string, path: string): Promise<void> {
  const probe = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(probe, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    if (isMissing(error) || (error as { code?: unknown }).code === 'EROFS') {
      throw new UsageError(`cannot create files in ${folder}`, {
        code: 'SECRET_FILE',
        cause: error,
        hint: 'choose a --secret-file path in a folder you can write',
      });
    }
    throw secretFileError(error, folder);
  }
  await rm(probe, { force: true });
}
