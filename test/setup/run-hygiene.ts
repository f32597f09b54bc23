import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: the test run must leave nothing behind, in the temp folder or in the
 * real HOME.
 *
 * - Temp folder: the run gets a private temp folder (`helixctl-run-<pid>-*` in the
 *   system's), set as TMPDIR for the workers, so `os.tmpdir()` in every test and helper points
 *   into it (checked by `worker-tmpdir.ts`, so this guard cannot pass vacuously). Whatever is
 *   left in it at the end is a leak: listed, and the run fails. Other runs on the same box do
 *   not disturb it.
 * - Real HOME: the entries below must not be created or changed by the run (xsel writes
 *   `~/.cache/xsel.log` when spawned with the real HOME; the CLI writes its config, data and
 *   cache folders under HOME). Another checkout's tests running at the same time can change
 *   them too: to tell, run with HOME set to an empty folder (the check then watches that one).
 */

/** What the suite could write into the real HOME; none of it may appear or change. */
const HOME_ENTRIES = [
  '.cache/xsel.log',
  '.config/helixctl',
  '.local/share/helixctl',
  '.cache/helixctl',
  '.local/state/helixctl',
  '.helixctl',
];

export const RUN_TMP_VARIABLE = 'HELIXCTL_TEST_RUN_TMP';

interface Snapshot {
  tmp: string;
  systemTmp: string;
  home: string;
  homeEntries: Map<string, string>;
}

let snapshot: Snapshot | undefined;

function describeEntry(path: string): string {
  if (!existsSync(path)) return 'absent';
  const s = statSync(path);
  return `${s.isDirectory() ? 'dir' : 'file'} size=${s.size} mtime=${s.mtimeMs}`;
}

function homeSnapshot(home: string): Map<string, string> {
  return new Map(HOME_ENTRIES.map((entry) => [entry, describeEntry(join(home, entry))]));
}

const RUN_PREFIX = 'helixctl-run-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A run killed before its teardown (Ctrl-C, a CI timeout) leaves its whole folder behind:
 * removed by the next run once the process that made it is gone (its pid is in the name).
 */
function removeFoldersOfDeadRuns(systemTmp: string): void {
  for (const name of readdirSync(systemTmp)) {
    const pid = Number(new RegExp(`^${RUN_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (Number.isSafeInteger(pid) && pid > 0 && !alive(pid)) {
      rmSync(join(systemTmp, name), { recursive: true, force: true });
    }
  }
}

export function setup(): void {
  // With projects, each one may run this: the first run's folder serves all.
  if (process.env[RUN_TMP_VARIABLE] !== undefined) return;
  const systemTmp = tmpdir();
  removeFoldersOfDeadRuns(systemTmp);
  const tmp = mkdtempSync(join(systemTmp, `${RUN_PREFIX}${process.pid}-`));
  const home = homedir();
  snapshot = { tmp, systemTmp, home, homeEntries: homeSnapshot(home) };
  process.env[RUN_TMP_VARIABLE] = tmp;
  process.env.TMPDIR = tmp;
}

const NODE_COMPILE_CACHE = 'node-compile-cache';

export function teardown(): void {
  if (snapshot === undefined) return;
  const { tmp, systemTmp, home, homeEntries } = snapshot;
  snapshot = undefined;
  process.env.TMPDIR = systemTmp;
  delete process.env[RUN_TMP_VARIABLE];
  const problems: string[] = [];
  // Node 22+ keeps a compile cache of tools that enable it without a folder (tsc, which some
  // tests run) in os.tmpdir()/node-compile-cache: compiled code of those tools, no test data.
  rmSync(join(tmp, NODE_COMPILE_CACHE), { recursive: true, force: true });
  // SQLite unlinks its temporary files (`etilqs_*`) the moment it opens them; only a process
  // killed between the two leaves one. The crash tests kill SQLite writers (-9) on purpose, and
  // tests open SQLite files directly (not through the emulator, which keeps temporary storage
  // in memory): such a file is SQLite's, not a leak of ours. Seen once in a CI run.
  for (const name of readdirSync(tmp)) {
    if (/^etilqs_[0-9a-f]+$/.test(name)) rmSync(join(tmp, name), { force: true });
  }
  const left = readdirSync(tmp);
  if (left.length > 0) {
    problems.push(
      `${left.length} entr${left.length === 1 ? 'y' : 'ies'} left in the run's temp folder ${tmp} (kept for a look):`,
      ...left.sort().map((name) => `  ${name}`),
    );
  } else {
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const [entry, before] of homeEntries) {
    const after = describeEntry(join(home, entry));
    if (after !== before) problems.push(`real HOME changed: ~/${entry} was ${before}, is ${after}`);
  }
  if (problems.length > 0) {
    // vitest reports an error thrown here but still exits 0: fail the run explicitly.
    process.exitCode = 1;
    throw new Error(`test hygiene: the run left traces\n${problems.join('\n')}`);
  }
}
