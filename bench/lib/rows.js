/**
 * Result rows: what the table prints and results.json keeps. A row has a measured value
 * (median, min, max in `unit`), a ratio to its baseline where there is one, a target and
 * whether it passed (`null` for reference rows, which have no target).
 */

/** `value / baseline` at most `max` (start-up cases against `node -e 0`). */
export function ratioRow({ id, name, unit = 'ms', value, baseline, max, note }) {
  const ratio = value.median / baseline.median;
  return row(
    { id, name, unit, value, ratio, baseline: baseline.name, note },
    `<= ${max}x`,
    ratio <= max,
  );
}

/** A reference point: measured and compared, never judged. */
export function referenceRow({ id, name, unit = 'ms', value, baseline, note }) {
  const ratio = baseline ? value.median / baseline.median : undefined;
  return row(
    { id, name, unit, value, ratio, baseline: baseline?.name ?? '-', note },
    '(reference)',
    null,
  );
}

/** An absolute limit on the median (wall time, peak RSS). */
export function limitRow({ id, name, unit, value, max, note }) {
  return row(
    { id, name, unit, value, baseline: '-', note },
    `<= ${max} ${unit}`,
    value.median <= max,
  );
}

/** A ratio of two medians judged by itself (growth, speed-up): `{ ratio, min?, max? }`. */
export function derivedRow({ id, name, ratio, baseline, atMost, atLeast, note }) {
  const target = atMost !== undefined ? `<= ${atMost}x` : `>= ${atLeast}x`;
  const pass = atMost !== undefined ? ratio <= atMost : ratio >= atLeast;
  const value = { median: ratio, min: undefined, max: undefined };
  return row({ id, name, unit: 'x', value, ratio, baseline, note }, target, pass);
}

/** Throughput: at least `share` of the baseline's and at least `floor` in absolute terms. */
export function throughputRow({ id, name, value, baseline, share, floor, note }) {
  const ratio = value.median / baseline.median;
  const judged = share !== undefined;
  const target = judged ? `>= ${share}x and >= ${floor} req/s` : '(reference)';
  const pass = judged ? ratio >= share && value.median >= floor : null;
  return row(
    { id, name, unit: 'req/s', value, ratio, baseline: baseline.name, note },
    target,
    pass,
  );
}

/** A case that could not be measured here (GNU time missing for peak RSS). */
export function skippedRow(id, name) {
  const value = { median: undefined, min: undefined, max: undefined };
  return { ...row({ id, name, unit: '', value, baseline: '-' }, '-', null), skipped: true };
}

function row(fields, target, pass) {
  const { value, ...rest } = fields;
  return {
    ...rest,
    median: value.median,
    min: value.min,
    max: value.max,
    runs: value.n,
    target,
    pass,
  };
}
