import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, spawnCli } from '../../helpers/cli.js';
import { useSandbox } from '../../helpers/lifecycle.js';

/**
 * Battery: a new secret whose stdout sink fails is a failed delivery (docs/security.md,
 * "Secrets on stdout"). Every secret-producing command x {EPIPE, EBADF, ENOSPC} x {table,
 * json}: exit 9, one `error:` line naming the key and saying to rotate it, no stack trace,
 * and the key exists. `keys rotate --all` has no table form with the secret on stdout (it
 * asks for --secret-dir, --exec or --json), so its two modes are `--json` and `-o ndjson`.
 */
type Fault = 'EPIPE' | 'EBADF' | 'ENOSPC';

interface Outcome {
  exitCode: number | null;
  stderr: string;
}

/**
 * Runs the built CLI with stdout broken in one way. EPIPE: a pipe whose reader is closed
 * before the CLI has even started (deterministic, unlike `| true`); EBADF: `>&-` through a
 * shell (Node then finds the null device on fd 1); ENOSPC: `> /dev/full`.
 */
function runBroken(argv: string[], fault: Fault, env: Record<string, string>): Promise<Outcome> {
  const quoted = [process.execPath, BIN, ...argv].map((a) => `'${a.replaceAll("'", "'\\''")}'`);
  const child =
    fault === 'EPIPE'
      ? spawn(process.execPath, [BIN, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('sh', ['-c', `${quoted.join(' ')} ${fault === 'EBADF' ? '>&-' : '> /dev/full'}`], {
          env,
          stdio: ['ignore', 'inherit', 'pipe'],
        });
  if (fault === 'EPIPE') child.stdout?.destroy();
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.on('close', (exitCode) => resolve({ exitCode, stderr }));
  });
}

const FAULTS: readonly Fault[] = ['EPIPE', 'EBADF', 'ENOSPC'];
const MODES = [
  ['table', []],
  ['json', ['--json']],
] as const;

const COMMANDS: readonly {
  name: string;
  argv(key: string): string[];
  needsKey: boolean;
  modes?: readonly (readonly [string, readonly string[]])[];
}[] = [
  { name: 'keys add', argv: (key) => ['keys', 'add', key, '--expires', '1d'], needsKey: false },
  { name: 'keys rotate', argv: (key) => ['keys', 'rotate', key], needsKey: true },
  {
    name: 'keys rotate --grace',
    argv: (key) => ['keys', 'rotate', key, '--grace', '1h'],
    needsKey: true,
  },
  {
    name: 'keys rotate --all',
    argv: (key) => ['keys', 'rotate', '--all', '--name', key, '--yes'],
    needsKey: true,
    modes: [
      ['json', ['--json']],
      ['ndjson', ['-o', 'ndjson']],
    ],
  },
];

describe('a secret counts as delivered only when stdout took every byte', () => {
  const box = useSandbox({}, 'file');
  const cli = (argv: string[]) => spawnCli(['--profile', 'local', ...argv], { env: box.env });
  let n = 0;

  for (const command of COMMANDS) {
    for (const [mode, flags] of command.modes ?? MODES) {
      for (const fault of FAULTS) {
        it(`${command.name} (${mode}) with ${fault} on stdout: exit 9, one line, key kept`, async () => {
          n += 1;
          const key = `undelivered-${n}`;
          if (command.needsKey) {
            const made = await cli(['keys', 'add', key, '--expires', '1d', '--json']);
            expect(made.exitCode, made.stderr).toBe(0);
          }
          const argv = ['--profile', 'local', ...command.argv(key), ...flags];
          const out = await runBroken(argv, fault, box.env);
          expect(out.exitCode, out.stderr).toBe(9);
          const errors = out.stderr.split('\n').filter((line) => line.startsWith('error:'));
          expect(errors).toHaveLength(1);
          expect(errors[0]).toMatch(new RegExp(`"${key}" was not delivered.*rotate it`));
          expect(out.stderr).not.toMatch(/^\s+at /m);
          // The key exists (with --grace, beside its predecessor): rotating it is the way out.
          const listed = await cli(['keys', 'list', '--name', key, '--json']);
          expect(listed.exitCode, listed.stderr).toBe(0);
          expect(JSON.parse(listed.stdout).length).toBeGreaterThan(0);
        });
      }
    }
  }

  it('a list whose reader went away still stops quietly (exit 0, nothing on stderr)', async () => {
    const out = await runBroken(['--profile', 'local', 'keys', 'list'], 'EPIPE', box.env);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).not.toMatch(/error:/);
  });
});
