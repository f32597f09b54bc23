/**
 * Result rows: what the table prints and results.json keeps. Values and ratios are
 * `{ median, min, max, n }` across blocks (see measure.js); the target comes from targets.js,
 * and `pass` is whether the medians meet it (`null` for reference rows). Tiny runs drop the
 * verdicts (run.js): `pass` is then `undefined` and the result reads `measured`.
 */
import { meetsTarget, TARGETS, targetText } from './targets.js';

/** One measured value (wall time, peak RSS, req/s, or a ratio with unit `x`). */
export function valueRow({ id, name, unit, value, ratio, baseline = '-', note }) {
  return {
    id,
    name,
    unit,
    median: value.median,
    min: value.min,
    max: value.max,
    runs: value.n,
    ratio,
    baseline,
    target: targetText(id, unit),
    pass: meetsTarget(id, { median: value.median, ratio: ratio?.median }),
    note,
  };
}

/** A ratio of two medians judged by itself (growth, speed-up), taken block by block. */
export function derivedRow({ id, name, ratio, baseline, note }) {
  return valueRow({ id, name, unit: 'x', value: ratio, ratio, baseline, note });
}

/** Throughput in req/s, with its ratio to the constant-bytes server. */
export function throughputRow({ id, name, value, ratio, baseline, note }) {
  return valueRow({ id, name, unit: 'req/s', value, ratio, baseline, note });
}

/**
 * A start-up case measured in both environments: `envs` is `{ clean, inherited }`, each
 * `{ value, ratio }` (ratio to `node -e 0` of the same environment). Judged in the target's
 * environment only.
 */
export function startUpRow({ id, name, envs, note }) {
  const columns = Object.fromEntries(
    Object.entries(envs).map(([env, { value, ratio }]) => [
      env,
      { median: value.median, min: value.min, max: value.max, runs: value.n, ratio },
    ]),
  );
  const judged = columns[TARGETS[id]?.env ?? 'clean'];
  return {
    id,
    name,
    unit: 'ms',
    envs: columns,
    baseline: 'node -e 0, same env',
    target: targetText(id, 'ms'),
    pass: meetsTarget(id, { median: judged?.median, ratio: judged?.ratio?.median }),
    note,
  };
}

/** A case that could not be measured here (GNU time missing for peak RSS). */
export function skippedRow(id, name) {
  return { id, name, unit: '', baseline: '-', target: '-', pass: null, skipped: true };
}

/** Whether a row holds at least one measurement (every column of a start-up row). */
export function measured(row) {
  if (row.skipped) return true;
  if (row.envs) return Object.values(row.envs).every((c) => c.runs > 0 && c.median >= 0);
  return row.median !== undefined && !Number.isNaN(row.median);
}
