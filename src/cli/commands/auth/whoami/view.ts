import { keyTypeWord } from '../../../../core/key-type.js';
import { permissionLabel } from '../../../../core/permission-text.js';
import type { Column } from '../../../../output/columns.js';
import type { OutputMode } from '../../../../output/mode.js';
import type { UserInfo } from '../../../../wire/types.js';
import type { SettingRow } from './setting-sources.js';

/** Everything whoami shows. */
export interface WhoamiView {
  info: UserInfo;
  admin: boolean;
  local: boolean;
  settings: SettingRow[];
}

const JSON_NAMES: Record<SettingRow['name'], string> = {
  profile: 'profile',
  url: 'url',
  tenant: 'tenant_id',
  accessKey: 'access_key',
  secretKey: 'secret_key',
  output: 'output',
  timeout: 'timeout_ms',
  proxy: 'proxy',
  caFile: 'ca_file',
};

/** The `--json` document: identity fields, then every setting as `{value, source}`. */
export function whoamiJson(view: WhoamiView): Record<string, unknown> {
  const { info } = view;
  const settings: Record<string, unknown> = {};
  for (const row of view.settings) {
    settings[JSON_NAMES[row.name]] =
      row.name === 'secretKey'
        ? { set: row.shown !== '(none)', source: row.source }
        : {
            value: row.value ?? null,
            source: row.source,
            ...(row.from === undefined ? {} : { from: row.from }),
          };
  }
  return {
    tenant_id: info.tenant_id,
    tenant_name: info.tenant_name,
    principal_id: info.principal_id,
    user_id: info.user_id,
    // The word `--type` takes (`access`, `api`, `user`), as every key record prints it.
    key_type: info.key_type === undefined ? null : keyTypeWord(info.key_type),
    roles: info.roles,
    groups: info.groups,
    permissions: info.permissions,
    admin: view.admin,
    local: view.local,
    settings,
  };
}

const list = (items: readonly string[]) => (items.length === 0 ? '(none)' : items.join(', '));

/** The human record: `Label:  value` lines, settings last; TSV gets raw snake_case columns. */
export function whoamiFields(view: WhoamiView, mode: OutputMode): Column<WhoamiView>[] {
  if (mode === 'tsv') return tsvFields(view);
  const identity: Column<WhoamiView>[] = [
    ...(view.local
      ? [{ header: 'Service', value: () => 'the local emulator (built-in profile)' }]
      : []),
    { header: 'Tenant', value: (v) => `${v.info.tenant_name} (${v.info.tenant_id})` },
    { header: 'Principal', value: (v) => v.info.principal_id },
    {
      header: 'Key type',
      value: (v) =>
        v.info.key_type === undefined ? '(not reported)' : keyTypeWord(v.info.key_type),
    },
    { header: 'User id', value: (v) => v.info.user_id },
    { header: 'Administrator', value: (v) => (v.admin ? 'yes' : 'no') },
    { header: 'Roles', value: (v) => list(v.info.roles) },
    { header: 'Groups', value: (v) => list(v.info.groups) },
    { header: 'Permissions', value: (v) => list(v.info.permissions.map(permissionLabel)) },
    { header: 'Settings', value: () => '' },
  ];
  const settings = view.settings.map(
    (row): Column<WhoamiView> => ({
      header: `  ${row.label}`,
      value: () => `${row.shown} (${row.origin})`,
    }),
  );
  return [...identity, ...settings];
}

function tsvFields(view: WhoamiView): Column<WhoamiView>[] {
  const json = whoamiJson(view);
  const identity = Object.keys(json)
    .filter((key) => key !== 'settings')
    .map((key): Column<WhoamiView> => ({ header: key, value: () => json[key] }));
  const settings = view.settings.flatMap((row): Column<WhoamiView>[] => {
    // Prefixed: `tenant_id` is also an identity column.
    const name = `setting_${JSON_NAMES[row.name]}`;
    const value = row.name === 'secretKey' ? row.shown !== '(none)' : (row.value ?? '');
    return [
      { header: name, value: () => value },
      { header: `${name}_source`, value: () => row.source },
    ];
  });
  return [...identity, ...settings];
}
