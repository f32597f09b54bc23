import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parseCredential } from '../../src/core/credential.js';
import { BIN } from './cli.js';

export interface ServeProcess {
  url: string;
  dbPath: string;
  /** The admin credential printed on stdout (copy format), when the database was new. */
  credentialText: string | undefined;
  admin: { accessKey: string; secretKey: string; tenantId: string } | undefined;
  stderr(): string;
  /** SIGTERM, then waits; returns the exit code. */
  stop(): Promise<number>;
}

/**
 * Spawns `helixctl serve --port 0` from the built binary and waits for its listening line.
 * `args` adds flags (`--seed`, `--test-clock`...); the database is a temp file unless given.
 */
export async function startServe(
  options: { args?: string[]; db?: string; env?: Record<string, string> } = {},
): Promise<ServeProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'helixctl-serve-'));
  const dbPath = options.db ?? join(dir, 'serve.db');
  const child = execa(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--db', dbPath, ...(options.args ?? [])],
    {
      env: { PATH: process.env.PATH ?? '', HOME: dir, ...options.env },
      extendEnv: false,
      reject: false,
      buffer: false,
    },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk;
  });
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 20_000);
    const check = () => {
      const m = /listening on (https?:\/\/\S+)/.exec(err);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stderr?.on('data', check);
    child.on('exit', () => reject(new Error(`serve exited early: ${err}`)));
  });
  let url: string;
  try {
    url = await started;
  } catch (error) {
    // Neither the process nor its temp folder may outlive a failed start.
    child.kill('SIGKILL');
    await child;
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const credentialText = out.trim() === '' ? undefined : out.trim();
  const admin = credentialText ? parseCredential(credentialText) : undefined;
  return {
    url,
    dbPath,
    credentialText,
    admin: admin as ServeProcess['admin'],
    stderr: () => err,
    async stop() {
      child.kill('SIGTERM');
      try {
        return (await child).exitCode ?? -1;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
