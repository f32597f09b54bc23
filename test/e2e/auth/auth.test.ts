import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import { expectSecretConfined } from './files.js';

let serve: ServeProcess;
let admin: { accessKey: string; secretKey: string; tenantId: string };
let sb: Sandbox;
beforeAll(async () => {
  serve = await startServe();
  if (!serve.admin || !serve.credentialText) throw new Error('serve printed no credential');
  admin = serve.admin;
});
afterAll(async () => {
  expect(await serve.stop()).toBe(0);
});
beforeEach(() => {
  sb = sandbox();
});
afterEach(() => sb.cleanup());

/** Runs the binary, then checks that the secret went nowhere it should not. */
async function cli(args: string[], input?: string) {
  const result = await spawnCli(args, { env: sb.env, ...(input === undefined ? {} : { input }) });
  expectSecretConfined(sb.home, admin.secretKey);
  expect(result.stdout + result.stderr).not.toContain(admin.secretKey);
  return result;
}

describe('helixctl login, whoami, profiles, logout (built binary against helixctl serve)', () => {
  it('walks a profile from login to removal', async () => {
    const login = await cli(
      ['login', '--profile', 'dev', '--url', serve.url, '--credential-stdin'],
      `${serve.credentialText}\n`,
    );
    expect(login.exitCode, login.stderr).toBe(0);
    expect(login.stderr).toContain(
      `Logged in to ${serve.url} as ${admin.accessKey} (tenant ${admin.tenantId}, all permissions (*)); profile dev saved`,
    );

    const table = await cli(['whoami', '-o', 'table', '--no-color']);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toContain(`Principal:      ${admin.accessKey}`);
    expect(table.stdout).toContain('Administrator:  yes');
    expect(table.stdout).toContain('  profile:      dev (file config.json)');
    expect(table.stdout).toContain('  secret key:   set (hidden) (file credentials.json)');

    const json = await cli(['whoami', '--json']);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({
      principal_id: admin.accessKey,
      tenant_id: admin.tenantId,
      admin: true,
    });
    expect(doc.settings.profile).toEqual({ value: 'dev', source: 'file' });

    const list = await cli(['profiles', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toContainEqual(
      expect.objectContaining({ name: 'dev', active: true, secret_stored: true, url: serve.url }),
    );

    expect((await cli(['logout'])).exitCode).toBe(0);
    const refused = await cli(['whoami']);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('hint: log in again with: helixctl login --profile dev');

    const again = await cli(['login', '--profile', 'dev', '--secret-stdin'], admin.secretKey);
    expect(again.exitCode, again.stderr).toBe(0);
    expect((await cli(['whoami', '--json'])).exitCode).toBe(0);

    expect((await cli(['profiles', 'use', 'local'])).exitCode).toBe(0);
    expect((await cli(['profiles', 'use', 'dev'])).exitCode).toBe(0);
    expect((await cli(['profiles', 'remove', 'dev'])).exitCode).toBe(8);
    expect((await cli(['profiles', 'remove', 'dev', '--yes'])).exitCode).toBe(0);
    const gone = await cli(['whoami']);
    expect(gone.exitCode).toBe(3);
    expect(gone.stderr).toContain('no profile and no credentials in the environment');
  });

  it('logs in with --secret-stdin and the other parts as flags', async () => {
    const r = await cli(
      [
        'login',
        '--url',
        serve.url,
        '--tenant',
        admin.tenantId,
        '--access-key',
        admin.accessKey,
        '--secret-stdin',
        '--json',
      ],
      `${admin.secretKey}\n`,
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).profile).toMatchObject({ name: 'default', current: true });
  });

  it('a wrong secret is exit 3 and nothing is written', async () => {
    const wrong = `key:${admin.accessKey}::${'x'.repeat(50)},tenant id:${admin.tenantId}`;
    const r = await cli(['login', '--url', serve.url, '--credential-stdin'], wrong);
    expect(r.exitCode).toBe(3);
    expect(existsSync(join(sb.home, '.config'))).toBe(false);
  });

  it('no profile and no credentials: exit 3 with a hint naming login and --profile local', async () => {
    const r = await cli(['whoami']);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toBe(
      'error: not logged in: no profile and no credentials in the environment\nhint: run: helixctl login, or use the built-in emulator with: --profile local',
    );
  });
});
