import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli.js';
import { useEmulator, useSandbox } from '../../../helpers/lifecycle.js';
import { ADMIN, ADMIN_CREDENTIAL, loginProfile, PLAIN } from './helpers.js';

const emu = useEmulator({ seed: 'seed-basic.json' });
const sb = useSandbox();

const TTY = { stdoutTTY: true, stderrTTY: true };
const envCredentials = () => ({
  ...sb.env,
  HELIX_URL: emu.url,
  HELIX_CREDENTIAL: ADMIN_CREDENTIAL,
});

const loginAs = (profile: string, credential?: string) =>
  loginProfile(sb, emu.url, profile, credential);

describe('whoami', () => {
  it('table: identity, then every setting with where it came from, never the secret', async () => {
    await loginAs('prod');
    const r = await runCli(['--no-color', 'whoami', '--timeout', '20s'], { env: sb.env, tty: TTY });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toEqual([
      'Tenant:         Acme (1000000001)',
      `Principal:      ${ADMIN.accessKey}`,
      'Key type:       access',
      'User id:        100000000000101',
      'Administrator:  yes',
      'Roles:          Administrator',
      'Groups:         Administrators',
      'Permissions:    all permissions (*)',
      'Settings:',
      '  profile:      prod (file config.json)',
      `  url:          ${emu.url} (file config.json)`,
      '  tenant id:    1000000001 (file config.json)',
      `  access key:   ${ADMIN.accessKey} (file config.json)`,
      '  secret key:   set (hidden) (file credentials.json)',
      '  output:       table (default)',
      '  timeout:      20s (flag --timeout)',
      '  proxy:        (none) (default)',
      '  CA file:      (none) (default)',
      '',
    ]);
    expect(r.stdout + r.stderr).not.toContain(ADMIN.secretKey);
  });

  it('JSON: one document with the identity and {value, source} settings', async () => {
    const r = await runCli(['whoami', '--json'], { env: envCredentials() });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      tenant_id: '1000000001',
      tenant_name: 'Acme',
      principal_id: ADMIN.accessKey,
      user_id: '100000000000101',
      key_type: 'access',
      roles: ['Administrator'],
      groups: ['Administrators'],
      permissions: ['*'],
      admin: true,
      local: false,
      settings: {
        profile: { value: null, source: 'default' },
        url: { value: emu.url, source: 'env' },
        tenant_id: { value: '1000000001', source: 'env' },
        access_key: { value: ADMIN.accessKey, source: 'env' },
        secret_key: { set: true, source: 'env' },
        output: { value: 'json', source: 'flag' },
        timeout_ms: { value: 30000, source: 'default' },
        proxy: { value: null, source: 'default', from: 'none' },
        ca_file: { value: null, source: 'default' },
      },
    });
    expect(r.stdout + r.stderr).not.toContain(ADMIN.secretKey);
  });

  it('names the variables in env mode and flags over the profile', async () => {
    const env = { ...envCredentials(), HELIXCTL_OUTPUT: 'table' };
    const r = await runCli(['--no-color', 'whoami'], { env, tty: TTY });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('  profile:      (none) (default)');
    expect(r.stdout).toContain(`  url:          ${emu.url} (env HELIX_URL)`);
    expect(r.stdout).toContain('  tenant id:    1000000001 (env HELIX_CREDENTIAL)');
    expect(r.stdout).toContain('  secret key:   set (hidden) (env HELIX_CREDENTIAL)');
    expect(r.stdout).toContain('  output:       table (env HELIXCTL_OUTPUT)');
    await loginAs('prod');
    const flagged = await runCli(['--no-color', 'whoami', '--profile', 'prod', '--url', emu.url], {
      env: sb.env,
      tty: TTY,
    });
    expect(flagged.stdout).toContain('  profile:      prod (flag --profile)');
    expect(flagged.stdout).toContain(`  url:          ${emu.url} (flag --url)`);
  });

  it('a key without permissions is not an administrator', async () => {
    await loginAs(
      'plain',
      `key:${PLAIN.accessKey}::${PLAIN.secretKey},tenant id:${PLAIN.tenantId}`,
    );
    const r = await runCli(['whoami', '--json'], { env: sb.env });
    expect(JSON.parse(r.stdout)).toMatchObject({ admin: false, permissions: [], roles: [] });
    const t = await runCli(['--no-color', 'whoami'], { env: sb.env, tty: TTY });
    expect(t.stdout).toContain('Administrator:  no');
    expect(t.stdout).toContain('Permissions:    (none)');
  });

  it('tsv: one header line and one row, settings prefixed', async () => {
    const r = await runCli(['whoami'], { env: envCredentials() });
    expect(r.exitCode).toBe(0);
    const [header, row, end] = r.stdout.split('\n');
    expect(end).toBe('');
    const fields = Object.fromEntries(
      (header ?? '').split('\t').map((name, i) => [name, (row ?? '').split('\t')[i]]),
    );
    expect(fields).toMatchObject({
      tenant_id: '1000000001',
      principal_id: ADMIN.accessKey,
      admin: 'true',
      setting_url: emu.url,
      setting_url_source: 'env',
      setting_secret_key: 'true',
      setting_secret_key_source: 'env',
    });
  });

  it('the local profile says it is the local emulator', async () => {
    const r = await runCli(['--no-color', '--profile', 'local', 'whoami'], {
      env: sb.env,
      tty: TTY,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Service:        the local emulator (built-in profile)');
    expect(r.stdout).toContain('  url:          in-process local emulator (built-in)');
    expect(r.stdout).toContain('Administrator:  yes');
    const j = await runCli(['--profile', 'local', 'whoami', '--json'], { env: sb.env });
    expect(JSON.parse(j.stdout)).toMatchObject({
      local: true,
      admin: true,
      settings: { url: { value: null, source: 'built-in' } },
    });
  });

  it('no profile and no credentials: exit 3 naming helixctl login and --profile local', async () => {
    const r = await runCli(['whoami'], { env: sb.env });
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: not logged in: no profile and no credentials in the environment\nhint: run: helixctl login, or use the built-in emulator with: --profile local\n',
    );
    const j = await runCli(['whoami', '--json'], { env: sb.env });
    expect(j.exitCode).toBe(3);
    expect(JSON.parse(j.stderr.split('\n').at(-2) ?? '')).toMatchObject({
      error: { exit_code: 3 },
    });
  });

  it('a profile whose key was deactivated after login: exit 3', async () => {
    await loginAs('prod', `key:${PLAIN.accessKey}::${PLAIN.secretKey},tenant id:${PLAIN.tenantId}`);
    const token = await emu.login(ADMIN);
    const off = await emu.request('PATCH', `/ims/api/v1/access_keys/${PLAIN.accessKey}`, {
      token,
      body: { status: 'INACTIVE' },
    });
    expect(off.status).toBe(200);
    try {
      const r = await runCli(['whoami'], { env: sb.env });
      expect(r.exitCode).toBe(3);
    } finally {
      await emu.request('PATCH', `/ims/api/v1/access_keys/${PLAIN.accessKey}`, {
        token,
        body: { status: 'ACTIVE' },
      });
    }
  });
});
