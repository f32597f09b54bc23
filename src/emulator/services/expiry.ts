import { endOfUtcDay, parseWireTimestamp } from '../../core/timestamp.js';
import { EXPIRY_ENUM, type ExpiryEnum } from '../../wire/types.js';
import { badRequest } from '../model/api-error.js';

const DAY_MS = 86_400_000;
const PRESET_DAYS: Readonly<Record<string, number>> = {
  [EXPIRY_ENUM.DAYS_30]: 30,
  [EXPIRY_ENUM.DAYS_60]: 60,
  [EXPIRY_ENUM.DAYS_90]: 90,
};
const ENUM_VALUES: readonly string[] = Object.values(EXPIRY_ENUM);

export interface ResolvedExpiry {
  expiry_enum: ExpiryEnum;
  /** Epoch ms of the last valid instant, or null for never. */
  expiry_at: number | null;
}

/**
 * Turns `expiry_enum` (+ `expiry_time` for `Custom value`) into an instant: day presets end
 * at 23:59:59 UTC of now + N days; a custom plain date ends at 23:59:59 of that date; a
 * custom time must be in the future. `expiry_time` with any other choice is refused.
 */
export function resolveExpiry(enumValue: unknown, time: unknown, now: number): ResolvedExpiry {
  if (typeof enumValue !== 'string' || !ENUM_VALUES.includes(enumValue)) {
    throw badRequest(`expiry_enum must be one of: ${ENUM_VALUES.map((v) => `"${v}"`).join(', ')}`);
  }
  const choice = enumValue as ExpiryEnum;
  if (choice !== EXPIRY_ENUM.CUSTOM) {
    if (time !== undefined && time !== null) {
      throw badRequest(`expiry_time is allowed only with expiry_enum "${EXPIRY_ENUM.CUSTOM}"`);
    }
    const days = PRESET_DAYS[choice];
    const at = days === undefined ? null : endOfUtcDay(new Date(now + days * DAY_MS)).getTime();
    return { expiry_enum: choice, expiry_at: at };
  }
  if (typeof time !== 'string' || time.trim() === '') {
    throw badRequest(`expiry_time is required with expiry_enum "${EXPIRY_ENUM.CUSTOM}"`);
  }
  const at = parseExpiryTime(time);
  if (at === undefined) {
    throw badRequest(
      'expiry_time must be a date (YYYY-MM-DD) or a timestamp (YYYY-MM-DDTHH:MM:SS)',
    );
  }
  if (at <= now) throw badRequest('expiry_time must be in the future');
  return { expiry_enum: choice, expiry_at: at };
}

/** A plain date means the end of that UTC day; a timestamp is kept to the second. */
export function parseExpiryTime(text: string): number | undefined {
  const trimmed = text.trim();
  const parsed = parseWireTimestamp(trimmed);
  if (!parsed) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return endOfUtcDay(parsed).getTime();
  return Math.floor(parsed.getTime() / 1000) * 1000;
}
