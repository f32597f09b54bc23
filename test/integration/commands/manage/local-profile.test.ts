import { describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli.js';
import { useSandbox } from '../../../helpers/lifecycle.js';

/** The same verbs on the built-in `local` profile: the emulator inside the process. */
const home = useSandbox({}, 'file');

const local = (...argv: string[]) => runCli(['--profile', 'local', ...argv], { env: home.env });

describe('the local profile', () => {
  it('lists the bootstrap keys; says it is the local emulator when created, then in whoami only', async () => {
    const asJson = await local('keys', 'list', '--json');
    expect(asJson.exitCode).toBe(0);
    const keys = JSON.parse(asJson.stdout);
    expect(keys.map((k: { name: string }) => k.name)).toContain('helixctl-admin');
    // Created by this first run: said on stderr, even with --json (stdout stays the document).
    expect(asJson.stderr).toContain('profile local: the built-in emulator');
    expect(asJson.stderr).not.toContain('next: ');
    const table = await local('keys', 'list', '-o', 'table');
    expect(table.stderr).not.toContain('profile local: the built-in emulator');
    const whoami = await local('whoami');
    expect(whoami.stderr).toContain('profile local: the built-in emulator');
  });

  it('refuses to delete the non-deletable onboarding key (exit 6) and deletes nothing', async () => {
    const keys = JSON.parse((await local('keys', 'list', '--json')).stdout);
    const onboarding = keys.find((k: { non_deletable: boolean }) => k.non_deletable);
    const r = await local('keys', 'delete', onboarding.access_key, '--yes');
    expect(r.exitCode).toBe(6);
    expect(JSON.parse((await local('keys', 'list', '--json')).stdout)).toHaveLength(keys.length);
  });

  it('show, permissions and check work on it too', async () => {
    const show = await local('keys', 'show', 'helixctl-admin', '--json');
    expect(JSON.parse(show.stdout)).toMatchObject({
      permissions: ['*'],
      groups: [{ name: 'Administrators' }],
    });
    const perms = await local('keys', 'permissions', 'helixctl-admin', '--json');
    expect(JSON.parse(perms.stdout)).toEqual([
      { permission: '*', via: 'group', name: 'Administrators' },
    ]);
    expect((await local('keys', 'check')).exitCode).toBe(0);
  });
});
