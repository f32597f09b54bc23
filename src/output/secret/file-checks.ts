import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { access, lstat, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
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
 * usage error (exit 2) while nothing has changed yet. Also checks the folder is writable.
 */
export async function preflightSecretFile(
  path: string,
  options: { force: boolean },
): Promise<void> {
  await checkSecretFileTarget(path, options.force);
  try {
    await access(dirname(path), constants.W_OK);
  } catch (error) {
    throw secretFileError(error, dirname(path));
  }
}
