import { describe, expect, it } from 'vitest';
import { BOB, BOB_USER_ID, plain, useWorld } from './world.js';

// What `keys add` asks on a terminal (a fake TTY whose stdin is closed: a prompt would fail).
const w = useWorld();
const terminal = { tty: { stdinTTY: true, stdoutTTY: true, stderrTTY: true }, stdin: '' };

describe('keys add on a terminal asks only for what is missing and required', () => {
  it('does not ask for the type: access by default, --type api for the other', async () => {
    const access = await w.cli(['keys', 'add', 'qk', '--expires', '30d'], terminal);
    expect(access.exitCode, access.stderr).toBe(0);
    expect(access.stderr).not.toContain('Key type');
    const api = await w.cli(
      ['keys', 'add', 'qk-api', '--expires', '30d', '--type', 'api'],
      terminal,
    );
    expect(api.exitCode, api.stderr).toBe(0);
    const keys = await w.keys();
    expect(keys.find((k) => k.name === 'qk')?.type).toBe('TENANT');
    expect(keys.find((k) => k.name === 'qk-api')?.type).toBe('API');
  });

  it('refuses a plain user at the limit before asking anything (exit 6, the reason)', async () => {
    // Bob holds one user-level key; a second fills his two slots.
    const second = await w.cli(['keys', 'add', 'bob-2', '--expires', '1d'], { as: BOB });
    expect(second.exitCode, second.stderr).toBe(0);
    const before = (await w.keys()).length;
    const r = await w.cli(['keys', 'add'], { as: BOB, ...terminal });
    expect(r.exitCode).toBe(6);
    const err = plain(r.stderr);
    expect(err).toContain(
      `error: user ${BOB_USER_ID} already has 2 user-level keys (the limit is 2): a new one would be refused`,
    );
    expect(err).toContain('hint: a person may hold 2 user-level keys');
    expect(err).not.toContain('Key name');
    expect(err).not.toContain('Expires');
    expect((await w.keys()).length).toBe(before);
  });
});
