import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { colorEnabled, isInteractive, resolveOutputMode } from '../../../src/output/mode.js';

describe('resolveOutputMode', () => {
  it('defaults to table on a TTY and tsv when piped', () => {
    expect(resolveOutputMode({ stdoutIsTTY: true })).toBe('table');
    expect(resolveOutputMode({ stdoutIsTTY: false })).toBe('tsv');
    expect(resolveOutputMode({ stdoutIsTTY: undefined })).toBe('tsv');
  });

  it('lets --json win over the environment, and refuses it with another -o', () => {
    expect(() => resolveOutputMode({ json: true, output: 'tsv', stdoutIsTTY: true })).toThrow(
      /--json conflicts with --output "tsv"/,
    );
    expect(resolveOutputMode({ json: true, output: 'JSON', stdoutIsTTY: true })).toBe('json');
    const env = { HELIXCTL_OUTPUT: 'ndjson' };
    expect(resolveOutputMode({ json: true, env, stdoutIsTTY: false })).toBe('json');
  });

  it('takes -o before HELIXCTL_OUTPUT, and either over the TTY default', () => {
    const env = { HELIXCTL_OUTPUT: 'ndjson' };
    expect(resolveOutputMode({ output: 'table', env, stdoutIsTTY: false })).toBe('table');
    expect(resolveOutputMode({ env, stdoutIsTTY: true })).toBe('ndjson');
    expect(resolveOutputMode({ output: 'JSON', stdoutIsTTY: true })).toBe('json');
  });

  it('ignores an empty HELIXCTL_OUTPUT', () => {
    expect(resolveOutputMode({ env: { HELIXCTL_OUTPUT: '' }, stdoutIsTTY: true })).toBe('table');
  });

  it('rejects a bad value with a usage error listing the valid ones', () => {
    const bad = () => resolveOutputMode({ output: 'yaml', stdoutIsTTY: true });
    expect(bad).toThrow(UsageError);
    expect(bad).toThrow('invalid --output value "yaml": expected one of table, json, ndjson, tsv');
    const env = () => resolveOutputMode({ env: { HELIXCTL_OUTPUT: 'xml' }, stdoutIsTTY: true });
    expect(env).toThrow(/HELIXCTL_OUTPUT.*table, json, ndjson, tsv/);
    try {
      bad();
    } catch (error) {
      expect((error as UsageError).exitCode).toBe(2);
    }
  });
});

describe('colorEnabled', () => {
  const tty = { isTTY: true, env: {} };

  it('is on for a TTY and off for a pipe', () => {
    expect(colorEnabled(tty)).toBe(true);
    expect(colorEnabled({ isTTY: false, env: {} })).toBe(false);
    expect(colorEnabled({ isTTY: undefined, env: {} })).toBe(false);
  });

  it('honours --no-color above everything', () => {
    expect(colorEnabled({ ...tty, noColorFlag: true })).toBe(false);
    expect(colorEnabled({ isTTY: true, noColorFlag: true, env: { FORCE_COLOR: '3' } })).toBe(false);
  });

  it('honours NO_COLOR with any non-empty value, and ignores it when empty', () => {
    expect(colorEnabled({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(colorEnabled({ isTTY: true, env: { NO_COLOR: 'false' } })).toBe(false);
    expect(colorEnabled({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
    expect(colorEnabled({ isTTY: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).toBe(false);
  });

  it('honours FORCE_COLOR: 0/false off, 1-3/true/empty on even when piped', () => {
    expect(colorEnabled({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(colorEnabled({ isTTY: true, env: { FORCE_COLOR: 'false' } })).toBe(false);
    for (const value of ['1', '2', '3', 'true', '']) {
      expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: value } })).toBe(true);
    }
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: 'bogus' } })).toBe(false);
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1', TERM: 'dumb' } })).toBe(true);
  });

  it('turns colour off for TERM=dumb', () => {
    expect(colorEnabled({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
    expect(colorEnabled({ isTTY: true, env: { TERM: 'xterm-256color' } })).toBe(true);
  });
});

describe('isInteractive', () => {
  const both = { stdinTTY: true, stdoutTTY: true, env: {} };

  it('needs both stdin and stdout to be TTYs', () => {
    expect(isInteractive(both)).toBe(true);
    expect(isInteractive({ ...both, stdinTTY: false })).toBe(false);
    expect(isInteractive({ ...both, stdoutTTY: undefined })).toBe(false);
  });

  it('is off with --no-input and in json modes', () => {
    expect(isInteractive({ ...both, noInput: true })).toBe(false);
    expect(isInteractive({ ...both, jsonMode: true })).toBe(false);
    expect(isInteractive({ ...both, noInput: false, jsonMode: false })).toBe(true);
  });

  it('is off under CI, unless CI is empty, 0 or false', () => {
    for (const ci of ['true', '1', 'TRUE', 'woodpecker']) {
      expect(isInteractive({ ...both, env: { CI: ci } })).toBe(false);
    }
    for (const ci of ['', '0', 'false']) {
      expect(isInteractive({ ...both, env: { CI: ci } })).toBe(true);
    }
  });
});
