import { createHash } from 'node:crypto';

/** SHA-256 of a value as hex: how the clipboard helper recognises our value without holding it. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
