import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';

/** What the numbers were measured on, for the table's header and results.json. */
export function machine() {
  let cpu = 'unknown';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: leave it unknown
  }
  return {
    node: process.version,
    cores: availableParallelism(),
    cpu,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}
