import { UsageError } from '../../core/errors.js';
import { ExitCode } from '../../core/exit-codes.js';
import type { Io } from '../../output/io.js';
import { printError } from '../../output/print-error.js';
import { CommanderError } from './commander.js';
import type { RunState } from './run-state.js';

/** Turns a failed run into its exit code, printing the error (loaded only when one happens). */
export function report(error: unknown, io: Io, state: RunState, args: string[]): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
      return ExitCode.OK;
    // `helixctl keys` without a verb: commander already printed the help on stderr.
    if (error.code === 'commander.help') return ExitCode.USAGE;
    error = commanderToUsage(error);
  }
  const json =
    state.globals?.json ??
    (args.includes('--json') || /^-o\s*json|--output[= ]json/.test(args.join(' ')));
  const debug = (state.globals?.debug ?? args.includes('--debug')) || io.env.HELIXCTL_DEBUG === '1';
  return printError(state.printer ?? io, error, {
    json,
    debug,
    noColor: args.includes('--no-color'),
  });
}

/** `error: unknown option '--fo'\n(Did you mean --for?)` becomes a message and a hint. */
function commanderToUsage(error: CommanderError): UsageError {
  const [first = error.message, ...rest] = error.message.replace(/^error:\s*/, '').split('\n');
  const hint = rest
    .join(' ')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  return new UsageError(first.trim(), { hint: hint || 'see --help', code: 'USAGE' });
}
