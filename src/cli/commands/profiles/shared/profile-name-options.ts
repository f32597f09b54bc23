/** Typed options of `profiles use` and `profiles remove`. */
export interface ProfileNameOptions {
  name: string;
  /** Say what would change, change nothing. */
  dryRun: boolean;
}
