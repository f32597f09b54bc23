/**
 * `--name <glob>` matching: `*` any run of characters (also none), `?` exactly one character,
 * `\` makes the next character literal. Everything else is literal: no brackets, no braces.
 * Case-sensitive by default, like key names themselves; pass `ignoreCase` to relax it.
 * Linear-time in practice (no regular expression, so no catastrophic backtracking).
 */
export function matchGlob(
  pattern: string,
  name: string,
  options: { ignoreCase?: boolean } = {},
): boolean {
  const fold = (s: string) => (options.ignoreCase ? s.toLowerCase() : s);
  const tokens = tokenize(fold(pattern));
  const text = Array.from(fold(name));
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const token = tokens[p];
    if (
      token !== undefined &&
      token.kind !== 'star' &&
      (token.kind === 'any' || token.char === text[t])
    ) {
      p += 1;
      t += 1;
    } else if (token?.kind === 'star') {
      starP = p;
      starT = t;
      p += 1;
    } else if (starP >= 0) {
      p = starP + 1;
      starT += 1;
      t = starT;
    } else {
      return false;
    }
  }
  while (tokens[p]?.kind === 'star') p += 1;
  return p === tokens.length;
}

/** True when `pattern` has a wildcard, i.e. is not just a literal name. */
export function isGlobPattern(pattern: string): boolean {
  return tokenize(pattern).some((token) => token.kind !== 'char');
}

type Token = { kind: 'star' } | { kind: 'any' } | { kind: 'char'; char: string };

function tokenize(pattern: string): Token[] {
  const chars = Array.from(pattern);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const c = chars[i] as string;
    if (c === '\\' && i + 1 < chars.length) {
      i += 1;
      tokens.push({ kind: 'char', char: chars[i] as string });
    } else if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'any' });
    } else {
      tokens.push({ kind: 'char', char: c });
    }
  }
  return tokens;
}
