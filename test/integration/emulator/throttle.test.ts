import { afterEach, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { basic } from '../../helpers/emulator-seed.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const attempt = (e: TestEmulator, accessKey: string, secretKey: string) =>
  e.request('POST', imsPaths.login, {
    body: { access_key: accessKey, access_secret_key: secretKey },
  });

describe('login throttling', () => {
  it('refuses a key with 429 and Retry-After after 5 failures, even with the right secret, until the window ends', async () => {
    const e = await startTestEmulator({ seed: 'seed-basic.json', testClock: true });
    emu = e;
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt(e, basic.acmeAdmin.accessKey, `wrong${i}`)).status).toBe(401);
    }
    const blocked = await attempt(e, basic.acmeAdmin.accessKey, basic.acmeAdmin.secretKey);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect(blocked.body).toMatchObject({ code: 429, message: 'TOO_MANY_REQUESTS' });
    // Another key from the same address is not affected (5 < 20).
    expect(
      (await attempt(e, basic.acmeAuditor.accessKey, basic.acmeAuditor.secretKey)).status,
    ).toBe(200);
    await e.advance(45);
    const later = await attempt(e, basic.acmeAdmin.accessKey, basic.acmeAdmin.secretKey);
    expect([later.status, later.headers.get('retry-after')]).toEqual([429, '15']);
    await e.advance(15);
    expect((await attempt(e, basic.acmeAdmin.accessKey, basic.acmeAdmin.secretKey)).status).toBe(
      200,
    );
  });

  it('refuses a client address after 20 failures across keys', async () => {
    const e = await startTestEmulator({ seed: 'seed-basic.json', testClock: true });
    emu = e;
    for (let i = 0; i < 20; i += 1) {
      expect((await attempt(e, `GUESS${String(i).padStart(25, '0')}`, 'nope')).status).toBe(401);
    }
    const blocked = await attempt(e, basic.acmeAuditor.accessKey, basic.acmeAuditor.secretKey);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBe(60);
  });

  it('takes its limits from the throttle option', async () => {
    const e = await startTestEmulator({
      seed: 'seed-basic.json',
      testClock: true,
      throttle: { perKey: 1, windowSeconds: 10 },
    });
    emu = e;
    expect((await attempt(e, basic.acmeAdmin.accessKey, 'wrong')).status).toBe(401);
    const blocked = await attempt(e, basic.acmeAdmin.accessKey, basic.acmeAdmin.secretKey);
    expect([blocked.status, blocked.headers.get('retry-after')]).toEqual([429, '10']);
  });
});
