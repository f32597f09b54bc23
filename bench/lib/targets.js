/**
 * Every target the bench judges, in one place (the table, results.json and the docs read them
 * from here). A row passes when its median passes: `ratio` bounds the median of the row's
 * ratios to its baseline, `median` bounds its median value. Start-up ratios are to `node -e 0`
 * in the same environment and judged in the environment named by `env` (the clean one: PATH,
 * LANG, HOME and the bench's HELIXCTL_* folders; see workspace.js); the inherited column is
 * measured and printed, not judged. Rows without an entry are references.
 */
export const TARGETS = {
  version: { env: 'clean', ratio: { atMost: 1.15 } },
  help: { env: 'clean', ratio: { atMost: 1.4 } },
  'list-100': { env: 'clean', ratio: { atMost: 2.5 } },
  'list-100-local': { env: 'clean', ratio: { atMost: 3 } },
  'list-large-wall': { median: { atMost: 1500 } },
  'list-large-rss': { median: { atMost: 200 } },
  'list-growth': { ratio: { atMost: 12 } },
  'rotate-speedup': { ratio: { atLeast: 3 } },
  // Against the bare server sending the same constant bytes (bench/lib/bare-server.js).
  'http-cached': { ratio: { atLeast: 0.5 }, median: { atLeast: 2000 } },
};

const bound = (limit, suffix) =>
  limit.atMost !== undefined ? `<= ${limit.atMost}${suffix}` : `>= ${limit.atLeast}${suffix}`;
const within = (limit, value) =>
  limit.atMost !== undefined ? value <= limit.atMost : value >= limit.atLeast;

/** The target of row `id` as the table prints it, or `(reference)`. */
export function targetText(id, unit) {
  const target = TARGETS[id];
  if (!target) return '(reference)';
  const parts = [];
  if (target.ratio) parts.push(bound(target.ratio, 'x'));
  if (target.median) parts.push(bound(target.median, unit === 'x' ? 'x' : ` ${unit}`));
  return `${parts.join(' and ')}${target.env ? ` (${target.env} env)` : ''}`;
}

/**
 * Whether row `id` meets its target: `{ median, ratio }` are the medians of its value and of
 * its ratio (in the target's environment for start-up rows). `null` for references.
 */
export function meetsTarget(id, { median, ratio }) {
  const target = TARGETS[id];
  if (!target) return null;
  if (target.ratio && !(ratio !== undefined && within(target.ratio, ratio))) return false;
  if (target.median && !(median !== undefined && within(target.median, median))) return false;
  return true;
}
