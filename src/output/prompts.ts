import { DeclinedError, InputNeededError } from '../core/errors.js';
import type { Io } from './io.js';
import { runPrompt } from './prompt-runner.js';
import { PLAIN_THEME } from './prompt-theme.js';
import { sanitizeInline } from './sanitize.js';

export { readSecretFromStdin } from './stdin-secret.js';

/** What every prompt takes. */
export interface AskOptions {
  /** Shown to the user; made terminal-safe before display. */
  message: string;
  /** The flag that supplies the value without a prompt, named in the non-interactive error. */
  flag: string;
  /** What is missing, for `<what> is required: pass <flag>`; defaults to the message. */
  what?: string | undefined;
}

export interface InputOptions extends AskOptions {
  default?: string | undefined;
  /** `true` accepts; a string is shown as the reason and the prompt asks again. */
  validate?: (value: string) => boolean | string | Promise<boolean | string>;
}

export interface PasswordOptions extends AskOptions {
  /** As for input: a string is the reason shown (it must never quote the value). */
  validate?: (value: string) => boolean | string;
}

export interface Choice<T> {
  name: string;
  value: T;
  description?: string | undefined;
}

export interface SelectOptions<T> extends AskOptions {
  choices: readonly Choice<T>[];
  default?: T | undefined;
}

export interface ConfirmOptions extends Omit<AskOptions, 'flag'> {
  default?: boolean | undefined;
  /** Defaults to `--yes`. */
  flag?: string | undefined;
}

/** Asks the user things, or refuses with exit 8 naming the flag when it may not ask. */
export interface Prompter {
  readonly interactive: boolean;
  input(options: InputOptions): Promise<string>;
  select<T>(options: SelectOptions<T>): Promise<T>;
  /** Resolves on yes (at once with `--yes`); answering no throws DeclinedError (exit 130). */
  confirm(options: ConfirmOptions): Promise<void>;
  /** Hidden input, never echoed; empty answers are refused, then `validate` is applied. */
  password(options: PasswordOptions): Promise<string>;
}

export interface PrompterOptions {
  io: Pick<Io, 'stdin' | 'stderr'>;
  /** From `isInteractive()`: false means every prompt throws InputNeededError. */
  interactive: boolean;
  /** `-y, --yes`: confirmations pass without asking. */
  yes?: boolean | undefined;
  /** Whether stderr takes colour; false gives inquirer a plain theme. */
  color?: boolean | undefined;
  /** Aborted on SIGINT: an open prompt closes with CancelledError (exit 130). */
  interrupt?: AbortSignal | undefined;
}

/**
 * Prompts through @inquirer/prompts (loaded on first use), rendered on stderr so stdout stays
 * data. The TTY check happens before inquirer loads: on closed stdin inquirer would reject with
 * ExitPromptError and Node 20 would exit 0 (docs/cli-contract.md §9).
 */
export function createPrompter(options: PrompterOptions): Prompter {
  const { io, interrupt } = options;
  const theme = options.color === false ? { theme: PLAIN_THEME } : {};
  const guard = (asked: Omit<AskOptions, 'flag'>, flag: string) => {
    if (options.interactive) return;
    const what = asked.what ?? asked.message.replace(/[\s?:]+$/, '');
    throw new InputNeededError(`${sanitizeInline(what)} is required: pass ${flag}`);
  };
  const message = (asked: { message: string }) => sanitizeInline(asked.message);

  return {
    interactive: options.interactive,
    async input(asked) {
      guard(asked, asked.flag);
      const config = { message: message(asked), ...theme, ...pick(asked, 'default', 'validate') };
      return runPrompt(io, (p, context) => p.input(config, context), interrupt);
    },
    async select<T>(asked: SelectOptions<T>) {
      guard(asked, asked.flag);
      const choices = asked.choices.map((c) => ({
        name: sanitizeInline(c.name),
        value: c.value,
        ...(c.description === undefined ? {} : { description: sanitizeInline(c.description) }),
      }));
      const preset = asked.default === undefined ? {} : { default: asked.default };
      const config = { message: message(asked), choices, ...theme, ...preset };
      return runPrompt(io, (p, context) => p.select<T>(config, context), interrupt);
    },
    async confirm(asked) {
      if (options.yes === true) return;
      guard({ ...asked, what: asked.what ?? 'confirmation' }, asked.flag ?? '--yes');
      const config = { message: message(asked), default: asked.default ?? false, ...theme };
      const yes = await runPrompt(io, (p, context) => p.confirm(config, context), interrupt);
      if (!yes) throw new DeclinedError();
    },
    async password(asked) {
      guard(asked, asked.flag);
      const validate = (value: string) =>
        value.length === 0 ? 'a value is required' : (asked.validate?.(value) ?? true);
      const config = { message: message(asked), validate, ...theme };
      return runPrompt(io, (p, context) => p.password(config, context), interrupt);
    },
  };
}

/** Copies the named keys that are set: `exactOptionalPropertyTypes` forbids passing undefined. */
function pick<T extends object, K extends keyof T>(source: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
