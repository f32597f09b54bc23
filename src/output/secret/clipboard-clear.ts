import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Env } from '../../core/env.js';
import { HelixError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import { clipboardEnv } from '../clipboard.js';
import { sha256Hex } from './value-hash.js';

export { CLIPBOARD_ENV_NAMES } from '../clipboard.js';

/** The compiled helper, next to this file in `dist/`. */
export const CLIPBOARD_CLEAR_WORKER = fileURLToPath(
  new URL('./clipboard-clear-worker.js', import.meta.url),
);

/** The helper's environment: the clipboard's own variables only (see `clipboardEnv`). */
export const clipboardWorkerEnv = clipboardEnv;

/**
 * Clears the clipboard `afterMs` from now if it still holds `value`, through a detached
 * node process that outlives the CLI (pass(1)'s behaviour). The helper gets only the
 * SHA-256 of the value, on its stdin: never the value, never in argv or env. Resolves with
 * its pid once the hash is handed over (the CLI does not wait for it); `afterMs` 0 starts
 * nothing. Rejects when the helper cannot start: the caller turns that into a warning.
 */
export function scheduleClipboardClear(
  value: string,
  afterMs: number,
  env: Env = process.env,
  worker: string = CLIPBOARD_CLEAR_WORKER,
): Promise<number | undefined> {
  if (afterMs <= 0) return Promise.resolve(undefined);
  if (!existsSync(worker))
    return Promise.reject(helperError(`clipboard helper not found: ${worker}`));
  const child = spawn(process.execPath, [worker, String(Math.round(afterMs))], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: clipboardWorkerEnv(env),
    // Not the user's folder: a helper sitting in it for 45 s would keep it busy (unmount).
    cwd: tmpdir(),
    windowsHide: true,
  });
  return new Promise((resolve, reject) => {
    child.on('error', (error: Error & { code?: string }) =>
      reject(
        helperError(`clipboard helper did not start: ${error.code ?? 'unknown error'}`, error),
      ),
    );
    // EPIPE if the helper died at once; its absence is then reported by nothing, by design.
    child.stdin?.on('error', () => {});
    child.once('spawn', () => {
      child.stdin?.end(`${sha256Hex(value)}\n`, () => {
        child.unref();
        resolve(child.pid);
      });
    });
  });
}

function helperError(message: string, cause?: unknown): HelixError {
  return new HelixError(message, ExitCode.INTERNAL, 'CLIPBOARD_HELPER', { cause });
}
