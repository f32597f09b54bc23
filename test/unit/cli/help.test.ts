import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { keysVerbs } from '../../../src/cli/commands/keys/verbs.js';
import { createProgram } from '../../../src/cli/program.js';
import { run } from '../../../src/cli/run.js';
import { fakeIo } from '../../helpers/fake-io.js';

/** Every command path of the tree, e.g. `keys rotate`, walked from the real program. */
function commandPaths(): string[][] {
  const program = createProgram({
    dispatch: async () => {},
    version: '0.0.0',
    writeOut: () => {},
    writeErr: () => {},
    // The whole tree: run() adds the keys verbs only to command lines that name `keys`.
    loadedVerbs: { keys: keysVerbs },
  });
  const walk = (command: Command, prefix: string[]): string[][] =>
    command.commands.flatMap((sub) => {
      const path = [...prefix, sub.name()];
      return [path, ...walk(sub, path)];
    });
  return [[], ...walk(program, [])];
}

async function help(path: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const io = fakeIo();
  const exitCode = await run([...path, '--help'], { io });
  return { exitCode, stdout: io.out().replace(/\d+\.\d+\.\d+/g, '<version>'), stderr: io.err() };
}

describe('--help', () => {
  const paths = commandPaths();

  it('covers every command of docs/cli-contract.md §1', () => {
    const names = paths.map((p) => p.join(' '));
    for (const expected of [
      'login',
      'logout',
      'whoami',
      'profiles list',
      'profiles use',
      'profiles remove',
      'serve',
      'completion',
      'version',
    ]) {
      expect(names).toContain(expected);
    }
    for (const verb of [
      'add',
      'list',
      'show',
      'rotate',
      'expire',
      'assign',
      'activate',
      'deactivate',
      'delete',
      'copy',
      'permissions',
      'check',
    ]) {
      expect(names).toContain(`keys ${verb}`);
    }
  });

  it.each(paths.map((p) => [p.join(' ') || '(root)', p] as const))('%s', async (_name, path) => {
    const { exitCode, stdout, stderr } = await help(path);
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatchSnapshot();
  });

  it('every command below the root lists the global options it accepts', async () => {
    for (const path of paths.filter((p) => p.length > 0)) {
      const { stdout } = await help(path);
      const global = stdout.slice(stdout.indexOf('Global Options:'));
      expect(stdout, path.join(' ')).toContain('Global Options:');
      for (const flag of ['--profile <name>', '--json', '-o, --output', '-y, --yes', '--debug']) {
        expect(global, `${path.join(' ')}: ${flag}`).toContain(flag);
      }
    }
  });
});
