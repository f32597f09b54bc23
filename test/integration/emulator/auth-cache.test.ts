import { afterEach, describe, expect, it } from 'vitest';
import { EXTERNAL_CHECK_MS } from '../../../src/emulator/store/sqlite.js';
import { imsPaths } from '../../../src/wire/paths.js';
import { basic } from '../../helpers/emulator-seed.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

// A verified token's caller is cached (src/emulator/services/auth-cache.ts); these prove the
// cache never answers for a token the uncached path would refuse (docs/design.md §4).
const NOW = Date.parse('2026-01-15T10:00:00Z');
const open: TestEmulator[] = [];
afterEach(async () => {
  // The second emulator on a file first: the first one owns (and removes) the temp folder.
  for (const emu of open.splice(0).reverse()) await emu.close();
});

async function start(db?: string): Promise<TestEmulator> {
  const emu = await startTestEmulator({
    seed: 'seed-basic.json',
    testClock: true,
    now: NOW,
    ...(db === undefined ? {} : { db }),
  });
  open.push(emu);
  return emu;
}

const afterBound = () => new Promise((resolve) => setTimeout(resolve, EXTERNAL_CHECK_MS + 20));

async function userinfo(emu: TestEmulator, token: string): Promise<[number, string?]> {
  const res = await emu.request('GET', imsPaths.userinfo, { token });
  return res.status === 200 ? [200] : [res.status, res.body.error];
}

/** Two calls: the first verifies and caches, the second is served from the cache. */
async function primed(emu: TestEmulator, token: string): Promise<void> {
  expect(await userinfo(emu, token)).toEqual([200]);
  expect(await userinfo(emu, token)).toEqual([200]);
}

describe('cached authentication, one process', () => {
  it('refuses a cached token right after its key is deactivated, and after it is deleted', async () => {
    const emu = await start();
    const admin = await emu.login(basic.acmeAdmin);
    const plain = await emu.login(basic.acmePlain);
    await primed(emu, plain);
    const patch = (status: string) =>
      emu.request('PATCH', imsPaths.key(basic.acmePlain.accessKey), {
        token: admin,
        body: { status },
      });
    expect((await patch('INACTIVE')).status).toBe(200);
    expect(await userinfo(emu, plain)).toEqual([401, 'Access key is inactive']);
    expect((await patch('ACTIVE')).status).toBe(200);
    await primed(emu, plain);
    const deleted = await emu.request('DELETE', imsPaths.key(basic.acmePlain.accessKey), {
      token: admin,
    });
    expect(deleted.status).toBe(204);
    expect(await userinfo(emu, plain)).toEqual([401, 'Access key no longer exists']);
  });

  it('refuses a cached token once the test clock reaches its exp, or goes back before its iat', async () => {
    const emu = await start();
    const token = await emu.login(basic.acmeAdmin);
    await primed(emu, token);
    await emu.advance(15 * 60 - 1);
    expect(await userinfo(emu, token)).toEqual([200]);
    await emu.advance(1);
    expect((await userinfo(emu, token))[0]).toBe(401);

    const fresh = await emu.login(basic.acmeAdmin);
    await primed(emu, fresh);
    // iat more than the 60 s skew ahead of the clock: not valid yet, cached or not.
    emu.emulator.clock.set(emu.emulator.clock.now() - 120_000);
    expect((await userinfo(emu, fresh))[0]).toBe(401);
  });
});

describe('cached authentication, another connection on the same file', () => {
  it('refuses a cached token once another emulator deactivated or deleted its key, after the staleness bound', async () => {
    const a = await start();
    const b = await start(a.dbPath);
    const admin = await b.login(basic.acmeAdmin);
    const plain = await a.login(basic.acmePlain);
    await primed(a, plain);
    const patch = (status: string) =>
      b.request('PATCH', imsPaths.key(basic.acmePlain.accessKey), {
        token: admin,
        body: { status },
      });
    expect((await patch('INACTIVE')).status).toBe(200);
    await afterBound();
    expect(await userinfo(a, plain)).toEqual([401, 'Access key is inactive']);
    expect((await patch('ACTIVE')).status).toBe(200);
    await afterBound();
    await primed(a, plain);
    expect(
      (await b.request('DELETE', imsPaths.key(basic.acmePlain.accessKey), { token: admin })).status,
    ).toBe(204);
    await afterBound();
    expect(await userinfo(a, plain)).toEqual([401, 'Access key no longer exists']);
  });
});
