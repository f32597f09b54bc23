import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  getProfile,
  listProfiles,
  loadProfiles,
  removeProfile,
  saveProfile,
  setCurrentProfile,
} from '../../../src/config/profiles.js';
import { UsageError } from '../../../src/core/errors.js';
import { AK, AK2, exists, listDir, modeOf, tempDir } from './temp-dir.js';

const prod = { url: 'https://acme-tenant.onbmc.com/', tenant_id: '1234567890', access_key: AK };

async function configDirIn(): Promise<string> {
  return join(await tempDir(), 'helixctl');
}

describe('profiles', () => {
  it('saves into a 0700 folder and a 0600 config.json, normalising the URL', async () => {
    const dir = await configDirIn();
    await saveProfile(dir, 'prod', prod);
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dir, 'config.json'))).toBe(0o600);
    expect(await listDir(dir)).toEqual(['config.json']);
    expect(await getProfile(dir, 'prod')).toEqual({
      ...prod,
      url: 'https://acme-tenant.onbmc.com',
    });
  });

  it('keeps dotted names as names, not nested paths', async () => {
    const dir = await configDirIn();
    await saveProfile(dir, 'acme.prod', prod);
    const raw = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    expect(Object.keys(raw.profiles)).toEqual(['acme.prod']);
    expect((await getProfile(dir, 'acme.prod'))?.access_key).toBe(AK);
  });

  it('lists profiles with local built in, and tracks the current one', async () => {
    const dir = await configDirIn();
    await saveProfile(dir, 'prod', prod);
    await saveProfile(dir, 'dev', { ...prod, access_key: AK2, output: 'json' });
    await setCurrentProfile(dir, 'dev');
    const list = await listProfiles(dir);
    expect(list.map((p) => [p.name, p.current, p.builtIn])).toEqual([
      ['dev', true, false],
      ['local', false, true],
      ['prod', false, false],
    ]);
    expect(list[0]?.profile?.output).toBe('json');
    expect((await loadProfiles(dir)).current_profile).toBe('dev');
  });

  it('removing the current profile clears current_profile', async () => {
    const dir = await configDirIn();
    await saveProfile(dir, 'prod', prod);
    await setCurrentProfile(dir, 'prod');
    expect(await removeProfile(dir, 'prod')).toBe(true);
    expect(await removeProfile(dir, 'prod')).toBe(false);
    expect(await loadProfiles(dir)).toEqual({ profiles: {} });
  });

  it('stores a local profile without a URL and refuses one with a URL', async () => {
    const dir = await configDirIn();
    await saveProfile(dir, 'local', { tenant_id: '1000000001', access_key: AK });
    await setCurrentProfile(dir, 'local');
    expect(await getProfile(dir, 'local')).toEqual({ tenant_id: '1000000001', access_key: AK });
    await expect(saveProfile(dir, 'local', prod)).rejects.toThrow(
      'the local profile is built in and has no URL',
    );
    await expect(saveProfile(dir, 'prod', { tenant_id: '1', access_key: AK })).rejects.toThrow(
      'profile prod needs a URL',
    );
  });

  it.each([
    ['bad name', 'invalid profile name "bad name"'],
    ['', 'invalid profile name ""'],
    ['x'.repeat(65), 'invalid profile name'],
    ['..', 'invalid profile name ".."'],
    ['a/b', 'invalid profile name "a/b"'],
  ])('refuses the profile name %j', async (name, message) => {
    const dir = await configDirIn();
    await expect(saveProfile(dir, name, prod)).rejects.toThrow(message);
  });

  it.each([
    [{ ...prod, url: 'ftp://x' }, /URL must start with https:\/\//],
    [{ ...prod, url: 'https://user:pw@x' }, /must not contain a user name or password/],
    [{ ...prod, tenant_id: 'acme' }, /tenant id must be digits only/],
    [{ ...prod, access_key: 'short' }, /access key must be 30/],
    [{ ...prod, output: 'xml' as 'json' }, /unknown output format "xml"/],
  ])('refuses a bad profile field (%#)', async (profile, message) => {
    const dir = await configDirIn();
    await expect(saveProfile(dir, 'prod', profile)).rejects.toThrow(message);
    expect(await exists(join(dir, 'config.json'))).toBe(false);
  });

  it('refuses to make an unknown profile current', async () => {
    const dir = await configDirIn();
    const error = await setCurrentProfile(dir, 'ghost').catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('no profile named "ghost"');
  });

  it('reading creates nothing', async () => {
    const dir = await configDirIn();
    expect(await loadProfiles(dir)).toEqual({ profiles: {} });
    expect(await listProfiles(dir)).toHaveLength(1);
    expect(await exists(dir)).toBe(false);
  });

  it('reports a corrupt config.json in one line, when reading and when writing', async () => {
    const dir = await configDirIn();
    await saveProfile(dir, 'prod', prod);
    const path = join(dir, 'config.json');
    await writeFile(path, '{"profiles": {');
    for (const attempt of [() => loadProfiles(dir), () => saveProfile(dir, 'dev', prod)]) {
      const error = await attempt().catch((e) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(`config file ${path} is not valid JSON`);
      expect(error.hint).toMatch(/fix it in an editor, or remove it/);
    }
    expect(await readFile(path, 'utf8')).toBe('{"profiles": {');
  });

  it('reports a hand-edited profile that breaks the rules', async () => {
    const dir = await configDirIn();
    await saveProfile(dir, 'prod', prod);
    const path = join(dir, 'config.json');
    await writeFile(path, JSON.stringify({ profiles: { prod: { ...prod, tenant_id: 42 } } }));
    await expect(loadProfiles(dir)).rejects.toThrow(
      `config file ${path} is invalid: profile prod: tenant_id must be a string`,
    );
    await writeFile(path, JSON.stringify({ current_profile: 'a b', profiles: {} }));
    await expect(loadProfiles(dir)).rejects.toThrow(/invalid current_profile "a b"/);
    await writeFile(path, '[]');
    await expect(loadProfiles(dir)).rejects.toThrow(/is not a JSON object/);
  });

  it('tightens a config.json someone made world-readable when it rewrites it', async () => {
    const dir = await configDirIn();
    await saveProfile(dir, 'prod', prod);
    await chmod(join(dir, 'config.json'), 0o644);
    await saveProfile(dir, 'dev', prod);
    expect(await modeOf(join(dir, 'config.json'))).toBe(0o600);
  });
});
