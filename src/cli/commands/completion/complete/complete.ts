import type { Command } from 'commander';
import { captureConsoleLog } from '../../../../output/capture-console.js';
import { type Io, writeStdout } from '../../../../output/io.js';
import { loadSource } from './sources.js';
import { buildTree, type Dynamic } from './tree.js';
import type { Source } from './values.js';
import { canonicalWords, connectionFlags } from './words.js';

/** Key names that do not come within this long are left out: a Tab press must not hang. */
export const SOURCE_DEADLINE_MS = 2_500;
/** Cobra's "no file completion" directive: what a failure prints, with no candidates. */
const NO_FILES = ':4\n';

/**
 * `helixctl complete -- <words>`, run by the shell scripts on each Tab press: prints one
 * `value\tdescription` line per candidate, then the `:<directive>` line. Handled by run.ts
 * before the normal start-up; loads @bomb.sh/tab here, and the client only when the word
 * is a key name. Never prints an error and always exits 0. `buildProgram` gives the whole
 * command tree (run.ts builds it: a verb never imports the program that lists it).
 */
export async function runComplete(
  argv: readonly string[],
  io: Io,
  buildProgram: () => Promise<Command>,
): Promise<number> {
  const words = argv[0] === '--' ? argv.slice(1) : [...argv];
  try {
    const { RootCommand } = await import('@bomb.sh/tab');
    const program = await buildProgram();
    const typed = canonicalWords(program, words.length === 0 ? [''] : words);
    const dynamic: Dynamic = { values: new Map(), wanted: new Set() };
    const pass = () =>
      captureConsoleLog(() => buildTree(RootCommand, program, dynamic).parse([...typed]));
    let out = pass();
    if (dynamic.wanted.size > 0) {
      await fetchSources(dynamic, io, connectionFlags(typed));
      out = pass();
    }
    writeStdout(io, out);
  } catch {
    writeStdout(io, NO_FILES);
  }
  return 0;
}

async function fetchSources(
  dynamic: Dynamic,
  io: Io,
  flags: ReturnType<typeof connectionFlags>,
): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), SOURCE_DEADLINE_MS);
  const deadline = new Promise<void>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  const load = async (source: Source) => {
    try {
      dynamic.values.set(source, await loadSource(source, io, flags, controller.signal));
    } catch {
      // Quietly nothing: a completion never reports errors.
    }
  };
  try {
    await Promise.race([Promise.all([...dynamic.wanted].map(load)), deadline]);
  } finally {
    clearTimeout(timer);
    // Whatever is still in flight is cut, so the process can exit at once.
    controller.abort();
  }
}
