import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';

// The built CLI on `--profile local` in a fresh sandbox HOME: the database does not exist yet.
let box: Sandbox;
beforeEach(() => {
  box = sandbox({ NO_COLOR: '1' });
});
afterEach(() => box.cleanup());

const local = (...argv: string[]) =>
  spawnCli(['--profile', 'local', ...argv], { env: box.env as Record<string, string> });

describe('the local profile says what it is once, when it is created', () => {
  it('the first command prints the banner and the next steps; the second does not; whoami does', async () => {
    const banner = `profile local: the built-in emulator (${join(box.env.XDG_DATA_HOME ?? '', 'helixctl', 'local.db')}), not a BMC Helix tenant\n`;
    const next =
      'next: helixctl --profile local keys list · helixctl --profile local keys rotate <name> --secret-file ./cred · helixctl --help\n';
    const first = await local('keys', 'add', 'first-key', '--expires', '30d');
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stderr).toContain(banner);
    expect(first.stderr).toContain(
      `${banner}created the local emulator and saved its administrator credential\n${next}`,
    );
    expect(first.stdout).not.toContain('next:');

    const second = await local('keys', 'list');
    expect(second.exitCode).toBe(0);
    expect(second.stderr).not.toContain('profile local:');
    expect(second.stderr).not.toContain('next:');

    const who = await local('whoami');
    expect(who.exitCode).toBe(0);
    expect(`${who.stderr}\n`).toContain(banner);
    expect(who.stderr).not.toContain('next:');
  });

  it('--json on the first use: the banner on stderr, no next steps, stdout one document', async () => {
    const first = await local('--json', 'keys', 'list');
    expect(first.exitCode).toBe(0);
    expect(Array.isArray(JSON.parse(first.stdout))).toBe(true);
    expect(first.stderr).toContain('profile local: the built-in emulator');
    expect(first.stderr).not.toContain('next:');
  });
});
