import type { OutputFormat } from '../core/output-format.js';
import type { Redacted } from '../core/redacted.js';
import type { Profile, ProfilesFile } from './profile-schema.js';

/** Where a setting came from, as `whoami` shows it. */
export type SettingSource = 'flag' | 'env' | 'file' | 'default' | 'built-in';

export interface Sourced<T> {
  value: T;
  source: SettingSource;
}

/**
 * `local`: the in-process emulator. `profile`: a stored profile. `env`: credentials from the
 * environment, no stored profile (CI). `none`: nothing to log in with (only when the caller
 * said credentials are not required, e.g. `login` itself).
 */
export type SettingsMode = 'local' | 'profile' | 'env' | 'none';

/** The global options of docs/cli-contract.md §2, as commander parsed them (raw strings). */
export interface GlobalFlags {
  profile?: string | undefined;
  url?: string | undefined;
  tenant?: string | undefined;
  /** `login --access-key`. */
  accessKey?: string | undefined;
  output?: string | undefined;
  json?: boolean | undefined;
  timeout?: string | undefined;
}

/** The config folder's content, already read (see `loadSettings`). */
export interface LoadedFiles {
  profiles: ProfilesFile;
  /** Secret keys by profile name. */
  secrets: Readonly<Record<string, Redacted>>;
}

/** The effective settings. `secretKey.value` is wrapped: show its source, never its value. */
export interface Settings {
  mode: SettingsMode;
  profile: Sourced<string | undefined>;
  url: Sourced<string | undefined>;
  tenantId: Sourced<string | undefined>;
  accessKey: Sourced<string | undefined>;
  secretKey: Sourced<Redacted | undefined>;
  output: Sourced<OutputFormat>;
  timeoutMs: Sourced<number>;
  /** The profile's pinned proxy (`file`), else none: the environment's proxy is chosen later. */
  proxy: Sourced<string | undefined>;
  /** The profile's CA file (`file`), else none. */
  caFile: Sourced<string | undefined>;
  /** Whether tokens may be cached on disk: always with a profile, with env only if HELIXCTL_CACHE=1. */
  cacheTokens: boolean;
}

/** Which profile is in force and why (an intermediate step of resolveSettings). */
export interface ProfileChoice {
  mode: SettingsMode;
  name: string | undefined;
  source: SettingSource;
  stored: Profile | undefined;
}
