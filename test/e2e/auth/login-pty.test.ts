import { stripVTControlCharacters } from 'node:util';
import { spawn } from 'node-pty';
import { describe, expect, it } from 'vitest';
import { BIN, spawnCli } from '../../helpers/cli.js';
import { useSandbox, useServe } from '../../helpers/lifecycle.js';
import { expectSecretConfined } from './files.js';

const serve = useServe();
const sb = useSandbox();

/** Waits until `read()` shows `text` (polling), failing with the screen after 20 s. */
async function waitFor(read: () => string, text: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (stripVTControlCharacters(read()).includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${JSON.stringify(text)} on the terminal:\n${read()}`);
}

describe('login in a real pseudo-terminal', () => {
  it('answers the hidden secret prompt: never echoed, exit 0, credential saved', async () => {
    const admin = serve.admin;
    if (!admin) throw new Error('serve printed no credential');
    const args = ['login', '--url', serve.url, '--tenant', admin.tenantId];
    const term = spawn(process.execPath, [BIN, ...args, '--access-key', admin.accessKey], {
      name: 'xterm',
      cols: 120,
      rows: 30,
      env: { ...sb.env, TERM: 'xterm' },
    });
    let screen = '';
    term.onData((data) => {
      screen += data;
    });
    const exited = new Promise<number>((resolve) =>
      term.onExit(({ exitCode }) => resolve(exitCode)),
    );
    await waitFor(() => screen, `Secret key for ${admin.accessKey} (hidden)`);
    term.write(`${admin.secretKey}\r`);
    const code = await exited;
    expect(code, screen).toBe(0);
    expect(stripVTControlCharacters(screen)).toContain(
      `Logged in to ${serve.url} as ${admin.accessKey}`,
    );
    expect(screen).not.toContain(admin.secretKey);
    // Not even a recognisable piece of it (a partial echo before the prompt took the TTY).
    expect(screen).not.toContain(admin.secretKey.slice(0, 12));
    expectSecretConfined(sb.home, admin.secretKey);
    const who = await spawnCli(['whoami', '--json'], { env: sb.env });
    expect(JSON.parse(who.stdout).principal_id).toBe(admin.accessKey);
  });
});
