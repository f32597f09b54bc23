/** The warning printed on every command that sends a credential over plain http to a remote host. */
export function insecureWarning(url: string): string {
  return `plain http to ${new URL(url).host}: the secret and tokens travel in clear (--insecure-http)`;
}
