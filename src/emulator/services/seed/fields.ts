import { SeedError } from './types.js';

/** Shape checks for seed files; each names the field it refuses. */
export type Obj = Record<string, unknown>;

export function obj(value: unknown, at: string): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new SeedError(`seed: ${at} must be an object`);
  return value as Obj;
}

export function list(value: unknown, at: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SeedError(`seed: ${at} must be an array`);
  return value;
}

export function str(
  o: Obj,
  field: string,
  at: string,
  pattern?: RegExp,
  what?: string,
): string | undefined {
  const value = o[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw new SeedError(`seed: ${at}.${field} must be a non-empty string`);
  if (pattern && !pattern.test(value)) throw new SeedError(`seed: ${at}.${field} must be ${what}`);
  return value;
}

export function req(o: Obj, field: string, at: string): string {
  const value = str(o, field, at);
  if (value === undefined) throw new SeedError(`seed: ${at}.${field} is required`);
  return value;
}

export function names(o: Obj, field: string, at: string): string[] {
  return list(o[field], `${at}.${field}`).map((v, i) => {
    if (typeof v !== 'string' || v === '')
      throw new SeedError(`seed: ${at}.${field}[${i}] must be a name or id`);
    return v;
  });
}

export function flag(o: Obj, field: string, at: string, fallback: boolean): boolean {
  const value = o[field];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new SeedError(`seed: ${at}.${field} must be true or false`);
  return value;
}

export const ID15 = /^[1-9]\d{14}$/;
export const ID15_TEXT = 'a 15-digit id';
export const opt = <K extends string, V>(key: K, value: V | undefined) =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);
