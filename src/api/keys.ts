import type { OutcomeContext } from './errors.js';
import { type Call, listAll, listPage, type MutationOptions, requireFields } from './list-call.js';
import { collect, pages } from './pagination.js';
import { imsPaths } from './paths.js';
import type {
  AccessKeyRecord,
  CreatedAccessKey,
  CreateKeyRequest,
  CreateUserKeyRequest,
  GroupIdsBody,
  KeyGroupRef,
  KeyRoleRef,
  ListEnvelope,
  ListQuery,
  PermissionsResponse,
  RegeneratedSecret,
  RoleIdsBody,
  RotationUpdateRequest,
  StoredSecret,
  UpdateKeyRequest,
} from './types.js';

/** The access-key endpoints (sections 2.3 to 2.7 and 8 of the reference page). */
export interface KeysApi {
  listKeys(query?: ListQuery): AsyncIterable<AccessKeyRecord>;
  listKeysPage(query?: ListQuery): Promise<ListEnvelope<AccessKeyRecord>>;
  listUserKeys(userId: string, query?: ListQuery): AsyncIterable<AccessKeyRecord>;
  listUserKeysPage(userId: string, query?: ListQuery): Promise<ListEnvelope<AccessKeyRecord>>;
  getKey(key: string): Promise<AccessKeyRecord>;
  createKey(body: CreateKeyRequest, options?: MutationOptions): Promise<CreatedAccessKey>;
  createUserKey(
    userId: string,
    body: CreateUserKeyRequest,
    options?: MutationOptions,
  ): Promise<CreatedAccessKey>;
  updateKey(
    key: string,
    body: UpdateKeyRequest,
    options?: MutationOptions,
  ): Promise<AccessKeyRecord>;
  deleteKey(key: string): Promise<void>;
  regenerateSecret(key: string, options?: MutationOptions): Promise<RegeneratedSecret>;
  getStoredSecret(key: string): Promise<StoredSecret>;
  rotateApiKey(key: string, options?: MutationOptions): Promise<CreatedAccessKey>;
  updateRotation(
    key: string,
    body: RotationUpdateRequest,
    options?: MutationOptions,
  ): Promise<AccessKeyRecord>;
  getKeyGroups(key: string): Promise<KeyGroupRef[]>;
  putKeyGroups(key: string, groupIds: readonly string[]): Promise<GroupIdsBody>;
  getKeyRoles(key: string): Promise<KeyRoleRef[]>;
  putKeyRoles(key: string, roleIds: readonly string[]): Promise<RoleIdsBody>;
  getKeyPermissions(key: string): Promise<PermissionsResponse>;
}

const ONE_TIME = ['access_key', 'access_secret_key'] as const;

function outcome(what: string, checkHint: string, options?: MutationOptions): OutcomeContext {
  return { what, checkHint: options?.checkHint ?? checkHint };
}

export function keysApi(call: Call): KeysApi {
  const created = (path: string, json: unknown, name: string, options?: MutationOptions) => {
    const request = {
      method: 'POST' as const,
      path,
      json,
      outcome: outcome(
        `creating key ${JSON.stringify(name)}`,
        `check with \`helixctl keys list --name ${JSON.stringify(name)}\` before creating it again`,
        options,
      ),
    };
    return call<CreatedAccessKey>(request).then((v) => requireFields(v, ONE_TIME, request));
  };
  const lostSecret = (what: string, key: string, options?: MutationOptions) =>
    outcome(
      `${what} ${key}`,
      `if it did, the new secret is lost: check with \`helixctl keys show ${key}\` and rotate again`,
      options,
    );
  const smallList = <T>(path: string) =>
    collect(pages<T>((page) => listPage<T>(call, path, { page })));
  return {
    listKeys: (query) => listAll(call, imsPaths.keys, query),
    listKeysPage: (query) => listPage(call, imsPaths.keys, query),
    listUserKeys: (userId, query) => listAll(call, imsPaths.userKeys(userId), query),
    listUserKeysPage: (userId, query) => listPage(call, imsPaths.userKeys(userId), query),
    getKey: (key) => call({ method: 'GET', path: imsPaths.key(key) }),
    createKey: (body, options) => created(imsPaths.keys, body, body.name, options),
    createUserKey: (userId, body, options) =>
      created(imsPaths.userKeys(userId), body, body.name, options),
    updateKey: (key, body, options) =>
      call({
        method: 'PATCH',
        path: imsPaths.key(key),
        json: body,
        outcome: outcome(
          `updating key ${key}`,
          `check with \`helixctl keys show ${key}\``,
          options,
        ),
      }),
    deleteKey: (key) => call({ method: 'DELETE', path: imsPaths.key(key), expect: 'none' }),
    regenerateSecret: (key, options) => {
      const request = {
        method: 'POST' as const,
        path: imsPaths.keySecret(key),
        outcome: lostSecret('generating a new secret for key', key, options),
      };
      return call<RegeneratedSecret>(request).then((v) => requireFields(v, ONE_TIME, request));
    },
    getStoredSecret: (key) => call({ method: 'GET', path: imsPaths.keySecret(key) }),
    rotateApiKey: (key, options) => {
      const request = {
        method: 'POST' as const,
        path: imsPaths.keyRotate(key),
        outcome: lostSecret('rotating API key', key, options),
      };
      return call<CreatedAccessKey>(request).then((v) => requireFields(v, ONE_TIME, request));
    },
    updateRotation: (key, body, options) =>
      call({
        method: 'PATCH',
        path: imsPaths.keyRotation(key),
        json: body,
        outcome: outcome(
          `updating the rotation schedule of key ${key}`,
          `check with \`helixctl keys show ${key}\``,
          options,
        ),
      }),
    getKeyGroups: (key) => smallList<KeyGroupRef>(imsPaths.keyGroups(key)),
    putKeyGroups: (key, groupIds) =>
      call({ method: 'PUT', path: imsPaths.keyGroups(key), json: { group_ids: [...groupIds] } }),
    getKeyRoles: (key) => smallList<KeyRoleRef>(imsPaths.keyRoles(key)),
    putKeyRoles: (key, roleIds) =>
      call({ method: 'PUT', path: imsPaths.keyRoles(key), json: { role_ids: [...roleIds] } }),
    getKeyPermissions: (key) => call({ method: 'GET', path: imsPaths.keyPermissions(key) }),
  };
}
