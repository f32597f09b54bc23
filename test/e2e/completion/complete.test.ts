import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, spawnCli } from '../../helpers/cli.js';
import { runWithModuleLog } from '../../helpers/module-log.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import {
  type Cred,
  createKeys,
  credentialEnv,
} from '../../integration/commands/bulk/bulk-fixture.js';

/** The built binary answering Tab presses: key names from serve, silence on failure, lean start. */

let serve: ServeProcess;
let box: Sandbox;

beforeAll(async () => {
  serve = await startServe();
  box = sandbox();
  await createKeys(serve.url, serve.admin as Cred, ['deploy-prod', 'deploy-staging']);
});

afterAll(async () => {
  await serve.stop();
  box.cleanup();
});

const values = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith(':'))
    .map((l) => l.split('\t')[0]);

describe('helixctl complete (built binary)', () => {
  it('lists the keys verbs', async () => {
    const result = await spawnCli(['complete', '--', 'keys', ''], { env: box.env });
    expect(result.exitCode).toBe(0);
    expect(values(result.stdout)).toEqual(
      expect.arrayContaining(['add', 'list', 'rotate', 'delete']),
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(':4');
  });

  it('completes key names against serve with env credentials', async () => {
    const env = { ...box.env, ...credentialEnv(serve.url, serve.admin as Cred) };
    const result = await spawnCli(['complete', '--', 'keys', 'rotate', 'deploy-'], { env });
    expect(result.exitCode).toBe(0);
    expect(values(result.stdout)).toEqual(['deploy-prod', 'deploy-staging']);
    expect(result.stderr).toBe('');
  });

  it('prints no error and does not hang when the service never answers', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer(() => {});
    silent.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const env = { ...box.env, ...credentialEnv(url, serve.admin as Cred) };
      // A hang would hit spawnCli's timeout and fail with exit -1.
      const result = await spawnCli(['complete', '--', 'keys', 'show', ''], {
        env,
        timeout: 15_000,
      });
      expect(result).toEqual({ exitCode: 0, stdout: ':4', stderr: '' });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('start-up cost', () => {
  const loaded = async (argv: string[], env: Record<string, string> = box.env) => {
    const run = await runWithModuleLog(argv, env);
    expect(run.exitCode).toBe(0);
    return run.packages;
  };

  it('--help loads neither tab nor the client', async () => {
    const packages = await loaded(['--help']);
    expect(packages.has('commander')).toBe(true);
    expect(packages.has('@bomb.sh/tab')).toBe(false);
    expect(packages.has('ky')).toBe(false);
  });

  it('a Tab press on a command word loads tab, but not the client or the config store', async () => {
    const packages = await loaded(['complete', '--', 'keys', '']);
    expect(packages.has('@bomb.sh/tab')).toBe(true);
    for (const heavy of ['ky', 'conf', 'ora', 'cli-table3', '@inquirer/prompts', 'hono']) {
      expect(packages.has(heavy)).toBe(false);
    }
  });

  it('a Tab press on a key name loads the client', async () => {
    const env = { ...box.env, ...credentialEnv(serve.url, serve.admin as Cred) };
    expect((await loaded(['complete', '--', 'keys', 'show', ''], env)).has('ky')).toBe(true);
  });
});
