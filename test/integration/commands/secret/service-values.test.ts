import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imsPaths } from '../../../../src/wire/paths.js';
import { runCli } from '../../../helpers/cli.js';
import { useRotateAllScene } from '../bulk/bulk-fixture.js';

/**
 * A secret or id from the service outside its character set (src/core/service-values.ts)
 * reaches no sink: exit 7 "unexpected answer from the service: <field>", no --secret-file,
 * no --exec child, nothing on stdout. The answers are forged by the fault proxy.
 */
const s = useRotateAllScene();
const PLAIN = 'ACMEPLAIN000000000000000000000';
const GOOD = 'Secret0Forgedxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
const HOSTILE = {
  'an OSC title and a newline in the secret': {
    access_secret_key: 'abc\x1b]0;pwned\x07\nHELIX_EVIL=1xxxxxxxxxxxxxxxxxxxxxxxx',
  },
  'a comma in the secret (it would end it in the copy format)': {
    access_secret_key: 'abcdefghijklmnop,tenant id:1',
  },
  'a newline in the tenant id': { tenant_id: '1000000001\n::set-output name=x::y' },
};

function forged(answer: Record<string, string>) {
  return {
    access_key: PLAIN,
    access_secret_key: GOOD,
    tenant_id: '1000000001',
    ...answer,
  };
}

describe('values from the service are checked before any sink', () => {
  for (const [what, answer] of Object.entries(HOSTILE)) {
    const field = Object.keys(answer)[0];
    it(`keys rotate with ${what}: exit 7, no file, no child, nothing on stdout`, async () => {
      s.proxy.inject({
        method: 'POST',
        path: imsPaths.keySecret(PLAIN),
        fault: { kind: 'status', status: 200, body: forged(answer) },
      });
      const file = join(s.box.home, 'plain.cred');
      const seen = join(s.box.home, 'child-ran');
      const child = `require('node:fs').writeFileSync(${JSON.stringify(seen)}, 'x')`;
      for (const sink of [
        ['--secret-file', file],
        ['--exec', '--', process.execPath, '-e', child],
        ['--json'],
        [],
      ]) {
        const r = await runCli(['keys', 'rotate', PLAIN, ...sink], { env: s.env() });
        expect(r.exitCode, r.stderr).toBe(7);
        expect(r.stderr).toContain(`unexpected answer from the service: ${field}`);
        expect(r.stdout).toBe('');
        expect(r.stderr).not.toContain('\x1b');
      }
      expect(existsSync(file)).toBe(false);
      expect(existsSync(seen)).toBe(false);
    });
  }

  it('keys rotate --all: the key with a hostile answer fails, its secret goes nowhere', async () => {
    s.proxy.inject({
      method: 'POST',
      path: imsPaths.keySecret(PLAIN),
      fault: { kind: 'status', status: 200, body: forged(HOSTILE['a newline in the tenant id']) },
    });
    const dir = join(s.box.home, 'out');
    const r = await runCli(
      ['--json', 'keys', 'rotate', '--all', '--name', 'acme-plain', '--yes', '--secret-dir', dir],
      { env: s.env() },
    );
    expect(r.exitCode, r.stderr).toBe(7);
    const [row] = JSON.parse(r.stdout);
    expect(row.error.message).toBe('unexpected answer from the service: tenant_id');
    expect(row.access_secret_key).toBeUndefined();
    expect(existsSync(join(dir, 'acme-plain.cred'))).toBe(false);
  });
});
