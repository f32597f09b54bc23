import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatCredential } from '../../../../src/core/credential.js';
import { imsPaths } from '../../../../src/wire/paths.js';
import { type CliResult, runCli, type Sandbox, sandbox } from '../../../helpers/cli.js';
import { imsError } from '../../../helpers/http-fault-server.js';
import {
  ACCESS_KEY,
  type ImsLoopback,
  SECRET_KEY,
  startImsLoopback,
  TENANT_ID,
} from '../../api/ims-loopback.js';

/** A scripted service whose DELETE answers differ per key: what the emulator cannot stage. */
let ims: ImsLoopback;
let home: Sandbox;
beforeEach(async () => {
  ims = await startImsLoopback();
  home = sandbox();
});
afterEach(async () => {
  await ims.server.close();
  home.cleanup();
});

const key = (n: number) => ({
  user_id: String(100000000000000 + n),
  name: `key-${n}`,
  type: 'TENANT',
  access_key: `AKPARTIAL${String(n).padStart(21, '0')}`,
  status: 'ACTIVE',
  non_deletable: false,
  created_date: '2026-01-01T00:00:00.000000',
  expiry_enum: 'Never expires (not recommended)',
  key_expired: false,
});

function serve(n: number, answer: { status: number; body?: unknown }): string {
  const record = key(n);
  const path = imsPaths.key(record.access_key);
  ims.server.on('GET', path, (request) => ims.authorize(request) ?? { status: 200, body: record });
  ims.server.on('DELETE', path, (request) => ims.authorize(request) ?? answer);
  return record.access_key;
}

function cli(argv: string[]): Promise<CliResult> {
  const credential = formatCredential({
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
    tenantId: TENANT_ID,
  });
  return runCli(argv, {
    env: { ...home.env, HELIX_URL: ims.server.url, HELIX_CREDENTIAL: credential },
    now: () => ims.clock.now,
  });
}

describe('keys delete: mixed outcomes', () => {
  it('some deleted, one refused: exit 9 with every key reported; a key already gone counts as deleted', async () => {
    const first = serve(1, { status: 204 });
    const refused = serve(2, { status: 400, body: imsError(400, 'Access key is in use') });
    const gone = serve(3, { status: 404, body: imsError(404, 'Access key not found') });
    const r = await cli(['keys', 'delete', first, refused, gone, '--yes', '--json']);
    expect(r.exitCode).toBe(9);
    expect(JSON.parse(r.stdout)).toEqual([
      { access_key: first, name: 'key-1', deleted: true },
      {
        access_key: refused,
        name: 'key-2',
        deleted: false,
        error: { code: 'BAD_REQUEST', message: 'Access key is in use' },
      },
      { access_key: gone, name: 'key-3', deleted: true },
    ]);
    expect(r.stderr).toContain(
      `warning: could not delete key "key-2" (${refused}): Access key is in use`,
    );
    expect(r.stderr).toContain(`warning: key "key-3" (${gone}) was already gone`);
    expect(r.stderr).toMatch(/^error: 2 of 3 keys deleted; 1 failed$/m);
    expect(JSON.parse(r.stderr.trim().split('\n').at(-1) ?? '')).toMatchObject({
      error: { code: 'PARTIAL_FAILURE', exit_code: 9 },
    });
    // Every key was tried once, in the order given.
    const tried = ims.server.requests.filter((q) => q.method === 'DELETE').map((q) => q.path);
    expect(tried).toEqual([first, refused, gone].map((k) => imsPaths.key(k)));
  });

  it('tsv when piped: one result row per key', async () => {
    const first = serve(1, { status: 204 });
    const refused = serve(2, { status: 400, body: imsError(400, 'Access key is in use') });
    const r = await cli(['keys', 'delete', first, refused, '--yes']);
    expect(r.exitCode).toBe(9);
    expect(r.stdout).toBe(
      'access_key\tname\tdeleted\terror\n' +
        `${first}\tkey-1\ttrue\t\n` +
        `${refused}\tkey-2\tfalse\tAccess key is in use\n`,
    );
  });

  it('a single key that fails keeps its own exit code (6 for a refusal)', async () => {
    const refused = serve(2, { status: 400, body: imsError(400, 'Access key is in use') });
    const r = await cli(['keys', 'delete', refused, '--yes']);
    expect(r.exitCode).toBe(6);
    expect(r.stderr).toMatch(/^error: Access key is in use$/m);
  });
});
