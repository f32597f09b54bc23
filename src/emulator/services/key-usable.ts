import { inGrace } from '../repos/key-record.js';
import { isExpired, type KeyRow } from '../repos/keys.js';

/** Why a key may not be used right now (login, refresh, or any authenticated call). */
export function refusal(key: KeyRow, principalId: string, now: number): string | undefined {
  if (
    principalId !== key.access_key &&
    !(principalId === key.old_access_key && inGrace(key, now))
  ) {
    return 'Access key was rotated and its grace period has ended';
  }
  if (key.status !== 'ACTIVE') return 'Access key is inactive';
  if (isExpired(key, now)) return 'Access key is expired';
  return undefined;
}
