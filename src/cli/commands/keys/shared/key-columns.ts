import type { ChalkInstance } from 'chalk';
import { formatRelative } from '../../../../core/duration-format.js';
import { describeExpiry } from '../../../../core/expiry-state.js';
import { parseWireTimestamp } from '../../../../core/timestamp.js';
import type { Column } from '../../../../output/columns.js';
import type { OutputMode } from '../../../../output/mode.js';
import { styleExpiry, styleStatus } from '../../../../output/styles.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';

const TYPE_LABEL: Record<string, string> = { TENANT: 'access', API: 'api', USER: 'user' };

function ago(wire: string | undefined, now: Date): string {
  const at = wire === undefined ? undefined : parseWireTimestamp(wire);
  return at === undefined ? '-' : formatRelative(at, now);
}

function expiryStyle(now: Date) {
  return (text: string, row: AccessKeyRecord, chalk: ChalkInstance) => {
    return styleExpiry(chalk, text, describeExpiry(row, now).state);
  };
}

/**
 * Columns of a key list. Tables show relative times with colour (red expired, yellow within 7
 * days); TSV carries the raw wire values so scripts can sort and compare them.
 */
export function keyColumns(mode: OutputMode, now: Date): Column<AccessKeyRecord>[] {
  if (mode === 'tsv') {
    return [
      { header: 'name', value: 'name' },
      { header: 'access_key', value: 'access_key' },
      { header: 'type', value: 'type' },
      { header: 'status', value: 'status' },
      { header: 'expiry_time', value: (r) => jsonExpiry(r) ?? 'never' },
      { header: 'created_date', value: 'created_date' },
      { header: 'last_access', value: (r) => r.last_access ?? '' },
    ];
  }
  return [
    { header: 'NAME', value: 'name' },
    { header: 'ACCESS KEY', value: 'access_key' },
    { header: 'TYPE', value: (r) => TYPE_LABEL[r.type] ?? r.type },
    {
      header: 'STATUS',
      value: (r) => r.status.toLowerCase(),
      style: (t, r, c) => styleStatus(c, t, r.status),
    },
    { header: 'EXPIRES', value: (r) => describeExpiry(r, now).text, style: expiryStyle(now) },
    { header: 'CREATED', value: (r) => ago(r.created_date, now) },
    { header: 'LAST USED', value: (r) => (r.last_access ? ago(r.last_access, now) : 'never') },
  ];
}

/** `expiry_time`, or null when the key never expires (the service omits it or says so in words). */
export function jsonExpiry(record: AccessKeyRecord): string | null {
  const time = record.expiry_time;
  return time && parseWireTimestamp(time) !== undefined ? time : null;
}

/** A record as helixctl's JSON prints it: the API's fields, with `expiry_time` null for never. */
export function keyJson<T extends AccessKeyRecord>(
  record: T,
): Omit<T, 'expiry_time'> & { expiry_time: string | null } {
  return { ...record, expiry_time: jsonExpiry(record) };
}
