import { describe, expect, it } from 'vitest';
import {
  clipboardUnavailableReason,
  writeClipboard,
} from '../../../../src/output/secret/clipboard-io.js';

describe('clipboardUnavailableReason', () => {
  it.each([
    [{}, 'linux', 'no display server (DISPLAY and WAYLAND_DISPLAY are unset)'],
    [{ DISPLAY: '' }, 'linux', 'no display server (DISPLAY and WAYLAND_DISPLAY are unset)'],
    [{ DISPLAY: ':0' }, 'linux', undefined],
    [{ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', undefined],
    [{ WSL_DISTRO_NAME: 'Ubuntu' }, 'linux', undefined],
    [{}, 'darwin', undefined],
    [{}, 'win32', undefined],
    [{ DISPLAY: ':0', HELIXCTL_NO_CLIPBOARD: '1' }, 'linux', 'disabled by HELIXCTL_NO_CLIPBOARD'],
    [{ HELIXCTL_NO_CLIPBOARD: 'true' }, 'darwin', 'disabled by HELIXCTL_NO_CLIPBOARD'],
    [{ DISPLAY: ':0', HELIXCTL_NO_CLIPBOARD: '0' }, 'linux', undefined],
    [{ DISPLAY: ':0', HELIXCTL_NO_CLIPBOARD: 'false' }, 'linux', undefined],
    [{ DISPLAY: ':0', HELIXCTL_NO_CLIPBOARD: '' }, 'linux', undefined],
  ] as const)('%j on %s → %s', (env, platform, reason) => {
    expect(clipboardUnavailableReason(env, platform)).toBe(reason);
  });
});

// Only where this process has no display of its own: clipboardy reads process.env, and a
// developer's real clipboard must never be overwritten by a test.
const headless =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

describe.runIf(headless)('writeClipboard on a headless Linux box', () => {
  it('reports a missing display without trying, and never throws', async () => {
    await expect(writeClipboard('secret-value', {})).resolves.toEqual({
      ok: false,
      reason: 'no display server (DISPLAY and WAYLAND_DISPLAY are unset)',
    });
  });

  it('turns a display that does not answer into a one-line reason without the value', async () => {
    const result = await writeClipboard('secret-value', { DISPLAY: ':231' });
    expect(result.ok).toBe(false);
    const reason = result.ok ? '' : result.reason;
    expect(reason).not.toContain('\n');
    expect(reason).not.toContain('secret-value');
    expect(reason).toMatch(/display server|xsel/);
  });
});
