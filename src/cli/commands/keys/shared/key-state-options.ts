export interface KeysStateOptions {
  key: string;
  dryRun: boolean;
}
