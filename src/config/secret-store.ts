import { withConfigLock } from './config-lock.js';
import { badFileError } from './file-errors.js';
import { isRecord } from './profile-schema.js';
import { ensureSecureDir, readSecureJson, writeSecureFile } from './secure-file.js';

/**
 * A versioned JSON map kept in a 0600 file, written atomically, in a 0700 folder:
 * `{"version": 1, "<section>": {"<key>": {...}}}`. Shared by credentials.json and tokens.json.
 * Every change is a read-modify-write under the config folder's lock (config-lock.ts).
 */
export interface SecretStoreFile {
  path: string;
  dir: string;
  /** For messages: `credentials file`. */
  label: string;
  /** The top-level key holding the map. */
  section: string;
}

/** The map, or an empty one when the file is missing. @throws UsageError when corrupt. */
export async function readSection(file: SecretStoreFile): Promise<Record<string, unknown>> {
  const data = await readSecureJson(file.path, file.label);
  if (data === undefined) return {};
  const section = isRecord(data) ? data[file.section] : undefined;
  if (!isRecord(data) || (section !== undefined && !isRecord(section))) {
    throw badFileError(
      file.label,
      file.path,
      'is not in the expected format',
      `remove it and log in again: rm ${file.path}`,
    );
  }
  // Null prototype: a key such as `__proto__` read from the file stays a plain entry.
  return Object.assign(Object.create(null) as Record<string, unknown>, section ?? {});
}

/**
 * Under the config lock: reads the map, applies `change`, and writes the whole file back,
 * unless `change` returns false (nothing to do: nothing is written).
 */
export async function updateSection(
  file: SecretStoreFile,
  change: (map: Record<string, unknown>) => unknown,
  read: (file: SecretStoreFile) => Promise<Record<string, unknown>> = readSection,
): Promise<boolean> {
  return withConfigLock(file.dir, async () => {
    const map = await read(file);
    if (change(map) === false) return false;
    await ensureSecureDir(file.dir);
    const text = `${JSON.stringify({ version: 1, [file.section]: map }, null, 2)}\n`;
    await writeSecureFile(file.path, text);
    return true;
  });
}
