/** Typed options of `login`: what register.ts produces and the body consumes. */

export interface LoginOptions {
  accessKey?: string;
  secretStdin: boolean;
  credentialStdin: boolean;
  fromClipboard: boolean;
  /** Check the credential against the service, save nothing. */
  dryRun: boolean;
  /** Allow plain http to a host that is not loopback (saved with the profile). */
  insecureHttp: boolean;
}
