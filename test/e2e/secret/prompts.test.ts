import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { localKeys } from './local-api.js';
import { KEY, type PtyRun, runInPty } from './pty.js';

// Prompts in a real pseudo-terminal: the built CLI on `--profile local` in a sandbox HOME.
let box: Sandbox;
let runs: PtyRun[];
beforeEach(() => {
  box = sandbox({ NO_COLOR: '1', TERM: 'xterm' });
  runs = [];
});
afterEach(() => {
  for (const run of runs) run.kill();
  box.cleanup();
});

function cli(argv: string[]): PtyRun {
  const run = runInPty(['--profile', 'local', ...argv], box.env, box.home);
  runs.push(run);
  return run;
}

describe('keys add on a terminal', () => {
  it('asks for name (re-asking on an invalid one) and a custom expiry, then creates the key', async () => {
    const run = cli(['keys', 'add', '--type', 'api']);
    await run.waitFor('Key name');
    run.write(KEY.enter);
    await run.waitFor('key name is empty');
    run.write(`pty-feed${KEY.enter}`);
    await run.waitFor('Expires');
    run.write(`${KEY.down}${KEY.down}${KEY.down}${KEY.enter}`);
    await run.waitFor('Expiry (e.g.');
    run.write(`2020-01-01${KEY.enter}`);
    await run.waitFor('is not in the future');
    // Clear the refused text first (inquirer keeps it for editing).
    run.write(`${'\u007f'.repeat(10)}2027-01-31${KEY.enter}`);
    expect(await run.exit).toBe(0);
    const screen = run.output();
    expect(screen).toContain('New access key: pty-feed');
    expect(screen).toContain('shown only once');
    // The sandbox has no clipboard: one warning, and the secret is on the screen instead.
    expect(screen).toContain('warning: clipboard unavailable');
    expect(screen).toMatch(
      /created API key "pty-feed" \([A-Z0-9]{30}\); it expires 2027-01-31T23:59:59Z/,
    );
    const key = (await localKeys(box)).find((k) => k.name === 'pty-feed');
    expect(key).toMatchObject({
      type: 'API',
      expiry_time: '2027-01-31T23:59:59',
      status: 'ACTIVE',
    });
  });

  it('takes the defaults (access key, 30 days) with Enter; the type is not asked', async () => {
    const run = cli(['keys', 'add', '--description', 'from a terminal']);
    await run.waitFor('Key name');
    run.write(`pty-default${KEY.enter}`);
    await run.waitFor('Expires');
    run.write(KEY.enter);
    expect(await run.exit).toBe(0);
    expect(run.output()).not.toContain('Key type');
    const key = (await localKeys(box)).find((k) => k.name === 'pty-default');
    expect(key).toMatchObject({
      type: 'TENANT',
      expiry_enum: '30 days',
      description: 'from a terminal',
    });
  });

  it('warns when "never" is chosen', async () => {
    const run = cli(['keys', 'add', 'pty-never', '--type', 'access']);
    await run.waitFor('Expires');
    run.write(`${KEY.down.repeat(4)}${KEY.enter}`);
    expect(await run.exit).toBe(0);
    expect(run.output()).toContain('warning: a key that never expires is not recommended');
    expect((await localKeys(box)).find((k) => k.name === 'pty-never')?.expiry_time).toBeUndefined();
  });

  it('Ctrl-C at a prompt cancels with exit 130 and creates nothing', async () => {
    const run = cli(['keys', 'add']);
    await run.waitFor('Key name');
    run.write(KEY.ctrlC);
    expect(await run.exit).toBe(130);
    // Only what the local emulator starts with: its administrator key and the onboarding key.
    const keys = await localKeys(box);
    expect(keys).toHaveLength(2);
    expect(keys.filter((k) => /^\d+@\d+$/.test(k.name))).toHaveLength(1);
  });
});

describe('keys rotate on a terminal', () => {
  it('asks for confirmation; "no" is exit 130 and the secret is unchanged, "yes" rotates', async () => {
    const made = await spawnCli(
      ['--profile', 'local', '--json', 'keys', 'add', 'to-rotate', '--expires', '1d'],
      { env: box.env },
    );
    expect(made.exitCode).toBe(0);
    const before = JSON.parse(made.stdout).credential as string;
    const copy = async () =>
      (
        await spawnCli(['--profile', 'local', 'keys', 'copy', 'to-rotate', '--print'], {
          env: box.env,
        })
      ).stdout;
    const stored = await copy();

    const no = cli(['keys', 'rotate', 'to-rotate']);
    await no.waitFor('The current secret stops working at once.');
    no.write(`n${KEY.enter}`);
    expect(await no.exit).toBe(130);
    // A "no" is a choice, said calmly; not an error.
    expect(no.output()).toContain('Cancelled: nothing was changed.');
    expect(no.output()).not.toContain('error:');
    expect(await copy()).toBe(stored);

    const yes = cli(['keys', 'rotate', 'to-rotate']);
    await yes.waitFor('The current secret stops working at once.');
    yes.write(`y${KEY.enter}`);
    expect(await yes.exit).toBe(0);
    expect(yes.output()).toContain('New secret: to-rotate');
    expect(await copy()).not.toBe(stored);
    expect(yes.output()).not.toContain(before);
  });

  it('--yes skips the question', async () => {
    await spawnCli(['--profile', 'local', 'keys', 'add', 'yes-key', '--expires', '1d'], {
      env: box.env,
    });
    const run = cli(['--yes', 'keys', 'rotate', 'yes-key']);
    expect(await run.exit).toBe(0);
    expect(run.output()).not.toContain('stops working at once?');
    expect(run.output()).toContain('the previous secret no longer works');
  });
});

describe('choices instead of errors on a terminal', () => {
  const add = (name: string) =>
    spawnCli(['--profile', 'local', 'keys', 'add', name, '--expires', '1d'], { env: box.env });

  it('keys expire <key> with no flag offers a list: 90 days is picked', async () => {
    expect((await add('to-expire')).exitCode).toBe(0);
    const run = cli(['keys', 'expire', 'to-expire']);
    await run.waitFor('Expires');
    expect(run.output()).toContain('Never (not recommended)');
    run.write(`${KEY.down.repeat(2)}${KEY.enter}`);
    expect(await run.exit).toBe(0);
    expect(run.output()).toContain('expiry of key "to-expire" updated');
    const key = (await localKeys(box)).find((k) => k.name === 'to-expire');
    const days = (Date.parse(`${key?.expiry_time}Z`) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThan(91);
  });

  it('keys rotate with no key offers the keys to pick from, then confirms', async () => {
    expect((await add('aaa-pick-me')).exitCode).toBe(0);
    const stored = async () =>
      (
        await spawnCli(['--profile', 'local', 'keys', 'copy', 'aaa-pick-me', '--print'], {
          env: box.env,
        })
      ).stdout;
    const before = await stored();
    const run = cli(['keys', 'rotate']);
    await run.waitFor('Key to rotate');
    // Sorted by name: the first is ours; the BHOM-managed `<tenant id>@` key is not offered.
    expect(run.output()).toContain('aaa-pick-me');
    expect(run.output()).not.toMatch(/\d+@\d+/);
    run.write(KEY.enter);
    await run.waitFor('The current secret stops working at once.');
    run.write(`y${KEY.enter}`);
    expect(await run.exit).toBe(0);
    expect(run.output()).toContain('New secret: aaa-pick-me');
    expect(await stored()).not.toBe(before);
  });
});
