import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCredential } from '../../../../src/core/credential.js';
import { copyToClipboard } from '../../../../src/output/clipboard.js';
import {
  CLIPBOARD_CLEAR_WORKER,
  scheduleClipboardClear,
} from '../../../../src/output/secret/clipboard-clear.js';
import { deliverCredential } from '../../../../src/output/secret/deliver.js';
import type { DeliverDeps } from '../../../../src/output/secret/deliver-types.js';
import { startWithCredential } from '../../../../src/output/secret/exec-sink.js';
import { writeSecretFile } from '../../../../src/output/secret/file-sink.js';
import { type PlanInput, planSinks, type SinkFlags } from '../../../../src/output/secret/plan.js';

const SECRET = 'Dv7Gh2Jk4Lm6Np8Qr0St3Uv5Wx7Yz9Ab1Cd3Ef5Gh7Ij9Kl1Mn';
const CRED: NewCredential = {
  accessKey: 'DELIVERTESTKEY0000000000000001',
  secretKey: SECRET,
  tenantId: '1234567890',
  credential: `key:DELIVERTESTKEY0000000000000001::${SECRET},tenant id:1234567890`,
};

let dir: string;
let reporter: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'helixctl-deliver-'));
  reporter = join(dir, 'reporter.mjs');
  await writeFile(
    reporter,
    "import {writeFileSync} from 'node:fs';\nwriteFileSync(process.argv[2], process.env.HELIX_CREDENTIAL ?? '');\nprocess.exit(Number(process.argv[3] ?? 0));\n",
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Event = ['stdout' | 'stderr' | 'warn' | 'copied', string];

/** Real file, exec and clipboard sinks; the streams and the OS clipboard are recorded. */
function harness(env: Record<string, string> = {}, overrides: Partial<DeliverDeps> = {}) {
  const events: Event[] = [];
  const cleared: [string, number][] = [];
  const execOptions: { stdoutToStderr: boolean }[] = [];
  const deps: DeliverDeps = {
    stdout: (text) => events.push(['stdout', text]),
    stderr: (text) => events.push(['stderr', text]),
    warn: (message) => events.push(['warn', message]),
    copied: (clearAfterMs) => events.push(['copied', String(clearAfterMs)]),
    renderHuman: (cred) => `┌ ${cred.accessKey} ┐\n│ ${cred.credential} │\n└ shown only once ┘`,
    renderJson: (fields) => JSON.stringify({ access_key: CRED.accessKey, ...fields }),
    copy: (text) => copyToClipboard(text, {}),
    scheduleClear: async (value, afterMs) => {
      cleared.push([value, afterMs]);
    },
    writeFile: writeSecretFile,
    startExec: (spec, cred, options) => {
      execOptions.push(options);
      return startWithCredential(spec, cred, {
        env: { PATH: process.env.PATH ?? '' },
        stdio: 'ignore',
      });
    },
    env,
    ...overrides,
  };
  const text = (stream: Event[0]) =>
    events
      .filter(([s]) => s === stream)
      .map(([, t]) => t)
      .join('');
  return { deps, events, cleared, execOptions, text };
}

const copied = { copy: async () => ({ ok: true as const }) };
const plan = (flags: SinkFlags, terminal: Partial<PlanInput> = {}) =>
  planSinks({ flags, interactive: false, stdoutTTY: false, json: false, ...terminal });
const tty = { interactive: true, stdoutTTY: true };
const reportTo = (name: string, exit = 0) => [
  process.execPath,
  reporter,
  join(dir, name),
  String(exit),
];

describe('deliverCredential', () => {
  it('prints the box on stdout when nothing else was chosen (no TTY)', async () => {
    const h = harness();
    const result = await deliverCredential(CRED, plan({}), h.deps);
    expect(result).toEqual({ exitCode: 0, deliveredTo: ['stdout'], warnings: [] });
    expect(h.text('stdout')).toBe(`${h.deps.renderHuman(CRED)}\n`);
    expect(h.text('stderr')).toBe('');
  });

  it('writes the GitHub masks to stderr before anything, and again on stdout before the box', async () => {
    const h = harness({ GITHUB_ACTIONS: 'true' });
    await deliverCredential(CRED, plan({}), h.deps);
    const masks = `::add-mask::${SECRET}\n::add-mask::${CRED.credential}\n`;
    expect(h.events[0]).toEqual(['stderr', masks]);
    expect(h.text('stdout')).toBe(`${masks}${h.deps.renderHuman(CRED)}\n`);
  });

  it('under GitHub Actions in JSON mode keeps stdout one document (masks on stderr only)', async () => {
    const h = harness({ GITHUB_ACTIONS: 'true' });
    await deliverCredential(CRED, plan({}, { json: true }), h.deps);
    expect(h.events[0]?.[0]).toBe('stderr');
    expect(JSON.parse(h.text('stdout'))).toMatchObject({ access_secret_key: SECRET });
  });

  it('writes the file and keeps the secret out of the JSON document', async () => {
    const path = join(dir, 'json-file.cred');
    const h = harness();
    const result = await deliverCredential(
      CRED,
      plan({ secretFile: path }, { json: true }),
      h.deps,
    );
    expect(result).toEqual({ exitCode: 0, deliveredTo: [`file:${path}`], warnings: [] });
    expect(await readFile(path, 'utf8')).toBe(`${CRED.credential}\n`);
    expect(JSON.parse(h.text('stdout'))).toEqual({
      access_key: CRED.accessKey,
      tenant_id: CRED.tenantId,
      secret_delivered_to: [`file:${path}`],
    });
    expect(h.text('stdout') + h.text('stderr') + h.text('warn')).not.toContain(SECRET);
  });

  it('prints the secret anyway when the file fails, and exits 9 (the key exists, a sink failed)', async () => {
    const path = join(dir, 'existing.cred');
    await writeFile(path, 'keep me\n');
    const h = harness();
    const result = await deliverCredential(
      CRED,
      plan({ secretFile: path }, { json: true }),
      h.deps,
    );
    expect(result.exitCode).toBe(9);
    expect(result.deliveredTo).toEqual(['stdout']);
    expect(result.warnings).toEqual([
      `secret file not written: refusing to overwrite ${path}: pass --force; the secret is printed on stdout instead`,
    ]);
    expect(JSON.parse(h.text('stdout'))).toMatchObject({
      access_secret_key: SECRET,
      credential: CRED.credential,
    });
    expect(await readFile(path, 'utf8')).toBe('keep me\n');
  });

  it('prints the human box when the file fails without --json', async () => {
    const h = harness();
    const result = await deliverCredential(
      CRED,
      plan({ secretFile: join(dir, 'no/such/dir/k') }),
      h.deps,
    );
    expect(result.exitCode).toBe(9);
    expect(h.text('stdout')).toBe(`${h.deps.renderHuman(CRED)}\n`);
  });

  it('on a TTY with no clipboard: one warning, the box, exit 0', async () => {
    const h = harness();
    const result = await deliverCredential(CRED, plan({}, tty), h.deps);
    expect(result.exitCode).toBe(0);
    expect(result.deliveredTo).toEqual(['stdout']);
    expect(h.events.filter(([s]) => s === 'warn')).toHaveLength(1);
    expect(h.text('warn')).toMatch(/^clipboard unavailable: no display server/);
    expect(h.text('stdout')).toContain(CRED.credential);
    expect(h.cleared).toEqual([]);
  });

  it('without a TTY, --copy as the only sink falls back to stdout when there is no clipboard', async () => {
    const h = harness();
    const result = await deliverCredential(CRED, plan({ copy: true }), h.deps);
    expect(result.exitCode).toBe(0);
    expect(result.warnings[0]).toMatch(
      /clipboard unavailable: .*; the secret is printed on stdout instead$/,
    );
    expect(h.text('stdout')).toContain(CRED.credential);
  });

  it('does not print the secret for a missing clipboard when the file got it', async () => {
    const path = join(dir, 'copy-and-file.cred');
    const h = harness();
    const result = await deliverCredential(CRED, plan({ copy: true, secretFile: path }), h.deps);
    expect(result).toMatchObject({ exitCode: 0, deliveredTo: [`file:${path}`] });
    expect(h.text('stdout')).toBe('');
  });

  it('copies the credential and schedules its clearing', async () => {
    const h = harness({}, copied);
    const result = await deliverCredential(CRED, plan({ copy: true, clearAfterMs: 1000 }), h.deps);
    expect(result).toEqual({ exitCode: 0, deliveredTo: ['clipboard'], warnings: [] });
    expect(h.cleared).toEqual([[CRED.credential, 1000]]);
    expect(h.text('stdout')).toBe('');
    // The caller is told once, with the delay really scheduled, for its notice.
    expect(h.events.filter(([s]) => s === 'copied')).toEqual([['copied', '1000']]);
  });

  it('tells the caller nothing was copied when the clipboard is missing', async () => {
    const h = harness();
    await deliverCredential(CRED, plan({ copy: true }), h.deps);
    expect(h.text('copied')).toBe('');
  });

  it('keeps the clipboard with --clear-after 0, and only warns when clearing cannot be scheduled', async () => {
    const keep = harness({}, copied);
    await deliverCredential(CRED, plan({ copy: true, clearAfterMs: 0 }), keep.deps);
    expect(keep.cleared).toEqual([]);
    expect(keep.text('copied')).toBe('0');
    // From the sources the compiled helper does not exist: the real scheduler refuses.
    const failing = harness(
      {},
      { ...copied, scheduleClear: (value, ms) => scheduleClipboardClear(value, ms, {}) },
    );
    const result = await deliverCredential(CRED, plan({ copy: true }), failing.deps);
    expect(result.exitCode).toBe(0);
    expect(result.deliveredTo).toEqual(['clipboard']);
    // No clearing scheduled: the notice must not promise one.
    expect(failing.text('copied')).toBe('0');
    expect(result.warnings).toEqual([
      `the clipboard will not be cleared automatically: clipboard helper not found: ${CLIPBOARD_CLEAR_WORKER}`,
    ]);
  });

  it('runs --exec last with the credential in its environment and returns its exit code', async () => {
    const h = harness();
    const result = await deliverCredential(CRED, plan({ exec: reportTo('exec-env', 5) }), h.deps);
    expect(result).toEqual({
      exitCode: 5,
      deliveredTo: [`exec:${process.execPath}`],
      warnings: [],
    });
    expect(await readFile(join(dir, 'exec-env'), 'utf8')).toBe(CRED.credential);
    expect(h.text('stdout')).toBe('');
    expect(h.execOptions).toEqual([{ stdoutToStderr: false }]);
  });

  it('in JSON mode sends the child output to stderr and prints the document once it runs', async () => {
    const h = harness();
    const result = await deliverCredential(
      CRED,
      plan({ exec: reportTo('exec-json') }, { json: true }),
      h.deps,
    );
    expect(result.exitCode).toBe(0);
    expect(h.execOptions).toEqual([{ stdoutToStderr: true }]);
    expect(JSON.parse(h.text('stdout'))).toEqual({
      access_key: CRED.accessKey,
      tenant_id: CRED.tenantId,
      secret_delivered_to: [`exec:${process.execPath}`],
    });
  });

  it('prints the secret and exits 127 when the exec command cannot start', async () => {
    const h = harness();
    const result = await deliverCredential(
      CRED,
      plan({ exec: ['helixctl-no-such-command'] }, { json: true }),
      h.deps,
    );
    expect(result.exitCode).toBe(127);
    expect(result.warnings).toEqual([
      'command not found: helixctl-no-such-command; the secret is printed on stdout instead',
    ]);
    expect(JSON.parse(h.text('stdout'))).toMatchObject({
      credential: CRED.credential,
      secret_delivered_to: ['stdout'],
    });
  });

  it('exits 9 when the file failed but the exec child succeeded, the child code when it failed', async () => {
    const bad = join(dir, 'missing-dir/k');
    const ok = await deliverCredential(
      CRED,
      plan({ secretFile: bad, exec: reportTo('both-ok') }),
      harness().deps,
    );
    expect(ok.exitCode).toBe(9);
    const failed = await deliverCredential(
      CRED,
      plan({ secretFile: bad, exec: reportTo('both-3', 3) }),
      harness().deps,
    );
    expect(failed.exitCode).toBe(3);
  });

  it('warns under GitLab CI when the secret reaches stdout, not when it went to a file', async () => {
    const printed = harness({ GITLAB_CI: 'true' });
    await deliverCredential(CRED, plan({}), printed.deps);
    expect(printed.text('warn')).toMatch(/^GitLab CI cannot mask/);
    const filed = harness({ GITLAB_CI: 'true' });
    await deliverCredential(CRED, plan({ secretFile: join(dir, 'gitlab.cred') }), filed.deps);
    expect(filed.text('warn')).toBe('');
  });
});
