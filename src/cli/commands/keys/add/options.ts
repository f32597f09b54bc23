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
  dryRun: boolean;
  sinks: SecretSinkFlags;
}
