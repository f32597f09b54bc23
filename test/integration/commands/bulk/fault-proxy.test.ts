import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../../src/wire/paths.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator-server.js';
import { FAULTS, type FaultProxy, startFaultProxy } from '../../../helpers/fault-proxy.js';
import { ACME_ADMIN, ACME_SECRETS, loginStatus } from './bulk-fixture.js';

/** The fault proxy itself: forwarding, selection of matches, and every kind of fault. */

const PLAIN = 'ACMEPLAIN000000000000000000000';
const old = { accessKey: PLAIN, secretKey: ACME_SECRETS[PLAIN] as string, tenantId: '1000000001' };
let emu: TestEmulator;
let proxy: FaultProxy;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'seed-basic.json' });
  proxy = await startFaultProxy(emu.url);
});

afterAll(async () => {
  await proxy.close();
  await emu.close();
});

const health = () => fetch(new URL(imsPaths.emulatorHealth, proxy.url));
const postSecret = async (token: string) =>
  fetch(new URL(imsPaths.keySecret(PLAIN), proxy.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });

describe('fault proxy', () => {
  it('forwards by default and counts requests by method and path', async () => {
    proxy.clear();
    const before = proxy.count('GET', imsPaths.emulatorHealth);
    const response = await health();
    expect(response.status).toBe(200);
    expect(await loginStatus(proxy.url, ACME_ADMIN)).toBe(200);
    expect(proxy.count('GET', imsPaths.emulatorHealth)).toBe(before + 1);
    expect(proxy.requests.at(-1)).toMatchObject({ method: 'POST', forwarded: true, status: 200 });
  });

  it('faults only the chosen matches, without reaching the upstream', async () => {
    proxy.clear();
    const rule = proxy.inject({
      method: 'GET',
      path: /health$/,
      matches: [2, 3],
      fault: FAULTS.status(500),
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await health()).status);
    expect(statuses).toEqual([200, 500, 500, 200]);
    expect(rule.matched).toBe(4);
    expect(rule.faulted.map((r) => r.forwarded)).toEqual([false, false]);
  });

  it('faults the first N matches with times', async () => {
    proxy.clear();
    proxy.inject({ path: /health$/, times: 1, fault: FAULTS.unavailable(7) });
    const first = await health();
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(((await first.json()) as { message: string }).message).toBe('SERVICE_UNAVAILABLE');
    expect((await health()).status).toBe(200);
  });

  it('answers a 502 with an HTML page and a 429 with Retry-After', async () => {
    proxy.clear();
    proxy.inject({ path: /health$/, times: 1, fault: FAULTS.badGateway() });
    proxy.inject({ path: /health$/, fault: FAULTS.rateLimited(3) });
    const gateway = await health();
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toBe('text/html');
    expect(await gateway.text()).toContain('<h1>502 Bad Gateway</h1>');
    const limited = await health();
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
  });

  it('resets the connection, stalls, and truncates bodies', async () => {
    proxy.clear();
    proxy.inject({ path: /health$/, times: 1, fault: FAULTS.reset() });
    await expect(health()).rejects.toThrow();
    proxy.inject({ path: /health$/, times: 1, fault: FAULTS.stall() });
    const stalled = fetch(new URL(imsPaths.emulatorHealth, proxy.url), {
      signal: AbortSignal.timeout(200),
    });
    await expect(stalled).rejects.toThrow(/abort|timeout/i);
    proxy.clear();
    proxy.inject({ path: /health$/, times: 1, fault: FAULTS.truncate(3) });
    const cut = await health();
    expect(cut.status).toBe(200);
    await expect(cut.text()).rejects.toThrow();
    expect(proxy.requests.at(-1)).toMatchObject({ fault: 'truncate', forwarded: true });
  });

  it('forwards, lets the service act, then loses the answer', async () => {
    proxy.clear();
    const token = await emu.login(ACME_ADMIN);
    proxy.inject({
      method: 'POST',
      path: imsPaths.keySecret(PLAIN),
      fault: FAULTS.afterForward({ kind: 'status', status: 502 }),
    });
    const response = await postSecret(token);
    expect(response.status).toBe(502);
    expect(proxy.requests.at(-1)).toMatchObject({ forwarded: true, fault: 'status' });
    // The emulator did regenerate the secret: the old one no longer logs in.
    expect(await loginStatus(emu.url, old)).toBe(401);
  });
});
