import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/emulator/store/migrations.js';
import { MIGRATIONS } from '../../../src/emulator/store/schema.js';
import { type Database, openDatabase } from '../../../src/emulator/store/sqlite.js';

/** key_counts (migration 2) must always equal a COUNT(*) of access_keys per tenant. */

const counted = (db: Database) =>
  db
    .prepare('SELECT tenant_id, n FROM key_counts WHERE n > 0 ORDER BY tenant_id')
    .all()
    .map((r) => ({ ...r }));
const actual = (db: Database) =>
  db
    .prepare(
      'SELECT tenant_id, COUNT(*) AS n FROM access_keys GROUP BY tenant_id ORDER BY tenant_id',
    )
    .all()
    .map((r) => ({ ...r }));

function tenant(db: Database, id: string) {
  db.prepare(
    "INSERT INTO tenants (tenant_id, name, domain_name, signing_secret, created_at) VALUES (?, 't', 'd', 's', 0)",
  ).run(id);
}

function key(db: Database, tenantId: string, userId: string) {
  db.prepare(
    "INSERT INTO users (user_id, tenant_id, login_id, full_name, user_type, created_at) VALUES (?, ?, ?, 'k', 'API', 0)",
  ).run(userId, tenantId, userId);
  db.prepare(
    `INSERT INTO access_keys (user_id, tenant_id, access_key, name, type, status, expiry_enum, created_at, secret_hash)
     VALUES (?, ?, ?, 'k', 'TENANT', 'ACTIVE', 'Never', 0, 'h')`,
  ).run(userId, tenantId, `AK${userId}`);
}

describe('key_counts', () => {
  it('counts the keys already there when the migration runs', () => {
    const db = openDatabase(':memory:');
    migrate(db, 0, MIGRATIONS.slice(0, 1));
    tenant(db, '1');
    tenant(db, '2');
    for (const id of ['101', '102', '103']) key(db, '1', id);
    key(db, '2', '201');
    migrate(db, 0);
    expect(counted(db)).toEqual([
      { tenant_id: '1', n: 3 },
      { tenant_id: '2', n: 1 },
    ]);
    db.close();
  });

  it('follows inserts, deletes, cascades from users and tenants, and moves', () => {
    const db = openDatabase(':memory:');
    migrate(db, 0);
    tenant(db, '1');
    tenant(db, '2');
    for (const id of ['101', '102', '103', '104']) key(db, '1', id);
    key(db, '2', '201');
    expect(counted(db)).toEqual(actual(db));
    // Deleting a key's principal user deletes the key (how the emulator deletes keys).
    db.prepare('DELETE FROM users WHERE user_id = ?').run('101');
    db.prepare('DELETE FROM access_keys WHERE user_id = ?').run('102');
    expect(counted(db)).toEqual(actual(db));
    db.prepare("UPDATE access_keys SET tenant_id = '2' WHERE user_id = '103'").run();
    expect(counted(db)).toEqual(actual(db));
    db.prepare("DELETE FROM tenants WHERE tenant_id = '2'").run();
    expect(counted(db)).toEqual(actual(db));
    expect(counted(db)).toEqual([{ tenant_id: '1', n: 1 }]);
    db.close();
  });

  it('rolls back with the transaction that changed the keys', () => {
    const db = openDatabase(':memory:');
    migrate(db, 0);
    tenant(db, '1');
    key(db, '1', '101');
    expect(() =>
      db.transaction(() => {
        key(db, '1', '102');
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(counted(db)).toEqual([{ tenant_id: '1', n: 1 }]);
    db.close();
  });
});
