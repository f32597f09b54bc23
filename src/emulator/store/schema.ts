/**
 * The numbered schema migrations. Append only: a shipped migration is never edited, so a
 * database created by an older helixctl upgrades in place. Timestamps are integer ms (UTC).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const initial = `
CREATE TABLE tenants (
  tenant_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  domain_name TEXT NOT NULL,
  signing_secret TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE users (
  user_id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
  login_id TEXT NOT NULL,
  full_name TEXT NOT NULL,
  email TEXT,
  user_type TEXT NOT NULL CHECK (user_type IN ('PERSON', 'API')),
  user_status TEXT NOT NULL DEFAULT 'ENABLE' CHECK (user_status IN ('ENABLE', 'DISABLE')),
  created_at INTEGER NOT NULL,
  UNIQUE (tenant_id, login_id)
);
CREATE INDEX users_by_created ON users (tenant_id, created_at, user_id);
CREATE INDEX users_by_full_name ON users (tenant_id, full_name, user_id);

CREATE TABLE roles (
  role_id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (tenant_id, name)
);
CREATE TABLE role_permissions (
  role_id TEXT NOT NULL REFERENCES roles(role_id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
) WITHOUT ROWID;

CREATE TABLE groups (
  group_id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (tenant_id, name)
);
CREATE TABLE group_roles (
  group_id TEXT NOT NULL REFERENCES groups(group_id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES roles(role_id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, role_id)
) WITHOUT ROWID;
CREATE INDEX group_roles_by_role ON group_roles (role_id);

-- Memberships of any user: persons and key principals alike.
CREATE TABLE user_groups (
  user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
  group_id TEXT NOT NULL REFERENCES groups(group_id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, group_id)
) WITHOUT ROWID;
CREATE INDEX user_groups_by_group ON user_groups (group_id);
CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES roles(role_id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role_id)
) WITHOUT ROWID;
CREATE INDEX user_roles_by_role ON user_roles (role_id);

-- One row per key; user_id is the key's own principal user (deleting that user deletes the key).
CREATE TABLE access_keys (
  user_id TEXT PRIMARY KEY REFERENCES users(user_id) ON DELETE CASCADE,
  tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
  access_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  type TEXT NOT NULL CHECK (type IN ('TENANT', 'API', 'USER')),
  status TEXT NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
  non_deletable INTEGER NOT NULL DEFAULT 0,
  expiry_enum TEXT NOT NULL,
  expiry_at INTEGER,
  expiry_notice_sent INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  last_access_at INTEGER,
  secret_hash TEXT NOT NULL,
  owner_user_id TEXT REFERENCES users(user_id) ON DELETE SET NULL,
  never_rotate INTEGER,
  rotation_period INTEGER,
  grace_period INTEGER,
  last_rotation_at INTEGER,
  next_rotation_at INTEGER,
  old_access_key TEXT UNIQUE,
  old_secret_hash TEXT,
  old_valid_until INTEGER
);
CREATE INDEX keys_by_user_id ON access_keys (tenant_id, user_id);
CREATE INDEX keys_by_name ON access_keys (tenant_id, name, user_id);
CREATE INDEX keys_by_description ON access_keys (tenant_id, description, user_id);
CREATE INDEX keys_by_access_key ON access_keys (tenant_id, access_key, user_id);
CREATE INDEX keys_by_status ON access_keys (tenant_id, status, user_id);
CREATE INDEX keys_by_expiry_enum ON access_keys (tenant_id, expiry_enum, user_id);
CREATE INDEX keys_by_created ON access_keys (tenant_id, created_at, user_id);
CREATE INDEX keys_by_expiry ON access_keys (tenant_id, expiry_at, user_id);
CREATE INDEX keys_by_type ON access_keys (tenant_id, type, user_id);
CREATE INDEX keys_by_last_access ON access_keys (tenant_id, last_access_at, user_id);
CREATE INDEX keys_by_owner ON access_keys (owner_user_id, type, created_at);
CREATE INDEX keys_pending_expiry_notice ON access_keys (expiry_at)
  WHERE expiry_notice_sent = 0 AND expiry_at IS NOT NULL;

-- Issued refresh tokens; a missing row means revoked (key deleted or secret regenerated).
CREATE TABLE refresh_tokens (
  jti TEXT PRIMARY KEY,
  key_user_id TEXT NOT NULL REFERENCES access_keys(user_id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE INDEX refresh_tokens_by_key ON refresh_tokens (key_user_id);
CREATE INDEX refresh_tokens_by_expiry ON refresh_tokens (expires_at);

CREATE TABLE notifications (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id TEXT NOT NULL REFERENCES tenants(tenant_id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  recipient_user_id TEXT NOT NULL,
  key_user_id TEXT NOT NULL,
  access_key TEXT NOT NULL,
  key_name TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX notifications_by_tenant ON notifications (tenant_id, seq);
`;

/**
 * Keys per tenant, kept by triggers in the same transaction as every insert and delete
 * (cascades included), so that a full list page reads its total in one lookup instead of
 * counting the tenant's index on every request.
 */
const keyCounts = `
CREATE TABLE key_counts (
  tenant_id TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO key_counts (tenant_id, n) SELECT tenant_id, COUNT(*) FROM access_keys GROUP BY tenant_id;
CREATE TRIGGER key_counts_insert AFTER INSERT ON access_keys BEGIN
  INSERT INTO key_counts (tenant_id, n) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (tenant_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER key_counts_delete AFTER DELETE ON access_keys BEGIN
  UPDATE key_counts SET n = n - 1 WHERE tenant_id = OLD.tenant_id;
END;
CREATE TRIGGER key_counts_move AFTER UPDATE OF tenant_id ON access_keys
  WHEN OLD.tenant_id IS NOT NEW.tenant_id BEGIN
  UPDATE key_counts SET n = n - 1 WHERE tenant_id = OLD.tenant_id;
  INSERT INTO key_counts (tenant_id, n) VALUES (NEW.tenant_id, 1)
    ON CONFLICT (tenant_id) DO UPDATE SET n = n + 1;
END;
`;

/**
 * An administrator credential the emulator created but nobody has been shown yet (its secret
 * is gone, only its hash is stored): `serve` issues and prints a fresh one at its next start,
 * the `local` profile stores one, and only then is the row removed (docs/design.md §4).
 */
const adminDelivery = `
CREATE TABLE admin_credential_pending (
  tenant_id TEXT PRIMARY KEY REFERENCES tenants(tenant_id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'key counts', sql: keyCounts },
  { version: 3, name: 'admin credential pending', sql: adminDelivery },
];
