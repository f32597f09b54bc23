/**
 * Drops undefined values so an object built from commander's loose options fits a type with
 * optional properties under `exactOptionalPropertyTypes`.
 */
export function defined<T extends Record<string, unknown>>(
  values: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}

export const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
export const num = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : undefined;
/** A repeatable option's values: commander leaves it undefined when the flag is absent. */
export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
