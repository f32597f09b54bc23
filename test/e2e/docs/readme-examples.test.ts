import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type Sandbox, sandbox } from '../../helpers/cli.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';

/**
 * README.md's examples, run as written, in order, in one sandbox HOME.
 *
 * Extraction rule:
 * 1. Every fenced block opened by ```sh or ```bash is a candidate.
 * 2. A block whose previous non-blank line is `<!-- not run: <reason> -->` is not run; it is
 *    listed as a skipped test whose title carries the reason, so nothing is skipped silently.
 * 3. In the other blocks, lines continued with a trailing `\` are joined; a line whose first
 *    word is `helixctl` is run whole (pipes, `||`, redirections included) by bash, with the
 *    built `helixctl` on PATH, stdin empty, in a folder of the block's own (as a reader tries
 *    one section at a time: files one block writes do not collide with the next's). Other lines (npm, export,
 *    curl, comments) are not helixctl examples and are not run; a block with none is no
 *    helixctl example.
 * 4. A trailing comment (two spaces or more, then `#`) is dropped. The line must exit 0, or N
 *    when its comment says `(exit N)` or `(exit N <words>)`.
 * 5. A real tenant becomes a `helixctl serve` emulator: `https://acme.onbmc.com` is its URL,
 *    `--tenant 1234567890` its tenant, `<AK>` its administrator access key, `--user
 *    100000000000002` its administrator person, and a `login` reads the secret from
 *    `HELIX_SECRET_KEY` (one of the sources the README lists). The `local` profile is the
 *    in-process emulator, as in the README.
 * 6. Files the examples read are written first (FILES), and keys they name that no earlier
 *    example creates are created first on that emulator (PRELUDE).
 */

const README = resolve(import.meta.dirname, '../../../README.md');

interface Block {
  line: number;
  skip?: string;
  commands: Array<{ line: number; text: string; exit: number }>;
}

function extractBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(sh|bash)\s*$/.test(lines[i] ?? '')) continue;
    let p = i - 1;
    while (p >= 0 && (lines[p] ?? '').trim() === '') p--;
    const marker = /^<!-- not run: (.+) -->$/.exec((lines[p] ?? '').trim());
    const block: Block = { line: i + 1, commands: [] };
    if (marker?.[1] !== undefined) block.skip = marker[1];
    let j = i + 1;
    for (; j < lines.length && !(lines[j] ?? '').startsWith('```'); j++) {
      let text = lines[j] ?? '';
      const start = j + 1;
      while (text.endsWith('\\') && j + 1 < lines.length) {
        j++;
        text = `${text.slice(0, -1)} ${(lines[j] ?? '').trim()}`;
      }
      if (!/^helixctl(\s|$)/.test(text)) continue;
      const comment = /\s{2,}#(.*)$/.exec(text);
      const exit = /\(exit (\d+)\b[^)]*\)/.exec(comment?.[1] ?? '');
      block.commands.push({
        line: start,
        text: comment ? text.slice(0, comment.index).trimEnd() : text.trimEnd(),
        exit: exit?.[1] === undefined ? 0 : Number(exit[1]),
      });
    }
    i = j;
    blocks.push(block);
  }
  return blocks;
}

/** Files the examples read, written in each block's folder. */
const FILES: Record<string, string> = { 'secret.txt': 'not-the-real-secret\n' };

/** Keys named by examples before (or without) an example that creates them. */
const PRELUDE = ['old-key', 'ci-old', 'ci-older', 'demo'].map(
  (name) => `helixctl keys add ${name} --expires 30d --no-copy`,
);

let serve: ServeProcess;
let box: Sandbox;
let work: string;
let env: Record<string, string>;
let adminPerson = '';

beforeAll(async () => {
  serve = await startServe();
  box = sandbox();
  work = join(box.home, 'work');
  mkdirSync(work);
  const bin = join(box.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'helixctl'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, {
    mode: 0o755,
  });
  env = { ...box.env, PATH: `${bin}:/usr/bin:/bin` };
  const shown = await run('helixctl keys show helixctl-admin --json', serveEnv());
  adminPerson = String(JSON.parse(shown.stdout).owner_user_id);
}, 60_000);

/** The serve emulator's administrator, as environment credentials. */
function serveEnv(): Record<string, string> {
  const admin = serve.admin;
  if (admin === undefined) throw new Error('serve printed no administrator credential');
  return {
    HELIX_URL: serve.url,
    HELIX_CREDENTIAL: `key:${admin.accessKey}::${admin.secretKey},tenant id:${admin.tenantId}`,
  };
}

afterAll(async () => {
  await serve?.stop();
  box?.cleanup();
});

function rewrite(text: string): string {
  const admin = serve.admin;
  if (admin === undefined) throw new Error('serve printed no administrator credential');
  return text
    .replaceAll('https://acme.onbmc.com', serve.url)
    .replaceAll('--tenant 1234567890', `--tenant ${admin.tenantId}`)
    .replaceAll('<AK>', admin.accessKey)
    .replaceAll('--user 100000000000002', `--user ${adminPerson}`);
}

async function run(text: string, extra: Record<string, string> = {}, cwd = work) {
  const secret = text.startsWith('helixctl login')
    ? { HELIX_SECRET_KEY: serve.admin?.secretKey ?? '' }
    : {};
  return execa('bash', ['-c', rewrite(text)], {
    cwd,
    env: { ...env, ...secret, ...extra },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: 60_000,
  });
}

const blocks = extractBlocks(readFileSync(README, 'utf8'));

describe('the extraction', () => {
  it('finds the examples, the Operators ones among them, and every skip has a reason', () => {
    const commands = blocks.flatMap((b) => (b.skip === undefined ? b.commands : []));
    expect(commands.length).toBeGreaterThan(30);
    expect(commands.map((c) => c.text)).toContain(
      'helixctl keys assign ci-deploy --group Operators --remove-role Viewer',
    );
    for (const block of blocks) if (block.skip !== undefined) expect(block.skip).not.toBe('');
  });

  it('the local profile has the groups and roles the examples use, as serve has', async () => {
    const r = await run(
      'helixctl --profile local keys add ci-deploy2 --expires 30d --group Operators --role "Data Ingestion" --no-copy',
    );
    expect(r.exitCode, r.stderr).toBe(0);
  });
});

describe('README.md examples, in order', () => {
  it('prelude: the keys the examples name', async () => {
    for (const text of PRELUDE) {
      const r = await run(text, serveEnv());
      expect(r.exitCode, `${text}\n${r.stderr}`).toBe(0);
    }
  });

  for (const block of blocks) {
    if (block.skip !== undefined) {
      it.skip(`README.md:${block.line} (skipped: ${block.skip})`, () => {});
      continue;
    }
    const folder = () => {
      const dir = join(work, `block-${block.line}`);
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
      return dir;
    };
    for (const command of block.commands) {
      it(`README.md:${command.line}: ${command.text}`, async () => {
        const r = await run(command.text, {}, folder());
        expect(r.exitCode, `${command.text}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(
          command.exit,
        );
      });
    }
  }
});
