import { stat } from 'node:fs/promises';
import { moveAwayHint, notAFileReason, shellQuote } from './secure-file.js';

/**
 * A warning when a secrets file (or its folder) can be read or written by the group or
 * others, e.g. `credentials file ~/.config/helixctl/credentials.json is readable by others
 * (mode 0644); fix with: chmod 600 /home/me/.config/helixctl/credentials.json`. Undefined when
 * the modes are fine, the path does not exist, or on Windows (no POSIX modes).
 *
 * @param label what it is, e.g. `credentials file` or `config folder`.
 * @param home the home folder, to show `~` in the message.
 * @param kind what belongs at `path`: a file that is not one is named as such, without chmod.
 */
export async function checkPermissions(
  path: string,
  label: string,
  home?: string,
  kind?: 'file' | 'folder',
): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  // A folder where a file belongs (or a FIFO…): no chmod would help; say what is wrong.
  if (kind === 'file' && !info.isFile()) {
    return `${label} ${tildify(path, home)}: ${notAFileReason(info)}; ${moveAwayHint(label, path)}`;
  }
  if (kind === 'folder' && !info.isDirectory()) return undefined;
  if (process.platform === 'win32') return undefined;
  const mode = info.mode & 0o777;
  if ((mode & 0o077) === 0) return undefined;
  const what = mode & 0o044 ? 'readable' : 'writable';
  const wanted = info.isDirectory() ? '700' : '600';
  const octal = mode.toString(8).padStart(4, '0');
  return `${label} ${tildify(path, home)} is ${what} by others (mode ${octal}); fix with: chmod ${wanted} ${shellQuote(path)}`;
}

/** `~/.config/helixctl` for a path under `home`. */
export function tildify(path: string, home: string | undefined): string {
  if (!home || home === '/') return path;
  const base = home.replace(/\/+$/, '');
  return path === base || path.startsWith(`${base}/`) ? `~${path.slice(base.length)}` : path;
}
