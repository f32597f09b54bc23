import { formatDuration } from '../core/duration-format.js';

/**
 * The one line every command prints once a secret is on the clipboard (`keys copy`, `keys
 * add`, `keys rotate`): what went there and when it goes away, so a later paste that finds
 * nothing is no surprise. Apart from clipboard.ts, which the clipboard-clearing worker loads:
 * the worker stays small (scripts/bundle.js keeps its modules out of the list-path chunk). `clearAfterMs` is the delay actually scheduled; 0 = kept.
 */
export function copiedNotice(label: string, clearAfterMs: number): string {
  const tail = clearAfterMs > 0 ? `; it will be cleared in ${formatDuration(clearAfterMs)}` : '';
  return `copied ${label} to the clipboard${tail}`;
}
