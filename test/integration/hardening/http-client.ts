import { imsPaths } from '../../../src/wire/paths.js';
import { decodeJwt } from '../../helpers/emulator-jwt.js';
import { type JsonReply, jsonRequest } from '../../helpers/http-json.js';

export type Reply = JsonReply;

/** One JSON request to an emulator process over HTTP (rejects when the connection dies). */
export const call = jsonRequest;

/** Logs in; returns the reply (the caller asserts on the status). */
export function loginReply(base: string, accessKey: string, secretKey: string): Promise<Reply> {
  return call(base, 'POST', imsPaths.login, {
    body: { access_key: accessKey, access_secret_key: secretKey },
  });
}

/** Logs in and returns the access token and the refresh token's `jti`; throws unless 200. */
export async function login(
  base: string,
  accessKey: string,
  secretKey: string,
): Promise<{ token: string; refreshJti: string }> {
  const res = await loginReply(base, accessKey, secretKey);
  if (res.status !== 200) throw new Error(`login ${accessKey}: ${res.status}`);
  return {
    token: res.body.json_web_token,
    refreshJti: String(decodeJwt(res.body.token).payload.jti),
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same kill points. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
