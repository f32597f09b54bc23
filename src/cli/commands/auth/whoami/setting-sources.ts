import { type ProxyChoice, proxyLabel } from '../../../../api/proxy.js';
import type { SettingSource, Settings, Sourced } from '../../../../config/settings.js';
import { formatDuration } from '../../../../core/duration-format.js';
import type { Env } from '../../../../core/env.js';

/** The settings `whoami` shows, in order, with how to name each one's origin. */
export type SettingName =
  | 'profile'
  | 'url'
  | 'tenant'
  | 'accessKey'
  | 'secretKey'
  | 'output'
  | 'timeout'
  | 'proxy'
  | 'caFile';

/** One setting as `whoami` shows it: a printable value and where it came from. */
export interface SettingRow {
  name: SettingName;
  label: string;
  /** JSON value: never the secret (undefined for it). */
  value: string | number | null | undefined;
  shown: string;
  source: SettingSource;
  /** `flag --url`, `env HELIX_URL`, `file credentials.json`… */
  origin: string;
  /** The proxy's: the variable (or `profile`) that chose it, `NO_PROXY`, or `none`. */
  from?: string;
}

const FLAGS: Record<SettingName, string> = {
  profile: '--profile',
  url: '--url',
  tenant: '--tenant',
  accessKey: '--access-key',
  secretKey: '--secret-stdin',
  output: '--json/--output',
  timeout: '--timeout',
  proxy: 'login --proxy',
  caFile: 'login --ca-file',
};

/** Every setting with its value (the secret: only whether one is set) and its origin. */
export function settingRows(
  settings: Settings,
  env: Env,
  proxy?: ProxyChoice | undefined,
): SettingRow[] {
  const text = (value: string | undefined) => value ?? '(none)';
  const plain = (name: SettingName, label: string, s: Sourced<string | undefined>) =>
    row(name, label, s, text(s.value), s.value ?? null);
  const row = (
    name: SettingName,
    label: string,
    s: Sourced<unknown>,
    shown: string,
    value: SettingRow['value'],
  ): SettingRow => ({
    name,
    label,
    value,
    shown,
    source: s.source,
    origin: origin(name, s.source, env),
  });
  const { url, secretKey, output, timeoutMs } = settings;
  const local = settings.mode === 'local';
  return [
    plain('profile', 'profile', settings.profile),
    row(
      'url',
      'url',
      url,
      local ? 'in-process local emulator' : text(url.value),
      url.value ?? null,
    ),
    plain('tenant', 'tenant id', settings.tenantId),
    plain('accessKey', 'access key', settings.accessKey),
    row(
      'secretKey',
      'secret key',
      secretKey,
      secretKey.value ? 'set (hidden)' : '(none)',
      undefined,
    ),
    row('output', 'output', output, output.value, output.value),
    row('timeout', 'timeout', timeoutMs, formatDuration(timeoutMs.value), timeoutMs.value),
    ...(local ? [] : [proxyRow(proxy), plain('caFile', 'CA file', settings.caFile)]),
  ];
}

/** Which proxy is in force and what chose it (README "Corporate networks"). */
function proxyRow(proxy: ProxyChoice | undefined): SettingRow {
  const base = { name: 'proxy' as const, label: 'proxy', from: proxy?.source ?? 'none' };
  if (proxy?.url !== undefined) {
    const label = proxyLabel(proxy.url);
    return proxy.source === 'profile'
      ? { ...base, value: label, shown: label, source: 'file', origin: 'file config.json' }
      : { ...base, value: label, shown: label, source: 'env', origin: `env ${proxy.source}` };
  }
  if (proxy?.source === 'NO_PROXY') {
    const shown = 'none (NO_PROXY lists the portal)';
    return { ...base, value: null, shown, source: 'env', origin: 'env NO_PROXY' };
  }
  return { ...base, value: null, shown: '(none)', source: 'default', origin: 'default' };
}

function origin(name: SettingName, source: SettingSource, env: Env): string {
  switch (source) {
    case 'flag':
      return `flag ${FLAGS[name]}`;
    case 'env':
      return `env ${envName(name, env)}`;
    case 'file':
      return name === 'secretKey' ? 'file credentials.json' : 'file config.json';
    default:
      return source;
  }
}

/** The variable a value came from: the specific one when set, else HELIX_CREDENTIAL. */
function envName(name: SettingName, env: Env): string {
  const specific: Partial<Record<SettingName, string>> = {
    profile: 'HELIXCTL_PROFILE',
    url: 'HELIX_URL',
    tenant: 'HELIX_TENANT_ID',
    accessKey: 'HELIX_ACCESS_KEY',
    secretKey: 'HELIX_SECRET_KEY',
    output: 'HELIXCTL_OUTPUT',
  };
  const variable = specific[name] ?? 'environment';
  if (env[variable]) return variable;
  return env.HELIX_CREDENTIAL ? 'HELIX_CREDENTIAL' : variable;
}
