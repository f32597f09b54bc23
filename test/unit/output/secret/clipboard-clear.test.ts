import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLIPBOARD_ENV_NAMES, clipboardEnv } from '../../../../src/output/clipboard.js';
import {
  CLIPBOARD_CLEAR_WORKER,
  clipboardWorkerEnv,
  scheduleClipboardClear,
} from '../../../../src/output/secret/clipboard-clear.js';
import { sha256Hex } from '../../../../src/output/secret/value-hash.js';

describe('clipboardWorkerEnv', () => {
  it('keeps what reaching the clipboard needs and drops everything else', () => {
    const needed = {
      PATH: '/usr/bin',
      HOME: '/home/u',
      DISPLAY: ':0',
      XAUTHORITY: '/home/u/.Xauthority',
      WAYLAND_DISPLAY: 'wayland-0',
      XDG_RUNTIME_DIR: '/run/user/1000',
    };
    const env = clipboardWorkerEnv({
      ...needed,
      HELIX_SECRET_KEY: 'ci-secret',
      HELIX_CREDENTIAL: 'key:A::S,tenant id:T',
      HELIXCTL_TOKEN: 'jwt',
      NODE_OPTIONS: '--require ./hook.js',
      AWS_SECRET_ACCESS_KEY: 'aws',
      UNSET: undefined,
    });
    expect(env).toEqual(needed);
  });

  it('is the one rule for every clipboard process, the xsel writer included', () => {
    const env = { DISPLAY: ':0', HELIX_CREDENTIAL: 'c', HELIX_SECRET_KEY: 's', HELIX_URL: 'u' };
    expect(clipboardEnv(env)).toEqual({ DISPLAY: ':0' });
    expect(clipboardWorkerEnv).toBe(clipboardEnv);
    expect(CLIPBOARD_ENV_NAMES.some((name) => name.startsWith('HELIX_'))).toBe(false);
  });
});

describe('scheduleClipboardClear', () => {
  it('starts nothing for a delay of 0', async () => {
    await expect(scheduleClipboardClear('value', 0, {})).resolves.toBeUndefined();
  });

  it('rejects with a one-line error when the compiled helper is missing (running from sources)', async () => {
    expect(CLIPBOARD_CLEAR_WORKER.endsWith('clipboard-clear-worker.js')).toBe(true);
    await expect(
      scheduleClipboardClear('value', 1000, {}, '/nonexistent/worker.js'),
    ).rejects.toThrow(
      expect.objectContaining({
        message: 'clipboard helper not found: /nonexistent/worker.js',
        code: 'CLIPBOARD_HELPER',
      }),
    );
  });
});

describe('sha256Hex', () => {
  it('is the hex SHA-256 of the UTF-8 value', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('clé')).toBe(
      createHash('sha256').update(Buffer.from('clé', 'utf8')).digest('hex'),
    );
  });
});
