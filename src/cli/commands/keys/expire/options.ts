export interface KeysExpireOptions {
  key: string;
  inMs?: number;
  /** Raw `--on` text: a date or RFC 3339 time. */
  on?: string;
  never: boolean;
  dryRun: boolean;
}
