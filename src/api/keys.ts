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
import { type Call, listAll, listPage } from './list-call.js';
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
  const smallList = <T>(path: string) =>
    collect(pages<T>((page) => listPage<T>(call, path, { page })));
  return {
    listKeys: (query) => listAll(call, imsPaths.keys, query),
    listKeysPage: (query) => listPage(call, imsPaths.keys, query),
    listUserKeys: (userId, query) => listAll(call, imsPaths.userKeys(userId), query),
    listUserKeysPage: (userId, query) => listPage(call, imsPaths.userKeys(userId), query),
    getKey: (key) => call({ method: 'GET', path: imsPaths.key(key) }),
    getStoredSecret: (key) => call({ method: 'GET', path: imsPaths.keySecret(key) }),
    getKeyGroups: (key) => smallList<KeyGroupRef>(imsPaths.keyGroups(key)),
    putKeyGroups: (key, groupIds) =>
      call({ method: 'PUT', path: imsPaths.keyGroups(key), json: { group_ids: [...groupIds] } }),
    getKeyRoles: (key) => smallList<KeyRoleRef>(imsPaths.keyRoles(key)),
    putKeyRoles: (key, roleIds) =>
      call({ method: 'PUT', path: imsPaths.keyRoles(key), json: { role_ids: [...roleIds] } }),
    getKeyPermissions: (key) => call({ method: 'GET', path: imsPaths.keyPermissions(key) }),
    ...keyWrites(call),
  };
}
