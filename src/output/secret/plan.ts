import { UsageError } from '../../core/errors.js';
import type { SinkPlan } from './types.js';

/** pass(1)'s `PASSWORD_STORE_CLIP_TIME`; `--clear-after`'s default (docs/cli-contract.md §7). */
export const DEFAULT_CLEAR_AFTER_MS = 45_000;

/** `setTimeout`'s ceiling: a longer delay would fire at once, clearing the clipboard early. */
export const MAX_CLEAR_AFTER_MS = 2_147_483_647;

export interface SinkFlags {
  secretFile?: string | undefined;
  force?: boolean | undefined;
  /** Everything after `--exec --`: the command, then its arguments. */
  exec?: readonly string[] | undefined;
  /** `--copy` is true, `--no-copy` is false, neither is undefined (the default applies). */
  copy?: boolean | undefined;
  clearAfterMs?: number | undefined;
}

export interface PlanInput {
  flags: SinkFlags;
  /** Prompts are allowed (a TTY on stdin and stdout, no `--no-input`, no `CI=true`). */
  interactive: boolean;
  stdoutTTY: boolean;
  json: boolean;
}

/**
 * Decides where a new secret goes (docs/cli-contract.md §7). Rules:
 * - the clipboard is on by default only for an interactive terminal in human mode when no
 *   file or exec sink was chosen (an explicit sink says where the user wants the secret);
 *   `--copy` forces it, `--no-copy` disables it;
 * - on a TTY, stdout shows the secret (the box the user reads, next to the clipboard)
 *   unless a file or exec sink was chosen;
 * - without a TTY, stdout carries the secret only when no other sink was chosen;
 * - with `--json` the document is always printed and holds the secret only in those cases.
 * Throws UsageError (exit 2) for an empty `--secret-file` or `--exec`, or a bad delay.
 */
export function planSinks(input: PlanInput): SinkPlan {
  const { flags, stdoutTTY, json } = input;
  const file = planFile(flags);
  const exec = planExec(flags.exec);
  const explicit = file !== undefined || exec !== undefined;
  const clipboard = flags.copy ?? (!json && input.interactive && stdoutTTY && !explicit);
  const secretOnStdout = stdoutTTY ? !explicit : !explicit && !clipboard;
  const stdout = json ? 'json' : secretOnStdout ? 'human' : 'none';
  const clearAfterMs = checkDelay(flags.clearAfterMs ?? DEFAULT_CLEAR_AFTER_MS);
  return {
    ...(file === undefined ? {} : { file }),
    ...(exec === undefined ? {} : { exec }),
    clipboard,
    clearAfterMs: clipboard ? clearAfterMs : 0,
    stdout,
    secretOnStdout,
  };
}

function planFile(flags: SinkFlags): SinkPlan['file'] {
  if (flags.secretFile === undefined) return undefined;
  if (flags.secretFile.trim() === '') throw new UsageError('--secret-file needs a path');
  return { path: flags.secretFile, force: flags.force === true };
}

function planExec(argv: readonly string[] | undefined): SinkPlan['exec'] {
  if (argv === undefined) return undefined;
  const [command, ...args] = argv;
  if (command === undefined || command === '') {
    throw new UsageError('--exec needs a command', {
      hint: 'helixctl keys add --exec -- <cmd> [args…]',
    });
  }
  return { command, args };
}

function checkDelay(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0)
    throw new UsageError('--clear-after must be 0 or a positive duration');
  if (ms > MAX_CLEAR_AFTER_MS) throw new UsageError('--clear-after must be at most 24 days');
  return Math.round(ms);
}
