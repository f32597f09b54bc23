import type { Env } from '../core/env.js';

/** Outcome of a clipboard write: never an exception, so a missing clipboard never fails a command. */
export type ClipboardResult = { ok: true } | { ok: false; reason: string };

/** Outcome of a clipboard read (`--from-clipboard`). */
export type ClipboardReadResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Why the clipboard cannot be used without trying it, or undefined when it may work:
 * `HELIXCTL_NO_CLIPBOARD` (explicit opt-out, also for tests), or Linux with neither
 * `DISPLAY` nor `WAYLAND_DISPLAY` outside WSL (headless, SSH, CI), which skips clipboardy's
 * ~100 ms import and a doomed spawn.
 */
export function clipboardUnavailable(
  env: Env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const optOut = env.HELIXCTL_NO_CLIPBOARD?.trim().toLowerCase();
  if (optOut && optOut !== '0' && optOut !== 'false') return 'disabled by HELIXCTL_NO_CLIPBOARD';
  const wsl = Boolean(env.WSL_DISTRO_NAME || env.WSL_INTEROP);
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY && !wsl) {
    return 'no display server (DISPLAY and WAYLAND_DISPLAY are unset)';
  }
  return undefined;
}

/**
 * Puts `text` on the clipboard exactly as given (no newline added). Never throws; the reason
 * on failure never contains the text. `env` drives the checks above; clipboardy itself (and
 * the xsel/wl-copy it spawns) reads the real `process.env`, which in the CLI is the same object.
 */
export async function copyToClipboard(
  text: string,
  env: Env,
  platform: NodeJS.Platform = process.platform,
): Promise<ClipboardResult> {
  const unavailable = clipboardUnavailable(env, platform);
  if (unavailable) return { ok: false, reason: unavailable };
  try {
    const { default: clipboard } = await import('clipboardy');
    await clipboard.write(text);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: reasonOf(error, text) };
  }
}

/** Reads the clipboard as is (no trimming), with the same checks and guarantees. */
export async function readClipboard(
  env: Env,
  platform: NodeJS.Platform = process.platform,
): Promise<ClipboardReadResult> {
  const unavailable = clipboardUnavailable(env, platform);
  if (unavailable) return { ok: false, reason: unavailable };
  try {
    const { default: clipboard } = await import('clipboardy');
    return { ok: true, text: await clipboard.read() };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

const MAX_REASON = 200;

/**
 * One line from clipboardy's error (it has no `code`, only a message), with the copied text
 * cut out should a backend ever echo it.
 */
function reasonOf(error: unknown, secret?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  let line = message.split('\n')[0]?.trim() || 'clipboard access failed';
  if (secret) line = line.split(secret).join('[redacted]');
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}
