import type { AccessKeyRecord } from '../../api/types.js';
import { DAY } from '../../core/time-units.js';
import { parseWireTimestamp } from '../../core/timestamp.js';

/** The service's default grace period for API keys, in days (reference section 4). */
export const DEFAULT_API_GRACE_DAYS = 15;

/** Days the previous access key of an API key keeps working after a rotation. */
export function apiGraceDays(record: AccessKeyRecord): number {
  return record.rotation?.grace_period ?? DEFAULT_API_GRACE_DAYS;
}

/**
 * Until when the previous access key works after a rotation: `last_rotation_date` +
 * `grace_period` days, as the service computes it; `fallback` (the time we asked) when the
 * service does not say when it rotated.
 */
export function apiGraceEnd(record: AccessKeyRecord, fallback: Date): Date {
  const last = record.rotation?.last_rotation_date;
  const from = (last === undefined ? undefined : parseWireTimestamp(last)) ?? fallback;
  return new Date(from.getTime() + apiGraceDays(record) * DAY);
}
