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
  sinks: SecretSinkFlags;
}
