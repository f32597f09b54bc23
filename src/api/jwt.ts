/**
 * Reads the `exp` claim of a JWT without verifying it: the client only needs to know when to
 * refresh, and the service verifies every token it receives anyway.
 */

/** Expiry as epoch milliseconds; undefined when the token is not a JWT or has no `exp`. */
export function jwtExpiryMs(token: string): number | undefined {
  const parts = token.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || !payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const exp = (claims as { exp?: unknown } | null)?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
