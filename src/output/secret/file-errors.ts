import { HelixError, isHelixError, UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';

function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns a file-system failure while writing a secret file into a one-line HelixError that
 * names the path (never the content). Problems with the path the user chose are usage
 * errors (exit 2); anything else (disk full, I/O) is an internal error (exit 1).
 */
export function secretFileError(error: unknown, path: string): HelixError {
  if (isHelixError(error)) return error;
  const errno = errnoOf(error);
  const options = { cause: error, code: 'SECRET_FILE' };
  switch (errno) {
    case 'EACCES':
    case 'EPERM':
      return new UsageError(`permission denied writing ${path}`, options);
    case 'ENOENT':
      return new UsageError(`cannot write ${path}: its folder does not exist`, options);
    case 'ENOTDIR':
      return new UsageError(`cannot write ${path}: a parent is not a folder`, options);
    case 'EISDIR':
      return new UsageError(`refusing to replace ${path}: it is a folder`, options);
    case 'EROFS':
      return new UsageError(`read-only file system: ${path}`, options);
    case 'EEXIST':
      return new UsageError(`refusing to overwrite ${path}: pass --force`, options);
    case 'ENOSPC':
    case 'EDQUOT':
      return new HelixError(
        `no space left to write ${path}`,
        ExitCode.INTERNAL,
        'IO_ERROR',
        options,
      );
    default:
      return new HelixError(
        `could not write ${path}${errno === undefined ? '' : `: ${errno}`}`,
        ExitCode.INTERNAL,
        'IO_ERROR',
        options,
      );
  }
}

/** True for the errno values of a file system without hard links (FAT, some FUSE mounts). */
export function isNoLinkSupport(error: unknown): boolean {
  const errno = errnoOf(error);
  return (
    errno === 'EPERM' ||
    errno === 'ENOTSUP' ||
    errno === 'EOPNOTSUPP' ||
    errno === 'ENOSYS' ||
    errno === 'EXDEV'
  );
}

export function isMissing(error: unknown): boolean {
  return errnoOf(error) === 'ENOENT';
}

export function isExisting(error: unknown): boolean {
  return errnoOf(error) === 'EEXIST';
}
