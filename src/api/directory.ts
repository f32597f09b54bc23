import { imsPaths } from '../wire/paths.js';
import type {
  CreateUserRequest,
  Group,
  ListQuery,
  Notification,
  Role,
  User,
} from '../wire/types.js';
import { type Call, listAll, type MutationOptions } from './list-call.js';

/** Users, groups, roles, and the emulator's notification outbox. */
export interface DirectoryApi {
  listGroups(query?: ListQuery): AsyncIterable<Group>;
  listRoles(query?: ListQuery): AsyncIterable<Role>;
  listUsers(query?: ListQuery): AsyncIterable<User>;
  /** `GET /users/{user_id}`: one person or key principal. */
  getUser(userId: string): Promise<User>;
  createUser(body: CreateUserRequest, options?: MutationOptions): Promise<User>;
  /** Emulator only (`GET /__emulator/notifications`): a 404 on the real service. */
  listNotifications(query?: ListQuery): AsyncIterable<Notification>;
}

export function directoryApi(call: Call): DirectoryApi {
  return {
    listGroups: (query) => listAll(call, imsPaths.groups, 'groupPage', query),
    listRoles: (query) => listAll(call, imsPaths.roles, 'rolePage', query),
    listUsers: (query) => listAll(call, imsPaths.users, 'userPage', query),
    getUser: (userId) => call({ method: 'GET', path: imsPaths.user(userId), answer: 'user' }),
    createUser: (body, options) =>
      call({
        method: 'POST',
        path: imsPaths.users,
        json: body,
        answer: 'user',
        outcome: {
          what: `creating user ${JSON.stringify(body.login_id)}`,
          checkHint: options?.checkHint ?? 'check the tenant users before creating it again',
        },
      }),
    listNotifications: (query) =>
      listAll(call, imsPaths.emulatorNotifications, 'notificationPage', query),
  };
}
