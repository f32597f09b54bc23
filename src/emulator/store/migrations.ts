import { MIGRATIONS, type Migration } from './schema.js';
import type { Database } from './sqlite.js';

/** The database was written by a newer helixctl: refuse rather than guess. */
export class SchemaTooNewError extends Error {}

/**
 * Brings the database up to the newest schema. Each migration and its bookkeeping row run in
 * one immediate transaction, so a crash leaves the database at a whole version, and two
 * processes opening the same new file do not both migrate it.
 */
export function migrate(
  db: Database,
  now: number,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const newest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const current = () =>
    db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get<{ v: number }>()
      ?.v ?? 0;
  if (current() > newest) {
    throw new SchemaTooNewError(
      `database schema version ${current()} is newer than this helixctl supports (${newest})`,
    );
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      if (migration.version <= current()) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        now,
      );
    });
  }
  return current();
}
