import { lstat, readFile, unlink } from 'node:fs/promises';
import { configFiles } from '../../../../config/paths.js';
import { writeSecureFile } from '../../../../config/secure-file.js';

/** The config folder's files as they were, to put back when a multi-file save fails. */
export interface ConfigSnapshot {
  restore(): Promise<void>;
}

type FileState = { kind: 'absent' } | { kind: 'file'; text: string } | { kind: 'other' };

/**
 * Records config.json, credentials.json and tokens.json (content or absence). `restore()`
 * writes back what was there (0600, atomically) and removes what was not. Anything that is not
 * a regular file is left alone. Take it and restore it under the config lock
 * (src/config/config-lock.ts): then what it puts back is exactly this process's own change.
 * The folder itself is never removed: it holds the lock, and another process may use it.
 */
export async function snapshotConfig(dir: string): Promise<ConfigSnapshot> {
  const files = configFiles(dir);
  const paths = [files.config, files.credentials, files.tokens];
  const states = await Promise.all(paths.map(readState));
  return {
    async restore() {
      for (const [index, path] of paths.entries()) {
        const state = states[index];
        if (state?.kind === 'file') await writeSecureFile(path, state.text);
        else if (state?.kind === 'absent') await unlink(path).catch(() => undefined);
      }
    },
  };
}

async function readState(path: string): Promise<FileState> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return { kind: 'absent' };
  if (!info.isFile()) return { kind: 'other' };
  return { kind: 'file', text: await readFile(path, 'utf8') };
}
