/**
 * The detached helper started by `scheduleClipboardClear`: `node clipboard-clear-worker.js
 * <afterMs>`, the SHA-256 (hex) of the copied value on stdin. It waits, then clears the
 * clipboard only if it still holds that value (the user may have copied something else
 * meanwhile). It has no stdout or stderr: any failure just ends it.
 */
import { timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyToClipboard, readClipboard } from '../clipboard.js';
import { sha256Hex } from './value-hash.js';

const MAX_INPUT = 256;

async function readExpectedHash(): Promise<string | undefined> {
  let input = '';
  for await (const chunk of process.stdin) {
    input += String(chunk);
    if (input.length > MAX_INPUT) return undefined;
  }
  const hash = input.trim();
  return /^[0-9a-f]{64}$/.test(hash) ? hash : undefined;
}

function holdsValue(content: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(sha256Hex(content), 'hex'), Buffer.from(expected, 'hex'));
}

async function main(): Promise<void> {
  process.title = 'helixctl-clipboard-clear';
  const afterMs = Number(process.argv[2]);
  const expected = await readExpectedHash();
  if (expected === undefined || !Number.isSafeInteger(afterMs) || afterMs <= 0) return;
  await sleep(afterMs);
  const content = await readClipboard(process.env);
  if (content.ok && holdsValue(content.text, expected)) await copyToClipboard('', process.env);
}

main()
  .catch(() => {})
  // Nothing must keep the helper alive after its one job (a stray handle, a slow xsel).
  .finally(() => process.exit(0));
