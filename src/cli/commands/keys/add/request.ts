import { RuleError } from '../../../../core/errors.js';
import type { Expiry } from '../../../../core/expiry.js';
import { keyTypeWord } from '../../../../core/key-type.js';
import { formatRfc3339 } from '../../../../core/timestamp.js';
import { imsPaths } from '../../../../wire/paths.js';
import type {
  CreatedAccessKey,
  CreateKeyRequest,
  CreateUserKeyRequest,
} from '../../../../wire/types.js';
import type { Connection } from '../../../runtime/connection.js';
import { FULL_OWNER_HINT } from '../shared/user-key-count.js';
import type { KeyOwner } from './owner.js';

interface Named {
  id: string;
  name: string;
}

/** Everything `keys add` decided, validated and resolved, before anything is created. */
export interface AddPlan {
  name: string;
  description?: string | undefined;
  /** The type the key will have: user-level keys are `USER` whatever was asked. */
  type: 'TENANT' | 'API' | 'USER';
  expiry: Expiry;
  groups: Named[];
  roles: Named[];
  owner: KeyOwner;
}

/** The service path the key is created under. */
export function createPath(owner: KeyOwner): string {
  return owner.kind === 'tenant' ? imsPaths.keys : imsPaths.userKeys(owner.userId);
}

/** The user-key body: no type, rotation, groups or roles (the service refuses them there). */
export function userKeyBody(plan: AddPlan): CreateUserKeyRequest {
  return {
    name: plan.name,
    ...(plan.description === undefined ? {} : { description: plan.description }),
    ...plan.expiry.request,
  };
}

/** The tenant-key body; API keys keep the service's default rotation schedule. */
export function tenantKeyBody(plan: AddPlan): CreateKeyRequest {
  return {
    ...userKeyBody(plan),
    type: plan.type === 'API' ? 'API' : 'TENANT',
    // `--group Ops --group ops` names one group twice: the service refuses repeated ids.
    ...(plan.groups.length > 0 ? { group_ids: uniqueIds(plan.groups) } : {}),
    ...(plan.roles.length > 0 ? { role_ids: uniqueIds(plan.roles) } : {}),
  };
}

/** Creates the key the plan describes (one POST, never retried). */
export async function createPlannedKey(conn: Connection, plan: AddPlan): Promise<CreatedAccessKey> {
  if (plan.owner.kind === 'tenant') return conn.client.createKey(tenantKeyBody(plan));
  try {
    return await conn.client.createUserKey(plan.owner.userId, userKeyBody(plan));
  } catch (error) {
    // The service's own words (e.g. "User access key limit (2) reached"), plus what to do.
    if (error instanceof RuleError) {
      throw new RuleError(error.message, {
        status: error.status,
        code: error.code,
        hint: FULL_OWNER_HINT,
      });
    }
    throw error;
  }
}

/** The `--dry-run --json` document. */
export function addPlanJson(plan: AddPlan, heldKeys?: number): Record<string, unknown> {
  return {
    dry_run: true,
    action: 'create',
    name: plan.name,
    description: plan.description ?? null,
    type: keyTypeWord(plan.type),
    expiry_enum: plan.expiry.request.expiry_enum,
    expiry_time: plan.expiry.kind === 'never' ? null : formatRfc3339(plan.expiry.at),
    groups: plan.groups.map((g) => ({ group_id: g.id, name: g.name })),
    roles: plan.roles.map((r) => ({ role_id: r.id, name: r.name })),
    owner:
      plan.owner.kind === 'tenant'
        ? { kind: 'tenant' }
        : {
            kind: 'user',
            user_id: plan.owner.userId,
            self: plan.owner.self,
            ...(heldKeys === undefined ? {} : { keys_held: heldKeys }),
          },
    method: 'POST',
    path: createPath(plan.owner),
  };
}

function uniqueIds(list: readonly { id: string }[]): string[] {
  return [...new Set(list.map((item) => item.id))];
}
