import type { Command } from 'commander';

/** `--dry-run`, worded the same for every `keys` verb that changes something. */
export function addDryRun(command: Command): Command {
  return command.option('--dry-run', 'show what would change, change nothing');
}
