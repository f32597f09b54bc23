import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCredential } from '../../../../src/core/credential.js';
import { ExitCode } from '../../../../src/core/exit-codes.js';
import {
  CREDENTIAL_ENV_NAMES,
  runWithCredential,
  startWithCredential,
} from '../../../../src/output/secret/exec-sink.js';

const SECRET = 'Zq8Wm2Lr5Tn9Xv1Bc4Hd7Jf0Kg3Np6Rs8Uw2Ya5Ce9Gi1Ko4Mq';
const CRED: NewCredential = {
  accessKey: 'QWERTYUIOPASDFGHJKLZXCVBNM1234',
  secretKey: SECRET,
  tenantId: '1234567890',
  credential: `key:QWERTYUIOPASDFGHJKLZXCVBNM1234::${SECRET},tenant id:1234567890`,
};

let dir: string;
let report: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'helixctl-exec-'));
  report = join(dir, 'report.mjs');
  // Writes what the child saw (argv after the report path, its whole env) to argv[2].
  await writeFile(
    report,
    `import {writeFileSync} from 'node:fs';
const [out, ...args] = process.argv.slice(2);
writeFileSync(out, JSON.stringify({args, env: process.env}));
const code = Number(process.env.EXIT_WITH ?? 0);
if (process.env.KILL_WITH) process.kill(process.pid, process.env.KILL_WITH);
else process.exit(code);
setTimeout(() => {}, 10_000);
`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runReport(env: Record<string, string>, args: string[] = []) {
  const out = join(dir, `out-${Math.random().toString(16).slice(2)}.json`);
  const code = await runWithCredential(
    { command: process.execPath, args: [report, out, ...args] },
    CRED,
    {
      env,
      stdio: 'ignore',
    },
  );
  const seen = JSON.parse(await readFile(out, 'utf8')) as {
    args: string[];
    env: Record<string, string>;
  };
  return { code, ...seen };
}

describe('runWithCredential', () => {
  it('adds exactly the four credential variables to a copy of the environment', async () => {
    const base = { PATH: process.env.PATH ?? '', KEEP_ME: 'yes' };
    const { env, code } = await runReport(base);
    expect(code).toBe(0);
    expect(Object.keys(env).sort()).toEqual([...CREDENTIAL_ENV_NAMES, 'KEEP_ME', 'PATH'].sort());
    expect(env).toMatchObject({
      HELIX_ACCESS_KEY: CRED.accessKey,
      HELIX_SECRET_KEY: SECRET,
      HELIX_TENANT_ID: CRED.tenantId,
      HELIX_CREDENTIAL: CRED.credential,
      KEEP_ME: 'yes',
    });
    expect(base).toEqual({ PATH: process.env.PATH ?? '', KEEP_ME: 'yes' });
  });

  it('overrides credential variables inherited from the parent (the CI login)', async () => {
    const { env } = await runReport({
      HELIX_SECRET_KEY: 'the-admin-secret',
      HELIX_CREDENTIAL: 'old',
    });
    expect(env.HELIX_SECRET_KEY).toBe(SECRET);
    expect(env.HELIX_CREDENTIAL).toBe(CRED.credential);
  });

  it('passes argv exactly as given, with no shell to expand or split it', async () => {
    const args = ['a b', '$HOME', '; echo pwned', '*', '', '"quoted"', '$(id)'];
    const seen = await runReport({ HOME: '/nowhere' }, args);
    expect(seen.args).toEqual(args);
    expect(JSON.stringify(seen.args)).not.toContain(SECRET);
  });

  it.each([0, 3, 42, 255])('returns the child exit code %i', async (exit) => {
    expect((await runReport({ EXIT_WITH: String(exit) })).code).toBe(exit);
  });

  it.runIf(process.platform !== 'win32').each([
    ['SIGTERM', 143],
    ['SIGKILL', 137],
  ])('returns 128 + n when the child dies of %s', async (signal, code) => {
    expect((await runReport({ KILL_WITH: signal })).code).toBe(code);
  });

  it.each([
    ['/nonexistent/helixctl-no-such-command', 'COMMAND_NOT_FOUND'],
    ['helixctl-no-such-command-in-path', 'COMMAND_NOT_FOUND'],
  ])('rejects a missing command %s with a one-line usage error', async (command, code) => {
    await expect(
      startWithCredential({ command, args: [SECRET] }, CRED, {
        env: { PATH: dir },
        stdio: 'ignore',
      }),
    ).rejects.toThrow(
      expect.objectContaining({
        message: `command not found: ${command}`,
        code,
        exitCode: ExitCode.USAGE,
      }),
    );
  });

  it.runIf(process.platform !== 'win32')('rejects a file that is not executable', async () => {
    const script = join(dir, 'not-executable.sh');
    await writeFile(script, '#!/bin/sh\nexit 0\n');
    await chmod(script, 0o644);
    await expect(
      startWithCredential({ command: script, args: [] }, CRED, { env: {}, stdio: 'ignore' }),
    ).rejects.toThrow(expect.objectContaining({ code: 'COMMAND_NOT_EXECUTABLE' }));
  });

  it.runIf(process.platform === 'linux')(
    'never puts the secret on the running child command line',
    async () => {
      const waiter = join(dir, 'wait.mjs');
      await writeFile(waiter, 'setTimeout(() => {}, 60_000);\n');
      const child = await startWithCredential(
        { command: process.execPath, args: [waiter, 'plain-arg'] },
        CRED,
        { env: { PATH: process.env.PATH ?? '' }, stdio: 'ignore' },
      );
      try {
        const cmdline = (await readFile(`/proc/${child.pid}/cmdline`, 'utf8'))
          .split('\0')
          .filter(Boolean);
        expect(cmdline).toEqual([process.execPath, waiter, 'plain-arg']);
        // The same process does hold the credential, in its environment only.
        const environ = (await readFile(`/proc/${child.pid}/environ`, 'utf8')).split('\0');
        expect(environ).toContain(`HELIX_SECRET_KEY=${SECRET}`);
      } finally {
        process.kill(child.pid, 'SIGTERM');
      }
      expect(await child.exit).toBe(143);
    },
  );
});
