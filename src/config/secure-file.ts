import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { badFileError, fileAccessError } from './file-errors.js';

/**
 * Creates `dir` (and missing parents) with mode 0700. An existing folder is left as it is:
 * {@link checkPermissions} reports one that is too open rather than changing it behind the
 * user's back.
 */
export async function ensureSecureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw fileAccessError(error, 'write', dir);
  }
}

export interface WriteSecureFileOptions {
  /** When false, an existing file is an error and is left untouched. Default true. */
  overwrite?: boolean;
}

/**
 * Writes `text` to `path` atomically with mode 0600: a temp file in the same folder, created
 * exclusively (O_EXCL) with 0600, written and fsynced, then renamed over `path` (or, without
 * overwrite, hard-linked so an existing file is never replaced). Readers see the old content or
 * the new, never a mix; nothing is left behind on failure. The folder must exist.
 *
 * @throws UsageError when the file exists and overwrite is false, or it cannot be written.
 */
export async function writeSecureFile(
  path: string,
  text: string,
  options: WriteSecureFileOptions = {},
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeTemp(temp, text);
    if (options.overwrite === false) await linkExclusive(temp, path);
    else await rename(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && options.overwrite === false) {
      throw new UsageError(`${path} already exists`, { code: 'FILE_EXISTS' });
    }
    throw fileAccessError(error, 'write', path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await syncDir(dirname(path));
}

/** Hard link so an existing file is never replaced; copy where links are unsupported. */
async function linkExclusive(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    await copyFile(temp, path, constants.COPYFILE_EXCL);
  }
}

async function writeTemp(temp: string, text: string): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;
  const handle = await open(temp, flags, 0o600);
  try {
    // The umask can only remove bits; chmod makes the mode exactly 0600 whatever it is.
    await handle.chmod(0o600);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename durable; not every platform can open a folder, which is fine. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * Reads a JSON file holding settings or secrets. Returns undefined when it does not exist or
 * is empty. A file that is not JSON is a one-line UsageError naming it and the fix, never a
 * parse error (whose excerpt could show a secret).
 *
 * @param label what the file is, for messages: `credentials file`.
 */
export async function readSecureJson(path: string, label: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileAccessError(error, 'read', path);
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badFileError(
      label,
      path,
      'is not valid JSON',
      `fix it in an editor, or remove it: rm ${shellQuote(path)}`,
    );
  }
}

/** Quotes a path for a shell command shown in a hint. */
export function shellQuote(path: string): string {
  return /^[\w./~@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
