import { imsPaths } from '../wire/paths.js';
import type {
  AccessKeyRecord,
  GroupIdsBody,
  KeyGroupRef,
  KeyRoleRef,
  ListEnvelope,
  ListQuery,
  PermissionsResponse,
  RoleIdsBody,
  StoredSecret,
} from '../wire/types.js';
import { type KeyWritesApi, keyWrites } from './key-writes.js';
import { type Call, listAll, listPage, type PageAnswer } from './list-call.js';
import { collect, pages } from './pagination.js';

/** Reads of keys, and the idempotent PUTs of their groups and roles (retried like GETs). */
export interface KeyReadsApi {
  /** Every key, fetched one 0-based page at a time as the iteration goes. */
  listKeys(query?: ListQuery): AsyncIterable<AccessKeyRecord>;
  listKeysPage(query?: ListQuery): Promise<ListEnvelope<AccessKeyRecord>>;
  listUserKeys(userId: string, query?: ListQuery): AsyncIterable<AccessKeyRecord>;
  listUserKeysPage(userId: string, query?: ListQuery): Promise<ListEnvelope<AccessKeyRecord>>;
  getKey(key: string): Promise<AccessKeyRecord>;
  /** The stored one-way form only (`encrypted_secret_key`). */
  getStoredSecret(key: string): Promise<StoredSecret>;
  getKeyGroups(key: string): Promise<KeyGroupRef[]>;
  /** Replaces the whole set. */
  putKeyGroups(key: string, groupIds: readonly string[]): Promise<GroupIdsBody>;
  getKeyRoles(key: string): Promise<KeyRoleRef[]>;
  /** Replaces the whole set. */
  putKeyRoles(key: string, roleIds: readonly string[]): Promise<RoleIdsBody>;
  getKeyPermissions(key: string): Promise<PermissionsResponse>;
}

/** The access-key endpoints (docs/ims-api.md §8). */
export interface KeysApi extends KeyReadsApi, KeyWritesApi {}

export function keysApi(call: Call): KeysApi {
  const smallList = <T>(path: string, answer: PageAnswer) =>
    collect(pages<T>((page) => listPage<T>(call, path, answer, { page })));
  return {
    listKeys: (query) => listAll(call, imsPaths.keys, 'keyPage', query),
    listKeysPage: (query) => listPage(call, imsPaths.keys, 'keyPage', query),
    listUserKeys: (userId, query) => listAll(call, imsPaths.userKeys(userId), 'keyPage', query),
    listUserKeysPage: (userId, query) =>
      listPage(call, imsPaths.userKeys(userId), 'keyPage', query),
    getKey: (key) => call({ method: 'GET', path: imsPaths.key(key), answer: 'accessKey' }),
    getStoredSecret: (key) =>
      call({ method: 'GET', path: imsPaths.keySecret(key), answer: 'storedSecret' }),
    getKeyGroups: (key) => smallList<KeyGroupRef>(imsPaths.keyGroups(key), 'keyGroupPage'),
    putKeyGroups: (key, groupIds) =>
      call({
        method: 'PUT',
        path: imsPaths.keyGroups(key),
        json: { group_ids: [...groupIds] },
        answer: 'groupIds',
      }),
    getKeyRoles: (key) => smallList<KeyRoleRef>(imsPaths.keyRoles(key), 'keyRolePage'),
    putKeyRoles: (key, roleIds) =>
      call({
        method: 'PUT',
        path: imsPaths.keyRoles(key),
        json: { role_ids: [...roleIds] },
        answer: 'roleIds',
      }),
    getKeyPermissions: (key) =>
      call({ method: 'GET', path: imsPaths.keyPermissions(key), answer: 'permissions' }),
    ...keyWrites(call),
  };
}
