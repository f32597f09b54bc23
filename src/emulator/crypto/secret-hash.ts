import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Stored form of a secret: `$sha256$<salt>$<hmac>`, HMAC-SHA256 keyed by a random salt.
 * A 50-char CSPRNG secret carries ~297 bits, so a slow KDF would add latency without adding
 * safety (see docs/design.md section 4).
 */
export function hashSecret(secret: string): string {
  const salt = randomBytes(16).toString('base64url');
  return `$sha256$${salt}$${mac(salt, secret)}`;
}

// Compared against when the access key is unknown, so a miss costs the same as a wrong secret.
const DECOY = hashSecret('decoy-secret-for-unknown-access-keys');

/** Constant-time check of `secret` against a stored hash (or the decoy when none). */
export function verifySecret(secret: string, stored: string | undefined): boolean {
  const parts = (stored ?? DECOY).split('$');
  const [, scheme, salt, expected] = parts;
  if (parts.length !== 4 || scheme !== 'sha256' || !salt || !expected) return false;
  const actual = Buffer.from(mac(salt, secret), 'base64url');
  const wanted = Buffer.from(expected, 'base64url');
  const same = actual.length === wanted.length && timingSafeEqual(actual, wanted);
  return same && stored !== undefined;
}

function mac(salt: string, secret: string): string {
  return createHmac('sha256', salt).update(secret, 'utf8').digest('base64url');
}
