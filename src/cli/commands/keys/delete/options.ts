export interface KeysDeleteOptions {
  keys: string[];
  expired: boolean;
  dryRun: boolean;
}
