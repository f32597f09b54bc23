import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli.js';
import { useEmulator, useSandbox } from '../../../helpers/lifecycle.js';
import { ADMIN, ADMIN_CREDENTIAL, configDirOf, loginProfile, storedFile } from './helpers.js';

const emu = useEmulator({ seed: 'seed-basic.json' });
const sb = useSandbox();

const cli = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { env: { ...sb.env, ...env } });
const file = (name: string) => storedFile(sb, name);

const loginAs = (profile: string) => loginProfile(sb, emu.url, profile);

describe('logout', () => {
  it("removes the active profile's secret and tokens, keeps URL, tenant and key", async () => {
    await loginAs('prod');
    const r = await cli(['logout']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(
      'profile prod: removed the stored secret and the cached tokens; its URL, tenant and access key are kept (log in again with: helixctl login --profile prod)\n',
    );
    expect(file('credentials.json').profiles).toEqual({});
    expect(file('tokens.json').tokens).toEqual({});
    expect(file('config.json').profiles.prod).toEqual({
      url: emu.url,
      tenant_id: ADMIN.tenantId,
      access_key: ADMIN.accessKey,
    });
    const who = await cli(['whoami']);
    expect(who.exitCode).toBe(3);
    expect(who.stderr).toContain('error: profile prod has no stored secret');
    expect(who.stderr).toContain('hint: log in again with: helixctl login --profile prod');
    const again = await cli(['logout']);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain(
      'profile prod has no stored secret or cached tokens: nothing to remove',
    );
  });

  it('logs out of the profile named by --profile only', async () => {
    await loginAs('a');
    await loginAs('b');
    expect((await cli(['logout', '--profile', 'a'])).exitCode).toBe(0);
    expect(Object.keys(file('credentials.json').profiles)).toEqual(['b']);
  });

  it('--dry-run says what it would remove and removes nothing; --json documents it', async () => {
    await loginAs('prod');
    const before = [file('credentials.json'), file('tokens.json')];
    const r = await cli(['logout', '--dry-run']);
    expect(r.stderr).toContain(
      'profile prod: dry run: would remove the stored secret and the cached tokens',
    );
    const j = await cli(['logout', '--dry-run', '--json']);
    expect(JSON.parse(j.stdout)).toEqual({
      dry_run: true,
      action: 'logout',
      profile: 'prod',
      mode: 'profile',
      would_remove: { secret: true, tokens: true },
    });
    expect([file('credentials.json'), file('tokens.json')]).toEqual(before);
    const done = await cli(['logout', '--json']);
    expect(JSON.parse(done.stdout)).toEqual({
      profile: 'prod',
      mode: 'profile',
      removed: { secret: true, tokens: true },
    });
  });

  it('with credentials from the environment there is nothing stored: exit 0', async () => {
    const env = { HELIX_URL: emu.url, HELIX_CREDENTIAL: ADMIN_CREDENTIAL };
    const r = await cli(['logout'], env);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(
      'the credentials come from the environment and nothing is stored for them',
    );
    expect(existsSync(configDirOf(sb))).toBe(false);
  });

  it('with HELIXCTL_CACHE=1 it removes the cached tokens of the environment credentials', async () => {
    const env = { HELIX_URL: emu.url, HELIX_CREDENTIAL: ADMIN_CREDENTIAL, HELIXCTL_CACHE: '1' };
    expect((await cli(['whoami'], env)).exitCode).toBe(0);
    expect(Object.keys(file('tokens.json').tokens)).toHaveLength(1);
    const r = await cli(['logout'], env);
    expect(r.stderr).toContain('removed their cached tokens (HELIXCTL_CACHE=1)');
    expect(file('tokens.json').tokens).toEqual({});
  });

  it('not logged in at all: says so, exit 0', async () => {
    const r = await cli(['logout']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('not logged in');
    expect(existsSync(configDirOf(sb))).toBe(false);
  });

  it("local: removes only the cached tokens and keeps the emulator's admin credential", async () => {
    expect((await cli(['--profile', 'local', 'whoami'])).exitCode).toBe(0);
    const secret = file('credentials.json').profiles.local?.secret_key;
    expect(Object.keys(file('tokens.json').tokens)).toHaveLength(1);
    const r = await cli(['--profile', 'local', 'logout']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(
      "removed the cached tokens of the local profile; the local emulator's administrator credential is kept (its database cannot give it back)",
    );
    expect(file('credentials.json').profiles.local?.secret_key).toBe(secret);
    expect(file('tokens.json').tokens).toEqual({});
    expect((await cli(['--profile', 'local', 'whoami'])).exitCode).toBe(0);
  });
});
