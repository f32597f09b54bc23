import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import type { Dispatch } from '../../../src/cli/runtime/dispatch.js';
import { readGlobalOptions } from '../../../src/cli/runtime/global-options.js';
import { fakeIo } from '../../helpers/fake-io.js';

/** The parse layer on its own: argv in, the command id and typed options a body would get. */
async function parse(argv: string[]) {
  const calls: Array<{ id: string; options: unknown; globals: unknown }> = [];
  const dispatch: Dispatch = async (id, options, command) => {
    calls.push({ id, options, globals: readGlobalOptions(command) });
  };
  const io = fakeIo();
  const exitCode = await run(argv, { io, dispatch });
  return { exitCode, call: calls[0], stderr: io.err(), stdout: io.out() };
}

const sinks = { force: false };

describe('argv to options', () => {
  it.each([
    [
      ['keys', 'add', 'ci'],
      'keys add',
      { name: 'ci', groups: [], roles: [], dryRun: false, allowDuplicateName: false, sinks },
    ],
    [
      [
        'keys',
        'add',
        '--name',
        'x',
        '--type',
        'API',
        '--expires',
        '30d',
        '--group',
        'A',
        '--group',
        'B',
        '--role',
        'R',
        '--user',
        '100000000000002',
        '--dry-run',
      ],
      'keys add',
      {
        name: 'x',
        type: 'API',
        expires: '30d',
        groups: ['A', 'B'],
        roles: ['R'],
        user: '100000000000002',
        dryRun: true,
        allowDuplicateName: false,
        sinks,
      },
    ],
    [
      [
        'keys',
        'add',
        'n',
        '--no-copy',
        '--secret-file',
        'f',
        '--force',
        '--clear-after',
        '0',
        '--exec',
        '--',
        'deploy',
        '--flag',
      ],
      'keys add',
      {
        name: 'n',
        groups: [],
        roles: [],
        dryRun: false,
        allowDuplicateName: false,
        sinks: {
          force: true,
          copy: false,
          secretFile: 'f',
          clearAfterMs: 0,
          exec: ['deploy', '--flag'],
        },
      },
    ],
    [
      [
        'keys',
        'ls',
        '--type',
        'access',
        '--status',
        'INACTIVE',
        '--expiring-within',
        '2w',
        '--name',
        'ci-*',
        '--sort',
        'expires',
        '--desc',
        '--limit',
        '5',
      ],
      'keys list',
      {
        type: 'TENANT',
        status: 'INACTIVE',
        expiringWithinMs: 14 * 86_400_000,
        name: 'ci-*',
        sort: 'expires',
        desc: true,
        limit: 5,
      },
    ],
    [
      ['keys', 'list', '--expired', '--user', '100000000000002'],
      'keys list',
      { expired: true, user: '100000000000002', desc: false },
    ],
    [['keys', 'show', 'ci'], 'keys show', { key: 'ci' }],
    [
      ['keys', 'rotate', 'ci', '--grace', '24h', '--verify', '--yes'],
      'keys rotate',
      {
        key: 'ci',
        graceMs: 86_400_000,
        verify: true,
        all: false,
        concurrency: 4,
        dryRun: false,
        replaceRetiring: false,
        sinks,
      },
    ],
    [
      [
        'keys',
        'rotate',
        '--all',
        '--expiring-within',
        '14d',
        '--concurrency',
        '8',
        '--secret-dir',
        'out',
      ],
      'keys rotate',
      {
        all: true,
        expiringWithinMs: 14 * 86_400_000,
        concurrency: 8,
        secretDir: 'out',
        verify: false,
        dryRun: false,
        replaceRetiring: false,
        sinks,
      },
    ],
    [
      ['keys', 'expire', 'ci', '--in', '30d'],
      'keys expire',
      { key: 'ci', in: '30d', never: false, dryRun: false },
    ],
    [
      ['keys', 'expire', 'ci', '--on', '2027-01-31'],
      'keys expire',
      { key: 'ci', on: '2027-01-31', never: false, dryRun: false },
    ],
    [['keys', 'expire', 'ci', '--never'], 'keys expire', { key: 'ci', never: true, dryRun: false }],
    [
      ['keys', 'assign', 'ci', '--group', 'G', '--remove-role', 'R', '--replace'],
      'keys assign',
      {
        key: 'ci',
        groups: ['G'],
        roles: [],
        removeGroups: [],
        removeRoles: ['R'],
        replace: true,
        dryRun: false,
      },
    ],
    [['keys', 'activate', 'ci'], 'keys activate', { key: 'ci', dryRun: false }],
    [['keys', 'deactivate', 'ci', '--dry-run'], 'keys deactivate', { key: 'ci', dryRun: true }],
    [['keys', 'rm', 'a', 'b'], 'keys delete', { keys: ['a', 'b'], expired: false, dryRun: false }],
    [['keys', 'delete', '--expired'], 'keys delete', { keys: [], expired: true, dryRun: false }],
    [['keys', 'copy'], 'keys copy', { secretStdin: false, print: false }],
    [
      ['keys', 'copy', 'ci', '--secret-stdin', '--print', '--clear-after', '10s'],
      'keys copy',
      { key: 'ci', secretStdin: true, print: true, clearAfterMs: 10_000 },
    ],
    [['keys', 'permissions', 'ci'], 'keys permissions', { key: 'ci' }],
    [['keys', 'check'], 'keys check', { withinMs: 2 * 86_400_000 }],
    [['keys', 'check', '--within', '7d'], 'keys check', { withinMs: 7 * 86_400_000 }],
    [
      ['login', '--access-key', 'A'.repeat(30), '--secret-stdin'],
      'login',
      {
        accessKey: 'A'.repeat(30),
        secretStdin: true,
        credentialStdin: false,
        fromClipboard: false,
        dryRun: false,
        insecureHttp: false,
      },
    ],
    [['profiles', 'use', 'prod'], 'profiles use', { name: 'prod', dryRun: false }],
    [
      ['serve', '--port', '0', '--db', ':memory:', '--test-clock'],
      'serve',
      { host: '127.0.0.1', port: 0, db: ':memory:', testClock: true },
    ],
  ] as const)('%j', async (argv, id, options) => {
    const { exitCode, call, stderr } = await parse([...argv]);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(call?.id).toBe(id);
    expect(call?.options).toEqual(options);
  });

  it('reads global options before and after the command', async () => {
    const { call } = await parse([
      '--profile',
      'p',
      'keys',
      'list',
      '--json',
      '-q',
      '--no-color',
      '-y',
      '--timeout',
      '5s',
    ]);
    expect(call?.globals).toMatchObject({
      profile: 'p',
      json: true,
      quiet: true,
      color: false,
      yes: true,
      timeout: '5s',
      input: true,
    });
  });

  it.each([
    [['keys', 'nope'], /unknown command 'nope'/],
    [['keys', 'list', '--frobnicate'], /unknown option '--frobnicate'/],
    [['keys', 'add', '--type', 'weird'], /--type/],
    [['keys', 'list', '--expiring-within', '10'], /--expiring-within/],
    [['keys', 'list', '--limit', '0'], /--limit/],
    [['keys', 'expire', 'ci', '--in', '1d', '--never'], /exactly one of/],
    [['keys', 'delete'], /--expired/],
    [['keys', 'add', 'x', '--exec'], /--exec needs a command/],
    [['keys', 'rotate', 'ci', '--concurrency', '999'], /--concurrency/],
    [['serve', '--port', '70000'], /--port/],
  ])('refuses %j with exit 2 and one error line', async (argv, pattern) => {
    const { exitCode, stderr, call, stdout } = await parse(argv);
    expect(call).toBeUndefined();
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(pattern);
    expect(stderr.split('\n')[0]).toMatch(/^error: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help on stdout with exit 0, and bare `keys` help on stderr with exit 2', async () => {
    const help = await parse(['keys', 'list', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage: helixctl keys list');
    const bare = await parse(['keys']);
    expect(bare.exitCode).toBe(2);
    expect(bare.stderr).toContain('Usage: helixctl keys');
  });
});
