import type { KeyFilters } from '../shared/key-filters.js';
import type { SecretSinkFlags } from '../shared/secret-sink-flags.js';

export interface KeysRotateOptions extends KeyFilters {
  key?: string;
  all: boolean;
  graceMs?: number;
  verify: boolean;
  concurrency: number;
  secretDir?: string;
  dryRun: boolean;
  /** With --grace: end a previous hand-over of this name that is still within its grace. */
  replaceRetiring: boolean;
  /** Raw `--expires`: the rotated key's new expiry instead of its original period from now. */
  expires?: string;
  sinks: SecretSinkFlags;
}
