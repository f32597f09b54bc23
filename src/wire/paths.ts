/**
 * Every IMS path the client and the emulator use, in one place, so that a path the real
 * service spells differently is corrected once. Paths are relative to the portal URL.
 */
const V1 = '/ims/api/v1';
const seg = encodeURIComponent;

export const imsPaths = {
  login: `${V1}/access_keys/login`,
  refresh: `${V1}/auth/tokens`,
  userinfo: `${V1}/userinfo`,
  keys: `${V1}/access_keys`,
  key: (key: string) => `${V1}/access_keys/${seg(key)}`,
  keySecret: (key: string) => `${V1}/access_keys/${seg(key)}/secret`,
  keyRotate: (key: string) => `${V1}/access_keys/${seg(key)}/rotate`,
  keyRotation: (key: string) => `${V1}/access_keys/${seg(key)}/rotation`,
  keyGroups: (key: string) => `${V1}/access_keys/${seg(key)}/groups`,
  keyRoles: (key: string) => `${V1}/access_keys/${seg(key)}/roles`,
  keyPermissions: (key: string) => `${V1}/access_keys/${seg(key)}/permissions`,
  users: `${V1}/users`,
  user: (userId: string) => `${V1}/users/${seg(userId)}`,
  userKeys: (userId: string) => `${V1}/users/${seg(userId)}/access_keys`,
  userKey: (userId: string, key: string) => `${V1}/users/${seg(userId)}/access_keys/${seg(key)}`,
  groups: `${V1}/groups`,
  group: (groupId: string) => `${V1}/groups/${seg(groupId)}`,
  roles: `${V1}/roles`,
  role: (roleId: string) => `${V1}/roles/${seg(roleId)}`,
  /** Emulator only; outside `/ims` on purpose. */
  emulatorNotifications: '/__emulator/notifications',
  emulatorClock: '/__emulator/clock',
  emulatorHealth: '/__emulator/health',
} as const;
