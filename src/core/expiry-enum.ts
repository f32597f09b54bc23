/**
 * The service's `expiry_enum` strings, exact (docs/ims-api.md §7). `30 days` and
 * `Custom value` and the never string are confirmed; `60 days` and `90 days` are inferred.
 * `src/wire/types.ts` re-exports these so the wire types and the domain agree.
 */
export const EXPIRY_ENUM = {
  DAYS_30: '30 days',
  DAYS_60: '60 days',
  DAYS_90: '90 days',
  CUSTOM: 'Custom value',
  NEVER: 'Never expires (not recommended)',
} as const;

export type ExpiryEnum = (typeof EXPIRY_ENUM)[keyof typeof EXPIRY_ENUM];

/** Day presets, by number of days. */
export const EXPIRY_PRESETS: ReadonlyMap<number, ExpiryEnum> = new Map<number, ExpiryEnum>([
  [30, EXPIRY_ENUM.DAYS_30],
  [60, EXPIRY_ENUM.DAYS_60],
  [90, EXPIRY_ENUM.DAYS_90],
]);

/** True for one of the five known strings (the service may add others). */
export function isExpiryEnum(value: string): value is ExpiryEnum {
  return (Object.values(EXPIRY_ENUM) as string[]).includes(value);
}
