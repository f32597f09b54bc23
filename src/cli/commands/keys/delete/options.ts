export interface KeysDeleteOptions {
  keys: string[];
  expired: boolean;
  dryRun: boolean;
  /** Delete the caller's own key too (shared/own-credential.ts). */
  force?: boolean;
}
