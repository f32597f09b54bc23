import type { Env } from '../../config/paths.js';
import type { SettingSource, Settings, Sourced } from '../../config/settings.js';
import { formatDuration } from '../../core/duration-format.js';

/** The settings `whoami` shows, in order, with how to name each one's origin. */
export type SettingName =
  | 'profile'
  | 'url'
  | 'tenant'
  | 'accessKey'
  | 'secretKey'
  | 'output'
  | 'timeout';

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
}

const FLAGS: Record<SettingName, string> = {
  profile: '--profile',
  url: '--url',
  tenant: '--tenant',
  accessKey: '--access-key',
  secretKey: '--secret-stdin',
  output: '--json/--output',
  timeout: '--timeout',
};

/** Every setting with its value (the secret: only whether one is set) and its origin. */
export function settingRows(settings: Settings, env: Env): SettingRow[] {
  const local = settings.mode === 'local';
  const row = <T>(
    name: SettingName,
    label: string,
    s: Sourced<T>,
    shown: string,
    value: SettingRow['value'],
  ) => ({
    name,
    label,
    value,
    shown,
    source: s.source,
    origin: origin(name, s.source, env),
  });
  const text = (v: string | undefined) => v ?? '(none)';
  return [
    row(
      'profile',
      'profile',
      settings.profile,
      text(settings.profile.value),
      settings.profile.value ?? null,
    ),
    row(
      'url',
      'url',
      settings.url,
      local ? 'in-process local emulator' : text(settings.url.value),
      settings.url.value ?? null,
    ),
    row(
      'tenant',
      'tenant id',
      settings.tenantId,
      text(settings.tenantId.value),
      settings.tenantId.value ?? null,
    ),
    row(
      'accessKey',
      'access key',
      settings.accessKey,
      text(settings.accessKey.value),
      settings.accessKey.value ?? null,
    ),
    row(
      'secretKey',
      'secret key',
      settings.secretKey,
      settings.secretKey.value ? 'set (hidden)' : '(none)',
      undefined,
    ),
    row('output', 'output', settings.output, settings.output.value, settings.output.value),
    row(
      'timeout',
      'timeout',
      settings.timeoutMs,
      formatDuration(settings.timeoutMs.value),
      settings.timeoutMs.value,
    ),
  ];
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
