import type { ImsErrorBody } from '../wire/types.js';

/**
 * The IMS error envelope when `text` is one (`{timestamp, code, message, error}`), else
 * undefined: an HTML page from a proxy, an empty body, anything else.
 */
export function parseImsErrorBody(text: string | undefined): Partial<ImsErrorBody> | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const body = value as Record<string, unknown>;
  if (typeof body.error !== 'string' || body.error.trim() === '') return undefined;
  if (typeof body.code !== 'number' && typeof body.message !== 'string') return undefined;
  const out: Partial<ImsErrorBody> = { error: body.error };
  if (typeof body.code === 'number') out.code = body.code;
  if (typeof body.message === 'string') out.message = body.message;
  return out;
}
