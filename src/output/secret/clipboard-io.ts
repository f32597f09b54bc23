import type { Env } from './types.js';

export type ClipboardResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string };

/**
 * Why the clipboard cannot work here, without spending ~100 ms importing clipboardy and
 * spawning xsel: opted out with `HELIXCTL_NO_CLIPBOARD`, or Linux with no display server
 * (headless, CI, SSH without X forwarding). Undefined when it is worth trying.
 */
export function clipboardUnavailableReason(
  env: Env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const optOut = env.HELIXCTL_NO_CLIPBOARD;
  if (optOut !== undefined && optOut !== '' && optOut !== '0' && optOut !== 'false') {
    return 'disabled by HELIXCTL_NO_CLIPBOARD';
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY && !env.WSL_DISTRO_NAME) {
    return 'no display server (DISPLAY and WAYLAND_DISPLAY are unset)';
  }
  return undefined;
}

/**
 * Copies `text` to the system clipboard (clipboardy, imported lazily). Never throws: a
 * failure comes back as a one-line reason, because a missing clipboard must never fail
 * a command. clipboardy's errors have no code, only a message; its first sentence is used,
 * and never anything that contains `text`. Note: clipboardy reads `process.env` itself;
 * `env` only drives the headless check.
 */
export async function writeClipboard(
  text: string,
  env: Env = process.env,
): Promise<ClipboardResult> {
  const unavailable = clipboardUnavailableReason(env);
  if (unavailable !== undefined) return { ok: false, reason: unavailable };
  try {
    const { default: clipboard } = await import('clipboardy');
    await clipboard.write(text);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: shortReason(error, text) };
  }
}

/** Reads the clipboard as text; throws when there is none (callers decide what that means). */
export async function readClipboard(): Promise<string> {
  const { default: clipboard } = await import('clipboardy');
  return clipboard.read();
}

function shortReason(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const first =
    message
      .split('\n')[0]
      ?.split(/(?<=\.) /)[0]
      ?.trim() ?? '';
  if (first === '' || (text !== '' && first.includes(text)))
    return 'the clipboard could not be written';
  return first.replace(/\.$/, '');
}
