import { randomInt } from 'node:crypto';

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` characters drawn uniformly from `alphabet` with the CSPRNG (no modulo bias). */
function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/**
 * A 30-char `[A-Z0-9]` access key with at least one letter, so that `/^\d+$/` always tells a
 * numeric user id from an access key in `{key}` paths.
 */
export function newAccessKey(): string {
  for (;;) {
    const key = randomString(UPPER_DIGITS, 30);
    if (/[A-Z]/.test(key)) return key;
  }
}

/** A 50-char `[A-Za-z0-9]` secret (~297 bits). */
export function newSecretKey(): string {
  return randomString(ALPHANUMERIC, 50);
}

/** A numeric id of exactly `digits` digits, never starting with 0. */
export function randomDigits(digits: number): string {
  let out = String(1 + randomInt(9));
  for (let i = 1; i < digits; i += 1) out += String(randomInt(10));
  return out;
}

/** A 15-digit user, group or role id that `taken` does not already know. */
export function newEntityId(taken: (id: string) => boolean, digits = 15): string {
  for (;;) {
    const id = randomDigits(digits);
    if (!taken(id)) return id;
  }
}

export const ACCESS_KEY_PATTERN = /^[A-Z0-9]{30}$/;
export const SECRET_KEY_PATTERN = /^[A-Za-z0-9]{50}$/;
