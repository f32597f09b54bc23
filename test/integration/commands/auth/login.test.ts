import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli.js';
import { useEmulator, useSandbox } from '../../../helpers/lifecycle.js';
import {
  ADMIN,
  ADMIN_CREDENTIAL,
  configDirOf,
  filesContaining,
  GLOBEX,
  PLAIN,
  readJson,
} from './helpers.js';

const emu = useEmulator({ seed: 'seed-basic.json' });
const sb = useSandbox();
afterEach(() => {
  // Whatever a test did, the secrets it used live in credentials.json or nowhere.
  for (const secret of [ADMIN.secretKey, PLAIN.secretKey, GLOBEX.secretKey]) {
    expect(filesContaining(sb.home, secret).filter((f) => !f.endsWith('credentials.json'))).toEqual(
      [],
    );
  }
});

const login = (args: string[], stdin?: string, env: Record<string, string> = {}) =>
  runCli(['login', ...args], {
    env: { ...sb.env, ...env },
    ...(stdin === undefined ? {} : { stdin }),
  });

function stored() {
  const dir = configDirOf(sb);
  return {
    config: readJson(join(dir, 'config.json')) as {
      current_profile?: string;
      profiles: Record<string, Record<string, string>>;
    },
    credentials: readJson(join(dir, 'credentials.json')) as {
      profiles: Record<string, { secret_key: string }>;
    },
    tokens: readJson(join(dir, 'tokens.json')) as { tokens: Record<string, unknown> },
  };
}

describe('login: success', () => {
  it('--credential-stdin logs in, reads userinfo, then saves profile, secret and tokens', async () => {
    const r = await login(['--url', emu.url, '--credential-stdin'], `${ADMIN_CREDENTIAL}\n`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `Logged in to ${emu.url} as ${ADMIN.accessKey} (tenant ${ADMIN.tenantId}, all permissions (*)); profile default saved`,
    );
    expect(r.stderr).toContain('the default profile is now default');
    const { config, credentials, tokens } = stored();
    expect(config).toEqual({
      current_profile: 'default',
      profiles: {
        default: { url: emu.url, tenant_id: ADMIN.tenantId, access_key: ADMIN.accessKey },
      },
    });
    expect(credentials.profiles.default?.secret_key).toBe(ADMIN.secretKey);
    expect(Object.keys(tokens.tokens)).toEqual([`${emu.url}|${ADMIN.tenantId}|${ADMIN.accessKey}`]);
    const dir = configDirOf(sb);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of ['config.json', 'credentials.json', 'tokens.json']) {
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    }
  });

  it('the saved profile works: whoami uses the cached token without a new login', async () => {
    await login(['--url', emu.url, '--credential-stdin'], ADMIN_CREDENTIAL);
    const logins = emu.logs.filter((line) => line.includes('/access_keys/login')).length;
    const r = await runCli(['whoami', '--json'], { env: sb.env });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).principal_id).toBe(ADMIN.accessKey);
    expect(emu.logs.filter((line) => line.includes('/access_keys/login')).length).toBe(logins);
  });

  it('--json prints one document: the profile and the userinfo, never the secret or a token', async () => {
    const r = await login(['--url', emu.url, '--credential-stdin', '--json'], ADMIN_CREDENTIAL);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.profile).toEqual({
      name: 'default',
      url: emu.url,
      tenant_id: ADMIN.tenantId,
      access_key: ADMIN.accessKey,
      current: true,
    });
    expect(doc.userinfo).toMatchObject({
      principal_id: ADMIN.accessKey,
      tenant_id: ADMIN.tenantId,
      tenant_name: 'Acme',
      permissions: ['*'],
    });
    const { tokens } = stored();
    const token = Object.values(tokens.tokens)[0] as { json_web_token: string; token: string };
    for (const secret of [ADMIN.secretKey, token.json_web_token, token.token]) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
  });

  it('--secret-stdin with --tenant and --access-key', async () => {
    const r = await login(
      [
        '--url',
        emu.url,
        '--tenant',
        PLAIN.tenantId,
        '--access-key',
        PLAIN.accessKey,
        '--secret-stdin',
      ],
      `${PLAIN.secretKey}\n`,
    );
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`as ${PLAIN.accessKey} (tenant ${PLAIN.tenantId}, 0 permissions)`);
    expect(stored().config.profiles.default?.access_key).toBe(PLAIN.accessKey);
  });

  it('takes URL, tenant, key and secret from HELIX_* variables', async () => {
    const r = await login([], undefined, {
      HELIX_URL: emu.url,
      HELIX_TENANT_ID: GLOBEX.tenantId,
      HELIX_ACCESS_KEY: GLOBEX.accessKey,
      HELIX_SECRET_KEY: GLOBEX.secretKey,
    });
    expect(r.exitCode).toBe(0);
    expect(stored().config.profiles.default).toEqual({
      url: emu.url,
      tenant_id: GLOBEX.tenantId,
      access_key: GLOBEX.accessKey,
    });
    expect(stored().credentials.profiles.default?.secret_key).toBe(GLOBEX.secretKey);
  });

  it('takes a whole credential from HELIX_CREDENTIAL', async () => {
    const r = await login(['--profile', 'ci'], undefined, {
      HELIX_URL: emu.url,
      HELIX_CREDENTIAL: ADMIN_CREDENTIAL,
    });
    expect(r.exitCode).toBe(0);
    expect(stored().config.profiles.ci?.access_key).toBe(ADMIN.accessKey);
  });

  it('--dry-run verifies the credential and saves nothing', async () => {
    const r = await login(['--url', emu.url, '--credential-stdin', '--dry-run'], ADMIN_CREDENTIAL);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('dry run: Logged in to');
    expect(r.stderr).toContain('nothing was saved');
    expect(existsSync(configDirOf(sb))).toBe(false);
    const j = await login(
      ['--url', emu.url, '--credential-stdin', '--dry-run', '--json'],
      ADMIN_CREDENTIAL,
    );
    expect(JSON.parse(j.stdout)).toMatchObject({ dry_run: true, action: 'login' });
    expect(existsSync(configDirOf(sb))).toBe(false);
  });

  it('--debug traces the calls without the secret or a token', async () => {
    const r = await login(['--url', emu.url, '--credential-stdin', '--debug'], ADMIN_CREDENTIAL);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/debug: http POST .*\/access_keys\/login -> 200/);
    expect(r.stderr).toMatch(/debug: http GET .*\/userinfo -> 200/);
    expect(r.stderr).not.toContain(ADMIN.secretKey);
    expect(r.stderr).not.toMatch(/eyJ[\w-]+\./);
  });
});

describe('login: profiles', () => {
  it('re-login of a stored profile needs only the secret (URL, tenant and key are kept)', async () => {
    await login(['--profile', 'prod', '--url', emu.url, '--credential-stdin'], ADMIN_CREDENTIAL);
    expect((await runCli(['logout'], { env: sb.env })).exitCode).toBe(0);
    const r = await login(['--profile', 'prod', '--secret-stdin'], ADMIN.secretKey);
    expect(r.exitCode).toBe(0);
    expect(stored().credentials.profiles.prod?.secret_key).toBe(ADMIN.secretKey);
  });

  it('the first login becomes the default and says so; later logins leave it alone', async () => {
    // Was: a login with --profile also became the default (issue 13: it silently moved it).
    const first = await login(
      ['--profile', 'a', '--url', emu.url, '--credential-stdin'],
      ADMIN_CREDENTIAL,
    );
    expect(first.stderr).toContain('the default profile is now a: there was none yet');
    expect(stored().config.current_profile).toBe('a');
    const named = await login(
      ['--profile', 'b', '--url', emu.url, '--credential-stdin'],
      ADMIN_CREDENTIAL,
    );
    expect(named.exitCode).toBe(0);
    expect(named.stderr).toContain(
      'the default profile is still a: use this one with --profile b, or make it the default with: helixctl profiles use b',
    );
    expect(stored().config.current_profile).toBe('a');
    const r = await login(['--url', emu.url, '--credential-stdin'], ADMIN_CREDENTIAL, {
      HELIXCTL_PROFILE: 'c',
    });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('profile c saved');
    expect(r.stderr).toContain('the default profile is still a');
    expect(stored().config.current_profile).toBe('a');
    expect(Object.keys(stored().config.profiles).sort()).toEqual(['a', 'b', 'c']);
    const again = await login(['--profile', 'a', '--secret-stdin'], ADMIN.secretKey);
    expect(again.stderr).toContain('the default profile is still a\n');
  });

  it('a default naming a profile that no longer exists is replaced by the next login', async () => {
    await login(['--profile', 'a', '--url', emu.url, '--credential-stdin'], ADMIN_CREDENTIAL);
    const path = join(configDirOf(sb), 'config.json');
    const config = readJson(path) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ ...config, current_profile: 'gone' }));
    const r = await login(
      ['--profile', 'b', '--url', emu.url, '--credential-stdin'],
      ADMIN_CREDENTIAL,
    );
    expect(r.stderr).toContain('the default profile is now b: there was none yet');
    expect(stored().config.current_profile).toBe('b');
  });

  it('re-pointing a profile at another key drops the old key tokens', async () => {
    await login(['--url', emu.url, '--credential-stdin'], ADMIN_CREDENTIAL);
    await login(
      ['--url', emu.url, '--credential-stdin'],
      `key:${PLAIN.accessKey}::${PLAIN.secretKey},tenant id:${PLAIN.tenantId}`,
    );
    expect(Object.keys(stored().tokens.tokens)).toEqual([
      `${emu.url}|${PLAIN.tenantId}|${PLAIN.accessKey}`,
    ]);
  });

  it("re-issues the local profile's administrator credential instead of logging in", async () => {
    // Was: refused (exit 2). Issue 10 case 7: it is the way back for a stale local credential.
    const r = await login(['--profile', 'local']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('stored a new administrator credential for profile local');
    const dir = configDirOf(sb);
    const config = readJson(join(dir, 'config.json')) as {
      profiles: Record<string, Record<string, string>>;
    };
    expect(config.profiles.local?.access_key).toMatch(/^[A-Z0-9]{30}$/);
    const credentials = readJson(join(dir, 'credentials.json')) as { profiles: object };
    expect(Object.keys(credentials.profiles)).toEqual(['local']);
  });
});

describe('login: failures save nothing', () => {
  afterEach(() => {
    expect(existsSync(configDirOf(sb))).toBe(false);
  });

  it('a wrong secret is exit 3 with a hint', async () => {
    const wrong = `key:${ADMIN.accessKey}::${'W'.repeat(50)},tenant id:${ADMIN.tenantId}`;
    const r = await login(['--url', emu.url, '--credential-stdin'], wrong);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toContain('error: login failed: invalid access key or secret key');
    expect(r.stderr).toContain('hint: check the access key and the secret key');
    expect(r.stderr).not.toContain('W'.repeat(50));
  });

  it('an unknown tenant is exit 3', async () => {
    const r = await login(
      ['--url', emu.url, '--credential-stdin'],
      `key:${ADMIN.accessKey}::${ADMIN.secretKey},tenant id:1999999999`,
    );
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toContain('error: tenant 1999999999 not found');
  });

  it('an inactive key is exit 3 saying so', async () => {
    const r = await login(
      [
        '--url',
        emu.url,
        '--tenant',
        '1000000001',
        '--access-key',
        'ACMEINACTIVE000000000000000000',
        '--secret-stdin',
      ],
      'Secret0AcmeInactivexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    );
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toMatch(/error: login failed: .*inactive/i);
  });

  it('an unreachable URL is exit 7 with a hint naming it', async () => {
    const url = await closedPortUrl();
    const r = await login(['--url', url, '--credential-stdin'], ADMIN_CREDENTIAL);
    expect(r.exitCode).toBe(7);
    expect(r.stderr).toContain(`hint: check the portal URL (${url}) and your network`);
  });

  it('without a terminal a missing value is exit 8 naming the flag', async () => {
    const cases: [string[], string | undefined, string][] = [
      [[], undefined, 'the portal URL is required: pass --url (or set HELIX_URL)'],
      [['--url', emu.url], undefined, 'the tenant id is required: pass --tenant'],
      [
        ['--url', emu.url, '--tenant', '1000000001'],
        undefined,
        'the access key is required: pass --access-key',
      ],
      [
        ['--url', emu.url, '--tenant', '1000000001', '--access-key', ADMIN.accessKey],
        undefined,
        'the secret key is required: pass --secret-stdin or --credential-stdin (or set HELIX_SECRET_KEY)',
      ],
    ];
    for (const [args, stdin, message] of cases) {
      const r = await login(args, stdin);
      expect(r.exitCode, message).toBe(8);
      expect(r.stderr).toContain(`error: ${message}`);
    }
  });

  it('bad input is exit 2 and never echoes a secret', async () => {
    const swapped = `key:${ADMIN.secretKey}::${ADMIN.accessKey},tenant id:${ADMIN.tenantId}`;
    const cases: [string[], string, string][] = [
      [
        ['--credential-stdin', '--secret-stdin'],
        ADMIN_CREDENTIAL,
        '--credential-stdin and --secret-stdin cannot be combined',
      ],
      [
        ['--credential-stdin'],
        swapped,
        'invalid credential: the access key and the secret key are swapped (read from standard input)',
      ],
      [
        ['--credential-stdin', '--access-key', PLAIN.accessKey],
        ADMIN_CREDENTIAL,
        '--access-key does not match the access key of the credential from --credential-stdin',
      ],
      [
        ['--credential-stdin', '--tenant', '2000000002'],
        ADMIN_CREDENTIAL,
        '--tenant does not match the tenant id',
      ],
      [
        ['--tenant', '1000000001', '--access-key', ADMIN.accessKey, '--secret-stdin'],
        'short',
        'the secret key from --secret-stdin must be 50 letters and digits, got 5 characters',
      ],
      [
        ['--url', 'ftp://x', '--credential-stdin'],
        ADMIN_CREDENTIAL,
        '--url must start with https:// or http://',
      ],
      [['--from-clipboard'], '', 'cannot read the clipboard: disabled by HELIXCTL_NO_CLIPBOARD'],
    ];
    for (const [args, stdin, message] of cases) {
      const r = await login(['--url', emu.url, ...args], stdin);
      expect(r.exitCode, message).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toContain(ADMIN.secretKey);
    }
  });
});

describe('login: a failed save', () => {
  it('puts every file back as it was', async () => {
    // tokens.json as a folder: the secret is written first, then the token save fails.
    const dir = configDirOf(sb);
    mkdirSync(join(dir, 'tokens.json'), { recursive: true });
    const r = await login(['--url', emu.url, '--credential-stdin'], ADMIN_CREDENTIAL);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('it is a folder');
    expect(existsSync(join(dir, 'credentials.json'))).toBe(false);
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });

  it('restores the previous secret and profile of a re-login', async () => {
    await login(['--profile', 'p', '--url', emu.url, '--credential-stdin'], ADMIN_CREDENTIAL);
    const before = stored();
    // The token save fails after the new secret was written: both must be undone.
    const dir = configDirOf(sb);
    rmSync(join(dir, 'tokens.json'));
    mkdirSync(join(dir, 'tokens.json'));
    const plain = `key:${PLAIN.accessKey}::${PLAIN.secretKey},tenant id:${PLAIN.tenantId}`;
    const r = await login(['--profile', 'p', '--url', emu.url, '--credential-stdin'], plain);
    expect(r.exitCode).toBe(2);
    expect(readJson(join(dir, 'credentials.json'))).toEqual(before.credentials);
    expect(readJson(join(dir, 'config.json'))).toEqual(before.config);
  });
});

/** A loopback URL on which nothing listens. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
