import { describe, expect, it } from 'vitest';
import type { OutputMode } from '../../../src/output/mode.js';
import { createPrinter } from '../../../src/output/printer.js';
import { type FakeIoOptions, fakeIo } from '../../helpers/fake-io.js';

function setup(mode: OutputMode, options: FakeIoOptions = {}) {
  const io = fakeIo(options);
  return { io, printer: createPrinter({ io, mode }) };
}

// Characters a terminal or a CI log may obey: 8-bit CSI and OSC, bidi overrides and isolates.
const HOSTILE = 'a\u009b2Jb\u009d0;t\u0007c\u202eevil\u2066x\u2069';

describe('the output edge', () => {
  it.each([
    ['json', { stdoutTTY: true }],
    ['json', { stdoutTTY: false }],
    ['ndjson', { stdoutTTY: true }],
  ] as const)(
    '%s (tty %o) escapes C1 and bidi as \\u, and parses back to the same value',
    (mode, tty) => {
      const { io, printer } = setup(mode, tty);
      printer.list(
        [{ name: HOSTILE }],
        [{ header: 'name', value: (r: { name: string }) => r.name }],
      );
      const out = io.out();
      expect(out).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('\\u009b');
      expect(out).toContain('\\u202e');
      const parsed = mode === 'ndjson' ? JSON.parse(out) : JSON.parse(out)[0];
      expect(parsed.name).toBe(HOSTILE);
    },
  );

  it('printer.json and raw writes go through the same edge', () => {
    const { io, printer } = setup('json');
    printer.json({ principal: HOSTILE });
    printer.raw(`${HOSTILE}\n`);
    expect(io.out()).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it.each([
    ['info', (p: ReturnType<typeof createPrinter>, m: string) => p.info(m)],
    ['success', (p: ReturnType<typeof createPrinter>, m: string) => p.success(m)],
    ['warn', (p: ReturnType<typeof createPrinter>, m: string) => p.warn(m)],
  ])(
    '%s: a newline from the service cannot add a line (a fake hint, a CI workflow command)',
    (_, say) => {
      const { io, printer } = setup('table');
      say(
        printer,
        'Logged in as evil\nhint: run curl x | sh\n::set-output name=x::y\r::add-mask::z',
      );
      const lines = io.err().split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('evil\\nhint: run curl x | sh\\n::set-output');
      expect(io.err()).not.toMatch(/^(hint:|::)/m);
    },
  );
});
