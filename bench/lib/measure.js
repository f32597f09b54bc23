import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

/** A group that cannot run here (a tool is missing): reported, not a harness failure. */
export class SkipError extends Error {}

/** Whether peak RSS can be measured (GNU time is installed). */
export const canMeasureRss = existsSync(TIME);

/**
 * Runs one command to completion, stdout to /dev/null (as hyperfine does), and returns its
 * wall time in ms; with `rss`, it runs under GNU time to read the peak resident set size too.
 * A non-zero exit is a broken case, not a slow one: it throws with the command's stderr.
 */
export function timeCommand(command, { rss = false } = {}) {
  const devNull = openSync('/dev/null', 'w');
  const rssFile = join(tmpdir(), `helixctl-bench-rss-${process.pid}`);
  rss &&= canMeasureRss;
  const [file, args] = rss
    ? [TIME, ['-f', '%M', '-o', rssFile, command.cmd, ...command.args]]
    : [command.cmd, command.args];
  try {
    const started = performance.now();
    const result = spawnSync(file, args, {
      env: command.env,
      cwd: command.cwd,
      stdio: ['ignore', devNull, 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = performance.now() - started;
    if (result.error) throw result.error;
    if (result.status !== 0) {
      const stderr = String(result.stderr).trim().split('\n').slice(-5).join('\n');
      throw new Error(`${command.label}: exit ${result.status ?? result.signal}\n${stderr}`);
    }
    const sample = { ms };
    if (rss) sample.rssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
    return sample;
  } finally {
    closeSync(devNull);
    if (rss) rmSync(rssFile, { force: true });
  }
}

/**
 * Runs every command `warmup` times, then `runs` rounds of each once, interleaved (the order
 * rotating each round), so that a background load spike hits the cases of a group alike and
 * their ratios stay fair. Returns the samples by command id.
 */
export function runInterleaved(commands, { runs, warmup, onRound }) {
  for (const command of commands) {
    for (let i = 0; i < warmup; i += 1) timeCommand(command, command);
  }
  const samples = Object.fromEntries(commands.map((c) => [c.id, []]));
  for (let round = 0; round < runs; round += 1) {
    for (let i = 0; i < commands.length; i += 1) {
      const command = commands[(round + i) % commands.length];
      samples[command.id].push(timeCommand(command, command));
    }
    onRound?.(round + 1);
  }
  return samples;
}

/** Median, min and max of numbers. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}
