import { spawnSync } from 'node:child_process';
import { SkipError } from './measure.js';

/** Throws SkipError unless wrk runs here. */
export function requireWrk() {
  if (spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error) {
    throw new SkipError('wrk is not installed (apt-get install wrk)');
  }
}

/**
 * One wrk run against `url`: `{ rps, p50Ms, p99Ms, errors }`. Two threads (one per core of
 * the reference box); non-2xx answers count as errors, and a run with errors is refused.
 */
export function wrk(url, { connections, seconds, headers = {}, threads = 2 }) {
  const args = ['-t', String(Math.min(threads, connections)), '-c', String(connections)];
  args.push('-d', `${seconds}s`, '--latency');
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const result = spawnSync('wrk', [...args, url], { encoding: 'utf8' });
  if (result.error) throw new Error(`wrk: ${result.error.message} (is wrk installed?)`);
  if (result.status !== 0) throw new Error(`wrk: exit ${result.status}\n${result.stderr}`);
  const out = result.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: (.*)/.exec(out)?.[1];
  if (!Number.isFinite(rps) || non2xx > 0) {
    throw new Error(`wrk ${url}: ${non2xx} non-2xx answers\n${out}`);
  }
  return {
    rps,
    p50Ms: latencyMs(/50%\s+([\d.]+)(us|ms|s)/.exec(out)),
    p99Ms: latencyMs(/99%\s+([\d.]+)(us|ms|s)/.exec(out)),
    socketErrors: socketErrors ?? '',
  };
}

function latencyMs(match) {
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}
