import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadTokens,
  removeTokens,
  saveTokens,
  type TokenCacheEntry,
  tokenCacheKey,
} from '../../../src/config/token-cache.js';
import { AK, AK2, exists, listDir, modeOf, tempDir } from './temp-dir.js';

const now = new Date('2026-11-26T12:00:00Z');
const identity = { url: 'https://acme.onbmc.com', tenantId: '1234567890', accessKey: AK };
const tokens: TokenCacheEntry = {
  json_web_token: 'eyJhbGciOiJIUzI1NiJ9.access.sig',
  token: 'eyJhbGciOiJIUzI1NiJ9.refresh.sig',
  jwt_expires_at: '2026-11-26T12:15:00Z',
  refresh_expires_at: '2026-11-27T12:00:00Z',
};

async function configDirIn(): Promise<string> {
  return join(await tempDir(), 'helixctl');
}

describe('token cache', () => {
  it('keys tokens by portal, tenant and access key', () => {
    expect(tokenCacheKey({ ...identity, url: 'https://acme.onbmc.com/' })).toBe(
      `https://acme.onbmc.com|1234567890|${AK}`,
    );
  });

  it('saves to a 0600 file and loads back per identity', async () => {
    const dir = await configDirIn();
    await saveTokens(dir, identity, tokens, now);
    expect(await modeOf(join(dir, 'tokens.json'))).toBe(0o600);
    expect(await modeOf(dir)).toBe(0o700);
    expect(await listDir(dir)).toEqual(['tokens.json']);
    expect(await loadTokens(dir, identity)).toEqual(tokens);
    expect(await loadTokens(dir, { ...identity, accessKey: AK2 })).toBeUndefined();
    expect(await loadTokens(dir, { ...identity, tenantId: '1' })).toBeUndefined();
    expect(await loadTokens(dir, { ...identity, url: 'https://other.onbmc.com' })).toBeUndefined();
  });

  it('keeps only the known fields', async () => {
    const dir = await configDirIn();
    await saveTokens(dir, identity, { ...tokens, extra: 'x' } as TokenCacheEntry, now);
    expect(await loadTokens(dir, identity)).toEqual(tokens);
  });

  it('drops entries whose refresh token has expired when saving', async () => {
    const dir = await configDirIn();
    const other = { ...identity, accessKey: AK2 };
    await saveTokens(dir, other, { ...tokens, refresh_expires_at: '2026-11-26T11:00:00Z' }, now);
    await saveTokens(dir, identity, tokens, now);
    const raw = JSON.parse(await readFile(join(dir, 'tokens.json'), 'utf8'));
    expect(Object.keys(raw.tokens)).toEqual([tokenCacheKey(identity)]);
  });

  it('removes an identity, writing nothing when absent', async () => {
    const dir = await configDirIn();
    expect(await removeTokens(dir, identity)).toBe(false);
    expect(await exists(dir)).toBe(false);
    await saveTokens(dir, identity, tokens, now);
    expect(await removeTokens(dir, identity)).toBe(true);
    expect(await loadTokens(dir, identity)).toBeUndefined();
  });

  it('treats a corrupt cache as empty and rewrites it on the next save', async () => {
    const dir = await configDirIn();
    await saveTokens(dir, identity, tokens, now);
    const path = join(dir, 'tokens.json');
    await writeFile(path, '{"tokens": ');
    expect(await loadTokens(dir, identity)).toBeUndefined();
    await saveTokens(dir, identity, tokens, now);
    expect(await loadTokens(dir, identity)).toEqual(tokens);
    await writeFile(
      path,
      JSON.stringify({ version: 1, tokens: { [tokenCacheKey(identity)]: { token: 1 } } }),
    );
    expect(await loadTokens(dir, identity)).toBeUndefined();
  });
});
