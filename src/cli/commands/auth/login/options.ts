/** Typed options of `login`, `logout` and `whoami`: what register.ts produces. */

export interface LoginOptions {
  accessKey?: string;
  secretStdin: boolean;
  credentialStdin: boolean;
  fromClipboard: boolean;
  /** Check the credential against the service, save nothing. */
  dryRun: boolean;
}

export interface LogoutOptions {
  dryRun: boolean;
}
