/**
 * Which proxy a request goes through, and why (docs/design.md §5; README "Corporate networks").
 * The environment's rules (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY, either case, lower
 * case first) are proxy-from-env's, not ours; this module only names the variable that won
 * and puts a profile's pinned proxy first.
 */

/** Where the proxy in force came from; `NO_PROXY` means a proxy variable was set but bypassed. */
export type ProxySource =
  | 'profile'
  | 'https_proxy'
  | 'HTTPS_PROXY'
  | 'http_proxy'
  | 'HTTP_PROXY'
  | 'all_proxy'
  | 'ALL_PROXY'
  | 'NO_PROXY'
  | 'none';

export interface ProxyChoice {
  /** The proxy URL (credentials included: never print it, print {@link proxyLabel}). */
  url: URL | undefined;
  source: ProxySource;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The variables proxy-from-env reads for `protocol`, in its order of precedence. */
function candidates(protocol: string): ProxySource[] {
  const proto = protocol.replace(/:$/, '');
  const own = proto === 'https' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  return [...own, 'all_proxy', 'ALL_PROXY'] as ProxySource[];
}

/** True when no proxy variable is set at all: the agents and proxy-from-env need not load. */
export function noProxyVariables(target: URL, env: Env = process.env): boolean {
  return candidates(target.protocol).every((name) => !env[name]);
}

/**
 * The proxy for `target`. A profile's pinned proxy wins over the environment (and over
 * NO_PROXY: the profile names one portal, and pinning a proxy for it is explicit). Otherwise
 * proxy-from-env decides from process.env. Loopback targets get no special case (curl's rule):
 * list them in NO_PROXY, as most CI runners do.
 */
export async function chooseProxy(target: URL, pinned: string | undefined): Promise<ProxyChoice> {
  if (pinned !== undefined) return { url: new URL(pinned), source: 'profile' };
  if (noProxyVariables(target)) return { url: undefined, source: 'none' };
  const { getProxyForUrl } = await import('proxy-from-env');
  const chosen = getProxyForUrl(target);
  if (!chosen) return { url: undefined, source: 'NO_PROXY' };
  const source =
    candidates(target.protocol).find((name) => process.env[name]) ?? ('none' as ProxySource);
  return { url: new URL(chosen), source };
}

/** The proxy as it may be shown: scheme, host and port; never the user or the password. */
export function proxyLabel(url: URL): string {
  return `${url.protocol}//${url.host}`;
}
