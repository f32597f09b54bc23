import { spawn } from 'node:child_process';
import type { Env } from '../core/env.js';

/**
 * What a clipboard process may see of our environment: enough to reach the clipboard (X11,
 * Wayland, WSL, macOS/Windows basics) and nothing else. On X11 the writer (`xsel --input`)
 * forks and lives on for as long as it owns the selection, so it must not carry
 * HELIX_CREDENTIAL, HELIX_SECRET_KEY, tokens or NODE_OPTIONS (docs/security.md).
 */
export const CLIPBOARD_ENV_NAMES = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TMPDIR',
  'DISPLAY',
  'XAUTHORITY',
  'WAYLAND_DISPLAY',
  'XDG_RUNTIME_DIR',
  'XDG_SESSION_TYPE',
  'DBUS_SESSION_BUS_ADDRESS',
  'WSL_DISTRO_NAME',
  'WSL_INTEROP',
  'TERMUX_VERSION',
  'HELIXCTL_NO_CLIPBOARD',
  'SystemRoot',
  'SYSTEMROOT',
  'windir',
  'TEMP',
  'TMP',
  'USERPROFILE',
  'PATHEXT',
  'ComSpec',
] as const;

/** `env` reduced to `CLIPBOARD_ENV_NAMES`. */
export function clipboardEnv(env: Env): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of CLIPBOARD_ENV_NAMES) {
    const value = env[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

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
  // Linux outside WSL: our own xsel, so that the daemon it leaves gets `clipboardEnv` only
  // (clipboardy passes it the whole environment, credentials included).
  if (platform === 'linux' && !(env.WSL_DISTRO_NAME || env.WSL_INTEROP)) {
    return xselWrite(text, clipboardEnv(env));
  }
  try {
    const { default: clipboard } = await import('clipboardy');
    await clipboard.write(text);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: reasonOf(error, text) };
  }
}

/** `xsel --clipboard --input` with `env` only; the text on its stdin, never in argv or env. */
function xselWrite(text: string, env: Record<string, string>): Promise<ClipboardResult> {
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn('xsel', ['--clipboard', '--input'], {
      env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        ok: false,
        reason:
          error.code === 'ENOENT'
            ? 'xsel not found (on Debian/Ubuntu: sudo apt install xsel)'
            : `xsel did not start (${error.code ?? 'unknown error'})`,
      }),
    );
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(text);
    // 'exit', not 'close': the forked daemon may keep a copy of stderr open.
    child.on('exit', (code) =>
      resolve(
        code === 0
          ? { ok: true }
          : { ok: false, reason: reasonOf(new Error(stderr || `xsel exited with ${code}`), text) },
      ),
    );
  });
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
