// proxy-from-env 2.x ships no types: its one export, as its README documents it.
declare module 'proxy-from-env' {
  /** The proxy URL for `url` from *_PROXY / NO_PROXY in process.env; '' for a direct connection. */
  export function getProxyForUrl(url: string | URL): string;
}
