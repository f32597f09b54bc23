import type { ChalkInstance } from 'chalk';
import { formatRelative } from '../../../../core/duration-format.js';
import { describeExpiry } from '../../../../core/expiry-state.js';
import { keyTypeWord } from '../../../../core/key-type.js';
import { outputTimestamp, parseWireTimestamp } from '../../../../core/timestamp.js';
import type { Column } from '../../../../output/columns.js';
import type { OutputMode } from '../../../../output/mode.js';
import { styleExpiry, styleStatus } from '../../../../output/styles.js';
import type { AccessKeyRecord, Rotation } from '../../../../wire/types.js';

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
 * days); TSV carries the values json prints (RFC 3339 UTC times, type words) for scripts.
 */
export function keyColumns(mode: OutputMode, now: Date): Column<AccessKeyRecord>[] {
  if (mode === 'tsv') {
    return [
      { header: 'name', value: 'name' },
      { header: 'access_key', value: 'access_key' },
      { header: 'type', value: (r) => keyTypeWord(r.type) },
      { header: 'status', value: 'status' },
      { header: 'expiry_time', value: (r) => jsonExpiry(r) ?? 'never' },
      { header: 'created_date', value: (r) => timeJson(r.created_date) },
      { header: 'last_access', value: (r) => (r.last_access ? timeJson(r.last_access) : '') },
    ];
  }
  return [
    { header: 'NAME', value: 'name' },
    { header: 'ACCESS KEY', value: 'access_key' },
    { header: 'TYPE', value: (r) => keyTypeWord(r.type) },
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

/**
 * `expiry_time` as printed (RFC 3339 UTC, `2027-01-31T23:59:59Z`), or null when the key never
 * expires (the service omits it or says so in words).
 */
export function jsonExpiry(record: { expiry_time?: string | null | undefined }): string | null {
  const time = record.expiry_time;
  return time && parseWireTimestamp(time) !== undefined ? outputTimestamp(time) : null;
}

/** A time field as printed; a value that is not text (null from some service) stays as sent. */
function timeJson<V>(value: V): V | string {
  return typeof value === 'string' ? outputTimestamp(value) : value;
}

/** The rotation block with its dates in the printed form. */
function rotationJson(rotation: Rotation): Rotation {
  const { last_rotation_date: last, next_rotation_date: next } = rotation;
  return {
    ...rotation,
    ...(last === undefined ? {} : { last_rotation_date: timeJson(last) }),
    ...(next === undefined ? {} : { next_rotation_date: timeJson(next) }),
  };
}

/**
 * A record as helixctl's JSON prints it (docs/cli-contract.md §6): the API's fields, with the
 * type as the `--type` flag spells it (`access`, `api`, `user`), every known time RFC 3339 UTC
 * (`2027-01-31T23:59:59Z`) and `expiry_time` null for never. The one place where wire records
 * become output records; fields helixctl does not know stay as sent.
 */
export function keyJson<T extends AccessKeyRecord>(
  record: T,
): Omit<T, 'expiry_time' | 'type'> & { type: string; expiry_time: string | null } {
  const { last_access: last, rotation } = record;
  return {
    ...record,
    type: keyTypeWord(record.type),
    created_date: timeJson(record.created_date),
    ...(last === undefined ? {} : { last_access: timeJson(last) }),
    ...(rotation ? { rotation: rotationJson(rotation) } : {}),
    expiry_time: jsonExpiry(record),
  };
}
