/** Edit distance (insert, delete, substitute, swap of two neighbours), capped for speed. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d[i] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        (d[0] as number[])[j] = j;
        continue;
      }
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * The candidate a mistyped `input` most likely meant, for a "did you mean" hint: within an
 * edit distance of 2, or one that starts with `input` (`pro` for `production`), the closest
 * first and then alphabetical; undefined when none is close or `input` is itself one.
 */
export function closestName(input: string, candidates: Iterable<string>): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of candidates) {
    if (name === input) return undefined;
    const distance = editDistance(input, name);
    const prefix = input.length > 0 && name.startsWith(input);
    if (distance > 2 && !prefix) continue;
    // A prefix counts as close as a single edit; ties go to the alphabetically first.
    const score = prefix ? Math.min(distance, 1) : distance;
    if (!best || score < best.score || (score === best.score && name < best.name)) {
      best = { name, score };
    }
  }
  return best?.name;
}
