/** Typed options of the `keys` verbs: what register.ts produces and the bodies consume. */

export type KeyTypeFlag = 'TENANT' | 'API' | 'USER';
export type StatusFlag = 'ACTIVE' | 'INACTIVE';
export type SortField = 'name' | 'created' | 'expires' | 'status' | 'type';

/** Filters shared by `list`, `rotate --all` and `check`. */
export interface KeyFilters {
  type?: KeyTypeFlag;
  status?: StatusFlag;
  expired?: boolean;
  expiringWithinMs?: number;
  /** Glob over key names (`*`, `?`). */
  name?: string;
  /** Only keys of this user id (user-level keys). */
  user?: string;
}

/** Where a newly generated secret goes (section 7 of the contract). */
export interface SecretSinkFlags {
  /** undefined = the default (clipboard on an interactive terminal). */
  copy?: boolean;
  secretFile?: string;
  force: boolean;
  /** Command and arguments given after `--exec --`. */
  exec?: string[];
  clearAfterMs?: number;
}

export interface KeysAddOptions {
  name?: string;
  description?: string;
  type?: 'TENANT' | 'API';
  /** Raw `--expires` text: parsed against the clock in the body. */
  expires?: string;
  groups: string[];
  roles: string[];
  user?: string;
  dryRun: boolean;
  sinks: SecretSinkFlags;
}

export interface KeysListOptions extends KeyFilters {
  sort?: SortField;
  desc: boolean;
  limit?: number;
}

export interface KeyRefOptions {
  key: string;
}

export interface KeysRotateOptions extends KeyFilters {
  key?: string;
  all: boolean;
  graceMs?: number;
  verify: boolean;
  concurrency: number;
  secretDir?: string;
  dryRun: boolean;
  sinks: SecretSinkFlags;
}

export interface KeysExpireOptions {
  key: string;
  inMs?: number;
  /** Raw `--on` text: a date or RFC 3339 time. */
  on?: string;
  never: boolean;
  dryRun: boolean;
}

export interface KeysAssignOptions {
  key: string;
  groups: string[];
  roles: string[];
  removeGroups: string[];
  removeRoles: string[];
  replace: boolean;
  dryRun: boolean;
}

export interface KeysStateOptions {
  key: string;
  dryRun: boolean;
}

export interface KeysDeleteOptions {
  keys: string[];
  expired: boolean;
  dryRun: boolean;
}

export interface KeysCopyOptions {
  key?: string;
  secretStdin: boolean;
  print: boolean;
  clearAfterMs?: number;
}

export interface KeysCheckOptions {
  withinMs: number;
}
