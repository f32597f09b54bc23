import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../../../core/errors.js';
import { checkSecretFileTarget } from '../../../../output/secret/file-checks.js';
import { isMissing, secretFileError } from '../../../../output/secret/file-errors.js';
import type { BulkTarget } from './bulk-types.js';

/**
 * Checks `--secret-dir` before the first rotation: it is (or can be made) a writable folder,
 * mode 0700 when we create it, and none of the files the run will write exists already
 * (unless `--force`), nor is a link. A folder left by last month's run is then a usage error
 * while every key still has its old secret, instead of fifty rotated keys with nowhere to go.
 * A dry run creates nothing.
 */
export async function preflightSecretDir(
  dir: { path: string; force: boolean },
  targets: readonly BulkTarget[],
  options: { create: boolean },
): Promise<void> {
  const exists = await isFolder(dir.path);
  if (!exists) {
    if (!options.create) return;
    try {
      await mkdir(dir.path, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw secretFileError(error, dir.path);
    }
  }
  try {
    await access(dir.path, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw secretFileError(error, dir.path);
  }
  for (const target of targets) {
    await checkSecretFileTarget(join(dir.path, target.fileName), dir.force);
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    if ((await stat(path)).isDirectory()) return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw secretFileError(error, path);
  }
  throw new UsageError(`--secret-dir is not a folder: ${path}`);
}
