import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type TokenUse = 'access' | 'refresh';

/** Claims of the emulator's JWTs (docs/ims-api.md §3.3). */
export interface JwtClaims {
  /** The key's principal user id. */
  sub: string;
  tenant_id: string;
  /** The access key that logged in (the old one while an API key is in grace). */
  principal_id: string;
  type: 'API';
  token_use: TokenUse;
  iat: number;
  exp: number;
  jti: string;
}

export type JwtFailure =
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'expired'
  | 'not_yet_valid'
  | 'token_use';

/** Clock skew allowed between the issuer and the verifier, for `iat` and `nbf`. */
export const JWT_SKEW_SECONDS = 60;
/**
 * The longest lifetime (`exp - iat`) accepted: well above the 24 h refresh token the emulator
 * issues (docs/ims-api.md §3.3), far below an `exp` that never comes (`1e300`).
 */
export const JWT_MAX_LIFETIME_SECONDS = 31 * 24 * 3600;
export type JwtResult = { ok: true; claims: JwtClaims } | { ok: false; reason: JwtFailure };

const HEADER = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** A fresh random `jti`. */
export function newJti(): string {
  return randomBytes(18).toString('base64url');
}

/** Signs `claims` with HS256 under the tenant's secret. */
export function signJwt(claims: JwtClaims, secret: string): string {
  const body = `${HEADER}.${b64(JSON.stringify(claims))}`;
  return `${body}.${hmac(body, secret)}`;
}

/**
 * Verifies a JWT: exactly HS256 (never `none` or another algorithm, whatever the header says),
 * the signature under the secret of the tenant the token names, `exp` against `nowMs`, and
 * the expected `token_use`. `secretOf` returns undefined for an unknown tenant.
 */
export function verifyJwt(
  token: string,
  secretOf: (tenantId: string) => string | undefined,
  nowMs: number,
  use: TokenUse,
): JwtResult {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p))) return fail('malformed');
  const [head = '', payload = '', signature = ''] = parts;
  const header = parseSegment(head);
  if (header?.alg !== 'HS256' || (header.typ !== undefined && header.typ !== 'JWT')) {
    return fail('algorithm');
  }
  const claims = parseSegment(payload);
  if (!claims || typeof claims.tenant_id !== 'string') return fail('malformed');
  const secret = secretOf(claims.tenant_id);
  if (secret === undefined || !sameSignature(hmac(`${head}.${payload}`, secret), signature)) {
    return fail('signature');
  }
  if (!isClaims(claims)) return fail('malformed');
  const timing = checkTimes(claims, nowMs);
  if (timing) return fail(timing);
  if (claims.token_use !== use) return fail('token_use');
  return { ok: true, claims };
}

function fail(reason: JwtFailure): JwtResult {
  return { ok: false, reason };
}

function isClaims(value: Record<string, unknown>): value is Record<string, unknown> & JwtClaims {
  return (
    typeof value.sub === 'string' &&
    typeof value.principal_id === 'string' &&
    typeof value.jti === 'string' &&
    (value.token_use === 'access' || value.token_use === 'refresh') &&
    isSeconds(value.exp) &&
    isSeconds(value.iat) &&
    (value.nbf === undefined || isSeconds(value.nbf))
  );
}

/** A NumericDate as issuers write it: whole seconds since 1970, a safe integer. */
function isSeconds(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * The time claims checked as a verifier would: not yet valid (`nbf`) or issued in the future
 * (`iat`) beyond the skew, lifetime not longer than any token is issued for, `exp` passed.
 */
function checkTimes(claims: JwtClaims & { nbf?: unknown }, nowMs: number): JwtFailure | undefined {
  const now = Math.floor(nowMs / 1000);
  if (claims.iat > now + JWT_SKEW_SECONDS) return 'not_yet_valid';
  if (typeof claims.nbf === 'number' && claims.nbf > now + JWT_SKEW_SECONDS) return 'not_yet_valid';
  if (claims.exp <= claims.iat || claims.exp - claims.iat > JWT_MAX_LIFETIME_SECONDS) {
    return 'malformed';
  }
  if (claims.exp * 1000 <= nowMs) return 'expired';
  return undefined;
}

function parseSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'base64url');
  const b = Buffer.from(given, 'base64url');
  return a.length === b.length && timingSafeEqual(a, b);
}

function hmac(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
