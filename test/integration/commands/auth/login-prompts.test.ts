import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli.js';
import { useEmulator, useSandbox } from '../../../helpers/lifecycle.js';
import { ADMIN, ADMIN_CREDENTIAL, configDirOf, readJson, ttySession } from './helpers.js';

const emu = useEmulator({ seed: 'seed-basic.json' });
const sb = useSandbox();

describe('login on a terminal', () => {
  it('asks for URL, tenant and access key, then the secret hidden; re-asks bad answers', async () => {
    const s = ttySession(['--no-color', 'login', '--profile', 'prod'], sb.env);
    await s.waitFor('Portal URL');
    s.type('acme.example.com\r');
    await s.waitFor('is not a URL');
    s.type('\x15'); // Ctrl-U: inquirer keeps the rejected answer in the line
    s.type(`${emu.url}\r`);
    await s.waitFor('Tenant id');
    s.type(`${ADMIN.tenantId}\r`);
    await s.waitFor('Access key');
    s.type(`${ADMIN.accessKey.toLowerCase()}\r`);
    await s.waitFor('it has lower-case letters');
    s.type('\x15');
    s.type(`${ADMIN.accessKey}\r`);
    await s.waitFor(`Secret key for ${ADMIN.accessKey} (hidden)`);
    s.type('tooshort\r');
    await s.waitFor('must be 50 letters and digits, got 8 characters');
    s.type('\x15');
    s.type(`${ADMIN.secretKey}\r`);
    const r = await s.result();
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(`as ${ADMIN.accessKey} (tenant ${ADMIN.tenantId}`);
    expect(r.stderr).not.toContain(ADMIN.secretKey);
    expect(r.stderr).not.toContain('tooshort');
    const config = readJson(join(configDirOf(sb), 'config.json'));
    expect(config).toMatchObject({ current_profile: 'prod' });
  });

  it('a stored profile asks only for the secret', async () => {
    const first = await runCli(
      ['login', '--profile', 'prod', '--url', emu.url, '--credential-stdin'],
      {
        env: sb.env,
        stdin: ADMIN_CREDENTIAL,
      },
    );
    expect(first.exitCode).toBe(0);
    await runCli(['logout'], { env: sb.env });
    const s = ttySession(['--no-color', 'login', '--profile', 'prod'], sb.env);
    await s.waitFor('Secret key for');
    expect(s.screen()).not.toContain('Portal URL');
    s.type(`${ADMIN.secretKey}\r`);
    const r = await s.result();
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).not.toContain(ADMIN.secretKey);
  });

  it('Ctrl-C at the secret prompt is exit 130 and saves nothing', async () => {
    const s = ttySession(
      ['login', '--url', emu.url, '--tenant', ADMIN.tenantId, '--access-key', ADMIN.accessKey],
      sb.env,
    );
    await s.waitFor('Secret key for');
    s.type('\x03');
    const r = await s.result();
    expect(r.exitCode).toBe(130);
    expect(existsSync(configDirOf(sb))).toBe(false);
  });

  it('--json never prompts, even on a terminal: exit 8', async () => {
    const s = ttySession(['login', '--json', '--url', emu.url], sb.env);
    const r = await s.result();
    expect(r.exitCode).toBe(8);
    expect(r.stderr).toContain('the tenant id is required: pass --tenant');
  });
});
