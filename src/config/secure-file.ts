import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import {
  copyFile,
  type FileHandle,
  link,
  mkdir,
  open,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
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
  const text = await readRegularFile(path, label);
  if (text === undefined || text.trim() === '') return undefined;
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

/** The most a config file may hold: they are a few KiB; anything bigger is not ours. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The text of a config file, or undefined when it does not exist. Anything but a regular file
 * (a FIFO, a device, a socket, a folder, or a symlink to one) is refused before it is opened
 * for reading: open() would block on a FIFO for ever, and /dev/zero never ends. The file is
 * opened with O_NONBLOCK and checked again through its handle (it could be swapped between
 * the stat and the open), and at most {@link MAX_CONFIG_BYTES} are read.
 *
 * @throws UsageError (BAD_CONFIG_FILE, exit 2) naming the path and what it is.
 */
export async function readRegularFile(path: string, label: string): Promise<string | undefined> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw fileAccessError(error, 'read', path);
  });
  if (info === undefined) return undefined;
  if (!info.isFile()) throw notAFile(label, path, info);
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileAccessError(error, 'read', path);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notAFile(label, path, opened);
    if (opened.size > MAX_CONFIG_BYTES) throw tooBig(label, path);
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_CONFIG_BYTES) throw tooBig(label, path);
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw fileAccessError(error, 'read', path);
  } finally {
    await handle.close();
  }
}

/** What a path is, for `… is a FIFO (named pipe), not a regular file`. */
export function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * `cannot read <path>: it is a FIFO (named pipe), not a regular file`. Its own code, NOT_A_FILE:
 * unlike bad JSON (BAD_CONFIG_FILE), even the disposable token cache does not read it as empty.
 */
function notAFile(label: string, path: string, info: Stats): UsageError {
  return new UsageError(`cannot read ${path}: ${notAFileReason(info)}`, {
    code: 'NOT_A_FILE',
    hint: moveAwayHint(label, path),
  });
}

/** `it is a folder, not a regular file`. */
export function notAFileReason(info: Stats): string {
  const kind = fileKind(info);
  return kind === 'not a regular file'
    ? 'it is not a regular file'
    : `it is ${kind}, not a regular file`;
}

/** How to get a non-file out of the way of a config file. */
export function moveAwayHint(label: string, path: string): string {
  return `helixctl keeps its ${label} in a plain file there: move it away, e.g. mv ${shellQuote(path)} ${shellQuote(`${path}.bak`)}`;
}

function tooBig(label: string, path: string): UsageError {
  return badFileError(
    label,
    path,
    `is larger than ${MAX_CONFIG_BYTES / 1024} KiB: not a helixctl file`,
    moveAwayHint(label, path),
  );
}

/** Quotes a path for a shell command shown in a hint. */
export function shellQuote(path: string): string {
  return /^[\w./~@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
