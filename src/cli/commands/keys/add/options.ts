import type { SecretSinkFlags } from '../shared/secret-sink-flags.js';

export interface KeysAddOptions {
  name?: string;
  description?: string;
  type?: 'TENANT' | 'API';
  /** Raw `--expires` text: parsed against the clock in the body. */
  expires?: string;
  groups: string[];
  roles: string[];
  user?: string;
  /** Create even when a live key already has this name (README "Key lifecycle"). */
  allowDuplicateName: boolean;
  dryRun: boolean;
  sinks: SecretSinkFlags;
}
