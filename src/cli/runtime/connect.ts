import { createImsClient } from '../../api/client.js';
import type { ProxyChoice } from '../../api/proxy.js';
import type { LoginCredential } from '../../api/session-types.js';
import { configDir } from '../../config/paths.js';
import type { Settings } from '../../config/settings.js';
import { isInsecureRemote } from '../../core/url-origin.js';
import type { UserInfo } from '../../wire/types.js';
import type { Connection } from './connection.js';
import type { CommandContext } from './context.js';
import { insecureWarning } from './insecure-http.js';
import { portalNetwork } from './network.js';
import { fileTokenStore } from './token-store.js';
import { traceLine } from './trace.js';

/** Administrators can act on every key of the tenant (docs/design.md §4). */
const ADMIN_PERMISSIONS = new Set(['*', 'ims:access_keys:manage']);

export interface ConnectOptions {
  /** Aborts every request of a remote connection (shell completion's deadline). */
  signal?: AbortSignal | undefined;
}

export async function connect(
  ctx: CommandContext,
  options: ConnectOptions = {},
): Promise<Connection> {
  const { settings } = await ctx.settings();
  const local = settings.mode === 'local';
  if (!local && settings.url.value !== undefined && isInsecureRemote(settings.url.value)) {
    ctx.printer.warn(insecureWarning(settings.url.value));
  }
  const target = local
    ? await openLocal(ctx, settings)
    : await remoteTarget(ctx, settings, options.signal);
  const identity = {
    url: target.baseUrl,
    tenantId: target.credential.tenantId ?? '',
    accessKey: target.credential.accessKey,
  };
  const client = createImsClient({
    baseUrl: target.baseUrl,
    credential: target.credential,
    fetch: target.fetch,
    timeoutMs: settings.timeoutMs.value,
    tokenStore: settings.cacheTokens
      ? fileTokenStore(configDir(ctx.env), identity, ctx.now)
      : undefined,
    onTrace: ctx.printer.debugEnabled ? (event) => ctx.printer.debug(traceLine(event)) : undefined,
    now: ctx.now,
    signal: ctx.signal,
  });
  let info: Promise<UserInfo> | undefined;
  const userinfo = () => {
    info ??= client.userinfo();
    return info;
  };
  return {
    client,
    settings,
    local,
    credential: target.credential,
    ...(target.proxy ? { proxy: target.proxy } : {}),
    userinfo,
    isAdmin: async () => (await userinfo()).permissions.some((p) => ADMIN_PERMISSIONS.has(p)),
    close: async () => target.close?.(),
  };
}

interface Target {
  baseUrl: string;
  credential: LoginCredential;
  fetch?: (request: Request) => Promise<Response> | Response;
  proxy?: ProxyChoice;
  close?: () => void;
}

async function remoteTarget(
  ctx: CommandContext,
  settings: Settings,
  signal: AbortSignal | undefined,
): Promise<Target> {
  // requireCredentials (config) has already guaranteed these.
  const credential: LoginCredential = {
    accessKey: settings.accessKey.value as string,
    secretKey: (settings.secretKey.value as { reveal(): string }).reveal(),
    tenantId: settings.tenantId.value,
  };
  const baseUrl = settings.url.value as string;
  const network = await portalNetwork(ctx, baseUrl, {
    proxy: settings.proxy.value,
    caFile: settings.caFile.value,
  });
  const target: Target = { baseUrl, credential, fetch: network.fetch, proxy: network.proxy };
  if (signal !== undefined) {
    // Both signals: ky's per-try timeout, and the caller's deadline for the whole connection.
    target.fetch = (request) =>
      network.fetch(new Request(request, { signal: AbortSignal.any([request.signal, signal]) }));
  }
  return target;
}

async function openLocal(ctx: CommandContext, settings: Settings): Promise<Target> {
  const { openLocalEmulator } = await import('./local-emulator.js');
  return openLocalEmulator(ctx, settings);
}
