import { createHash } from 'node:crypto';

/**
 * Seed files for the bench: one tenant per data set, each with an administrator key whose
 * credential the harness knows, and filler keys that look like a real tenant's (a mix of
 * types, statuses, expiries and descriptions, creation dates spread over two years) so that
 * list pages serialize like real ones. Deterministic: the same sizes give the same file.
 */

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `length` characters of `alphabet`, derived from `label` (stable across runs). */
function derived(label, length, alphabet) {
  const bytes = createHash('sha512').update(label).digest();
  let out = '';
  for (let i = 0; i < length; i += 1)
    out += alphabet[(bytes[i % bytes.length] + i) % alphabet.length];
  return out;
}

/** The administrator credential of a bench tenant. */
export function adminCredential(tenantId) {
  return {
    tenantId,
    accessKey: `B${derived(`ak-${tenantId}`, 29, UPPER)}`,
    secretKey: derived(`sk-${tenantId}`, 50, ALNUM),
  };
}

const DAY_MS = 86_400_000;
const BASE = Date.UTC(2024, 0, 1);

function fillerKey(i, prefix) {
  const type = i % 10 === 0 ? 'API' : 'TENANT';
  const key = {
    name: `${prefix}-${String(i).padStart(5, '0')}`,
    type,
    status: i % 17 === 0 ? 'INACTIVE' : 'ACTIVE',
    created_date: new Date(BASE + (i % 730) * DAY_MS + i * 1000).toISOString().slice(0, 19),
    groups: i % 3 === 0 ? ['Ingestion'] : [],
  };
  if (i % 2 === 0) key.description = `bench key ${i}: ingestion pipeline for service ${i % 97}`;
  // Two years out at the latest, so nothing expires during a run (pages stay cacheable).
  if (i % 4 !== 0)
    key.expiry_time = new Date(BASE + (900 + (i % 365)) * DAY_MS).toISOString().slice(0, 10);
  return key;
}

/**
 * One seed tenant with `keys` keys in all: the administrator key plus `keys - 1` fillers
 * named `<prefix>-00001`...
 */
export function benchTenant(tenantId, keys, prefix = 'bench') {
  const admin = adminCredential(tenantId);
  const fillers = [];
  for (let i = 1; i < keys; i += 1) fillers.push(fillerKey(i, prefix));
  return {
    tenant_id: tenantId,
    name: `Bench ${keys}`,
    onboarding_key: false,
    groups: [{ name: 'Ingestion', roles: ['Data Ingestion'] }],
    users: [{ login_id: 'admin', full_name: 'Bench Admin', groups: ['Administrators'] }],
    keys: [
      {
        name: 'bench-admin',
        type: 'TENANT',
        access_key: admin.accessKey,
        secret: admin.secretKey,
        owner: 'admin',
        groups: ['Administrators'],
        created_date: '2023-12-31T00:00:00',
      },
      ...fillers,
    ],
  };
}

/** A seed document of several bench tenants: `[{ tenantId, keys, prefix? }]`. */
export function benchSeed(sets) {
  return { tenants: sets.map((s) => benchTenant(s.tenantId, s.keys, s.prefix)) };
}
