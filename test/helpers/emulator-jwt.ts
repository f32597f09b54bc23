import { createHmac } from 'node:crypto';

/** Helpers to take real JWTs apart and forge bad ones in tests. */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header = '', payload = ''] = token.split('.');
  const parse = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { header: parse(header), payload: parse(payload) };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The token with its payload changed and the original signature kept. */
export function tamper(token: string, change: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header}.${b64({ ...decodeJwt(token).payload, ...change })}.${signature}`;
}

/** An unsigned token (`alg: none`) with the token's payload. */
export function algNone(token: string): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(decodeJwt(token).payload)}.`;
}

/** A correctly formed HS256 token signed with `secret` (a guess, or another tenant's). */
export function signWith(payload: Record<string, unknown>, secret: string): string {
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
