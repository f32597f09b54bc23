import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imsPaths } from '../../../../src/wire/paths.js';
import { runCli, type Sandbox, sandbox } from '../../../helpers/cli.js';
import { startTestEmulator, type TestEmulator } from '../../../helpers/emulator-server.js';
import { startFaultProxy } from '../../../helpers/fault-proxy.js';
import { ACME_ADMIN, createKeys, credentialEnv } from '../bulk/bulk-fixture.js';

/** `helixctl complete -- <words>` in process: what each Tab press prints. */

let box: Sandbox;
let emu: TestEmulator;

beforeAll(async () => {
  box = sandbox();
  emu = await startTestEmulator({ seed: 'seed-basic.json' });
});

afterAll(async () => {
  await emu.close();
  box.cleanup();
});

/** The candidates (values only) and the directive line of one completion. */
async function complete(words: string[], env: Record<string, string> = box.env) {
  const result = await runCli(['complete', '--', ...words], { env });
  expect(result.exitCode).toBe(0);
  expect(result.stderr).toBe('');
  const lines = result.stdout.trimEnd().split('\n');
  const directive = lines.pop();
  return { values: lines.map((l) => l.split('\t')[0]), lines, directive };
}

describe('commands and flags', () => {
  it('lists the top-level commands, completion included, with descriptions', async () => {
    const { values, lines, directive } = await complete(['']);
    expect(values).toEqual(
      expect.arrayContaining([
        'login',
        'logout',
        'whoami',
        'profiles',
        'keys',
        'serve',
        'completion',
      ]),
    );
    expect(values).not.toContain('complete');
    expect(lines).toContain('completion\tprint the shell completion script');
    expect(directive).toBe(':4');
  });

  it('lists the keys verbs', async () => {
    const { values } = await complete(['keys', '']);
    expect(values.filter((v) => v !== 'help').sort()).toEqual([
      'activate',
      'add',
      'assign',
      'check',
      'copy',
      'deactivate',
      'delete',
      'expire',
      'list',
      'permissions',
      'rotate',
      'show',
    ]);
  });

  it('completes a verb prefix', async () => {
    expect((await complete(['keys', 'de'])).values.sort()).toEqual(['deactivate', 'delete']);
  });

  it('completes the flags of a command, the global ones included', async () => {
    const { values } = await complete(['keys', 'rotate', '--']);
    expect(values).toEqual(
      expect.arrayContaining([
        '--all',
        '--concurrency',
        '--secret-dir',
        '--exec',
        '--dry-run',
        '--json',
        '--profile',
      ]),
    );
    expect((await complete(['keys', 'list', '--s'])).values.sort()).toEqual(['--sort', '--status']);
  });

  it('knows command aliases (keys ls, keys rm)', async () => {
    expect((await complete(['keys', 'ls', '--so'])).values).toEqual(['--sort']);
    expect((await complete(['keys', 'rm', '--exp'])).values).toEqual(['--expired']);
  });

  const values: [string[], string[]][] = [
    [
      ['keys', 'list', '--type', ''],
      ['access', 'api', 'user'],
    ],
    [
      ['keys', 'add', '--type', ''],
      ['access', 'api'],
    ],
    [
      ['keys', 'list', '--status', ''],
      ['active', 'inactive'],
    ],
    [
      ['keys', 'list', '--sort', ''],
      ['name', 'created', 'expires', 'status', 'type'],
    ],
    [
      ['-o', ''],
      ['table', 'json', 'ndjson', 'tsv'],
    ],
    [['keys', 'list', '--output', 'n'], ['ndjson']],
    [
      ['completion', ''],
      ['bash', 'zsh', 'fish', 'powershell'],
    ],
  ];
  for (const [words, expected] of values) {
    it(`completes values: ${words.join(' ')}`, async () => {
      expect((await complete(words)).values).toEqual(expected);
    });
  }

  it('completes nothing (and no error) for an unknown command', async () => {
    const { values, directive } = await complete(['nope', '']);
    expect(values).toEqual([]);
    expect(directive).toBe(':4');
  });
});

describe('key names', () => {
  it('lists the key names of the env credentials, with type and status', async () => {
    const env = { ...box.env, ...credentialEnv(emu.url, ACME_ADMIN) };
    const { lines } = await complete(['keys', 'show', ''], env);
    expect(lines).toEqual(
      expect.arrayContaining([
        'acme-plain\ttenant key, active',
        'ingest\tapi key, active',
        'switched-off\ttenant key, inactive',
      ]),
    );
    expect((await complete(['keys', 'rotate', 'acme-p'], env)).values).toEqual(['acme-plain']);
    // Every key argument: delete takes several.
    expect((await complete(['keys', 'delete', 'acme-plain', 'bob'], env)).values).toEqual([
      'bob-laptop',
    ]);
  });

  it('offers the access keys of a name several keys share', async () => {
    const env = { ...box.env, ...credentialEnv(emu.url, ACME_ADMIN) };
    const twins = await createKeys(emu.url, ACME_ADMIN, ['twin']);
    const again = await createKeys(emu.url, ACME_ADMIN, ['twin']);
    const { lines } = await complete(['keys', 'show', ''], env);
    expect(lines.filter((l) => l.includes('twin')).sort()).toEqual(
      [
        `${twins.get('twin')?.accessKey}\ttwin (tenant key, active)`,
        `${again.get('twin')?.accessKey}\ttwin (tenant key, active)`,
      ].sort(),
    );
  });

  it('is quietly empty without credentials, or when the service is unreachable', async () => {
    expect((await complete(['keys', 'show', ''])).values).toEqual([]);
    const down = { ...box.env, ...credentialEnv('http://127.0.0.1:9', ACME_ADMIN) };
    expect((await complete(['keys', 'show', ''], down)).values).toEqual([]);
  });

  it('uses --profile local, but never creates the local emulator on a Tab press', async () => {
    const localDb = join(box.env.XDG_DATA_HOME as string, 'helixctl', 'local.db');
    expect((await complete(['--profile', 'local', 'keys', 'show', ''])).values).toEqual([]);
    expect(existsSync(localDb)).toBe(false);
    // Any command that connects creates it (a dry run changes nothing else).
    const init = ['--profile', 'local', 'keys', 'rotate', '--all', '--dry-run', '--json'];
    expect((await runCli(init, { env: box.env })).exitCode).toBe(0);
    const { lines } = await complete(['--profile', 'local', 'keys', 'show', '']);
    expect(lines).toContain('helixctl-admin\ttenant key, active');
    expect((await complete(['--profile=local', 'keys', 'expire', 'helix'])).values).toEqual([
      'helixctl-admin',
    ]);
  });

  it('completes profile names for --profile and profiles use', async () => {
    expect((await complete(['--profile', ''])).lines).toContain('local\tbuilt-in emulator');
    expect((await complete(['profiles', 'use', 'lo'])).values).toEqual(['local']);
  });
});

/** A key record as the service lists it, named `name`. */
function record(name: string, n: number) {
  return {
    user_id: '100000000000001',
    name,
    type: 'TENANT',
    access_key: `HOSTILE${String(n).padStart(23, '0')}`,
    status: 'ACTIVE',
    non_deletable: false,
    created_date: '2026-01-01T00:00:00Z',
    expiry_enum: 'NEVER',
    key_expired: false,
  };
}

describe('candidates from the service are shown, never obeyed', () => {
  it('an OSC title, an OSC 52 clipboard write, a screen clear and newlines stay one visible candidate each', async () => {
    const proxy = await startFaultProxy(emu.url);
    try {
      const hostile = [
        'osc\u001b]0;pwned\u0007',
        'clip\u001b]52;c;cHduZWQ=\u0007',
        'clear\u001b[2J',
        'lines\nfake-candidate\nother',
        'csi\u009b2J',
        'bidi\u202eevil',
      ];
      const records = hostile.map(record);
      proxy.inject({
        method: 'GET',
        path: imsPaths.keys,
        fault: {
          kind: 'status',
          status: 200,
          body: {
            records,
            _metadata: { page: 1, records_per_page: 100, page_count: 1, total_count: 6 },
          },
        },
      });
      const env = { ...box.env, ...credentialEnv(proxy.url, ACME_ADMIN) };
      const result = await runCli(['complete', '--', 'keys', 'show', ''], { env });
      expect(result.exitCode).toBe(0);
      expect(proxy.count('GET', imsPaths.keys)).toBeGreaterThan(0);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the test
      const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
      expect(result.stdout).not.toMatch(unsafe);
      const values = result.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[0]);
      expect(values).not.toContain('fake-candidate');
      expect(values).toEqual(
        expect.arrayContaining([
          'osc\\x1b]0;pwned\\x07',
          'clip\\x1b]52;c;cHduZWQ=\\x07',
          'clear\\x1b[2J',
          'lines\\nfake-candidate\\nother',
          'csi\\x9b2J',
          'bidi\\u202eevil',
        ]),
      );
    } finally {
      await proxy.close();
    }
  });
});
