import { UsageError } from '../core/errors.js';

/**
 * A one-line error for a file that cannot be used, naming it and how to fix it: never a
 * stack or a parse position (which could point into a secret).
 */
export function badFileError(
  label: string,
  path: string,
  problem: string,
  fix: string,
): UsageError {
  return new UsageError(`${label} ${path} ${problem}`, { hint: fix, code: 'BAD_CONFIG_FILE' });
}

/** Maps an fs error (EACCES, EISDIR…) to a one-line UsageError; rethrows anything else. */
export function fileAccessError(error: unknown, verb: 'read' | 'write', path: string): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a parent is not a folder',
    ENOENT: 'its folder does not exist',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
  };
  const reason = code ? reasons[code] : undefined;
  if (!reason) return error instanceof Error ? error : new Error(String(error));
  return new UsageError(`cannot ${verb} ${path}: ${reason} (${code})`, {
    code: 'FILE_ACCESS',
    cause: error,
  });
}
