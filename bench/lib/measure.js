import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

/** A group that cannot run here (a tool is missing): reported, not a harness failure. */
export class SkipError extends Error {}

/** Whether peak RSS can be measured (GNU time is installed). */
export const canMeasureRss = existsSync(TIME);

/** The 1, 5 and 15-minute load averages, two decimals. */
export function loadAverage() {
  return loadavg().map((l) => Number(l.toFixed(2)));
}

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
 * Measures `sets` (lists of commands compared with one another: a ratio is only ever taken
 * within a set) in short blocks. Every command runs `warmup` times first. Then, `blocks`
 * times: each set in turn (the order of the sets rotating from block to block), `rounds`
 * rounds in which every command of the set runs once (the order rotating each round). A load
 * spike then hits the commands compared alike, and a block is short enough for the box to
 * stay about the same during it. Returns the samples of each command, block by block:
 * `{ [id]: [[sample, ...], ...] }`.
 */
export function runBlocks(sets, { blocks, rounds, warmup, onBlock }) {
  const all = sets.flat();
  for (const command of all) {
    for (let i = 0; i < warmup; i += 1) timeCommand(command, command);
  }
  const samples = Object.fromEntries(all.map((c) => [c.id, []]));
  for (let block = 0; block < blocks; block += 1) {
    for (const c of all) samples[c.id].push([]);
    for (let s = 0; s < sets.length; s += 1) {
      const set = sets[(block + s) % sets.length];
      for (let round = 0; round < rounds; round += 1) {
        const turn = block * rounds + round;
        for (let i = 0; i < set.length; i += 1) {
          const command = set[(turn + i) % set.length];
          samples[command.id][block].push(timeCommand(command, command));
        }
      }
    }
    onBlock?.(block + 1);
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
