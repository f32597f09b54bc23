import { describe, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { FAULTS } from '../../helpers/fault-proxy.js';
import { expectCleanError } from './expect-error.js';
import { uniqueName, useWorld } from './world.js';

/**
 * The bound: a request that stalls ends the command within the timeout plus a
 * second. Measured from the moment the stalled request reached the proxy to the moment the
 * process had exited (node's start-up and the login before it are not the timeout's).
 * The lower bound shows it did wait for the timeout rather than give up on something else.
 */

const SLACK_MS = 1_000;
const world = useWorld();

interface Case {
  label: string;
  method: string;
  path: (key: string) => RegExp;
  argv: (key: string) => string[];
  input?: boolean;
}

const CASES: Case[] = [
  { label: 'keys list', method: 'GET', path: () => /access_keys$/, argv: () => ['keys', 'list'] },
  {
    label: 'keys add',
    method: 'POST',
    path: () => /access_keys$/,
    argv: () => ['keys', 'add', uniqueName('slow'), '--expires', '30d'],
  },
  {
    label: 'keys expire',
    method: 'PATCH',
    path: (key) => new RegExp(`access_keys/${key}$`),
    argv: (key) => ['keys', 'expire', key, '--in', '5d'],
  },
  {
    label: 'keys assign',
    method: 'PUT',
    path: (key) => new RegExp(`access_keys/${key}/roles$`),
    argv: (key) => ['keys', 'assign', key, '--role', 'Viewer'],
  },
  {
    label: 'keys delete',
    method: 'DELETE',
    path: (key) => new RegExp(`access_keys/${key}$`),
    argv: (key) => ['keys', 'delete', key, '--yes'],
  },
  {
    label: 'login',
    method: 'POST',
    path: () => /access_keys\/login$/,
    argv: () => ['login', '--credential-stdin'],
    input: true,
  },
];

describe('a stalled request ends the command within the timeout plus a second', () => {
  for (const seconds of [1, 2]) {
    for (const c of CASES) {
      it(`${c.label} (${c.method}), --timeout ${seconds}s: exit 7`, async () => {
        const key = (await world.createKey(uniqueName('timed'))).accessKey;
        const path = c.path(key);
        world.proxy.inject({ method: c.method, path, fault: FAULTS.stall() });
        const result = await world.cli(['--timeout', `${seconds}s`, ...c.argv(key)], {
          ...(c.input
            ? { env: { HELIX_CREDENTIAL: '' }, input: formatCredential(world.admin) }
            : {}),
        });
        const exited = Date.now();
        expectCleanError(result, { exit: 7, message: /timed out after \d+s/ });
        const [stalled] = world.proxy.requests.filter((r) => r.fault === 'stall');
        expect(stalled).toBeDefined();
        const waited = exited - (stalled?.at ?? 0);
        expect(waited).toBeGreaterThanOrEqual(seconds * 1000 - 50);
        expect(waited).toBeLessThanOrEqual(seconds * 1000 + SLACK_MS);
        expect(world.proxy.count(c.method, path)).toBe(1);
      });
    }
  }
});
