import { HelixError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import type { StdoutOutcome } from '../printer.js';

const WHY: Readonly<Record<string, string>> = {
  EPIPE: 'the reader of stdout went away (EPIPE)',
  EBADF: 'stdout is closed (EBADF)',
  DISCARDED: 'stdout is closed or /dev/null',
  ENOSPC: 'no space left on stdout (ENOSPC)',
};

/**
 * What a run's stdout outcome means (docs/security.md, "Secrets on stdout"): a secret counts
 * as delivered only when stdout accepted every byte, so any failure while stdout carried one
 * is exit 9 with one line saying so and what to do (the key exists; rotate it). Without a
 * secret, a reader that went away (`keys list | head -1`) is the reader's choice and stays
 * quiet; any other failure is one line, exit 1, never a stack trace.
 */
export function stdoutOutcomeError(outcome: StdoutOutcome): HelixError | undefined {
  const { failure, secrets } = outcome;
  if (failure === undefined) return undefined;
  const why = WHY[failure] ?? `writing to stdout failed (${failure})`;
  if (secrets.length > 0) {
    const names = secrets.map((name) => JSON.stringify(name)).join(', ');
    const one = secrets.length === 1;
    return new HelixError(
      `the new secret${one ? '' : 's'} of ${names} ${one ? 'was' : 'were'} not delivered: ${why}; ` +
        `the key${one ? ' exists' : 's exist'} with a secret nobody has: rotate ${one ? 'it' : 'them'} ` +
        '(helixctl keys rotate <key>) with stdout going somewhere that keeps it, or use --secret-file',
      ExitCode.PARTIAL_FAILURE,
      'SECRET_NOT_DELIVERED',
    );
  }
  if (failure === 'EPIPE' || failure === 'DISCARDED') return undefined;
  return new HelixError(`could not write to stdout: ${why}`, ExitCode.INTERNAL, 'IO_ERROR');
}
