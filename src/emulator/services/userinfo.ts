import type { UserInfo } from '../../wire/types.js';
import { effectiveRoleNames, groupsOf } from '../repos/assignments.js';
import type { Caller } from './caller.js';
import type { EmulatorContext } from './context.js';

/** `GET /userinfo`: a key login; a USER key answers with its owner's user, roles and groups. */
export function userInfo(ctx: EmulatorContext, caller: Caller): UserInfo {
  const tenant = ctx.tenants.get(caller.tenantId);
  return {
    user_id: caller.userId,
    tenant_id: caller.tenantId,
    tenant_name: tenant?.name ?? '',
    tenant_domain_name: tenant?.domain_name ?? '',
    principal_id: caller.principalId,
    type: 'API',
    auth_type: 'IMS_AUTH',
    roles: effectiveRoleNames(ctx.db, caller.userId),
    groups: groupsOf(ctx.db, caller.userId).map((g) => g.name),
    permissions: [...caller.permissions].sort(),
    key_type: caller.key.type,
  };
}
