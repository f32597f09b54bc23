import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { BIN, type CliResult } from '../../helpers/cli.js';
import { FAULTS } from '../../helpers/fault-proxy.js';
import { expectCleanError } from './expect-error.js';
import { uniqueName, useWorld } from './world.js';

/**
 * Ctrl-C (SIGINT sent to helixctl) while a request hangs at the proxy: exit 130 and one
 * clean line, "the outcome is unknown" when a change was in flight, no retry after the
 * interrupt, and nothing half-written in the config folder.
 */

const world = useWorld();

type Ended = CliResult & { signal: string | undefined };

interface Running {
  kill(signal: NodeJS.Signals): void;
  onStderr(listener: (text: string) => void): void;
  ended: Promise<Ended>;
}

function spawn(argv: string[], env: Record<string, string>, input?: string): Running {
  const child = execa(process.execPath, [BIN, ...argv], {
    env,
    extendEnv: false,
    reject: false,
    timeout: 30_000,
    stdin: input === undefined ? 'ignore' : 'pipe',
  });
  if (input !== undefined) child.stdin?.end(input);
  return {
    kill: (signal) => void child.kill(signal),
    onStderr: (listener) => void child.stderr?.on('data', (c: Buffer) => listener(String(c))),
    ended: child.then((r) => ({
      exitCode: r.exitCode ?? -1,
      stdout: String(r.stdout),
      stderr: String(r.stderr),
      signal: r.signal ?? undefined,
    })),
  };
}

/** Runs until the proxy holds the request, sends the signal, and returns what the CLI did. */
async function interruptAt(
  child: Running,
  method: string,
  path: RegExp,
  signal: NodeJS.Signals = 'SIGINT',
): Promise<Ended> {
  await world.proxy.waitForRequest(method, path);
  child.kill(signal);
  return child.ended;
}

describe('SIGINT during a request', () => {
  for (const json of [false, true]) {
    it(`a stalled GET${json ? ' (--json)' : ''}: exit 130, one line, no retry`, async () => {
      const list = /^\/ims\/api\/v1\/access_keys$/;
      world.proxy.inject({ method: 'GET', path: list, fault: FAULTS.stall() });
      const child = spawn([...(json ? ['--json'] : []), 'keys', 'list'], world.env());
      const result = await interruptAt(child, 'GET', list);
      expect(result.signal).toBeUndefined();
      expectCleanError(result, {
        exit: 130,
        json,
        code: 'CANCELLED',
        message: /^interrupted during GET \/ims\/api\/v1\/access_keys$/,
      });
      expect(world.proxy.count('GET', list)).toBe(1);
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during a create the service performed: exit 130, "outcome unknown" with how to check, one key`, async () => {
      const name = uniqueName('interrupted');
      const create = /^\/ims\/api\/v1\/access_keys$/;
      world.proxy.inject({
        method: 'POST',
        path: create,
        fault: FAULTS.afterForward({ kind: 'stall' }),
      });
      const child = spawn(['--json', 'keys', 'add', name, '--expires', '30d'], world.env());
      const result = await interruptAt(child, 'POST', create, signal);
      const word = signal === 'SIGINT' ? 'interrupted' : `interrupted by ${signal}`;
      expectCleanError(result, {
        exit: 130,
        json: true,
        code: 'OUTCOME_UNKNOWN',
        message: new RegExp(
          `^${word}: the service may have completed creating key "${name}"; the outcome is unknown$`,
        ),
      });
      expect(result.stderr).toContain(`hint: check with \`helixctl keys list --name "${name}"\``);
      expect((await world.keys()).filter((k) => k.name === name)).toHaveLength(1);
      expect(world.proxy.count('POST', create)).toBe(1);
    });
  }

  it('the wait a Retry-After asked for: ends at once, without the next try', async () => {
    const list = /^\/ims\/api\/v1\/access_keys$/;
    world.proxy.inject({ method: 'GET', path: list, fault: FAULTS.unavailable(30) });
    const child = spawn(['keys', 'list'], world.env());
    const result = await interruptAt(child, 'GET', list);
    expectCleanError(result, { exit: 130, message: /^interrupted during GET / });
    expect(world.proxy.count('GET', list)).toBe(1);
  });

  it('login waiting for the service: exit 130, no config file and no temp file left', async () => {
    const login = /\/access_keys\/login$/;
    world.proxy.inject({ method: 'POST', path: login, fault: FAULTS.stall() });
    const env = { ...world.box.env, HELIX_URL: world.proxy.url };
    const child = spawn(['login', '--credential-stdin'], env, formatCredential(world.admin));
    const result = await interruptAt(child, 'POST', login);
    expectCleanError(result, { exit: 130, message: /^interrupted during POST / });
    const config = join(world.box.home, '.config', 'helixctl');
    expect(existsSync(config) ? readdirSync(config) : []).toEqual([]);
  });
});

describe('SIGTERM and SIGHUP during a request (a cancelled CI job, a closed terminal)', () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} during a stalled GET: exit 130, one line naming it, no retry`, async () => {
      const list = /^\/ims\/api\/v1\/access_keys$/;
      world.proxy.inject({ method: 'GET', path: list, fault: FAULTS.stall() });
      const child = spawn(['keys', 'list'], world.env());
      const result = await interruptAt(child, 'GET', list, signal);
      expect(result.signal).toBeUndefined();
      expectCleanError(result, {
        exit: 130,
        message: new RegExp(`^interrupted by ${signal} during GET /ims/api/v1/access_keys$`),
      });
      expect(world.proxy.count('GET', list)).toBe(1);
    });
  }
});

describe('signals left to the code that owns them', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`serve shuts down cleanly on ${signal} (exit 0)`, async () => {
      const child = spawn(['serve', '--port', '0', '--db', ':memory:'], world.box.env);
      let seen = '';
      await new Promise<void>((resolve) => {
        child.onStderr((text) => {
          seen += text;
          if (seen.includes('listening on')) resolve();
        });
      });
      child.kill(signal);
      const result = await child.ended;
      expect(result.signal).toBeUndefined();
      expect(result.exitCode).toBe(0);
      expect(result.stderr).not.toContain('error:');
    });
  }
});
