import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { BIN } from '../../helpers/cli.js';
import { FAULTS } from '../../helpers/fault-proxy.js';
import { screenText } from '../secret/pty.js';
import { snapshotService } from './snapshot.js';
import { uniqueName, useWorld } from './world.js';

/**
 * The bad-input battery, part 3: a person at a terminal (a real pseudo-terminal) who closes
 * the input (Ctrl-D) or interrupts (Ctrl-C typed, or SIGINT sent) at a prompt or while a
 * request hangs. Always exit 130, one line, nothing created, nothing saved.
 */

const KEY = { ctrlC: '\u0003', ctrlD: '\u0004' } as const;

interface Term {
  pid: number;
  screen(): string;
  waitFor(text: string): Promise<void>;
  write(keys: string): void;
  exit: Promise<{ exitCode: number; signal?: number | undefined }>;
  kill(): void;
}

const world = useWorld();
const terms: Term[] = [];
afterEach(() => {
  for (const term of terms.splice(0)) term.kill();
});

function terminal(argv: string[], env: Record<string, string> = world.env()): Term {
  const pty = spawn(process.execPath, [BIN, ...argv], {
    name: 'xterm',
    cols: 200,
    rows: 40,
    env: { ...env, NO_COLOR: '1', TERM: 'xterm' },
  });
  let raw = '';
  const waiters = new Set<() => void>();
  pty.onData((data) => {
    raw += data;
    for (const check of [...waiters]) check();
  });
  const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) => pty.onExit(resolve));
  const term: Term = {
    pid: pty.pid,
    screen: () => screenText(raw),
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!screenText(raw).includes(text)) return;
          waiters.delete(check);
          resolve();
        };
        void exit.then(() => reject(new Error(`exited before "${text}":\n${screenText(raw)}`)));
        waiters.add(check);
        check();
      }),
    write: (keys) => pty.write(keys),
    exit,
    kill: () => {
      try {
        pty.kill();
      } catch {
        // already gone
      }
    },
  };
  terms.push(term);
  return term;
}

/** Until the proxy holds the request; fails with the screen if the CLI ends (or asks) first. */
async function untilRequest(term: Term, method: string, path: RegExp): Promise<void> {
  const ended = term.exit.then(() => {
    throw new Error(`exited before ${method} ${path}:\n${term.screen()}`);
  });
  await Promise.race([world.proxy.waitForRequest(method, path), ended]);
}

/** The lines the CLI printed after the prompt or the request: one `error:` line at the end. */
function expectOneErrorLine(term: Term, message: RegExp): void {
  const lines = term.screen().trimEnd().split(/\r?\n/);
  const errors = lines.filter((l) => l.startsWith('error: '));
  expect(errors, term.screen()).toHaveLength(1);
  expect(errors[0]?.slice('error: '.length)).toMatch(message);
  expect(lines.at(-1), term.screen()).toMatch(/^(error|hint): /);
  expect(term.screen()).not.toMatch(/^\s+at /m);
}

describe('at a prompt', () => {
  it('Ctrl-D on an empty key name: exit 130, nothing created', async () => {
    const before = await snapshotService(world);
    const term = terminal(['keys', 'add']);
    await term.waitFor('Key name');
    term.write(KEY.ctrlD);
    expect((await term.exit).exitCode).toBe(130);
    expectOneErrorLine(term, /^cancelled$/);
    expect(await snapshotService(world)).toEqual(before);
  });

  it('Ctrl-D at the hidden secret prompt of login: exit 130, nothing saved', async () => {
    const { HELIX_CREDENTIAL: _c, ...env } = world.env();
    const admin = world.admin;
    const argv = ['login', '--tenant', admin.tenantId, '--access-key', admin.accessKey];
    const term = terminal(argv, env);
    await term.waitFor('Secret key');
    term.write(KEY.ctrlD);
    expect((await term.exit).exitCode).toBe(130);
    expectOneErrorLine(term, /^cancelled$/);
    const config = join(world.box.home, '.config', 'helixctl');
    expect(existsSync(config) ? readdirSync(config) : []).toEqual([]);
  });

  it('Ctrl-C at the delete confirmation: exit 130, the key is still there', async () => {
    const { accessKey } = await world.createKey(uniqueName('kept'));
    const term = terminal(['keys', 'delete', accessKey]);
    await term.waitFor('Delete key');
    term.write(KEY.ctrlC);
    expect((await term.exit).exitCode).toBe(130);
    expectOneErrorLine(term, /^cancelled$/);
    expect((await world.api('GET', imsPaths.key(accessKey))).status).toBe(200);
  });

  it('SIGINT sent to helixctl (not typed) during a prompt: exit 130, one line', async () => {
    const before = await snapshotService(world);
    const term = terminal(['keys', 'add']);
    await term.waitFor('Key name');
    process.kill(term.pid, 'SIGINT');
    const exit = await term.exit;
    expect(exit.signal ?? 0).toBe(0);
    expect(exit.exitCode).toBe(130);
    expectOneErrorLine(term, /^cancelled$/);
    expect(await snapshotService(world)).toEqual(before);
  });
});

describe('during a request', () => {
  it('Ctrl-C typed while the list request hangs: exit 130, one line', async () => {
    const list = /^\/ims\/api\/v1\/access_keys$/;
    world.proxy.inject({ method: 'GET', path: list, fault: FAULTS.stall() });
    const term = terminal(['keys', 'list']);
    await untilRequest(term, 'GET', list);
    term.write(KEY.ctrlC);
    expect((await term.exit).exitCode).toBe(130);
    expectOneErrorLine(term, /^interrupted during GET \/ims\/api\/v1\/access_keys$/);
  });

  it('Ctrl-C typed while a create hangs after the service acted: says how to check', async () => {
    const name = uniqueName('typed');
    const create = /^\/ims\/api\/v1\/access_keys$/;
    world.proxy.inject({
      method: 'POST',
      path: create,
      fault: FAULTS.afterForward({ kind: 'stall' }),
    });
    const term = terminal([
      'keys',
      'add',
      name,
      '--type',
      'access',
      '--expires',
      '30d',
      '--no-copy',
    ]);
    await untilRequest(term, 'POST', create);
    term.write(KEY.ctrlC);
    expect((await term.exit).exitCode).toBe(130);
    expectOneErrorLine(term, /the outcome is unknown$/);
    expect(term.screen()).toContain(`hint: check with \`helixctl keys list --name "${name}"\``);
    expect((await world.keys()).filter((k) => k.name === name)).toHaveLength(1);
  });
});
