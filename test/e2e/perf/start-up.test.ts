import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sandbox } from '../../helpers/cli.js';
import { runWithModuleLog } from '../../helpers/module-log.js';
import { type ServeProcess, startServe } from '../../helpers/serve-process.js';
import { type Cred, credentialEnv } from '../../integration/commands/bulk/bulk-fixture.js';

/**
 * The start-up path stays lean (docs/performance.md): these pin which modules a command line
 * loads, and that the shortcuts print exactly what the full path prints.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const box = sandbox();
let serve: ServeProcess;
beforeAll(async () => {
  serve = await startServe();
});
afterAll(async () => {
  await serve.stop();
  box.cleanup();
});

/** The files of dist/bundle a run loaded (each chunk is one file for the ES module loader). */
const bundleFiles = (files: string[]) => files.filter((f) => f.includes('/dist/bundle/'));

const loaded = (argv: string[]) => runWithModuleLog(argv, box.env);

describe('start-up path', () => {
  it('--version, -V and `version` print what commander prints, loading neither dist/ nor a package', async () => {
    const inProcess = await runCli(['--version'], { env: box.env });
    // The day the build wrote (scripts/bundle.js), never the clock at run time.
    const { built } = JSON.parse(readFileSync(join(ROOT, 'dist/build-info.json'), 'utf8'));
    expect(inProcess.stdout).toBe(`helixctl 0.1.0 (built ${built})\nnpm package: helixctl\n`);
    for (const flag of ['--version', '-V', 'version']) {
      const run = await loaded([flag]);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toBe(inProcess.stdout.trimEnd());
      expect(run.has('node_modules')).toBe(false);
      expect(run.has('/dist/')).toBe(false);
    }
    // The verb itself (reached with any other word) prints the same, or a JSON document.
    const verb = await runCli(['version'], { env: box.env });
    expect(verb.stdout).toBe(inProcess.stdout);
    const json = await runCli(['version', '--json'], { env: box.env });
    expect(JSON.parse(json.stdout)).toEqual({
      name: 'helixctl',
      version: '0.1.0',
      built,
      url: null,
    });
  });

  it('--help loads commander but neither chalk, the keys verbs nor the duration grammar', async () => {
    const run = await loaded(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage: helixctl [options] [command]');
    expect(run.has('node_modules/commander')).toBe(true);
    for (const part of ['node_modules/chalk', 'commands/keys/verbs', 'core/duration.js']) {
      expect(run.has(part), part).toBe(false);
    }
  });

  it('--help loads commander from the bundle, not through the CommonJS loader', async () => {
    const run = await loaded(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(bundleFiles(run.files).length).toBeLessThanOrEqual(3);
  });

  it('keys list over the network loads a handful of chunks, and still the client', async () => {
    const env = { ...box.env, ...credentialEnv(serve.url, serve.admin as Cred) };
    const run = await runWithModuleLog(['keys', 'list', '--json'], env);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expect.any(Array));
    expect(run.has('node_modules/ky')).toBe(true);
    // main, start-up, rolldown's helpers, the list path, the client (ky and the schemas):
    // scripts/bundle.js. Split by sharing alone they were ~45.
    expect(bundleFiles(run.files).length, bundleFiles(run.files).join('\n')).toBeLessThanOrEqual(6);
  });

  it('a keys verb loads the keys tree, and `help keys` lists every verb', async () => {
    const help = await loaded(['help', 'keys']);
    expect(help.has('commands/keys/verbs.js')).toBe(true);
    for (const verb of ['add', 'list', 'show', 'rotate', 'expire', 'delete', 'check']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${verb}\\b`, 'm'));
    }
    const bare = await runCli(['keys'], { env: box.env });
    expect(bare.exitCode).toBe(2);
    expect(bare.stderr).toMatch(/^ {2}list\b/m);
  });

  it("keeps Node's compile cache in the user's cache folder where Node has one", async () => {
    const run = await loaded(['--help']);
    expect(run.exitCode).toBe(0);
    const dir = join(box.env.XDG_CACHE_HOME as string, 'helixctl', 'compile-cache');
    const supported = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache;
    if (supported === 'function') expect(readdirSync(dir).length).toBeGreaterThan(0);
    else expect(existsSync(dir)).toBe(false);
  });
});
