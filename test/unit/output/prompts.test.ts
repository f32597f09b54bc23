import { describe, expect, it } from 'vitest';
import { CancelledError, InputNeededError } from '../../../src/core/errors.js';
import { createPrompter, type Prompter } from '../../../src/output/prompts.js';
import { ESC, type FakeIo, fakeIo } from '../../helpers/fake-io.js';

/** A terminal-like session: stdin and stderr are "TTYs" so inquirer handles Ctrl-C. */
function session(color = true): { io: FakeIo; prompter: Prompter } {
  const io = fakeIo({ stdinTTY: true, stdoutTTY: true, stderrTTY: true, columns: 80 });
  return { io, prompter: createPrompter({ io, interactive: true, color }) };
}

/** Waits (no clock) until the prompt has rendered `text` on stderr, then types `keys`. */
async function typeWhen(io: FakeIo, text: string, ...keys: string[]): Promise<void> {
  while (!io.err().includes(text)) await new Promise((resolve) => setImmediate(resolve));
  for (const key of keys) {
    io.stdin.write(key);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const DOWN = `${ESC}[B`;

/** Settles a promise into a value now, so a rejection is handled while we are still typing. */
function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('prompter without a TTY', () => {
  const io = fakeIo();
  const prompter = createPrompter({ io, interactive: false });

  it('refuses every prompt with exit 8 naming the flag', async () => {
    const cases: [Promise<unknown>, string][] = [
      [
        prompter.input({ message: 'Key name?', flag: '--name' }),
        'Key name is required: pass --name',
      ],
      [
        prompter.select({
          message: 'Key type',
          flag: '--type',
          choices: [{ name: 'a', value: 1 }],
        }),
        'Key type is required: pass --type',
      ],
      [
        prompter.password({
          message: 'Secret key:',
          flag: '--secret-stdin',
          what: 'the secret key',
        }),
        'the secret key is required: pass --secret-stdin',
      ],
      [prompter.confirm({ message: 'Delete 2 keys?' }), 'confirmation is required: pass --yes'],
    ];
    for (const [promise, message] of cases) {
      await expect(promise).rejects.toThrow(InputNeededError);
      await expect(promise).rejects.toMatchObject({ message, exitCode: 8 });
    }
    expect(io.err()).toBe('');
  });

  it('refuses before touching stdin, even when stdin is already closed', async () => {
    const closed = fakeIo();
    closed.stdin.end();
    const p = createPrompter({ io: closed, interactive: false });
    await expect(p.input({ message: 'Name', flag: '--name' })).rejects.toMatchObject({
      exitCode: 8,
    });
    expect(closed.stdin.listenerCount('data')).toBe(0);
  });

  it('lets confirmations through with --yes', async () => {
    const yes = createPrompter({ io: fakeIo(), interactive: false, yes: true });
    await expect(yes.confirm({ message: 'Delete?' })).resolves.toBeUndefined();
  });
});

describe('prompter on a TTY', () => {
  it('reads input, rendering on stderr and never on stdout', async () => {
    const { io, prompter } = session();
    const answer = prompter.input({ message: 'Key name?', flag: '--name' });
    await typeWhen(io, 'Key name?', 'deploy-bot\r');
    await expect(answer).resolves.toBe('deploy-bot');
    expect(io.out()).toBe('');
  });

  it('uses the default on an empty answer, and re-asks when validation fails', async () => {
    const { io, prompter } = session();
    const first = prompter.input({ message: 'Name', flag: '--name', default: 'ci' });
    await typeWhen(io, 'Name', '\r');
    await expect(first).resolves.toBe('ci');
    const validate = (v: string) => v.length >= 3 || 'at least 3 characters';
    const second = prompter.input({ message: 'Other', flag: '--name', validate });
    await typeWhen(io, 'Other', 'ab\r');
    await typeWhen(io, 'at least 3 characters', 'c\r');
    await expect(second).resolves.toBe('abc');
  });

  it('selects with the arrow keys', async () => {
    const { io, prompter } = session();
    const choices = [
      { name: 'access (TENANT)', value: 'TENANT' },
      { name: 'api (API)', value: 'API' },
    ];
    const answer = prompter.select({ message: 'Key type', flag: '--type', choices });
    await typeWhen(io, 'Key type', DOWN, '\r');
    await expect(answer).resolves.toBe('API');
  });

  it('confirms on yes and cancels (exit 130) on no', async () => {
    const { io, prompter } = session();
    const yes = prompter.confirm({ message: 'Rotate deploy?' });
    await typeWhen(io, 'Rotate deploy?', 'y\r');
    await expect(yes).resolves.toBeUndefined();
    const no = settle(prompter.confirm({ message: 'Delete deploy?', default: true }));
    await typeWhen(io, 'Delete deploy?', 'n\r');
    const { error } = await no;
    expect(error).toBeInstanceOf(CancelledError);
    expect(error).toMatchObject({ message: 'Cancelled: nothing was changed.', exitCode: 130 });
  });

  it('reads a password without echoing it', async () => {
    const { io, prompter } = session();
    const answer = prompter.password({ message: 'Secret key', flag: '--secret-stdin' });
    await typeWhen(io, 'Secret key', 'Sup3rS3cret\r');
    await expect(answer).resolves.toBe('Sup3rS3cret');
    expect(io.err()).not.toContain('Sup3rS3cret');
  });

  it('maps Ctrl-C to CancelledError', async () => {
    const { io, prompter } = session();
    const answer = settle(prompter.input({ message: 'Key name?', flag: '--name' }));
    await typeWhen(io, 'Key name?', '\u0003');
    expect((await answer).error).toMatchObject({ name: 'CancelledError', exitCode: 130 });
  });

  it('maps closed stdin to CancelledError instead of a silent exit 0', async () => {
    const { io, prompter } = session();
    const answer = settle(prompter.input({ message: 'Key name?', flag: '--name' }));
    await typeWhen(io, 'Key name?');
    io.stdin.end();
    expect((await answer).error).toBeInstanceOf(CancelledError);
  });

  it('makes prompt text terminal-safe', async () => {
    const { io, prompter } = session();
    const answer = prompter.confirm({ message: `Delete "${ESC}[2J"?` });
    await typeWhen(io, 'Delete', 'y\r');
    await answer;
    expect(io.err()).toContain('Delete "\\x1b[2J"?');
    expect(io.err()).not.toContain(`${ESC}[2J`);
  });

  it('keeps stderr usable after a prompt (inquirer must not end it)', async () => {
    const { io, prompter } = session();
    const answer = prompter.input({ message: 'Key name?', flag: '--name' });
    await typeWhen(io, 'Key name?', 'x\r');
    await answer;
    expect(io.stderr.writableEnded).toBe(false);
    io.stderr.write('after\n');
    expect(io.err().endsWith('after\n')).toBe(true);
  });

  it('uses a theme without colour codes when colour is off', async () => {
    const { io, prompter } = session(false);
    const answer = prompter.input({ message: 'Plain?', flag: '--name' });
    await typeWhen(io, 'Plain?', 'x\r');
    await answer;
    // Cursor movement is allowed; SGR colour/bold codes (ESC [ n m) are not.
    expect(io.err()).not.toMatch(new RegExp(`${ESC}\\[[0-9;]*m`));
  });
});
