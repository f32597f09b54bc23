import { describe, expect, it } from 'vitest';
import { migrate, SchemaTooNewError } from '../../../src/emulator/store/migrations.js';
import { MIGRATIONS } from '../../../src/emulator/store/schema.js';
import { openDatabase } from '../../../src/emulator/store/sqlite.js';

const tables = (db: ReturnType<typeof openDatabase>) =>
  db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all<{ name: string }>()
    .map((r) => r.name);

describe('migrations', () => {
  it('builds the schema from an empty database and records each version', () => {
    const db = openDatabase(':memory:');
    expect(migrate(db, 1000)).toBe(MIGRATIONS.length);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'tenants',
        'users',
        'roles',
        'groups',
        'access_keys',
        'refresh_tokens',
        'notifications',
        'key_counts',
        'admin_credential_pending',
        'schema_migrations',
      ]),
    );
    expect(
      db
        .prepare('SELECT version, name, applied_at FROM schema_migrations')
        .all()
        .map((r) => ({ ...r })),
    ).toEqual([
      { version: 1, name: 'initial', applied_at: 1000 },
      { version: 2, name: 'key counts', applied_at: 1000 },
      { version: 3, name: 'admin credential pending', applied_at: 1000 },
    ]);
    db.close();
  });

  it('is idempotent', () => {
    const db = openDatabase(':memory:');
    migrate(db, 1);
    expect(migrate(db, 2)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({
      n: MIGRATIONS.length,
    });
    db.close();
  });

  it('indexes every list order and the expiry sweep', () => {
    const db = openDatabase(':memory:');
    migrate(db, 1);
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all<{ detail: string }>()
        .map((r) => r.detail)
        .join(' | ');
    for (const column of [
      'name',
      'description',
      'access_key',
      'status',
      'expiry_enum',
      'created_at',
      'type',
    ]) {
      const detail = plan(
        `SELECT * FROM access_keys WHERE tenant_id = 'x' ORDER BY ${column}, user_id LIMIT 10`,
      );
      expect(detail).toMatch(/USING (COVERING )?INDEX/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
    expect(
      plan(
        'SELECT user_id FROM access_keys WHERE expiry_notice_sent = 0 AND expiry_at IS NOT NULL AND expiry_at <= 5',
      ),
    ).toMatch(/keys_pending_expiry_notice/);
    db.close();
  });

  it('leaves the database at a whole version when a migration fails', () => {
    const db = openDatabase(':memory:');
    const broken = [
      ...MIGRATIONS,
      { version: 99, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); CREATE TABLE oops (' },
    ];
    expect(() => migrate(db, 1, broken)).toThrow();
    expect(tables(db)).not.toContain('half');
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({
      v: MIGRATIONS.length,
    });
    db.close();
  });

  it('refuses a database written by a newer version', () => {
    const db = openDatabase(':memory:');
    migrate(db, 1);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      500,
      'future',
      1,
    );
    expect(() => migrate(db, 1)).toThrow(SchemaTooNewError);
    db.close();
  });
});
