/** Typed options of `login`: what register.ts produces and the body consumes. */

export interface LoginOptions {
  accessKey?: string;
  secretStdin: boolean;
  credentialStdin: boolean;
  fromClipboard: boolean;
  /** Check the credential against the service, save nothing. */
  dryRun: boolean;
  /** `--proxy <url>`: pinned in the profile; `''` removes a pinned one. */
  proxy?: string;
  /** `--ca-file <pem>`: trusted for this profile's portal; `''` removes it. */
  caFile?: string;
  /** Allow plain http to a host that is not loopback (saved with the profile). */
  insecureHttp: boolean;
}
