import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { type Credential, parseCredential } from '../../../src/core/credential.js';
import { imsPaths } from '../../../src/wire/paths.js';
import { type CliResult, spawnCli } from '../../helpers/cli.js';
import { jsonRequest } from '../../helpers/http-json.js';
import { useSandbox, useServe } from '../../helpers/lifecycle.js';

/**
 * The README's CI recipes ("Using helixctl in CI", "Rotating secrets in CI") run as written:
 * each helixctl command line below is copied token by token from the README (the drift test
 * checks the README still holds it), against `helixctl serve` in CI env mode (HELIX_URL +
 * HELIX_CREDENTIAL, CI=true, no TTY, a sandbox HOME). Only what cannot run here is replaced:
 * the `gh secret set` / `curl` inside the `--exec` child (by a write of the credential to
 * $OUT) and `$RUNNER_TEMP` (by a folder in the sandbox).
 */

/** What the exec child does instead of `gh secret set` / `curl`: keep the credential. */
const CHILD = 'printf %s "$HELIX_CREDENTIAL" > "$OUT"';

interface Recipe {
  /** The helixctl argv exactly as the README writes it, shell quoting included. */
  readme: string[];
  /** README tokens replaced for the run (a quoted README token -> the argv word used). */
  replace: Record<string, string>;
  /** What follows the argv on the README's line (redirections, pipes). */
  tail?: string;
}

const GH_SECRET_SET = `'printf %s "$HELIX_CREDENTIAL" | gh secret set HELIX_CI_CREDENTIAL'`;
const GITHUB_ROTATE: Recipe = {
  readme: [
    ...['keys', 'rotate', 'ci-deploy', '--grace', '24h', '--verify', '--exec', '--'],
    ...['sh', '-c', GH_SECRET_SET],
  ],
  replace: { [GH_SECRET_SET]: CHILD },
};

const ROTATE_ALL: Recipe = {
  readme: [
    ...['keys', 'rotate', '--all', '--expiring-within', '14d', '--concurrency', '8'],
    ...['--secret-dir', '"$RUNNER_TEMP/helix"', '--json'],
  ],
  replace: {}, // "$RUNNER_TEMP/helix" is set per test
  tail: ' > rotated.json',
};
const ROTATED_JQ = `jq -r '.[] | "\\(.name)\\t\\(.result)"' rotated.json`;

const GITLAB_CURL =
  `'printf %s "$HELIX_CREDENTIAL" | curl --fail -sS --request PUT ` +
  `--header "PRIVATE-TOKEN: $VARIABLES_TOKEN" ` +
  `"$CI_API_V4_URL/projects/$CI_PROJECT_ID/variables/HELIX_CI_CREDENTIAL" --form "value=<-"'`;
const GITLAB_ROTATE: Recipe = {
  readme: [
    ...['keys', 'rotate', 'ci-deploy', '--grace', '24h', '--verify', '--exec', '--'],
    ...['sh', '-c', GITLAB_CURL],
  ],
  replace: { [GITLAB_CURL]: CHILD },
};

const LIST_ACTIVE_FILTER = '.[] | select(.status == "ACTIVE") | .name';
const ENV_LIST: Recipe = {
  readme: ['keys', 'list', '--json'],
  replace: {},
  tail: ` | jq -r '${LIST_ACTIVE_FILTER}'`,
};
const ENV_CHECK: Recipe = {
  readme: ['keys', 'check', '--within', '7d', '--json'],
  replace: {},
  tail: ' > expiring.json; rc=$?',
};
const CASE_LINE =
  'case $rc in 0) echo "all keys fine";; 10) echo "keys to rotate: $(jq length expiring.json)";; *) exit $rc;; esac';

const lineOf = (recipe: Recipe) => `helixctl ${recipe.readme.join(' ')}${recipe.tail ?? ''}`;

/** The README with shell line continuations and YAML folding undone: one space between words. */
function readmeText(): string {
  const raw = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  return raw.replaceAll('\\\n', ' ').replace(/\s+/g, ' ');
}

const HAS_JQ = (() => {
  try {
    execFileSync('which', ['jq'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const serve = useServe({}, 'test');
const sb = useSandbox();

function env(extra: Record<string, string> = {}): Record<string, string> {
  const admin = serve.credentialText;
  if (admin === undefined) throw new Error('serve printed no administrator credential');
  return { ...sb.env, CI: 'true', HELIX_URL: serve.url, HELIX_CREDENTIAL: admin, ...extra };
}

function run(recipe: Recipe, extraEnv: Record<string, string> = {}, replace = {}) {
  const swaps: Record<string, string> = { ...recipe.replace, ...replace };
  const argv = recipe.readme.map((word) => swaps[word] ?? word);
  // A README word that still carries shell quoting would reach helixctl literally.
  for (const word of argv) expect(word === CHILD || !/["']/.test(word), word).toBe(true);
  return spawnCli(argv, { env: env(extraEnv) });
}

/** Creates a key with the admin credential; returns its credential. */
async function addKey(name: string, expires: string): Promise<Credential> {
  const file = join(sb.home, `${name}.seed.cred`);
  const r = await spawnCli(['keys', 'add', name, '--expires', expires, '--secret-file', file], {
    env: env(),
  });
  expect(r.exitCode, r.stderr).toBe(0);
  return parseCredential(readFileSync(file, 'utf8'));
}

async function loginStatus(c: Credential): Promise<number> {
  const reply = await jsonRequest(serve.url, 'POST', imsPaths.login, {
    body: { access_key: c.accessKey, access_secret_key: c.secretKey, tenant_id: c.tenantId },
  });
  return reply.status;
}

interface Row {
  name: string;
  access_key: string;
  status: string;
  expiry_time?: string | null;
}
async function listKeys(): Promise<Row[]> {
  const r = await spawnCli(['keys', 'list', '--json'], { env: env() });
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Row[];
}

/** The README's `keys check --within 7d --json > expiring.json; rc=$?` and its case line. */
async function envCheck(): Promise<{ rc: number; said: string; expiring: Row[] }> {
  const r = await run(ENV_CHECK);
  writeFileSync(join(sb.home, 'expiring.json'), r.stdout);
  const expiring = JSON.parse(r.stdout) as Row[];
  let said: string;
  if (HAS_JQ) {
    const c = await execa('sh', ['-c', `rc=${r.exitCode}; ${CASE_LINE}`], {
      cwd: sb.home,
      reject: false,
    });
    expect(c.exitCode).toBe(0); // 0 and 10 are the cases the README handles
    said = String(c.stdout);
  } else {
    said =
      r.exitCode === 0
        ? 'all keys fine'
        : r.exitCode === 10
          ? `keys to rotate: ${expiring.length}`
          : '';
  }
  return { rc: r.exitCode, said, expiring };
}

/** No secret of `creds` in `text`, except on GitHub's `::add-mask::` lines when allowed. */
function expectNoSecret(text: string, creds: Credential[], allowMaskLines = false) {
  const lines = text.split('\n').filter((l) => !(allowMaskLines && l.startsWith('::add-mask::')));
  for (const c of creds) expect(lines.join('\n')).not.toContain(c.secretKey);
}

async function rotateOneByExec(recipe: Recipe, ciEnv: Record<string, string>) {
  const old = await addKey('ci-deploy', '10d');
  const out = join(sb.home, 'child.cred');
  const r: CliResult = await run(recipe, { ...ciEnv, OUT: out });
  expect(r.exitCode, r.stderr).toBe(0);
  const fresh = parseCredential(readFileSync(out, 'utf8'));
  expect(fresh.accessKey).not.toBe(old.accessKey);
  // The new key works, and so does the old one through its 24 h grace (zero downtime).
  expect(await loginStatus(fresh)).toBe(200);
  expect(await loginStatus(old)).toBe(200);
  expectNoSecret(r.stdout, [fresh, old]);
  const keys = await listKeys();
  expect(keys.find((k) => k.name === 'ci-deploy')?.access_key).toBe(fresh.accessKey);
  expect(keys.find((k) => k.name === 'ci-deploy (retiring)')?.access_key).toBe(old.accessKey);
  // The retiring key ends within 7 days but never makes `keys check` exit 10.
  const check = await envCheck();
  expect(check.rc).toBe(0);
  expect(check.said).toBe('all keys fine');
  return { r, fresh, old };
}

describe('the README recipes run as written', () => {
  it('the README still holds every command line this file runs', () => {
    const text = readmeText();
    for (const recipe of [GITHUB_ROTATE, ROTATE_ALL, GITLAB_ROTATE, ENV_LIST, ENV_CHECK]) {
      expect(text).toContain(lineOf(recipe));
    }
    expect(text).toContain(ROTATED_JQ);
    expect(text).toContain(CASE_LINE);
  });

  it('CI env mode: keys list | jq, and keys check --within 7d with its case statement', async () => {
    await addKey('ci-deploy', '10d');
    await addKey('long-lived', '60d');
    const soon = await addKey('soon', '3d');
    const list = await run(ENV_LIST);
    expect(list.exitCode, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as Row[];
    const active = HAS_JQ
      ? String(
          (await execa('jq', ['-r', LIST_ACTIVE_FILTER], { input: list.stdout })).stdout,
        ).split('\n')
      : rows.filter((k) => k.status === 'ACTIVE').map((k) => k.name);
    expect(active).toEqual(expect.arrayContaining(['ci-deploy', 'long-lived', 'soon']));
    const check = await envCheck();
    expect(check.rc).toBe(10);
    expect(check.expiring.map((k) => k.name)).toEqual(['soon']);
    expect(check.said).toBe('keys to rotate: 1');
    expectNoSecret(list.stdout, [soon]);
  }, 60_000);

  it('GitHub Actions: rotate ci-deploy --grace 24h --verify --exec', async () => {
    const { r, fresh } = await rotateOneByExec(GITHUB_ROTATE, { GITHUB_ACTIONS: 'true' });
    // The secret reaches the log only inside ::add-mask:: lines, before anything else.
    expect(r.stderr).toContain(`::add-mask::${fresh.secretKey}`);
    expectNoSecret(r.stderr, [fresh], true);
  }, 60_000);

  it('GitLab CI: rotate ci-deploy --grace 24h --verify --exec', async () => {
    const { r, fresh, old } = await rotateOneByExec(GITLAB_ROTATE, { GITLAB_CI: 'true' });
    expectNoSecret(r.stderr, [fresh, old]);
  }, 60_000);

  it('GitHub Actions: rotate --all --expiring-within 14d into --secret-dir', async () => {
    const ciDeploy = await addKey('ci-deploy', '10d');
    const longLived = await addKey('long-lived', '60d');
    const before = await listKeys();
    const runnerTemp = join(sb.home, 'runner-temp');
    mkdirSync(runnerTemp);
    const dir = join(runnerTemp, 'helix');
    const r = await run(
      ROTATE_ALL,
      { GITHUB_ACTIONS: 'true', RUNNER_TEMP: runnerTemp },
      {
        '"$RUNNER_TEMP/helix"': dir,
      },
    );
    expect(r.exitCode, r.stderr).toBe(0);
    writeFileSync(join(sb.home, 'rotated.json'), r.stdout);
    const rotated = JSON.parse(r.stdout) as { name: string; result: string; secret_file: string }[];
    const summary = HAS_JQ
      ? String((await execa('sh', ['-c', ROTATED_JQ], { cwd: sb.home })).stdout)
      : rotated.map((k) => `${k.name}\t${k.result}`).join('\n');
    // Only the key expiring within 14 days: not the 60-day key, not the admin's.
    expect(summary).toBe('ci-deploy\trotated');
    const file = join(dir, 'ci-deploy.cred');
    expect(rotated[0]?.secret_file).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const fresh = parseCredential(readFileSync(file, 'utf8'));
    expect(fresh.accessKey).toBe(ciDeploy.accessKey); // a plain rotation keeps the access key
    expect(fresh.secretKey).not.toBe(ciDeploy.secretKey);
    expect(await loginStatus(fresh)).toBe(200);
    expect(await loginStatus(longLived)).toBe(200);
    expectNoSecret(r.stdout, [fresh, ciDeploy, longLived]);
    expectNoSecret(r.stderr, [fresh], true);
    const after = await listKeys();
    const expiry = (rows: Row[], name: string) => rows.find((k) => k.name === name)?.expiry_time;
    expect(expiry(after, 'long-lived')).toBe(expiry(before, 'long-lived'));
    const check = await envCheck();
    expect(check.rc).toBe(0);
    expect(check.said).toBe('all keys fine');
  }, 60_000);
});
