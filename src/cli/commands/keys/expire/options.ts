export interface KeysExpireOptions {
  key: string;
  /** Raw `--in` text: a duration, read by the one expiry rule (core/expiry.ts). */
  in?: string;
  /** Raw `--on` text: a date or RFC 3339 time. */
  on?: string;
  never: boolean;
  dryRun: boolean;
}
