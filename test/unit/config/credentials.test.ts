import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  getSecret,
  loadSecrets,
  removeSecret,
  saveSecret,
} from '../../../src/config/credentials.js';
import { UsageError } from '../../../src/core/errors.js';
import { Redacted } from '../../../src/core/redacted.js';
import { exists, listDir, modeOf, SK, SK2, tempDir } from './temp-dir.js';

async function configDirIn(): Promise<string> {
  return join(await tempDir(), 'helixctl');
}

describe('credentials file', () => {
  it('stores secrets per profile in a 0600 file in a 0700 folder', async () => {
    const dir = await configDirIn();
    await saveSecret(dir, 'prod', SK);
    await saveSecret(dir, 'dev', new Redacted(SK2));
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dir, 'credentials.json'))).toBe(0o600);
    expect(await listDir(dir)).toEqual(['credentials.json']);
    expect((await getSecret(dir, 'prod'))?.reveal()).toBe(SK);
    expect((await getSecret(dir, 'dev'))?.reveal()).toBe(SK2);
    expect(await getSecret(dir, 'other')).toBeUndefined();
    expect(JSON.parse(await readFile(join(dir, 'credentials.json'), 'utf8'))).toEqual({
      version: 1,
      profiles: { prod: { secret_key: SK }, dev: { secret_key: SK2 } },
    });
  });

  it('hands secrets out wrapped, so printing them by mistake shows nothing', async () => {
    const dir = await configDirIn();
    await saveSecret(dir, 'prod', SK);
    const secrets = await loadSecrets(dir);
    expect(JSON.stringify(secrets)).toBe('{"prod":"[redacted]"}');
  });

  it('removes a secret, writing nothing when there was none', async () => {
    const dir = await configDirIn();
    expect(await removeSecret(dir, 'prod')).toBe(false);
    expect(await exists(dir)).toBe(false);
    await saveSecret(dir, 'prod', SK);
    await saveSecret(dir, 'dev', SK2);
    expect(await removeSecret(dir, 'prod')).toBe(true);
    expect(await getSecret(dir, 'prod')).toBeUndefined();
    expect((await getSecret(dir, 'dev'))?.reveal()).toBe(SK2);
  });

  it('refuses a malformed secret without echoing it', async () => {
    const dir = await configDirIn();
    const bad = `${SK}!`;
    const error = await saveSecret(dir, 'prod', bad).catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      'the secret key must be 50 letters and digits, got 51 characters (it has characters other than letters and digits)',
    );
    expect(await exists(dir)).toBe(false);
  });

  it('reports a corrupt file without showing its content', async () => {
    const dir = await configDirIn();
    await saveSecret(dir, 'prod', SK);
    const path = join(dir, 'credentials.json');
    await writeFile(path, `{"profiles":{"prod":{"secret_key":"${SK}"}`);
    const error = await getSecret(dir, 'prod').catch((e) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`credentials file ${path} is not valid JSON`);
    expect(JSON.stringify(error)).not.toContain(SK);
    await writeFile(path, '{"profiles": []}');
    await expect(getSecret(dir, 'prod')).rejects.toThrow(/is not in the expected format/);
    await expect(saveSecret(dir, 'dev', SK2)).rejects.toThrow(/is not in the expected format/);
  });
});
