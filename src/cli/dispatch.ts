import type { Command } from 'commander';
import type { LoginOptions, LogoutOptions } from './commands/auth/login/options.js';
import type { CompletionOptions } from './commands/completion/completion/options.js';
import type {
  KeyRefOptions,
  KeysAddOptions,
  KeysAssignOptions,
  KeysCheckOptions,
  KeysCopyOptions,
  KeysDeleteOptions,
  KeysExpireOptions,
  KeysListOptions,
  KeysRotateOptions,
  KeysStateOptions,
} from './commands/keys/shared/options.js';
import type { ProfileNameOptions } from './commands/profiles/shared/profile-name-options.js';
import type { ServeOptions } from './commands/serve/serve/options.js';

/** Every command, keyed by its words, with the typed options its body receives. */
export interface CommandOptionsMap {
  login: LoginOptions;
  logout: LogoutOptions;
  whoami: Record<string, never>;
  'profiles list': Record<string, never>;
  'profiles use': ProfileNameOptions;
  'profiles remove': ProfileNameOptions;
  'keys add': KeysAddOptions;
  'keys list': KeysListOptions;
  'keys show': KeyRefOptions;
  'keys rotate': KeysRotateOptions;
  'keys expire': KeysExpireOptions;
  'keys assign': KeysAssignOptions;
  'keys activate': KeysStateOptions;
  'keys deactivate': KeysStateOptions;
  'keys delete': KeysDeleteOptions;
  'keys copy': KeysCopyOptions;
  'keys permissions': KeyRefOptions;
  'keys check': KeysCheckOptions;
  serve: ServeOptions;
  completion: CompletionOptions;
}

export type CommandId = keyof CommandOptionsMap;

/**
 * Called by the commander wiring with parsed, typed options. Production dispatch lazily
 * imports the command body; the parse-layer tests pass one that records the call.
 */
export type Dispatch = <K extends CommandId>(
  id: K,
  options: CommandOptionsMap[K],
  command: Command,
) => Promise<void>;
