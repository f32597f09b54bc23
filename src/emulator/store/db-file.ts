import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates the database file (and its folder) before SQLite does, so that it is 0600 in a
 * 0700 folder: it holds the tenants' signing secrets. SQLite gives the `-wal` and `-shm`
 * files the main file's mode. An existing file is left as it is.
 */
export function ensurePrivateDbFile(path: string): void {
  if (path === ':memory:' || path === '' || path.startsWith('file:')) return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
}
