import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCredential } from '../../../src/core/credential.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator-server.js';

/**
 * The package as a user gets it: `npm pack`, installed into a new project, imported by name
 * from TypeScript, type-checked, and run against a real emulator over loopback. Needs
 * `npm run build` first (`npm test` does it): packing here skips the prepack build.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
/**
 * For `npm ci` and the type-check (which checks @types/node's declarations too): ~10 s each on
 * an idle machine, but several times that on a busy 2-core one.
 */
const SLOW_BOX_MS = 120_000;

/**
 * The script a library user would write. README.md's "Use as a library" shows it without the
 * lines marked `test only`.
 */
const SCRIPT = `import { createClient, EXPIRY_ENUM, parseCredential } from 'helixctl';
import { NotFoundError } from 'helixctl'; // test only

// The portal's URL, and a credential in its copy format: key:<access>::<secret>,tenant id:<id>
const url = process.env.HELIX_URL ?? '';
const client = createClient(url, parseCredential(process.env.HELIX_CREDENTIAL ?? ''));
const { tenant_name } = await client.login();
console.log('logged in to', tenant_name);
const key = await client.createKey({ name: 'ci-deploy', expiry_enum: EXPIRY_ENUM.DAYS_90 });
for await (const listed of client.listKeys()) {
  if (listed.access_key === key.access_key) console.log('listed', listed.name);
}
const rotated = await client.regenerateSecret(key.access_key);
console.log('new secret', rotated.access_secret_key !== key.access_secret_key);
const probe = { accessKey: key.access_key, secretKey: rotated.access_secret_key }; // test only
console.log('new secret logs in', (await client.verifyCredential(probe)).principal_id === key.access_key); // test only
await client.deleteKey(key.access_key);
console.log('deleted', key.access_key);
const gone = await client.getKey(key.access_key).catch((error: unknown) => error); // test only
console.log('then not found', gone instanceof NotFoundError); // test only
`;

/** The second entry point: it must resolve and type-check; it starts nothing when imported. */
const EMULATOR_SCRIPT = `import { createEmulator, type Emulator, startServer } from 'helixctl/emulator';

const entries: [typeof createEmulator, typeof startServer] = [createEmulator, startServer];
const none: Emulator | undefined = undefined;
console.log(entries.map((f) => typeof f).join(' '), none);
`;

let work: string;
let project: string;
let emulator: TestEmulator;

/**
 * Installs the tarball offline. `npm install --offline <tarball>` fails here (ENOTCACHED): the
 * npm cache holds the dependencies' tarballs, which this repo's node_modules was installed
 * from, but not the full package documents npm asks for to resolve a new dependency; and
 * `--prefer-offline` would go to the network, which a test must not need. So the project gets
 * a lockfile built from this repo's own (its production entries, same versions and integrity,
 * plus the tarball): `npm ci --offline` then needs nothing but cached tarballs. Install scripts
 * are skipped: the only one is the optional better-sqlite3's native build, which the client
 * does not use and which would compile for minutes.
 */
function writeProject(dir: string, tarball: string): void {
  const repoLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const spec = `file:${tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'library-user', dependencies: { helixctl: spec } },
    'node_modules/helixctl': {
      version: pkg.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      license: pkg.license,
      dependencies: pkg.dependencies,
      optionalDependencies: pkg.optionalDependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [path, entry] of Object.entries<{ dev?: boolean; link?: boolean }>(
    repoLock.packages,
  )) {
    if (path !== '' && !entry.dev && !entry.link) packages[path] = entry;
  }
  const manifest = {
    name: 'library-user',
    private: true,
    type: 'module',
    dependencies: { helixctl: spec },
  };
  const lock = { name: 'library-user', lockfileVersion: 3, requires: true, packages };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'helixctl-pack-'));
  project = join(work, 'project');
  mkdirSync(project);
  const packed = await execa(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
    { cwd: ROOT },
  );
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  writeProject(project, join(work, filename));
  await execa('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: project,
  });
  writeFileSync(join(project, 'use-helixctl.ts'), SCRIPT);
  writeFileSync(join(project, 'use-emulator.ts'), EMULATOR_SCRIPT);
  emulator = await startTestEmulator();
}, SLOW_BOX_MS);

afterAll(async () => {
  await emulator?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('helixctl as a library, installed from its tarball', () => {
  it('is the example of README.md\'s "Use as a library"', () => {
    const example = SCRIPT.split('\n').filter((line) => !line.endsWith('// test only'));
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(
      `\`\`\`ts\n${example.join('\n')}\`\`\`\n`,
    );
  });

  it('ships both entry points with their declarations', () => {
    const installed = join(project, 'node_modules/helixctl/dist');
    for (const file of ['index.js', 'index.d.ts', 'emulator/index.js', 'emulator/index.d.ts'])
      expect(existsSync(join(installed, file)), file).toBe(true);
  });

  it(
    'type-checks a user script strictly, then compiles it',
    async () => {
      // A user's project has its own @types/node; this one, with no dev dependencies, borrows ours.
      // Declarations are checked too (no --skipLibCheck): ours must hold under a strict user.
      const result = await execa(
        process.execPath,
        [
          TSC,
          '--module',
          'nodenext',
          '--strict',
          '--exactOptionalPropertyTypes',
          '--noEmitOnError',
          '--typeRoots',
          join(ROOT, 'node_modules/@types'),
          '--types',
          'node',
          '--outDir',
          'out',
          'use-helixctl.ts',
          'use-emulator.ts',
        ],
        { cwd: project, reject: false },
      );
      expect(result.stdout + result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
    },
    SLOW_BOX_MS,
  );

  it('imports without starting or printing anything', async () => {
    const result = await execa(
      process.execPath,
      ['--input-type=module', '-e', "await import('helixctl'); await import('helixctl/emulator');"],
      { cwd: project, timeout: 10_000 },
    );
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    const entries = await execa(process.execPath, ['out/use-emulator.js'], { cwd: project });
    expect(entries.stdout).toBe('function function undefined');
  });

  it('logs in, creates, lists, rotates and deletes a key on the emulator', async () => {
    const admin = emulator.admin;
    if (!admin) throw new Error('the emulator made no admin credential');
    const result = await execa(process.execPath, ['out/use-helixctl.js'], {
      cwd: project,
      env: { HELIX_URL: emulator.url, HELIX_CREDENTIAL: formatCredential(admin) },
      reject: false,
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('logged in to Helix Emulator');
    expect(lines.slice(1, 4)).toEqual([
      'listed ci-deploy',
      'new secret true',
      'new secret logs in true',
    ]);
    expect(lines[4]).toMatch(/^deleted [A-Z0-9]{30}$/);
    expect(lines.slice(5)).toEqual(['then not found true']);
  });
});
