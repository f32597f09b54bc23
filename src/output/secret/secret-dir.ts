import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { isExisting, secretFileError } from './file-errors.js';
import { writeSecretFile } from './file-sink.js';

const SECRET_DIR_MODE = 0o700;

/** A name usable as one file inside the folder: no separator, no `.`/`..`, no NUL. */
function checkFileName(name: string): void {
  if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
    throw new UsageError(`not a usable file name: ${JSON.stringify(name)}`);
  }
}

/**
 * Bulk variant of `writeSecretFile` for `--secret-dir`: writes `<dir>/<name>` (0600,
 * atomic, same overwrite rules), creating `dir` with mode 0700 when missing. An existing
 * folder keeps its mode: the files in it are 0600 either way. Returns the file's path.
 */
export async function writeSecretDir(
  dir: string,
  name: string,
  content: string,
  options: { force: boolean } = { force: false },
): Promise<string> {
  checkFileName(name);
  try {
    await mkdir(dir, { recursive: true, mode: SECRET_DIR_MODE });
  } catch (error) {
    // EEXIST: something that is not a folder has the name; reported just below.
    if (!isExisting(error)) throw secretFileError(error, dir);
  }
  if (!(await stat(dir)).isDirectory()) throw new UsageError(`not a folder: ${dir}`);
  const path = join(dir, name);
  await writeSecretFile(path, content, options);
  return path;
}
