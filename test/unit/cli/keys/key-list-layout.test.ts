import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { keyColumns } from '../../../../src/cli/commands/keys/shared/key-columns.js';
import { KEY_LIST_COLUMNS } from '../../../../src/cli/commands/keys/shared/key-list-fields.js';
import { keyListColumns } from '../../../../src/cli/commands/keys/shared/key-list-layout.js';
import { renderTable } from '../../../../src/output/table.js';
import { textWidth } from '../../../../src/output/text-width.js';
import type { AccessKeyRecord } from '../../../../src/wire/types.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const chalk = new Chalk({ level: 0 });

function record(name: string, access_key: string): AccessKeyRecord {
  return {
    user_id: '6990133813',
    name,
    type: 'TENANT',
    access_key,
    expiry_time: '2026-03-20T12:00:00.000+00:00',
    status: 'INACTIVE',
    non_deletable: false,
    created_date: '2026-01-01T12:00:00.000+00:00',
    expiry_enum: 'CUSTOM',
    key_expired: false,
    last_access: '2026-02-27T12:00:00.000+00:00',
  };
}

// Access keys are 30 characters; names as long as people make them.
const ROWS = [
  record('deploy-production-eu-west', 'H3IHLQ4W0Z7B2D1K8M5N6P9R3S2T4V'),
  record('ci', 'A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5'),
];

async function table(maxWidth: number | undefined, rows = ROWS) {
  const out = await renderTable(rows, keyListColumns('table', NOW), { chalk, maxWidth });
  return out.trimEnd().split('\n');
}

const headerWords = (line: string | undefined) => (line ?? '').split(/ {2,}/);

describe('key table at terminal widths (docs/cli-contract.md §6)', () => {
  it('200 and 120 columns: every column, nothing cut', async () => {
    for (const width of [200, 120]) {
      const lines = await table(width);
      expect(headerWords(lines[0])).toEqual([
        'NAME',
        'ACCESS KEY',
        'TYPE',
        'STATUS',
        'EXPIRES',
        'CREATED',
        'LAST USED',
      ]);
      expect(lines.join('\n')).not.toContain('…');
      for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it('80 columns: LAST USED, CREATED and TYPE go; the access key and the name stay whole', async () => {
    const lines = await table(80);
    expect(headerWords(lines[0])).toEqual(['NAME', 'ACCESS KEY', 'STATUS', 'EXPIRES']);
    expect(lines[1]).toMatch(/^deploy-production-eu-west {2}H3IHLQ4W0Z7B2D1K8M5N6P9R3S2T4V {2}/);
    expect(lines[2]).toContain('A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(80);
  });

  it('60 columns: EXPIRES and STATUS go too, then NAME is cut with …', async () => {
    expect(headerWords((await table(60))[0])).toEqual(['NAME', 'ACCESS KEY']);
    const lines = await table(50);
    expect(lines[1]).toBe('deploy-production…  H3IHLQ4W0Z7B2D1K8M5N6P9R3S2T4V');
    expect(textWidth(lines[1] ?? '')).toBe(50);
  });

  it('narrower than NAME at its minimum plus the key: the line overflows, the key stays whole', async () => {
    const lines = await table(30);
    expect(lines[1]).toBe('deploy-prod…  H3IHLQ4W0Z7B2D1K8M5N6P9R3S2T4V');
    expect(lines[2]).toBe('ci            A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5');
  });

  it('drops only as many columns as it must', async () => {
    // NAME 25 + KEY 30 + TYPE 6 + STATUS 8 + EXPIRES 10 + gaps: CREATED and LAST USED dropped.
    const lines = await table(89);
    expect(headerWords(lines[0])).toEqual(['NAME', 'ACCESS KEY', 'TYPE', 'STATUS', 'EXPIRES']);
  });

  it('measures CJK and emoji names by display width', async () => {
    const rows = [
      record('鍵の名前', 'H3IHLQ4W0Z7B2D1K8M5N6P9R3S2T4V'),
      record('ci', ROWS[1]?.access_key ?? ''),
    ];
    const lines = await table(undefined, rows);
    const keyAt = (line: string | undefined) => textWidth((line ?? '').split('H3I')[0] ?? '');
    // 鍵の名前 is 8 columns wide: the key column starts after it and the gap, on every line.
    expect(keyAt(lines[1])).toBe(10);
    expect(textWidth((lines[2] ?? '').split('A1B')[0] ?? '')).toBe(10);
  });

  it('the table columns and the tsv headers are the fields, in order', () => {
    expect(keyColumns('tsv', NOW).map((c) => c.header)).toEqual([...KEY_LIST_COLUMNS]);
    expect(keyColumns('table', NOW)).toHaveLength(KEY_LIST_COLUMNS.length);
    expect(keyListColumns('tsv', NOW).every((c) => c.fit === undefined)).toBe(true);
  });
});
