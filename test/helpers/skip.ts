/**
 * Titles of tests that need something this machine may lack: the reason goes into the title
 * (`bash (skipped: tmux not installed)`), so a skipped suite says why in the summary instead
 * of vanishing silently. The packages are listed in .ci/packages (README "Set-up").
 */

/** `''` when nothing is missing, else ` (skipped: a, b not installed)`. */
export function missingNote(needs: Record<string, boolean>, what = 'not installed'): string {
  const missing = Object.entries(needs)
    .filter(([, present]) => !present)
    .map(([name]) => name);
  return missing.length === 0 ? '' : ` (skipped: ${missing.join(', ')} ${what})`;
}

/** For tests that cannot run as root (root reads and writes any file). */
export const IS_ROOT = process.getuid?.() === 0;
export const ROOT_NOTE = IS_ROOT ? ' (skipped: running as root)' : '';
