import { formatWireTimestamp } from '../../core/timestamp.js';
import type { Notification, NotificationType } from '../../wire/types.js';
import type { Database, SqlValue } from '../store/sqlite.js';
import type { Paging } from './paging.js';

export interface NewNotification {
  tenantId: string;
  type: NotificationType;
  recipientUserId: string;
  keyUserId: string;
  accessKey: string;
  keyName: string;
  message: string;
  now: number;
}

interface NotificationRow {
  seq: number;
  type: NotificationType;
  recipient_user_id: string;
  access_key: string;
  key_name: string;
  message: string;
  created_at: number;
}

export function insertNotification(db: Database, n: NewNotification): void {
  db.prepare(
    `INSERT INTO notifications (tenant_id, type, recipient_user_id, key_user_id, access_key, key_name, message, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    n.tenantId,
    n.type,
    n.recipientUserId,
    n.keyUserId,
    n.accessKey,
    n.keyName,
    n.message,
    n.now,
  );
}

export interface NotificationFilter {
  tenantId: string;
  type?: NotificationType | undefined;
  recipientUserId?: string | undefined;
  accessKey?: string | undefined;
}

/** A tenant's outbox, oldest first. */
export function listNotifications(
  db: Database,
  filter: NotificationFilter,
  paging: Paging,
): { records: Notification[]; total: number } {
  const clauses = ['tenant_id = ?'];
  const params: SqlValue[] = [filter.tenantId];
  for (const [column, value] of [
    ['type', filter.type],
    ['recipient_user_id', filter.recipientUserId],
    ['access_key', filter.accessKey],
  ] as const) {
    if (value === undefined) continue;
    clauses.push(`${column} = ?`);
    params.push(value);
  }
  const clause = clauses.join(' AND ');
  const rows = db
    .prepare(`SELECT * FROM notifications WHERE ${clause} ORDER BY seq LIMIT ? OFFSET ?`)
    .all<NotificationRow>(...params, paging.size, paging.page * paging.size);
  const total =
    db
      .prepare(`SELECT COUNT(*) AS n FROM notifications WHERE ${clause}`)
      .get<{ n: number }>(...params)?.n ?? 0;
  return { records: rows.map(toNotification), total };
}

function toNotification(row: NotificationRow): Notification {
  return {
    notification_id: String(row.seq),
    type: row.type,
    recipient_user_id: row.recipient_user_id,
    access_key: row.access_key,
    key_name: row.key_name,
    message: row.message,
    created_date: formatWireTimestamp(new Date(row.created_at)),
  };
}

/** Person ids of the tenant's administrators (`*` or `ims:access_keys:manage`). */
export function administratorIds(db: Database, tenantId: string): string[] {
  return db
    .prepare(
      `SELECT u.user_id FROM users u WHERE u.tenant_id = ? AND u.user_type = 'PERSON' AND (
         EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id
                 WHERE ur.user_id = u.user_id AND rp.permission IN ('*', 'ims:access_keys:manage'))
         OR EXISTS (SELECT 1 FROM user_groups ug JOIN group_roles gr ON gr.group_id = ug.group_id
                 JOIN role_permissions rp ON rp.role_id = gr.role_id
                 WHERE ug.user_id = u.user_id AND rp.permission IN ('*', 'ims:access_keys:manage')))
       ORDER BY u.user_id`,
    )
    .all<{ user_id: string }>(tenantId)
    .map((r) => r.user_id);
}
