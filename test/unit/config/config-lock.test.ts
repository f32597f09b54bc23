import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_NAME, withConfigLock } from '../../../src/config/config-lock.js';
import { loadSecrets } from '../../../src/config/credentials.js';
import { isProfileName, validateProfileName } from '../../../src/config/profile-schema.js';
import { loadProfiles } from '../../../src/config/profiles.js';
import { readRegularFile } from '../../../src/config/secure-file.js';
import { sweepTempFiles } from '../../../src/config/temp-files.js';
import { UsageError } from '../../../src/core/errors.js';
import { AK, tempDir } from './temp-dir.js';

describe('the config lock', () => {
  it('runs critical sections one at a time, and nests within one call chain', async () => {
    const dir = join(await tempDir(), 'helixctl');
    let inside = 0;
    let most = 0;
    const section = () =>
      withConfigLock(dir, async () => {
        inside += 1;
        most = Math.max(most, inside);
        // Re-entrant: the same chain takes it again without waiting for itself.
        await withConfigLock(dir, async () => new Promise((r) => setTimeout(r, 5)));
        inside -= 1;
      });
    await Promise.all(Array.from({ length: 8 }, section));
    expect(most).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a stale lock left by a killed process', async () => {
    const dir = join(await tempDir(), 'helixctl');
    await mkdir(join(dir, LOCK_NAME), { recursive: true });
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, LOCK_NAME), old, old);
    expect(await withConfigLock(dir, async () => 'ran')).toBe('ran');
  });
});

describe('temporary files', () => {
  it('sweeps leftovers by age, and leaves other files alone', async () => {
    const dir = await tempDir();
    const old = new Date(Date.now() - 120_000);
    for (const name of [
      '.credentials.json.abc123.tmp',
      '.tokens.json.def456.tmp',
      'config.json.tmp-1765000000abcdef',
    ]) {
      await writeFile(join(dir, name), 'x');
      await utimes(join(dir, name), old, old);
    }
    await writeFile(join(dir, '.tokens.json.0f0f0f.tmp'), 'fresh');
    await writeFile(join(dir, 'notes.tmp'), 'mine');
    expect(await sweepTempFiles(dir, 60_000)).toBe(3);
    expect((await readdir(dir)).sort()).toEqual(['.tokens.json.0f0f0f.tmp', 'notes.tmp']);
    expect(await sweepTempFiles(dir, 0)).toBe(1);
    expect(await readdir(dir)).toEqual(['notes.tmp']);
  });
});

describe('profile names and maps', () => {
  it('refuses __proto__, constructor and prototype (any case) as profile names', () => {
    for (const name of ['__proto__', 'constructor', 'prototype', 'Constructor']) {
      expect(isProfileName(name)).toBe(false);
      expect(() => validateProfileName(name, '--profile value')).toThrow(/reserved name/);
    }
    expect(isProfileName('prod.eu-1')).toBe(true);
  });

  it('a __proto__ entry in credentials.json is skipped, and reaches no prototype', async () => {
    const dir = await tempDir();
    const entry = { secret_key: 'S'.repeat(50) };
    await writeFile(
      join(dir, 'credentials.json'),
      `{"version":1,"profiles":{"__proto__":${JSON.stringify(entry)},"prod":${JSON.stringify(entry)}}}`,
    );
    const secrets = await loadSecrets(dir);
    expect(Object.keys(secrets)).toEqual(['prod']);
    expect(Object.getPrototypeOf(secrets)).toBe(null);
    expect(({} as Record<string, unknown>).secret_key).toBeUndefined();
  });

  it('a __proto__ profile in config.json is refused naming the file', async () => {
    const dir = await tempDir();
    const profile = { url: 'https://a.example.com', tenant_id: '1234567890', access_key: AK };
    await writeFile(
      join(dir, 'config.json'),
      `{"profiles":{"__proto__":${JSON.stringify(profile)}}}`,
    );
    await expect(loadProfiles(dir)).rejects.toThrow(/config\.json is invalid: .*reserved name/);
  });
});

describe('reading config files', () => {
  it('refuses a file larger than 1 MiB without reading it all', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'config.json'), ' '.repeat(2 * 1024 * 1024));
    await expect(readRegularFile(join(dir, 'config.json'), 'config file')).rejects.toThrow(
      UsageError,
    );
  });
});
