import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { FAULTS, type FaultOn } from '../../helpers/fault-proxy.js';
import { expectCleanError } from './expect-error.js';
import { FAULT_CASES, STALL_TIMEOUT_S } from './fault-cases.js';
import { useWorld } from './world.js';

/**
 * `POST /access_keys/login` is a POST: never retried, whatever the fault (it changes nothing,
 * so the outcome is not "unknown": the messages are the plain ones). `helixctl login` saves
 * nothing unless it succeeded; every other command logs in first, through the same rule.
 */

const LOGIN = /^\/ims\/api\/v1\/access_keys\/login$/;
const world = useWorld();

const configFiles = () => {
  const dir = join(world.box.home, '.config', 'helixctl');
  return existsSync(dir) ? readdirSync(dir) : [];
};

function login(json: boolean) {
  const flags = ['--timeout', `${STALL_TIMEOUT_S}s`, ...(json ? ['--json'] : [])];
  return world.cli([...flags, 'login', '--credential-stdin'], {
    env: { HELIX_CREDENTIAL: '' },
    input: formatCredential(world.admin),
  });
}

const LOST_ANSWERS: Array<{ name: string; fault: () => FaultOn; code: string; message?: RegExp }> =
  [
    {
      name: 'tokens issued, then the connection reset',
      fault: () => FAULTS.afterForward(FAULTS.reset()),
      code: 'NETWORK_ERROR',
    },
    {
      name: 'tokens issued, then a stall',
      fault: () => FAULTS.afterForward(FAULTS.stall()),
      code: 'TIMEOUT',
    },
  ];

describe('login through the fault proxy', () => {
  for (const json of [false, true]) {
    for (const c of [...FAULT_CASES, ...LOST_ANSWERS]) {
      it(`${c.name}${json ? ' (--json)' : ''}: one POST, exit 7, nothing saved`, async () => {
        world.proxy.inject({ method: 'POST', path: LOGIN, fault: c.fault() });
        const result = await login(json);
        expectCleanError(result, {
          exit: 7,
          json,
          code: c.code,
          ...(c.message ? { message: c.message } : {}),
        });
        expect(world.proxy.count('POST', LOGIN)).toBe(1);
        expect(configFiles()).toEqual([]);
      });
    }
  }

  it('every command logs in first: a 503 there is not retried either', async () => {
    world.proxy.inject({ method: 'POST', path: LOGIN, fault: FAULTS.unavailable(1) });
    const result = await world.cli(['keys', 'list']);
    expectCleanError(result, { exit: 7, code: 'SERVICE_UNAVAILABLE', message: /HTTP 503/ });
    expect(world.proxy.count('POST', LOGIN)).toBe(1);
    expect(world.proxy.count('GET', /access_keys$/)).toBe(0);
  });

  it("the emulator's own throttle: 5 wrong secrets, then 429 with Retry-After, exit 7", async () => {
    const key = await world.createKey('throttled');
    const wrong = formatCredential({ ...key, secretKey: 'W'.repeat(50) });
    for (let i = 0; i < 5; i++) {
      const r = await world.cli(['login', '--credential-stdin'], {
        env: { HELIX_CREDENTIAL: '' },
        input: wrong,
      });
      expectCleanError(r, { exit: 3, message: /^login failed/ });
    }
    // The right secret now: still refused until the window ends, and said so.
    const right = formatCredential(key);
    const r = await world.cli(['login', '--credential-stdin'], {
      env: { HELIX_CREDENTIAL: '' },
      input: right,
    });
    const message = expectCleanError(r, { exit: 7 });
    expect(message).toMatch(
      /^rate limited by the service on POST \/ims\/api\/v1\/access_keys\/login; retry in \d+ s$/,
    );
    expect(world.proxy.requests.filter((q) => q.status === 429)).toHaveLength(1);
    expect(world.proxy.count('POST', LOGIN)).toBe(6);
    expect(configFiles()).toEqual([]);
  });
});
