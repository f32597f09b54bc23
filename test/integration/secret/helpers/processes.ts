import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Alive and not a zombie (an orphan may wait a moment for its new parent to reap it). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Waits until `pid` has ended. The deadline only turns a hang into a failure; no assertion
 * depends on how long anything took.
 */
export async function waitForExit(pid: number, deadlineMs = 20_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (isRunning(pid)) {
    if (Date.now() > until) throw new Error(`process ${pid} still running after ${deadlineMs} ms`);
    await sleep(25);
  }
}

/** Polls `check` until it holds; the deadline only turns a hang into a failure. */
export async function waitUntil(check: () => Promise<boolean>, deadlineMs = 20_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`condition still false after ${deadlineMs} ms`);
    await sleep(50);
  }
}

/** Ends a process the test started (directly or through its harness), if still there. */
export function killIfRunning(pid: number | undefined): void {
  if (pid === undefined || !isRunning(pid)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone between the check and the kill.
  }
}

export function procText(pid: number, file: 'cmdline' | 'environ'): string[] {
  return readFileSync(`/proc/${pid}/${file}`, 'utf8').split('\0').filter(Boolean);
}
