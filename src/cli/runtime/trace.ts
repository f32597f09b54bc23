import type { TraceEvent } from '../../api/http.js';

/** One `--debug` line per HTTP try: method, URL, status, time. Never headers or bodies. */
export function traceLine(event: TraceEvent): string {
  const status = event.status === undefined ? (event.error ?? 'no response') : String(event.status);
  const attempt = event.attempt > 1 ? ` (try ${event.attempt})` : '';
  return `http ${event.method} ${event.url} -> ${status} in ${Math.round(event.ms)} ms${attempt}`;
}
