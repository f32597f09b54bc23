import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clipboardUnavailable,
  copyToClipboard,
  readClipboard,
} from '../../../src/output/clipboard.js';
import { copiedNotice } from '../../../src/output/copied-notice.js';
import { useSandbox } from '../../helpers/lifecycle.js';
import { type Display, SKIP_XVFB, startXvfb, XVFB_NOTE } from '../../helpers/xvfb.js';

const CREDENTIAL =
  'key:AKTESTKEY0000000000000000000Z::s3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tAB,tenant id:1234567890';

/**
 * Points clipboardy (which reads the real process.env) at `display` for the duration of `fn`,
 * with `home` as HOME: xsel logs into `$HOME/.cache/xsel.log`, never the real HOME's.
 */
async function withDisplay<T>(display: string, home: string, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  process.env.DISPLAY = display;
  process.env.HOME = home;
  delete process.env.WAYLAND_DISPLAY;
  delete process.env.XDG_SESSION_TYPE;
  try {
    return await fn();
  } finally {
    for (const key of ['DISPLAY', 'HOME', 'WAYLAND_DISPLAY', 'XDG_SESSION_TYPE']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}

describe('clipboard without trying it', () => {
  it('honours HELIXCTL_NO_CLIPBOARD', async () => {
    const env = { HELIXCTL_NO_CLIPBOARD: '1', DISPLAY: ':0' };
    await expect(copyToClipboard(CREDENTIAL, env)).resolves.toEqual({
      ok: false,
      reason: 'disabled by HELIXCTL_NO_CLIPBOARD',
    });
    await expect(readClipboard(env)).resolves.toMatchObject({ ok: false });
    expect(clipboardUnavailable({ HELIXCTL_NO_CLIPBOARD: '0', DISPLAY: ':0' }, 'linux')).toBe(
      undefined,
    );
  });

  it('reports a headless Linux box as unavailable', async () => {
    const result = await copyToClipboard(CREDENTIAL, {}, 'linux');
    expect(result).toEqual({
      ok: false,
      reason: 'no display server (DISPLAY and WAYLAND_DISPLAY are unset)',
    });
    await expect(readClipboard({}, 'linux')).resolves.toMatchObject({ ok: false });
  });

  it('lets WSL, Wayland, X11, macOS and Windows try', () => {
    expect(clipboardUnavailable({ WSL_DISTRO_NAME: 'Ubuntu' }, 'linux')).toBeUndefined();
    expect(clipboardUnavailable({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
    expect(clipboardUnavailable({ DISPLAY: ':1' }, 'linux')).toBeUndefined();
    expect(clipboardUnavailable({}, 'darwin')).toBeUndefined();
    expect(clipboardUnavailable({}, 'win32')).toBeUndefined();
  });
});

describe.runIf(process.platform === 'linux')('clipboard failing for real', () => {
  const home = useSandbox();
  it('turns a dead display into a reason, without the text and without throwing', async () => {
    let n = 4000;
    while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n += 1;
    const display = `:${n}`;
    const result = await withDisplay(display, home.home, () =>
      copyToClipboard(CREDENTIAL, { DISPLAY: display }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/display server|xsel/i);
    expect(result.reason).not.toContain(CREDENTIAL);
    expect(result.reason).not.toContain('s3cr3t');
    expect(result.reason).not.toContain('\n');
  });
});

// The real thing: a private X server, clipboardy, xsel. Runs wherever Xvfb exists and must run
// in CI (a missing Xvfb there fails the suite instead of skipping silently).
const runReal = !SKIP_XVFB;

describe.runIf(runReal)(`clipboard round trip under Xvfb${XVFB_NOTE}`, () => {
  let server: Display | undefined;
  beforeAll(async () => {
    server = await startXvfb();
  }, 20_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('copies exactly the text (no newline added) and reads it back', async () => {
    const display = server?.display ?? '';
    // The writer gets `env` (reduced to the clipboard's variables), not process.env.
    const env = { DISPLAY: display, HOME: server?.home ?? '', PATH: process.env.PATH ?? '' };
    await withDisplay(display, server?.home ?? '', async () => {
      await expect(copyToClipboard(CREDENTIAL, env)).resolves.toEqual({ ok: true });
      await expect(readClipboard(env)).resolves.toEqual({ ok: true, text: CREDENTIAL });
      const unicode = 'clé 🔑 ключ';
      await expect(copyToClipboard(unicode, env)).resolves.toEqual({ ok: true });
      await expect(readClipboard(env)).resolves.toEqual({ ok: true, text: unicode });
    });
  }, 20_000);
});

describe('copiedNotice', () => {
  it('says what went to the clipboard and when it is cleared, or nothing about clearing', () => {
    expect(copiedNotice('the credential of "ci"', 45_000)).toBe(
      'copied the credential of "ci" to the clipboard; it will be cleared in 45s',
    );
    expect(copiedNotice('x', 90_000)).toBe(
      'copied x to the clipboard; it will be cleared in 1m 30s',
    );
    expect(copiedNotice('x', 0)).toBe('copied x to the clipboard');
  });
});
