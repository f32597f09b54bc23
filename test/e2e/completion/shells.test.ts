import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { BIN, type Sandbox, sandbox } from '../../helpers/cli.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import { missingNote } from '../../helpers/skip.js';
import { type Cred, createKeys } from '../../integration/commands/bulk/bulk-fixture.js';

/**
 * The generated scripts in real shells under tmux: Tab presses complete verbs, flag values
 * and key names from `helixctl serve`. bash runs twice: with the bash-completion package
 * (Debian's 2.11 here) and without it, as the script works in a bare bash too.
 */

const BASH_COMPLETION = '/usr/share/bash-completion/bash_completion';
const has = async (command: string) =>
  (await execa('sh', ['-c', `command -v ${command}`], { reject: false })).exitCode === 0;
const [tmux, zsh, fish] = await Promise.all([has('tmux'), has('zsh'), has('fish')]);

let serve: ServeProcess;
let box: Sandbox;
let socket: string;

beforeAll(async () => {
  serve = await startServe();
  box = sandbox();
  await createKeys(serve.url, serve.admin as Cred, ['deploy-prod', 'deploy-staging']);
  // What the scripts call on each Tab press: `helixctl` on PATH, running the built binary.
  const bin = join(box.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'helixctl'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, {
    mode: 0o755,
  });
});

afterAll(async () => {
  await serve.stop();
  box.cleanup();
});

afterEach(async () => {
  await execa('tmux', ['-L', socket, 'kill-server'], { reject: false });
});

/** Shell start-up lines: the sandbox, env credentials for serve (in a file, not in argv). */
function exports(style: 'sh' | 'fish'): string {
  const vars: Record<string, string> = {
    PATH: `${join(box.home, 'bin')}:/usr/bin:/bin`,
    HELIX_URL: serve.url,
    HELIX_CREDENTIAL: formatCredential(serve.admin as Cred),
    HELIXCTL_NO_CLIPBOARD: '1',
  };
  return Object.entries(vars)
    .map(([k, v]) => (style === 'fish' ? `set -gx ${k} '${v}'` : `export ${k}='${v}'`))
    .join('\n');
}

async function startShell(name: string, command: string[], rc: string): Promise<void> {
  socket = `helixctl-${name}-${process.pid}`;
  const rcFile = join(box.home, `rc-${name}`);
  writeFileSync(rcFile, `${rc}\necho READY\n`);
  await execa(
    'tmux',
    ['-L', socket, 'new-session', '-d', '-s', 'main', '-x', '200', '-y', '50', ...command],
    {
      env: { HOME: box.home, TERM: 'xterm-256color', PATH: '/usr/bin:/bin' },
      extendEnv: false,
    },
  );
  await send(`source ${rcFile}`, 'Enter');
  await screenShows(/^READY$/m);
}

const send = (...keys: string[]) =>
  execa('tmux', ['-L', socket, 'send-keys', '-t', 'main', ...keys]);
const screen = async () =>
  String((await execa('tmux', ['-L', socket, 'capture-pane', '-p', '-t', 'main'])).stdout);

async function screenShows(...patterns: RegExp[]): Promise<string> {
  let text = '';
  await vi.waitFor(
    async () => {
      text = await screen();
      for (const pattern of patterns) expect(text).toMatch(pattern);
    },
    { timeout: 15_000, interval: 100 },
  );
  return text;
}

/**
 * Clears the line and the screen before the next check. zsh drops typeahead after Ctrl-C,
 * so `clear` is typed again until the screen is down to the prompt.
 */
async function reset(): Promise<void> {
  const clean = (text: string) =>
    text.trim().split('\n').length === 1 && !text.includes('helixctl');
  await send('C-c');
  await send('clear', 'Enter');
  await vi.waitFor(
    async () => {
      if (clean(await screen())) return;
      await send('C-c');
      await send('clear', 'Enter');
      throw new Error('screen not cleared yet');
    },
    { timeout: 10_000, interval: 300 },
  );
}

const bashCompletion = existsSync(BASH_COMPLETION);

/** bash with the bash-completion package loaded, and a bare bash without it. */
const BASH_VARIANTS = [
  {
    label: 'with bash-completion',
    setup: [`source ${BASH_COMPLETION}`],
    needs: { tmux, 'bash-completion': bashCompletion },
  },
  { label: 'without bash-completion', setup: [], needs: { tmux } },
];

describe.each(BASH_VARIANTS)('bash $label', ({ label, setup, needs }) => {
  const note = missingNote(needs);
  it.skipIf(note !== '')(`sources twice without a word on stderr${note}`, async () => {
    const script = [
      ...setup,
      exports('sh'),
      'source <(helixctl completion bash)',
      'source <(helixctl completion bash)',
    ];
    const r = await execa('bash', ['--norc', '--noprofile', '-c', script.join('\n')], {
      env: { HOME: box.home, PATH: '/usr/bin:/bin' },
      extendEnv: false,
      reject: false,
    });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it.skipIf(note !== '')(`completes verbs, flag values and key names${note}`, async () => {
    const rc = [
      `PS1='$ '`,
      ...setup,
      exports('sh'),
      // Twice, as a start-up file sourced again would: no "readonly variable" errors.
      'source <(helixctl completion bash)',
      'source <(helixctl completion bash)',
    ];
    await startShell(
      `bash-${label.replace(/\W+/g, '-')}`,
      ['bash', '--norc', '--noprofile'],
      rc.join('\n'),
    );
    await reset();
    await send('helixctl ke', 'Tab');
    await screenShows(/^\$ helixctl keys$/m);
    await reset();
    await send('helixctl keys ', 'Tab', 'Tab');
    await screenShows(/activate\s+add\s+assign\s+check/, /permissions\s+rotate\s+show/);
    await reset();
    await send('helixctl keys rot', 'Tab');
    // capture-pane drops trailing spaces: the completed word is there, whole.
    await screenShows(/^\$ helixctl keys rotate$/m);
    await reset();
    await send('helixctl keys list --type ', 'Tab', 'Tab');
    await screenShows(/access\s+api\s+user/);
    await reset();
    await send('helixctl keys list --type=a', 'Tab', 'Tab');
    await screenShows(/access\s+api/);
    await reset();
    await send('helixctl keys show deploy-', 'Tab', 'Tab');
    const text = await screenShows(/deploy-prod\s+deploy-staging/);
    expect(text).not.toMatch(/command not found|readonly variable/);
  });
});

describe.skipIf(!tmux || !zsh)(`zsh${missingNote({ tmux, zsh })}`, () => {
  it('completes verbs with descriptions and key names', async () => {
    const rc = [
      `PS1='$ '`,
      'autoload -U compinit && compinit -u',
      exports('sh'),
      'source <(helixctl completion zsh)',
    ];
    await startShell('zsh', ['zsh', '-f'], rc.join('\n'));
    await reset();
    await send('helixctl keys ', 'Tab');
    await screenShows(
      /rotate\s+-- generate a new secret/,
      /permissions\s+-- effective permissions/,
    );
    await reset();
    await send('helixctl keys show deploy-', 'Tab');
    await screenShows(/deploy-prod/, /deploy-staging/);
  });
});

describe.skipIf(!tmux || !fish)(`fish${missingNote({ tmux, fish })}`, () => {
  it('completes verbs and key names', async () => {
    const rc = [exports('fish'), 'helixctl completion fish | source'];
    await startShell('fish', ['fish', '--no-config'], rc.join('\n'));
    await reset();
    await send('helixctl keys ', 'Tab');
    await screenShows(/rotate\s+\(generate a new secret/, /permissions/);
    await reset();
    await send('helixctl keys show deploy-', 'Tab');
    await screenShows(/deploy-prod/, /deploy-staging/);
  });
});
