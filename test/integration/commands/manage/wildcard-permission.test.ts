import { describe, expect, it } from 'vitest';
import { formatCredential } from '../../../../src/core/credential.js';
import { runCli } from '../../../helpers/cli.js';
import { basic } from '../../../helpers/emulator-seed.js';
import { useSandbox } from '../../../helpers/lifecycle.js';
import { json, useHarness } from './harness.js';

/**
 * The administrator's wildcard permission `*` reads `all permissions (*)` wherever people read
 * it (keys show, whoami, login's summary, keys permissions: keys-permissions.test.ts), never
 * "1 permission"; JSON keeps `*`.
 */
const h = useHarness('file');
const sb = useSandbox();

describe('the wildcard permission', () => {
  it('keys show', async () => {
    const r = await h.cli(['keys', 'show', 'acme-admin', '-o', 'table']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Permissions: +all permissions \(\*\) \(group Administrators\)$/m);
    const doc = json(await h.cli(['keys', 'show', 'acme-admin', '--json']));
    expect(doc.permissions).toEqual(['*']);
  });

  it('whoami', async () => {
    const r = await h.cli(['whoami', '-o', 'table']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Permissions: +all permissions \(\*\)$/m);
    expect(json(await h.cli(['whoami', '--json'])).permissions).toEqual(['*']);
  });

  it("login's summary line", async () => {
    const r = await runCli(['login', '--url', h.emu.url, '--credential-stdin'], {
      env: sb.env,
      stdin: formatCredential({ ...basic.acmeAdmin, tenantId: basic.acmeAdmin.tenantId ?? '' }),
    });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(', all permissions (*)); profile default saved');
    expect(r.stderr).not.toContain('1 permission');
  });
});
