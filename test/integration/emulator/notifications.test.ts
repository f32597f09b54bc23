import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import type { Notification } from '../../../src/wire/types.js';
import { basic } from '../../helpers/emulator-seed.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

const NOW = Date.parse('2026-01-15T10:00:00Z');
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'seed-basic.json', testClock: true, now: NOW });
});
afterAll(async () => emu?.close());

const setClock = async (iso: string) => {
  const res = await emu.request('POST', imsPaths.emulatorClock, { body: { now: iso } });
  expect(res.status).toBe(200);
};

async function expiring(accessKey: string, as = basic.acmeAdmin): Promise<Notification[]> {
  const token = await emu.login(as);
  const res = await emu.request(
    'GET',
    `${imsPaths.emulatorNotifications}?type=ACCESS_KEY_EXPIRING&access_key=${accessKey}`,
    { token },
  );
  expect(res.status).toBe(200);
  return res.body.records;
}

describe('expiry notices', () => {
  it('notifies the owner and every administrator once the key is within two days of expiry', async () => {
    const admin = await emu.login(basic.acmeAdmin);
    const made = await emu.request('POST', imsPaths.userKeys(basic.users.bob), {
      token: admin,
      body: { name: 'bob-ci', expiry_enum: 'Custom value', expiry_time: '2026-01-20' },
    });
    expect(made.status).toBe(201);
    const key = made.body.access_key as string;
    await setClock('2026-01-18T23:59:58Z');
    expect(await expiring(key)).toEqual([]);
    await emu.advance(1);
    const sent = await expiring(key);
    expect(sent.map((n) => n.recipient_user_id).sort()).toEqual(
      [basic.users.alice, basic.users.bob].sort(),
    );
    expect(sent[0]).toEqual({
      notification_id: expect.stringMatching(/^\d+$/),
      type: 'ACCESS_KEY_EXPIRING',
      recipient_user_id: expect.any(String),
      access_key: key,
      key_name: 'bob-ci',
      message: `Access key "bob-ci" (${key}) expires on 2026-01-20T23:59:59 UTC`,
      created_date: '2026-01-18T23:59:59.000000',
    });
    await emu.advance(3600);
    expect(await expiring(key)).toHaveLength(2);

    // Moving the expiry re-arms the notice.
    const patched = await emu.request('PATCH', imsPaths.key(key), {
      token: await emu.login(basic.acmeAdmin),
      body: { expiry_time: '2026-01-25' },
    });
    expect(patched.status).toBe(200);
    expect(await expiring(key)).toHaveLength(2);
    await setClock('2026-01-23T23:59:59Z');
    expect(await expiring(key)).toHaveLength(4);
  });

  it('tells about keys already expired, with the administrators as recipients when no owner exists', async () => {
    const sent = await expiring(basic.expired.accessKey);
    expect(sent.map((n) => n.recipient_user_id)).toEqual([basic.users.alice]);
    expect(sent[0]?.message).toMatch(/expired on 2020-11-22T23:59:59 UTC/);
  });

  it('keeps the outbox per tenant', async () => {
    expect(await expiring(basic.expired.accessKey, basic.globexAdmin)).toEqual([]);
    const token = await emu.login(basic.globexAdmin);
    const all = await emu.request('GET', imsPaths.emulatorNotifications, { token });
    expect(all.body._metadata.total_count).toBe(0);
  });

  it('needs a bearer token and a known type', async () => {
    expect((await emu.request('GET', imsPaths.emulatorNotifications)).status).toBe(401);
    const token = await emu.login(basic.acmeAdmin);
    expect(
      (await emu.request('GET', `${imsPaths.emulatorNotifications}?type=SPAM`, { token })).status,
    ).toBe(400);
  });
});

describe('test clock', () => {
  it('reads, advances and sets the time; refuses bad bodies', async () => {
    await setClock('2026-03-01T00:00:00Z');
    const read = await emu.request('GET', imsPaths.emulatorClock);
    expect(read.body).toEqual({ now: '2026-03-01T00:00:00.000Z', test_clock: true });
    const moved = await emu.request('POST', imsPaths.emulatorClock, {
      body: { advance_seconds: 90 },
    });
    expect(moved.body.now).toBe('2026-03-01T00:01:30.000Z');
    for (const body of [
      {},
      { advance_seconds: 'x' },
      { now: 'soon' },
      { now: '2026-01-01T00:00:00Z', advance_seconds: 1 },
    ]) {
      expect((await emu.request('POST', imsPaths.emulatorClock, { body })).status).toBe(400);
    }
  });
});
