import type { Connection } from '../../../runtime/connection.js';

/** The caller's tenant id: from the credential when it says, else from `userinfo`. */
export async function tenantIdOf(conn: Connection): Promise<string> {
  return conn.credential.tenantId ?? (await conn.userinfo()).tenant_id;
}
