import { AsyncLocalStorage } from 'node:async_hooks';
import { lstat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { ensureSecureDir } from './secure-file.js';
import { sweepTempFiles } from './temp-files.js';

/** The lock's name inside the config folder (a folder, as proper-lockfile makes it). */
export const LOCK_NAME = '.helixctl.lock';

/** A lock whose holder has not touched it for this long is taken over (a killed process). */
const STALE_MS = 10_000;
/** How long a writer waits for another before giving up with a clear error. */
const WAIT_MS = 20_000;
/** Temporary files older than this, found by a writer under the lock, are leftovers. */
const TEMP_AGE_MS = 60_000;

/** The folders this async call chain already holds: nested calls run without re-locking. */
const held = new AsyncLocalStorage<ReadonlySet<string>>();

/**
 * Runs `fn` holding THE lock of the config folder `dir`: every read-modify-write of
 * config.json, credentials.json and tokens.json goes through here, so two helixctl processes
 * (or two calls in one) never interleave a read and a write. Re-entrant within one async call
 * chain (a login's save holds it around the secret, token and profile writes it makes). The
 * folder is created 0700 first. Under the lock, temporary files older than a minute (left by
 * a killed writer) are swept.
 *
 * The lock is proper-lockfile's: a folder created atomically with mkdir, its mtime refreshed
 * while held; one untouched for 10 s is stale (its holder died) and taken over. Waiting is
 * bounded (20 s), then a UsageError naming the lock.
 */
export async function withConfigLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const folder = resolve(dir);
  const mine = held.getStore();
  if (mine?.has(folder)) return fn();
  const release = await acquire(folder);
  try {
    return await held.run(new Set([...(mine ?? []), folder]), async () => {
      await sweepTempFiles(folder, TEMP_AGE_MS);
      return fn();
    });
  } finally {
    await release();
  }
}

async function acquire(folder: string): Promise<() => Promise<void>> {
  const { lock } = await import('proper-lockfile');
  const lockPath = join(folder, LOCK_NAME);
  const started = Date.now();
  let compromised: Error | undefined;
  for (;;) {
    await ensureSecureDir(folder);
    try {
      const release = await lock(folder, {
        lockfilePath: lockPath,
        realpath: false,
        stale: STALE_MS,
        update: STALE_MS / 4,
        retries: {
          retries: 2000,
          factor: 1.2,
          minTimeout: 5,
          maxTimeout: 100,
          maxRetryTime: WAIT_MS,
        },
        onCompromised: (error: Error) => {
          compromised = error;
        },
      });
      return async () => {
        await release().catch(() => undefined);
        if (compromised) throw lockLost(lockPath);
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The folder vanished between mkdir and the lock (removed by hand): make it again.
      if (code === 'ENOENT' && Date.now() - started < WAIT_MS) continue;
      if (code === 'ELOCKED') throw lockBusy(lockPath);
      throw error;
    }
  }
}

function lockBusy(lockPath: string): UsageError {
  return new UsageError(
    `the config folder is locked by another helixctl (waited ${WAIT_MS / 1000} s for ${lockPath})`,
    {
      code: 'CONFIG_LOCKED',
      hint: `try again; if no helixctl is running, remove the lock: rmdir ${lockPath}`,
    },
  );
}

function lockLost(lockPath: string): UsageError {
  return new UsageError(`the config folder lock ${lockPath} was taken over while held`, {
    code: 'CONFIG_LOCKED',
    hint: 'another helixctl thought this one had died; check the profile and run the command again',
  });
}

/**
 * Removes every leftover temporary file of the config folder, whatever its age (`logout`,
 * `profiles remove`: the user asked for secrets to go). Under the lock, so no live writer's
 * file is touched. A folder that does not exist is not created.
 */
export async function sweepAllTempFiles(dir: string): Promise<number> {
  if (
    !(await lstat(dir).then(
      (info) => info.isDirectory(),
      () => false,
    ))
  )
    return 0;
  return withConfigLock(dir, () => sweepTempFiles(dir, 0));
}
