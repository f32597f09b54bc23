/**
 * The exit codes of docs/cli-contract.md §8. Scripts depend on these numbers:
 * never renumber, only add. Pinned by test/unit/core/exit-codes.test.ts.
 */
export const ExitCode = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  NOT_AUTHENTICATED: 3,
  FORBIDDEN: 4,
  NOT_FOUND: 5,
  REFUSED: 6,
  SERVICE: 7,
  INPUT_NEEDED: 8,
  PARTIAL_FAILURE: 9,
  KEYS_EXPIRING: 10,
  CANCELLED: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODE_MEANINGS: Readonly<Record<ExitCode, string>> = {
  0: 'success',
  1: 'unexpected internal error',
  2: 'usage: unknown command or flag, bad value, ambiguous key name',
  3: 'not authenticated: no credentials, login failed, 401 after refresh',
  4: 'permission denied (403)',
  5: 'not found (404)',
  6: 'refused by a rule: key limit, non-deletable, <tenant id>@ rotation, other 400/409',
  7: 'network or service failure: connection, DNS, TLS, timeout, 5xx or 429 after retries',
  8: 'input needed but not interactive (a prompt, a confirmation, a clipboard for keys copy)',
  9: 'partial failure of a bulk command',
  10: 'keys check found expired or expiring keys',
  130: 'cancelled by the user',
};
