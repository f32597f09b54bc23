export interface KeysStateOptions {
  key: string;
  dryRun: boolean;
  /** `deactivate --force`: also the key this profile logs in with. */
  force?: boolean;
}
