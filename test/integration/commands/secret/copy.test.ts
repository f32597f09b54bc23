import { describe, expect, it } from 'vitest';
import { formatCredential } from '../../../../src/core/credential.js';
import { imsPaths } from '../../../../src/wire/paths.js';
import { ADMIN, PLAIN, TENANT, useWorld } from './world.js';

const w = useWorld();

describe('keys copy --print', () => {
  it('no key: the active credential, alone on one line, without a request', async () => {
    const requests = w.emu.logs.length;
    const r = await w.cli(['keys', 'copy', '--print']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${formatCredential(ADMIN)}\n`);
    expect(r.stderr).toBe('');
    expect(w.emu.logs.length).toBe(requests);
  });

  it('a key and --secret-stdin: that key with the given secret (JSON too)', async () => {
    const r = await w.cli(['keys', 'copy', 'acme-plain', '--secret-stdin', '--print'], {
      stdin: `${PLAIN.secretKey}\n`,
    });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${formatCredential(PLAIN)}\n`);
    const json = await w.cli(
      ['--json', 'keys', 'copy', PLAIN.accessKey, '--secret-stdin', '--print'],
      {
        stdin: PLAIN.secretKey,
      },
    );
    expect(JSON.parse(json.stdout)).toEqual({
      access_key: PLAIN.accessKey,
      tenant_id: TENANT,
      name: 'acme-plain',
      secret_form: 'clear',
      credential: formatCredential(PLAIN),
    });
  });

  it('a key alone: its stored one-way form, with a warning', async () => {
    const r = await w.cli(['keys', 'copy', 'acme-plain', '--print']);
    expect(r.exitCode).toBe(0);
    const token = await w.emu.login(ADMIN);
    const stored = (await w.emu.request('GET', imsPaths.keySecret(PLAIN.accessKey), { token })).body
      .encrypted_secret_key;
    expect(stored).toMatch(/^\$sha256\$/);
    expect(r.stdout).toBe(`key:${PLAIN.accessKey}::${stored},tenant id:${TENANT}\n`);
    expect(r.stdout).not.toContain(PLAIN.secretKey);
    expect(r.stderr).toContain(
      'warning: this is the stored one-way form of the secret of "acme-plain"',
    );
    expect(r.stderr).toContain('a secret can be copied in clear only when it is generated');
    expect(r.stderr).toContain(`helixctl keys rotate ${PLAIN.accessKey}`);
  });
});

it('under GitHub Actions the credential is masked on stderr first; stdout stays one line', async () => {
  const r = await w.cli(['keys', 'copy', '--print'], { env: { GITHUB_ACTIONS: 'true' } });
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toBe(`::add-mask::${ADMIN.secretKey}\n::add-mask::${formatCredential(ADMIN)}\n`);
  expect(r.stdout).toBe(`${formatCredential(ADMIN)}\n`);
});

describe('keys copy refusals', () => {
  it('no clipboard is exit 8 (input needed) with a --print hint, before any request', async () => {
    // Was exit 7, which means a network or service failure (docs/cli-contract.md §8).
    const requests = w.emu.logs.length;
    const r = await w.cli(['keys', 'copy', 'acme-plain']);
    expect(r.exitCode).toBe(8);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: clipboard unavailable: disabled by HELIXCTL_NO_CLIPBOARD\nhint: use --print to write the credential to stdout instead\n',
    );
    expect(w.emu.logs.length).toBe(requests);
  });

  it.each([
    [['keys', 'copy', '--secret-stdin', '--print'], 'Qz9', 2, '--secret-stdin goes with a key'],
    [
      ['keys', 'copy', 'acme-plain', '--secret-stdin', '--print'],
      'sh0rtSecretQz',
      2,
      'must be 50 letters',
    ],
    [['keys', 'copy', '--print', '--clear-after', '5s'], undefined, 2, '--clear-after goes with'],
    [['keys', 'copy', 'no-such', '--print'], undefined, 5, 'no key with'],
  ])('%j is refused', async (argv, stdin, code, message) => {
    const r = await w.cli(argv, stdin === undefined ? {} : { stdin });
    expect(r.exitCode).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    if (stdin) expect(r.stderr).not.toContain(stdin);
  });
});
