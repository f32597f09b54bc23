import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { OutputMode } from '../../../src/output/mode.js';
import { createPrinter } from '../../../src/output/printer.js';
import { spinnerEnabled, withSpinner } from '../../../src/output/spinner.js';
import { ESC, type FakeIoOptions, fakeIo } from '../../helpers/fake-io.js';

function host(mode: OutputMode, io: FakeIoOptions, quiet = false) {
  const fake = fakeIo(io);
  return { io: fake, printer: createPrinter({ io: fake, mode, quiet }) };
}

describe('withSpinner off a terminal', () => {
  const silentCases: [string, OutputMode, FakeIoOptions, boolean][] = [
    ['stderr piped', 'table', { stdoutTTY: true }, false],
    ['json mode', 'json', { stderrTTY: true, stdoutTTY: true }, false],
    ['ndjson mode', 'ndjson', { stderrTTY: true }, false],
    ['quiet', 'table', { stderrTTY: true, stdoutTTY: true }, true],
  ];

  for (const [label, mode, options, quiet] of silentCases) {
    it(`prints nothing at all (${label}), not even "- text"`, async () => {
      const { io, printer } = host(mode, options, quiet);
      expect(spinnerEnabled(printer)).toBe(false);
      const value = await withSpinner(printer, 'Fetching keys', async (s) => {
        s.update('still fetching');
        return 42;
      });
      expect(value).toBe(42);
      await expect(
        withSpinner(printer, 'Rotating', async () => {
          throw new Error('nope');
        }),
      ).rejects.toThrow('nope');
      expect(io.err()).toBe('');
      expect(io.out()).toBe('');
    });
  }

  it('needs the cursor methods of a real TTY, not just an isTTY flag', () => {
    const io = fakeIo();
    io.stderr.isTTY = true;
    expect(spinnerEnabled(createPrinter({ io, mode: 'table' }))).toBe(false);
  });
});

describe('withSpinner on a terminal', () => {
  it('spins on stderr, then persists ✔ and the success text', async () => {
    const { io, printer } = host('table', { stderrTTY: true, env: { NO_COLOR: '1' } });
    const value = await withSpinner(
      printer,
      'Creating key',
      async (s) => {
        s.update(`Creating ${ESC}[2J key`);
        return 'AK1';
      },
      { successText: (ak) => `Created ${ak}` },
    );
    expect(value).toBe('AK1');
    const screen = stripVTControlCharacters(io.err());
    expect(screen).toContain('Creating key');
    expect(screen.trimEnd().endsWith('✔ Created AK1')).toBe(true);
    expect(io.err()).not.toContain(`${ESC}[2J`);
    expect(io.out()).toBe('');
  });

  it('persists ✖ on failure and rethrows', async () => {
    const { io, printer } = host('table', { stderrTTY: true, env: { TERM: 'xterm' } });
    const run = withSpinner(
      printer,
      'Rotating',
      async () => {
        throw new Error('service down');
      },
      { failText: 'Rotation failed' },
    );
    await expect(run).rejects.toThrow('service down');
    expect(io.err()).toContain(`${ESC}[31m✖${ESC}[39m Rotation failed`);
  });

  it('clears the line instead when asked', async () => {
    const { io, printer } = host('tsv', { stderrTTY: true, env: { NO_COLOR: '1' } });
    await withSpinner(printer, 'Loading', async () => 1, { successText: false });
    expect(stripVTControlCharacters(io.err())).not.toContain('✔');
  });
});
