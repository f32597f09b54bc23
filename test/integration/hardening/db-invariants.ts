import { hasUnsafeCharacter } from '../../../src/core/quote.js';
import type { Database } from '../../../src/emulator/store/sqlite.js';

/**
 * What must hold in an emulator database whatever requests ran (or crashed) against it.
 * Each check is a query returning the offending rows; the result lists them, so a failure
 * says exactly what broke. An empty list means consistent.
 */
const CHECKS: ReadonlyArray<readonly [string, string]> = [
  [
    'key without its principal user (API user of the same tenant, login_id = access key)',
    `SELECT k.access_key FROM access_keys k LEFT JOIN users u ON u.user_id = k.user_id
     WHERE u.user_id IS NULL OR u.user_type <> 'API' OR u.tenant_id <> k.tenant_id
        OR u.login_id <> k.access_key`,
  ],
  [
    'principal user without its key',
    `SELECT u.user_id FROM users u WHERE u.user_type = 'API'
     AND NOT EXISTS (SELECT 1 FROM access_keys k WHERE k.user_id = u.user_id)`,
  ],
  [
    'user key without a person of its tenant as owner',
    `SELECT k.access_key FROM access_keys k LEFT JOIN users o ON o.user_id = k.owner_user_id
     WHERE k.type = 'USER' AND (o.user_id IS NULL OR o.user_type <> 'PERSON' OR o.tenant_id <> k.tenant_id)`,
  ],
  [
    'person with more than 2 user keys',
    `SELECT owner_user_id, COUNT(*) AS n FROM access_keys WHERE type = 'USER'
     GROUP BY owner_user_id HAVING n > 2`,
  ],
  [
    'user key with groups or roles of its own',
    `SELECT k.access_key FROM access_keys k WHERE k.type = 'USER' AND (
       EXISTS (SELECT 1 FROM user_groups g WHERE g.user_id = k.user_id) OR
       EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = k.user_id))`,
  ],
  [
    'assignment across tenants or to a missing user',
    `SELECT ug.user_id, ug.group_id FROM user_groups ug LEFT JOIN users u ON u.user_id = ug.user_id
     LEFT JOIN groups g ON g.group_id = ug.group_id WHERE u.user_id IS NULL OR g.group_id IS NULL OR u.tenant_id <> g.tenant_id
     UNION ALL
     SELECT ur.user_id, ur.role_id FROM user_roles ur LEFT JOIN users u ON u.user_id = ur.user_id
     LEFT JOIN roles r ON r.role_id = ur.role_id WHERE u.user_id IS NULL OR r.role_id IS NULL OR u.tenant_id <> r.tenant_id
     UNION ALL
     SELECT gr.group_id, gr.role_id FROM group_roles gr JOIN groups g ON g.group_id = gr.group_id
     JOIN roles r ON r.role_id = gr.role_id WHERE g.tenant_id <> r.tenant_id`,
  ],
  [
    'rotation columns that do not fit the key type',
    `SELECT access_key FROM access_keys WHERE
       (type = 'API' AND (rotation_period NOT BETWEEN 1 AND 3650 OR grace_period NOT BETWEEN 1 AND 3650
         OR grace_period >= rotation_period OR never_rotate NOT IN (0, 1) OR next_rotation_at IS NULL))
       OR (type <> 'API' AND (rotation_period IS NOT NULL OR grace_period IS NOT NULL
         OR never_rotate IS NOT NULL OR old_access_key IS NOT NULL))`,
  ],
  [
    'half-applied rotation (old key without its secret, grace end or rotation date)',
    `SELECT access_key FROM access_keys WHERE old_access_key IS NOT NULL AND (old_secret_hash IS NULL
       OR old_valid_until IS NULL OR last_rotation_at IS NULL OR old_access_key = access_key)`,
  ],
  [
    'old access key that is also a current access key',
    'SELECT k.old_access_key FROM access_keys k JOIN access_keys c ON c.access_key = k.old_access_key',
  ],
  [
    'secret stored in another form than $sha256$salt$hmac',
    `SELECT access_key FROM access_keys WHERE secret_hash NOT LIKE '$sha256$%$%'
       OR (old_secret_hash IS NOT NULL AND old_secret_hash NOT LIKE '$sha256$%$%')`,
  ],
  [
    'refresh token of a missing key',
    `SELECT t.jti FROM refresh_tokens t WHERE NOT EXISTS
       (SELECT 1 FROM access_keys k WHERE k.user_id = t.key_user_id)`,
  ],
];

/** The violations found in `db` (empty when consistent), SQLite's own checks first. */
export function dbViolations(db: Database): string[] {
  const found: string[] = [];
  const integrity = db.prepare('PRAGMA integrity_check').all<{ integrity_check: string }>();
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
    found.push(`integrity_check: ${JSON.stringify(integrity)}`);
  }
  const foreign = db.prepare('PRAGMA foreign_key_check').all();
  if (foreign.length > 0) found.push(`foreign_key_check: ${JSON.stringify(foreign)}`);
  for (const [what, sql] of CHECKS) {
    const rows = db.prepare(sql).all();
    if (rows.length > 0) found.push(`${what}: ${JSON.stringify(rows.slice(0, 5))}`);
  }
  for (const { kind, name } of db
    .prepare(
      `SELECT 'key' AS kind, name FROM access_keys UNION ALL SELECT 'group', name FROM groups
       UNION ALL SELECT 'person', login_id FROM users WHERE user_type = 'PERSON'`,
    )
    .all<{ kind: string; name: string }>()) {
    const length = Array.from(name).length;
    if (name !== name.trim() || length < 1 || length > 128 || hasUnsafeCharacter(name)) {
      found.push(`${kind} name outside the rules: ${JSON.stringify(name.slice(0, 40))}`);
    }
  }
  return found;
}
