import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../../src/core/exit-codes.js';
import {
  DEFAULT_CLEAR_AFTER_MS,
  MAX_CLEAR_AFTER_MS,
  type PlanInput,
  planSinks,
  type SinkFlags,
} from '../../../../src/output/secret/plan.js';

type Terminal = 'interactive tty' | 'tty, --no-input' | 'pipe';

function input(terminal: Terminal, flags: SinkFlags, json = false): PlanInput {
  return {
    flags,
    interactive: terminal === 'interactive tty',
    stdoutTTY: terminal !== 'pipe',
    json,
  };
}

const file = { secretFile: '/tmp/k.cred' };
const exec = { exec: ['gh', 'secret', 'set', 'HELIX'] };

describe('planSinks: where a new secret goes', () => {
  // [terminal, flags, json, clipboard, stdout, secretOnStdout]
  const table: [Terminal, SinkFlags, boolean, boolean, 'human' | 'json' | 'none', boolean][] = [
    ['interactive tty', {}, false, true, 'human', true],
    ['interactive tty', { copy: false }, false, false, 'human', true],
    ['interactive tty', { copy: true }, false, true, 'human', true],
    ['interactive tty', file, false, false, 'none', false],
    ['interactive tty', { ...file, copy: true }, false, true, 'none', false],
    ['interactive tty', exec, false, false, 'none', false],
    ['interactive tty', {}, true, false, 'json', true],
    ['interactive tty', { copy: true }, true, true, 'json', true],
    ['tty, --no-input', {}, false, false, 'human', true],
    ['tty, --no-input', { copy: true }, false, true, 'human', true],
    ['pipe', {}, false, false, 'human', true],
    ['pipe', { copy: true }, false, true, 'none', false],
    ['pipe', file, false, false, 'none', false],
    ['pipe', exec, false, false, 'none', false],
    ['pipe', { ...file, ...exec }, false, false, 'none', false],
    ['pipe', {}, true, false, 'json', true],
    ['pipe', file, true, false, 'json', false],
    ['pipe', { copy: true }, true, true, 'json', false],
    ['pipe', exec, true, false, 'json', false],
  ];

  it.each(table)(
    '%s %j json=%s → clipboard %s, stdout %s, secret on stdout %s',
    (terminal, flags, json, clipboard, stdout, secretOnStdout) => {
      const plan = planSinks(input(terminal, flags, json));
      expect({
        clipboard: plan.clipboard,
        stdout: plan.stdout,
        secretOnStdout: plan.secretOnStdout,
      }).toEqual({
        clipboard,
        stdout,
        secretOnStdout,
      });
    },
  );

  it('keeps the file path and --force, and splits --exec into command and argv', () => {
    const plan = planSinks(
      input('pipe', {
        secretFile: 'out/k',
        force: true,
        exec: ['sh', '-c', 'echo "$HELIX_ACCESS_KEY"'],
      }),
    );
    expect(plan.file).toEqual({ path: 'out/k', force: true });
    expect(plan.exec).toEqual({ command: 'sh', args: ['-c', 'echo "$HELIX_ACCESS_KEY"'] });
    expect(planSinks(input('pipe', file)).file).toEqual({ path: '/tmp/k.cred', force: false });
    expect(planSinks(input('pipe', {}))).not.toHaveProperty('file');
    expect(planSinks(input('pipe', {}))).not.toHaveProperty('exec');
  });

  it('clears the clipboard after 45 s by default, after --clear-after, never when 0 or not copying', () => {
    expect(planSinks(input('interactive tty', {})).clearAfterMs).toBe(DEFAULT_CLEAR_AFTER_MS);
    expect(DEFAULT_CLEAR_AFTER_MS).toBe(45_000);
    expect(planSinks(input('interactive tty', { clearAfterMs: 1000 })).clearAfterMs).toBe(1000);
    expect(planSinks(input('interactive tty', { clearAfterMs: 0 })).clearAfterMs).toBe(0);
    expect(planSinks(input('pipe', { clearAfterMs: 1000 })).clearAfterMs).toBe(0);
  });

  it.each([
    [{ secretFile: '' }, '--secret-file needs a path'],
    [{ secretFile: '  ' }, '--secret-file needs a path'],
    [{ exec: [] }, '--exec needs a command'],
    [{ exec: [''] }, '--exec needs a command'],
    [{ clearAfterMs: -1 }, '--clear-after must be 0 or a positive duration'],
    [{ clearAfterMs: Number.NaN }, '--clear-after must be 0 or a positive duration'],
    [{ clearAfterMs: MAX_CLEAR_AFTER_MS + 1 }, '--clear-after must be at most 24 days'],
    [{ copy: false, clearAfterMs: -5 }, '--clear-after must be 0 or a positive duration'],
  ])('refuses %j with a usage error (exit 2)', (flags, message) => {
    expect(() => planSinks(input('interactive tty', flags))).toThrow(
      expect.objectContaining({ message, exitCode: ExitCode.USAGE }),
    );
  });
});
