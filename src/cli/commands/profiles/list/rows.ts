import type { Column } from '../../../../output/columns.js';
import type { OutputMode } from '../../../../output/mode.js';

/** One profile as `profiles list` shows it; JSON prints these objects as they are. */
export interface ProfileRow {
  name: string;
  /** null for `local` (no URL: the in-process emulator) or a profile without one. */
  url: string | null;
  tenant_id: string | null;
  access_key: string | null;
  built_in: boolean;
  /** The default profile (config.json `current_profile`). */
  current: boolean;
  /** The one commands use in this shell (`--profile`, HELIXCTL_PROFILE, else the default). */
  active: boolean;
  secret_stored: boolean;
}

/** Table: marker, name, URL, tenant, access key, secret; TSV: the raw fields. */
export function profileColumns(mode: OutputMode): Column<ProfileRow>[] {
  if (mode === 'tsv') {
    return (
      [
        'name',
        'url',
        'tenant_id',
        'access_key',
        'built_in',
        'current',
        'active',
        'secret_stored',
      ] as const
    ).map((key) => ({ header: key, value: key }));
  }
  const dash = (text: string | null) => text ?? '-';
  return [
    { header: ' ', value: (r) => (r.active ? '*' : ''), style: (t, _r, c) => c.green(t) },
    { header: 'NAME', value: 'name', style: (t, r, c) => (r.active ? c.bold(t) : t) },
    { header: 'URL', value: (r) => (r.built_in ? '(built-in emulator)' : dash(r.url)) },
    { header: 'TENANT', value: (r) => dash(r.tenant_id) },
    { header: 'ACCESS KEY', value: (r) => dash(r.access_key) },
    { header: 'SECRET', value: (r) => (r.secret_stored ? 'stored' : '-') },
  ];
}
