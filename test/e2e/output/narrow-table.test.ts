import { stripVTControlCharacters } from 'node:util';
import { spawn } from 'node-pty';
import { beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../../src/output/text-width.js';
import { BIN, spawnCli } from '../../helpers/cli.js';
import { useSandbox } from '../../helpers/lifecycle.js';

/**
 * Issue 13: at 80 columns `keys list` cut the access key to `ACCES… H3IHL…` while CREATED and
 * LAST USED kept their width. In a real 80-column terminal every access key must be whole.
 */
const sb = useSandbox({}, 'file');
const NAMES = ['deploy-production-eu-west-1', '鍵の名前', '🔑 deploy', 'ci'];
const keys: string[] = [];

beforeAll(async () => {
  for (const name of NAMES) {
    const add = await spawnCli(
      ['--profile', 'local', 'keys', 'add', name, '--expires', '30d', '--no-copy', '--json'],
      { env: sb.env, timeout: 60_000 },
    );
    expect(add.exitCode, add.stderr).toBe(0);
    keys.push((JSON.parse(add.stdout) as { access_key: string }).access_key);
  }
}, 120_000);

/** `keys list` in a pseudo-terminal `cols` wide: the screen, escape sequences removed. */
async function listOnTerminal(cols: number): Promise<string[]> {
  const term = spawn(process.execPath, [BIN, '--profile', 'local', 'keys', 'list'], {
    name: 'xterm',
    cols,
    rows: 40,
    cwd: sb.home,
    env: { ...sb.env, TERM: 'xterm' },
  });
  let screen = '';
  term.onData((data) => {
    screen += data;
  });
  const code = await new Promise<number>((resolve) =>
    term.onExit(({ exitCode }) => resolve(exitCode)),
  );
  expect(code, screen).toBe(0);
  // The spinner redraws its line in place (column 1, erase line): each redraw is a line here.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape sequences
  return stripVTControlCharacters(screen.replace(/\x1b\[\d*[GK]/g, '\n'))
    .split(/\r?\n/)
    .map((line) => line.replace(/\r/g, ''))
    .filter((line) => line.trim() !== '');
}

describe('keys list in a real terminal', () => {
  it('80 columns: every row shows its full 30-character access key and fits', async () => {
    const lines = await listOnTerminal(80);
    const header = lines.find((line) => line.startsWith('NAME'));
    expect(header).toMatch(/^NAME +ACCESS KEY +STATUS +EXPIRES$/);
    for (const key of keys) {
      expect(key).toHaveLength(30);
      const row = lines.find((line) => line.includes(key));
      expect(row, `${key} on screen:\n${lines.join('\n')}`).toBeDefined();
    }
    const table = lines.slice(lines.indexOf(header ?? ''));
    for (const line of table) expect(textWidth(line)).toBeLessThanOrEqual(80);
    // Wide names still line the key column up: it starts at the same display column.
    const starts = keys.map((key) => {
      const row = table.find((line) => line.includes(key)) ?? '';
      return textWidth(row.slice(0, row.indexOf(key)));
    });
    expect(new Set(starts).size).toBe(1);
  }, 60_000);

  it('piped, the TSV is unchanged: every field, nothing cut', async () => {
    const piped = await spawnCli(['--profile', 'local', 'keys', 'list'], { env: sb.env });
    expect(piped.exitCode, piped.stderr).toBe(0);
    const [header, ...rows] = piped.stdout.trimEnd().split('\n');
    expect(header).toBe('name\taccess_key\ttype\tstatus\texpiry_time\tcreated_date\tlast_access');
    for (const name of NAMES) expect(rows.some((r) => r.startsWith(`${name}\t`))).toBe(true);
    expect(piped.stdout).not.toContain('…');
  });
});
