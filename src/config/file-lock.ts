import { join } from 'node:path';
import { ServiceError } from '../core/errors.js';

/**
 * Runs `fn` while holding `<dir>/<name>.lock` (a directory made with mkdir, proper-lockfile's
 * scheme), so that processes sharing a data folder take turns. A lock whose holder stopped
 * updating it for 10 s is stale and taken over; waiting is bounded (about 30 s), then a
 * ServiceError says another helixctl holds it.
 */
export async function withFolderLock<T>(
  dir: string,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  // Loaded here: only the first use of the local emulator (and its re-issue) takes the lock.
  const { lock } = await import('proper-lockfile');
  const lockfilePath = join(dir, `${name}.lock`);
  let release: () => Promise<void>;
  try {
    release = await lock(dir, {
      lockfilePath,
      stale: 10_000,
      retries: { retries: 80, factor: 1.3, minTimeout: 25, maxTimeout: 500, randomize: true },
      // A lock lost to a stale take-over: the work still finishes; the database's own
      // transactions keep it whole.
      onCompromised: () => undefined,
    });
  } catch (error) {
    throw new ServiceError(
      `another helixctl is setting up ${dir} and did not finish in time (${(error as NodeJS.ErrnoException).code ?? 'lock error'})`,
      { hint: `try again; if no helixctl is running, remove ${lockfilePath}` },
    );
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}
