export type KeyTypeFlag = 'TENANT' | 'API' | 'USER';

export type StatusFlag = 'ACTIVE' | 'INACTIVE';

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
