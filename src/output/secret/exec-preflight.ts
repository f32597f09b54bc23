import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { Env } from '../../core/env.js';
import { UsageError } from '../../core/errors.js';

const HINT = 'the command after --exec -- is run without a shell and looked up in PATH';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks that `--exec`'s command can be run, before anything is created or rotated: a
 * missing command is then a usage error (exit 2) and no secret is generated for nothing.
 * Looks the command up in `env.PATH` as execvp does (a name with a `/` is a path; an empty
 * PATH entry is the current folder). On Windows, PATHEXT lookup is left to spawn.
 */
export async function preflightExec(
  command: string,
  env: Env,
  platform: NodeJS.Platform = process.platform,
): Promise<void> {
  if (command === '') throw new UsageError('--exec needs a command');
  if (platform === 'win32') return;
  const candidates = command.includes('/')
    ? [command]
    : (env.PATH ?? '')
        .split(delimiter)
        .map((folder) => join(folder === '' ? '.' : folder, command));
  let found = false;
  for (const candidate of candidates) {
    if (!(await isFile(candidate))) continue;
    if (await isExecutable(candidate)) return;
    found = true;
  }
  if (found)
    throw new UsageError(`command is not executable: ${command}`, {
      code: 'COMMAND_NOT_EXECUTABLE',
      hint: HINT,
    });
  throw new UsageError(`command not found: ${command}`, { code: 'COMMAND_NOT_FOUND', hint: HINT });
}
