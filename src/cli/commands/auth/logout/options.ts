/** Typed options of `logout`. */
export interface LogoutOptions {
  dryRun: boolean;
}
