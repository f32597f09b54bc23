import { readdirSync, readFileSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN } from '../../helpers/cli.js';
import { FAULTS } from '../../helpers/fault-proxy.js';
import { uniqueName, useWorld } from '../reliability/world.js';
import { Known } from './leaks.js';

/**
 * No secret in any process's argv: long-running helixctl runs (an --exec child that sleeps,
 * a request held at the proxy) are inspected through /proc while they run: the command line
 * of helixctl, of its children, and of every other process of ours on the machine.
 */

const SLEEPER = ['--exec', '--', process.execPath, '-e', 'setTimeout(() => {}, 1500)'];
const world = useWorld();

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`).toString('utf8');
  } catch {
    return ''; // gone meanwhile
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

function parentOf(pid: number): number {
  // "pid (comm) state ppid ...": comm may hold spaces and parentheses; ppid follows the last ')'.
  const stat = readProc(pid, 'stat');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function descendants(root: number): number[] {
  const pids = allPids();
  const out: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const next = pids.filter((p) => frontier.includes(parentOf(p)));
    out.push(...next);
    frontier = next;
  }
  return out;
}

interface Inspection {
  /** Command lines read (every process on the machine that we could read). */
  scanned: number;
  /** helixctl's children and their children. */
  children: number[];
}

/** Every process's argv, checked for every known secret and token (whole and in part). */
function inspect(root: number, known: Known): Inspection {
  let scanned = 0;
  for (const pid of allPids()) {
    const argv = readProc(pid, 'cmdline').split('\0').join(' ');
    if (argv === '') continue;
    scanned += 1;
    for (const value of [...known.secrets, ...known.tokens]) {
      expect(argv.includes(value), `pid ${pid} argv: ${argv.slice(0, 200)}`).toBe(false);
      expect(argv.includes(value.slice(-20)), `pid ${pid} argv holds a secret's tail`).toBe(false);
    }
  }
  return { scanned, children: descendants(root) };
}

async function until<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never met');
}

function start(argv: string[], env: Record<string, string>, input?: string) {
  const child = execa(process.execPath, [BIN, ...argv], {
    env,
    extendEnv: false,
    reject: false,
    stdin: input === undefined ? 'ignore' : 'pipe',
  });
  if (input !== undefined) child.stdin?.end(input);
  return child;
}

describe('secrets never in argv', () => {
  const execCases = [
    {
      label: 'keys add --exec',
      argv: () => ['keys', 'add', uniqueName('argv'), '--expires', '30d'],
      path: /access_keys$/,
    },
    {
      label: 'keys rotate --exec',
      argv: (key: string) => ['keys', 'rotate', key],
      path: /\/secret$/,
    },
  ];
  for (const c of execCases) {
    it(`${c.label}: neither helixctl nor the child carries the new secret in argv; the child's environment does`, async () => {
      const known = new Known();
      known.addSecret(world.admin.secretKey);
      const key = await world.createKey(uniqueName('argv'));
      known.addSecret(key.secretKey);
      const run = start([...c.argv(key.accessKey), ...SLEEPER], world.env());
      await world.proxy.waitForRequest('POST', c.path);
      const fresh = await until(() => {
        const got = known.learn(world.proxy.requests);
        return got.size > 0 ? [...got][0] : undefined;
      });
      const child = await until(() =>
        descendants(run.pid as number).find((p) => readProc(p, 'cmdline').includes('setTimeout')),
      );
      const seen = inspect(run.pid as number, known);
      expect(seen.children).toContain(child);
      expect(readProc(child, 'environ').split('\0')).toContain(`HELIX_SECRET_KEY=${fresh}`);
      expect((await run).exitCode).toBe(0);
    });
  }

  it('keys rotate --all --exec: no child carries its secret in argv', async () => {
    const known = new Known();
    known.addSecret(world.admin.secretKey);
    const prefix = uniqueName('argvbulk');
    for (const n of ['a', 'b', 'c'])
      known.addSecret((await world.createKey(`${prefix}-${n}`)).secretKey);
    const run = start(
      ['keys', 'rotate', '--all', '--name', `${prefix}-*`, '--json', ...SLEEPER],
      world.env(),
    );
    const children = await until(() => {
      const sleeping = descendants(run.pid as number).filter((p) =>
        readProc(p, 'cmdline').includes('setTimeout'),
      );
      return sleeping.length === 3 ? sleeping : undefined;
    });
    known.learn(world.proxy.requests);
    // The admin's, the three old and the three new secrets.
    expect(known.secrets.size).toBe(7);
    inspect(run.pid as number, known);
    for (const child of children) expect(readProc(child, 'environ')).toContain('HELIX_SECRET_KEY=');
    expect((await run).exitCode).toBe(0);
  });

  it('login waiting on the service: the secret read from stdin is in no argv', async () => {
    const known = new Known();
    known.addSecret(world.admin.secretKey);
    world.proxy.inject({ method: 'POST', path: /login$/, fault: FAULTS.stall() });
    const { HELIX_CREDENTIAL: credential, ...env } = world.env();
    const run = start(['login', '--credential-stdin'], env, credential);
    await world.proxy.waitForRequest('POST', /login$/);
    const seen = inspect(run.pid as number, known);
    expect(seen.scanned).toBeGreaterThan(1);
    run.kill('SIGINT');
    expect((await run).exitCode).toBe(130);
  });

  it('a request held at the proxy, credentials in the environment: none in argv', async () => {
    const known = new Known();
    known.addSecret(world.admin.secretKey);
    world.proxy.inject({ method: 'GET', path: /access_keys$/, fault: FAULTS.stall() });
    const run = start(['keys', 'list'], world.env());
    await world.proxy.waitForRequest('GET', /access_keys$/);
    known.learn(world.proxy.requests);
    expect(known.tokens.size).toBeGreaterThan(0);
    inspect(run.pid as number, known);
    run.kill('SIGINT');
    expect((await run).exitCode).toBe(130);
  });
});
