import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../src/wire/paths.js';
import { basic } from '../../helpers/emulator-seed.js';
import {
  roleAndGroupIds,
  startTestEmulator,
  type TestEmulator,
} from '../../helpers/emulator-server.js';

let emu: TestEmulator;
let admin: string;
let roleIds: Record<string, string>;
let groupIds: Record<string, string>;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'seed-basic.json', testClock: true });
  admin = await emu.login(basic.acmeAdmin);
  ({ roleIds, groupIds } = await roleAndGroupIds(emu, admin));
});
afterAll(async () => emu?.close());

const notices = async (type: string) => {
  const res = await emu.request('GET', `${imsPaths.emulatorNotifications}?type=${type}`, {
    token: admin,
  });
  return res.body.records as Array<{
    recipient_user_id: string;
    access_key: string;
    message: string;
  }>;
};

describe('key groups and roles', () => {
  it('reads groups and roles in the envelope', async () => {
    const groups = await emu.request('GET', imsPaths.keyGroups(basic.acmeAuditor.accessKey), {
      token: admin,
    });
    expect(groups.body).toEqual({
      records: [{ group_id: groupIds.Auditors, name: 'Auditors' }],
      _metadata: { page: 0, records_per_page: 1, page_count: 1, total_count: 1 },
    });
    const roles = await emu.request('GET', imsPaths.keyRoles(basic.ingest.accessKey), {
      token: admin,
    });
    expect(roles.body.records).toEqual([
      { role_id: roleIds['Data Ingestion'], name: 'Data Ingestion' },
    ]);
    const none = await emu.request('GET', imsPaths.keyRoles(basic.acmePlain.accessKey), {
      token: admin,
    });
    expect(none.body).toEqual({
      records: [],
      _metadata: { page: 0, records_per_page: 1, page_count: 0, total_count: 0 },
    });
  });

  it('replaces the whole set with PUT, changes permissions at once, and tells the owner', async () => {
    const plain = await emu.login(basic.acmePlain);
    const put = await emu.request('PUT', imsPaths.keyGroups(basic.acmePlain.accessKey), {
      token: admin,
      body: { group_ids: [groupIds.Auditors, groupIds.Ingestion] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ group_ids: [groupIds.Auditors, groupIds.Ingestion] });
    expect((await emu.request('GET', imsPaths.keys, { token: plain })).status).toBe(200);
    const roles = await emu.request('PUT', imsPaths.keyRoles(basic.acmePlain.accessKey), {
      token: admin,
      body: { role_ids: [roleIds.Viewer] },
    });
    expect(roles.body).toEqual({ role_ids: [roleIds.Viewer] });
    const perms = await emu.request('GET', imsPaths.keyPermissions(basic.acmePlain.accessKey), {
      token: admin,
    });
    expect(perms.body).toEqual({
      permissions: [
        'ims:access_keys:read',
        'ingestion:events:write',
        'ingestion:metrics:write',
        'portal:read',
      ],
      sources: [
        { permission: 'ims:access_keys:read', via: 'group', name: 'Auditors' },
        { permission: 'ingestion:events:write', via: 'group', name: 'Ingestion' },
        { permission: 'ingestion:metrics:write', via: 'group', name: 'Ingestion' },
        { permission: 'portal:read', via: 'role', name: 'Viewer' },
      ],
    });
    const sent = (await notices('ACCESS_KEY_ASSIGNMENT_CHANGED')).filter(
      (n) => n.access_key === basic.acmePlain.accessKey,
    );
    expect(sent).toHaveLength(2);
    expect(sent.every((n) => n.recipient_user_id === basic.users.alice)).toBe(true);
    expect(sent[0]?.message).toMatch(/groups of access key "acme-plain".*now: Auditors, Ingestion/);
    expect(sent[1]?.message).toMatch(/roles .* now: Viewer/);
    const emptied = await emu.request('PUT', imsPaths.keyGroups(basic.acmePlain.accessKey), {
      token: admin,
      body: { group_ids: [] },
    });
    expect(emptied.body).toEqual({ group_ids: [] });
    expect((await emu.request('GET', imsPaths.keys, { token: plain })).status).toBe(403);
  });

  it('queues no notice when a PUT changes nothing', async () => {
    const before = (await notices('ACCESS_KEY_ASSIGNMENT_CHANGED')).length;
    const same = { group_ids: [groupIds.Auditors] };
    expect(
      (
        await emu.request('PUT', imsPaths.keyGroups(basic.acmeAuditor.accessKey), {
          token: admin,
          body: same,
        })
      ).status,
    ).toBe(200);
    expect(await notices('ACCESS_KEY_ASSIGNMENT_CHANGED')).toHaveLength(before);
  });

  it('refuses unknown ids, bad bodies, and user-level keys with 400', async () => {
    const path = imsPaths.keyGroups(basic.acmePlain.accessKey);
    for (const body of [
      { group_ids: ['999999999999999'] },
      { group_ids: 'x' },
      {},
      { role_ids: [] },
    ]) {
      expect(
        (await emu.request('PUT', path, { token: admin, body })).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    const user = await emu.request('PUT', imsPaths.keyRoles(basic.bobLaptop.accessKey), {
      token: admin,
      body: { role_ids: [] },
    });
    expect([user.status, user.body.error]).toEqual([
      400,
      "User access keys inherit their owner's groups and roles",
    ]);
  });

  it('shows a user key the owner groups, roles and permissions', async () => {
    const bob = await emu.login(basic.bobLaptop);
    const roles = await emu.request('GET', imsPaths.keyRoles(basic.bobLaptop.accessKey), {
      token: bob,
    });
    expect(roles.body.records).toEqual([{ role_id: roleIds.Viewer, name: 'Viewer' }]);
    const perms = await emu.request('GET', imsPaths.keyPermissions(basic.bobLaptop.accessKey), {
      token: bob,
    });
    expect(perms.body.permissions).toEqual(['portal:read']);
  });

  it('is for administrators: an auditor may read but not replace (403)', async () => {
    const auditor = await emu.login(basic.acmeAuditor);
    expect(
      (await emu.request('GET', imsPaths.keyGroups(basic.ingest.accessKey), { token: auditor }))
        .status,
    ).toBe(200);
    const res = await emu.request('PUT', imsPaths.keyGroups(basic.ingest.accessKey), {
      token: auditor,
      body: { group_ids: [] },
    });
    expect(res.status).toBe(403);
  });
});

describe('groups and roles', () => {
  it('lists the seeded roles with permissions and reads one', async () => {
    const roles = await emu.request('GET', `${imsPaths.roles}?orderBy=name`, { token: admin });
    expect(roles.body.records.map((r: { name: string }) => r.name)).toEqual([
      'Access Key Administrator',
      'Access Key Auditor',
      'Administrator',
      'Data Ingestion',
      'Ticket Reader',
      'Viewer',
    ]);
    const one = await emu.request('GET', imsPaths.role(roleIds.Administrator ?? ''), {
      token: admin,
    });
    expect(one.body).toMatchObject({ name: 'Administrator', permissions: ['*'] });
    expect((await emu.request('GET', imsPaths.role('123'), { token: admin })).status).toBe(404);
  });

  it('creates a group (201, {group_id}) and refuses a duplicate name with 400', async () => {
    const made = await emu.request('POST', imsPaths.groups, {
      token: admin,
      body: { name: 'Ops', role_ids: [roleIds.Viewer] },
    });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ group_id: expect.stringMatching(/^\d{15}$/) });
    const read = await emu.request('GET', imsPaths.group(made.body.group_id), { token: admin });
    expect(read.body).toEqual({
      group_id: made.body.group_id,
      name: 'Ops',
      role_ids: [roleIds.Viewer],
    });
    const missing = await emu.request('GET', imsPaths.group('123456789012345'), { token: admin });
    expect([missing.status, missing.body.error]).toEqual([404, 'Group 123456789012345 not found']);
    const dup = await emu.request('POST', imsPaths.groups, { token: admin, body: { name: 'Ops' } });
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({
      code: 400,
      message: 'BAD_REQUEST',
      error: 'Group with name Ops already exists',
    });
    const auditor = await emu.login(basic.acmeAuditor);
    expect(
      (await emu.request('POST', imsPaths.groups, { token: auditor, body: { name: 'Nope' } }))
        .status,
    ).toBe(403);
  });
});
