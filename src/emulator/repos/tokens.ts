import type { Database } from '../store/sqlite.js';

/** Records an issued refresh token; only recorded `jti`s are accepted by `auth/tokens`. */
export function recordRefreshToken(
  db: Database,
  jti: string,
  keyUserId: string,
  expiresAt: number,
): void {
  db.prepare('INSERT INTO refresh_tokens (jti, key_user_id, expires_at) VALUES (?, ?, ?)').run(
    jti,
    keyUserId,
    expiresAt,
  );
}

/** Whether `jti` was issued for that key and not revoked since. */
export function refreshTokenLive(db: Database, jti: string, keyUserId: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM refresh_tokens WHERE jti = ? AND key_user_id = ?')
      .get(jti, keyUserId) !== undefined
  );
}

/** Revokes every refresh token of a key (secret regenerated). Deletion cascades on its own. */
export function revokeRefreshTokens(db: Database, keyUserId: string): void {
  db.prepare('DELETE FROM refresh_tokens WHERE key_user_id = ?').run(keyUserId);
}

/** Forgets refresh tokens past their expiry; they would be refused anyway. */
export function pruneRefreshTokens(db: Database, now: number): number {
  return Number(db.prepare('DELETE FROM refresh_tokens WHERE expires_at <= ?').run(now).changes);
}
