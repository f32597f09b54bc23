import { describe, expect, it } from 'vitest';
import { keyColumns, keyJson } from '../../../../src/cli/commands/keys/shared/key-columns.js';
import { cellValue } from '../../../../src/output/columns.js';
import type { AccessKeyRecord } from '../../../../src/wire/types.js';

const wire: AccessKeyRecord & { future_field: string } = {
  user_id: '100000000000101',
  name: 'feed',
  type: 'API',
  access_key: 'FEED00000000000000000000000000',
  expiry_time: '2027-01-31T12:00:00+02:00',
  status: 'ACTIVE',
  non_deletable: false,
  created_date: '2026-03-02T10:00:00.187793',
  expiry_enum: 'Custom value',
  key_expired: false,
  last_access: '2026-03-03T08:00:00',
  rotation: {
    never_rotate: false,
    rotation_period: 30,
    grace_period: 15,
    last_rotation_date: '2026-03-02T10:00:00.5',
    next_rotation_date: '2026-04-01T10:00:00',
  },
  future_field: '2026-01-01T00:00:00',
};

describe('keyJson: the one place wire records become output records', () => {
  it('prints the type word and every known time as RFC 3339 UTC', () => {
    expect(keyJson(wire)).toEqual({
      ...wire,
      type: 'api',
      expiry_time: '2027-01-31T10:00:00Z',
      created_date: '2026-03-02T10:00:00Z',
      last_access: '2026-03-03T08:00:00Z',
      rotation: {
        ...wire.rotation,
        last_rotation_date: '2026-03-02T10:00:00Z',
        next_rotation_date: '2026-04-01T10:00:00Z',
      },
      // A field helixctl does not know is kept exactly as the service sent it.
      future_field: '2026-01-01T00:00:00',
    });
  });

  it('keeps what is not a time as sent, and null for never', () => {
    const odd = {
      ...wire,
      created_date: 'yesterday',
      last_access: null,
    } as unknown as AccessKeyRecord;
    const { expiry_time: _never, ...never } = odd;
    expect(keyJson(never)).toMatchObject({
      created_date: 'yesterday',
      last_access: null,
      expiry_time: null,
    });
    expect(keyJson({ ...wire, expiry_time: 'Never expires (not recommended)' }).expiry_time).toBe(
      null,
    );
  });

  it('gives tsv the same values as json', () => {
    const columns = keyColumns('tsv', new Date('2026-03-04T00:00:00Z'));
    const row = Object.fromEntries(columns.map((c) => [c.header, cellValue(wire, c)]));
    expect(row).toMatchObject({
      type: 'api',
      expiry_time: '2027-01-31T10:00:00Z',
      created_date: '2026-03-02T10:00:00Z',
      last_access: '2026-03-03T08:00:00Z',
    });
  });
});
