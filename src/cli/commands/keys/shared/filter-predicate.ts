import { isExpiringWithin } from '../../../../core/expiry-state.js';
import { matchGlob } from '../../../../core/glob.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import type { KeyFilters } from './key-filters.js';

/**
 * The list filters, applied on our side: the confirmed API filters only by type, so doing it
 * here behaves the same against the real service and the emulator.
 */
export function keyFilter(filters: KeyFilters, now: Date): (record: AccessKeyRecord) => boolean {
  return (record) => {
    if (filters.type !== undefined && record.type !== filters.type) return false;
    if (filters.status !== undefined && record.status !== filters.status) return false;
    if (filters.expired === true && !record.key_expired) return false;
    if (filters.name !== undefined && !matchGlob(filters.name, record.name)) return false;
    // "Expiring within 14d" includes keys already expired: both need action.
    if (
      filters.expiringWithinMs !== undefined &&
      !isExpiringWithin(record, now, filters.expiringWithinMs)
    ) {
      return false;
    }
    return true;
  };
}
