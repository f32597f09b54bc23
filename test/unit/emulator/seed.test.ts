import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { createEmulator, SeedError } from '../../../src/emulator/index.js';
import { fixtureSeed } from '../../helpers/emulator-server.js';

function seedError(seed: unknown): string {
  try {
    createEmulator({ seed }).close();
  } catch (error) {
    expect(error).toBeInstanceOf(SeedError);
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('the seed was accepted');
}

const key = (over: Record<string, unknown> = {}) => ({
  tenants: [{ name: 'T', keys: [{ name: 'k', ...over }] }],
});

describe('seed files', () => {
  it('applies the documented example', () => {
    const emulator = createEmulator({ seed: fixtureSeed('seed-basic.json') });
    expect(emulator.initialized).toBe('seed');
    expect(emulator.seededTenantIds).toEqual(['1000000001', '2000000002']);
    expect(emulator.bootstrap).toBeUndefined();
    emulator.close();
  });

  it('names the offending field in one line', () => {
    const cases: Array<[unknown, string]> = [
      [[], 'seed: the document must be an object'],
      [{}, 'seed: tenants must list at least one tenant'],
      [{ tenants: [{}] }, 'seed: tenants[0].name is required'],
      [
        { tenants: [{ name: 'T', tenant_id: '12' }] },
        'seed: tenants[0].tenant_id must be a numeric id of 5 to 19 digits',
      ],
      [
        key({ access_key: 'short' }),
        'seed: tenants[0].keys[0].access_key must be 30 characters [A-Z0-9] with a letter',
      ],
      [
        key({ access_key: '1'.repeat(30) }),
        'seed: tenants[0].keys[0].access_key must be 30 characters [A-Z0-9] with a letter',
      ],
      [key({ secret: 'abc' }), 'seed: tenants[0].keys[0].secret must be 50 characters [A-Za-z0-9]'],
      [key({ type: 'ROOT' }), 'seed: tenants[0].keys[0].type must be TENANT, API or USER'],
      [
        key({ groups: ['Nope'] }),
        'seed: tenants[0].keys[0].groups[0] names an unknown group "Nope"',
      ],
      [key({ type: 'USER' }), 'seed: tenants[0].keys[0].owner is required for a USER key'],
      [key({ owner: 'ghost' }), 'seed: tenants[0].keys[0].owner names an unknown user "ghost"'],
      [
        key({ rotation: { never_rotate: true } }),
        'seed: tenants[0].keys[0].rotation is allowed only for API keys',
      ],
      [
        key({ type: 'API', rotation: { grace_period: 40 } }),
        'seed: grace_period must be shorter than rotation_period',
      ],
      [
        key({ expiry_time: 'someday' }),
        'seed: tenants[0].keys[0].expiry_time is not a date or timestamp',
      ],
      [
        key({ expiry_enum: 'Custom value' }),
        'seed: tenants[0].keys[0].expiry_time is required with "Custom value"',
      ],
      [
        {
          tenants: [
            {
              name: 'T',
              users: [{ login_id: 'u' }],
              keys: [1, 2, 3].map((i) => ({ name: `k${i}`, type: 'USER', owner: 'u' })),
            },
          ],
        },
        'seed: tenants[0].keys[2]: user "u" would have more than 2 user keys',
      ],
      [
        {
          tenants: [
            { name: 'A', tenant_id: '12345' },
            { name: 'B', tenant_id: '12345' },
          ],
        },
        'seed: cannot be applied: UNIQUE constraint failed: tenants.tenant_id',
      ],
    ];
    for (const [seed, message] of cases)
      expect(seedError(seed), JSON.stringify(seed)).toBe(message);
  });

  it('applies all of a seed or nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'helixctl-seed-'));
    try {
      const db = join(dir, 'seed.db');
      const bad = {
        tenants: [{ name: 'Good' }, { name: 'Bad', keys: [{ name: 'k', groups: ['Missing'] }] }],
      };
      expect(() => createEmulator({ db, seed: bad })).toThrow(SeedError);
      // Nothing of tenant "Good" was kept: the next start finds an empty database.
      const next = createEmulator({ db });
      expect(next.initialized).toBe('bootstrap');
      next.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
