import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveSecret } from '../../../src/config/credentials.js';
import { loadSettings } from '../../../src/config/load-settings.js';
import { saveProfile, setCurrentProfile } from '../../../src/config/profiles.js';
import { formatCredential } from '../../../src/core/credential.js';
import { AuthError, UsageError } from '../../../src/core/errors.js';
import { AK, exists, listDir, rejectionOf, SK, tempDir } from './temp-dir.js';

const credential = formatCredential({ accessKey: AK, secretKey: SK, tenantId: '9999999999' });

describe('loadSettings', () => {
  it('env-only mode touches nothing on disk', async () => {
    const home = await tempDir();
    const env = { HOME: home, HELIX_CREDENTIAL: credential, HELIX_URL: 'https://ci.example' };
    const { settings, warnings, files } = await loadSettings({ flags: {}, env });
    expect(settings.mode).toBe('env');
    expect(settings.secretKey.value?.reveal()).toBe(SK);
    expect(warnings).toEqual([]);
    expect(files.dir).toBe(join(home, '.config', 'helixctl'));
    expect(await listDir(home)).toEqual([]);
  });

  it('env-only mode does not even read a broken config folder', async () => {
    const dir = join(await tempDir(), 'helixctl');
    await mkdir(dir);
    await writeFile(join(dir, 'config.json'), '{broken');
    await writeFile(join(dir, 'credentials.json'), '{broken');
    const env = {
      HELIXCTL_CONFIG_DIR: dir,
      HELIX_ACCESS_KEY: AK,
      HELIX_SECRET_KEY: SK,
      HELIX_URL: 'https://ci.example',
    };
    expect((await loadSettings({ flags: {}, env })).settings.mode).toBe('env');
  });

  it('reads the stored profile and its secret', async () => {
    const dir = join(await tempDir(), 'helixctl');
    await saveProfile(dir, 'prod', {
      url: 'https://prod.example',
      tenant_id: '1111111111',
      access_key: AK,
    });
    await saveSecret(dir, 'prod', SK);
    await setCurrentProfile(dir, 'prod');
    const { settings, warnings } = await loadSettings({
      flags: {},
      env: { HELIXCTL_CONFIG_DIR: dir },
    });
    expect(settings.mode).toBe('profile');
    expect(settings.profile).toEqual({ value: 'prod', source: 'file' });
    expect(settings.secretKey.source).toBe('file');
    expect(settings.secretKey.value?.reveal()).toBe(SK);
    expect(warnings).toEqual([]);
  });

  it('warns about loose modes on the folder and the secrets files', async () => {
    const home = await tempDir();
    const dir = join(home, '.config', 'helixctl');
    await saveProfile(dir, 'prod', {
      url: 'https://prod.example',
      tenant_id: '1111111111',
      access_key: AK,
    });
    await saveSecret(dir, 'prod', SK);
    await chmod(dir, 0o755);
    await chmod(join(dir, 'credentials.json'), 0o644);
    const { warnings } = await loadSettings({ flags: { profile: 'prod' }, env: { HOME: home } });
    expect(warnings).toEqual([
      `config folder ~/.config/helixctl is readable by others (mode 0755); fix with: chmod 700 ${dir}`,
      `credentials file ~/.config/helixctl/credentials.json is readable by others (mode 0644); fix with: chmod 600 ${join(dir, 'credentials.json')}`,
    ]);
  });

  it('with nothing configured, fails with exit 3 and creates nothing', async () => {
    const home = await tempDir();
    const error = await rejectionOf(loadSettings({ flags: {}, env: { HOME: home } }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.exitCode).toBe(3);
    expect(await exists(join(home, '.config'))).toBe(false);
  });

  it('reports a corrupt config file when a profile is needed', async () => {
    const dir = join(await tempDir(), 'helixctl');
    await mkdir(dir);
    await writeFile(join(dir, 'config.json'), '{broken');
    const error = await rejectionOf(
      loadSettings({ flags: { profile: 'prod' }, env: { HELIXCTL_CONFIG_DIR: dir } }),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`config file ${join(dir, 'config.json')} is not valid JSON`);
  });
});
