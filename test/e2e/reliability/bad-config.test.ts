import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { CONFIG_CASES, type ConfigCase, writeProfile } from './bad-config-cases.js';
import { expectCleanError } from './expect-error.js';
import { snapshotFiles, snapshotService } from './snapshot.js';
import { startWorld, type World } from './world.js';

/**
 * The bad-input battery, part 2: wrong environment variables, malformed credential strings,
 * corrupted or unreadable config files, loose permissions. Each in a fresh HOME, plain and
 * with --json: the exit code, one clear line (or the warning, then the data), secrets and
 * long values never echoed, and no file written or repaired behind the user's back.
 */

let world: World;
let deadUrl: string;
const boxes: Sandbox[] = [];
beforeAll(async () => {
  world = await startWorld();
  // A port that was free a moment ago: nothing listens there.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  deadUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => {
  for (const box of boxes.splice(0)) box.cleanup();
});
afterAll(async () => {
  await world.close();
});

function prepare(c: ConfigCase): { box: Sandbox; env: Record<string, string> } {
  const box = sandbox();
  boxes.push(box);
  const extra = c.env?.({ url: world.proxy.url, admin: world.admin, deadUrl }) ?? {};
  if (c.mode === 'profile') {
    const dir = join(box.home, '.config', 'helixctl');
    writeProfile(dir, world.proxy.url, world.admin);
    c.setup?.(dir);
    return { box, env: { ...box.env, ...extra } };
  }
  const credentials =
    c.mode === 'env'
      ? { HELIX_URL: world.proxy.url, HELIX_CREDENTIAL: formatCredential(world.admin) }
      : {};
  return { box, env: { ...box.env, ...credentials, ...extra } };
}

describe(`bad environments, credentials and config files (${CONFIG_CASES.length} cases, plain and --json)`, () => {
  for (const c of CONFIG_CASES) {
    for (const json of [false, true]) {
      it(`${c.name}${json ? ' (--json)' : ''}: exit ${c.exit}`, async () => {
        const { box, env } = prepare(c);
        const before = snapshotFiles(box.home);
        const service = await snapshotService(world);
        const requests = world.proxy.requests.length;
        const input = c.input?.(world.admin);
        const result = await spawnCli([...(json ? ['--json'] : []), ...c.argv], {
          env,
          ...(input === undefined ? {} : { input }),
        });
        if (c.exit === 0) {
          const context = `${result.stderr}\n${result.stdout}`;
          expect(result.exitCode, context).toBe(0);
          expect(result.stderr.split('\n')[0], context).toMatch(c.message);
          if (json) expect(() => JSON.parse(result.stdout)).not.toThrow();
          else expect(result.stdout).toContain(world.admin.accessKey);
        } else {
          expectCleanError(result, { exit: c.exit, message: c.message, json });
        }
        for (const secret of c.secrets?.(world.admin) ?? []) {
          expect(result.stdout + result.stderr).not.toContain(secret);
        }
        // Warned about, never repaired silently; only a token cache may appear on success.
        const after = snapshotFiles(box.home);
        if (c.exit === 0) delete after['.config/helixctl/tokens.json'];
        expect(after).toEqual(before);
        expect(await snapshotService(world)).toEqual(service);
        if (c.noRequest) expect(world.proxy.requests.slice(requests)).toEqual([]);
      });
    }
  }
});
