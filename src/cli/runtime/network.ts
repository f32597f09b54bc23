import { readFile } from 'node:fs/promises';
import type { FetchLike } from '../../api/attempt-fetch.js';
import { createNodeFetch } from '../../api/node-fetch.js';
import { chooseProxy, type ProxyChoice, proxyLabel } from '../../api/proxy.js';
import { UsageError } from '../../core/errors.js';
import type { CommandContext } from './context.js';

/** How a profile reaches its portal (README "Corporate networks"). */
export interface NetworkSettings {
  /** A pinned proxy (the profile's, or `login --proxy`). */
  proxy?: string | undefined;
  /** A CA file to trust (the profile's, or `login --ca-file`). */
  caFile?: string | undefined;
}

export interface Network {
  fetch: FetchLike;
  proxy: ProxyChoice;
}

/**
 * The fetch for one portal: the proxy chosen once (pinned, else the environment's), the CA
 * file read once. `--debug` names the proxy by scheme, host and port only.
 *
 * @throws UsageError when the CA file cannot be read or holds no certificate (exit 2).
 */
export async function portalNetwork(
  ctx: CommandContext,
  baseUrl: string,
  settings: NetworkSettings,
): Promise<Network> {
  const caPem = settings.caFile === undefined ? undefined : await readCaFile(settings.caFile);
  const proxy = await chooseProxy(new URL(baseUrl), settings.proxy);
  ctx.printer.debug(
    `network: ${describeProxy(proxy)}${caPem ? `, CA file ${settings.caFile}` : ''}`,
  );
  return { fetch: createNodeFetch({ proxy, caPem }), proxy };
}

/** `proxy http://host:3128 (HTTPS_PROXY)`, `direct (NO_PROXY)`, `direct`. */
export function describeProxy(proxy: ProxyChoice): string {
  if (proxy.url === undefined) return proxy.source === 'NO_PROXY' ? 'direct (NO_PROXY)' : 'direct';
  return `proxy ${proxyLabel(proxy.url)} (${proxy.source})`;
}

async function readCaFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the CA file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      { hint: 'log in again with --ca-file <pem>, or --ca-file "" to stop using one' },
    );
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError(`the CA file ${path} holds no PEM certificate`, {
      hint: 'export the CA as PEM (-----BEGIN CERTIFICATE-----)',
    });
  }
  return text;
}
