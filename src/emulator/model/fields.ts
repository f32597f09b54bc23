import { badRequest } from './api-error.js';
import { charLength } from './text-rules.js';

/** A parsed JSON object body, read field by field. */
export type JsonObject = Record<string, unknown>;

/** Refuses fields outside `allowed`, so a misspelt field is an error rather than ignored. */
export function rejectUnknown(body: JsonObject, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw badRequest(`Unknown field(s): ${unknown.join(', ')}`);
}

export function optString(body: JsonObject, field: string, max = 255): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest(`${field} must be a string`);
  if (charLength(value) > max) throw badRequest(`${field} must be at most ${max} characters`);
  return value;
}

/** A required string that is not blank, trimmed. */
export function reqName(body: JsonObject, field: string, max = 255): string {
  const value = optString(body, field, max)?.trim();
  if (!value) throw badRequest(`${field} is required`);
  return value;
}

export function optBoolean(body: JsonObject, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${field} must be true or false`);
  return value;
}

export function optInteger(
  body: JsonObject,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest(`${field} must be an integer between ${min} and ${max}`);
  }
  return value;
}

/** An array of distinct id strings (duplicates are dropped). */
export function optIdArray(body: JsonObject, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw badRequest(`${field} must be an array of ids`);
  }
  return [...new Set(value as string[])];
}

export function optObject(body: JsonObject, field: string): JsonObject | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`${field} must be an object`);
  }
  return value as JsonObject;
}
