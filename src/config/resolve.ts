import type { Env } from '../core/env.js';
import { AuthError } from '../core/errors.js';
import { resolveOutputFormat } from '../core/output-format.js';
import { quoteForMessage } from '../core/quote.js';
import { closestName } from '../core/suggest.js';
import { type EnvValues, readEnvValues } from './env-values.js';
import { LOCAL_PROFILE, validateProfileName } from './profile-schema.js';
import { requireCredentials } from './require-credentials.js';
import { resolveFields } from './resolve-fields.js';
import { resolveTimeout } from './resolve-timeout.js';
import type {
  GlobalFlags,
  LoadedFiles,
  ProfileChoice,
  SettingSource,
  Settings,
  Sourced,
} from './settings.js';

export interface ResolveInput {
  flags: GlobalFlags;
  env: Env;
  files: LoadedFiles;
  /** Picks the default output: `table` on a TTY, `tsv` otherwise. */
  stdoutIsTty?: boolean;
  /** Default true: throw AuthError when there is nothing to log in with. */
  requireCredentials?: boolean;
}

/**
 * The effective settings, each with its source. Precedence: flags, then environment, then the
 * profile file, then defaults (docs/cli-contract.md §3). A profile chosen by `--profile` or
 * `HELIXCTL_PROFILE` wins; otherwise complete credentials in the environment
 * (`HELIX_CREDENTIAL`, or `HELIX_ACCESS_KEY` + `HELIX_SECRET_KEY`) select env mode and the
 * files are not consulted at all; otherwise config.json's `current_profile`. An access key and
 * a secret always come as a pair from one source. Pure: no I/O, no clock.
 *
 * @throws UsageError for a bad flag or variable (naming it); AuthError when nothing can log in
 *   and credentials are required (never a silent fall-back to `local`).
 */
export function resolveSettings(input: ResolveInput): Settings {
  const { flags, files } = input;
  const env = readEnvValues(input.env);
  // The one output rule (core), as the printer applies it, here with its source for whoami.
  const output = resolveOutputFormat({
    json: flags.json,
    output: flags.output,
    envOutput: env.output,
    stdoutIsTTY: input.stdoutIsTty ?? false,
  });
  const timeoutMs = resolveTimeout(flags);
  const choice = chooseProfile(flags, env, files);
  const fields = resolveFields(choice, flags, env, files);
  const settings: Settings = {
    mode: choice.mode,
    profile: { value: choice.name, source: choice.source },
    ...fields,
    output,
    timeoutMs,
    proxy: stored(choice.stored?.proxy),
    caFile: stored(choice.stored?.ca_file),
    cacheTokens: choice.mode === 'env' ? env.cache : true,
  };
  if (input.requireCredentials ?? true) requireCredentials(settings, input.env);
  return settings;
}

/** True when the config files matter: a loader may skip reading them otherwise (env mode). */
export function needsFiles(flags: GlobalFlags, env: Env): boolean {
  const values = readEnvValues(env);
  const explicit = flags.profile ?? values.profile;
  return explicit !== undefined || values.accessKey === undefined || values.secretKey === undefined;
}

function stored(value: string | undefined): Sourced<string | undefined> {
  return value === undefined ? { value, source: 'default' } : { value, source: 'file' };
}

function chooseProfile(flags: GlobalFlags, env: EnvValues, files: LoadedFiles): ProfileChoice {
  const { profiles, current_profile: current } = files.profiles;
  const envComplete = env.accessKey !== undefined && env.secretKey !== undefined;
  const picked =
    explicitProfile(flags, env) ??
    (envComplete || current === undefined ? undefined : { name: current, source: 'file' as const });
  if (!picked) {
    return {
      mode: envComplete ? 'env' : 'none',
      name: undefined,
      source: 'default',
      stored: undefined,
    };
  }
  const stored = Object.hasOwn(profiles, picked.name) ? profiles[picked.name] : undefined;
  if (picked.name === LOCAL_PROFILE) return { mode: 'local', ...picked, stored };
  if (!stored) throw missingProfile(picked.name, picked.source, Object.keys(profiles));
  return { mode: 'profile', ...picked, stored };
}

function explicitProfile(flags: GlobalFlags, env: EnvValues) {
  if (flags.profile !== undefined) {
    return { name: validateProfileName(flags.profile, '--profile value'), source: 'flag' as const };
  }
  return env.profile === undefined ? undefined : { name: env.profile, source: 'env' as const };
}

function missingProfile(name: string, source: SettingSource, saved: string[]): AuthError {
  const where =
    source === 'flag'
      ? '--profile'
      : source === 'env'
        ? 'HELIXCTL_PROFILE'
        : 'current_profile in config.json';
  // A typo (`prd` for `prod`) gets the saved name it most likely meant, on the one hint line.
  const near = closestName(name, [...saved, LOCAL_PROFILE]);
  const guess = near === undefined ? '' : `did you mean ${quoteForMessage(near)}? else `;
  return new AuthError(`no profile named ${quoteForMessage(name)} (from ${where})`, {
    hint: `${guess}log in with: helixctl login --profile ${name}, or see: helixctl profiles list`,
  });
}
