// `npm run build`, second step: bundles tsc's dist/ into dist/bundle/, which bin/helixctl.js
// runs. On Node 20 start-up is mostly the ES module loader, ~0.4 ms a module: the `keys list`
// path loads ~130 files unbundled, ~45 bundled split by sharing alone, and 5 with the groups
// below (docs/performance.md). Dynamic imports stay separate chunks unless a group takes them
// in, so what is lazy stays lazy. dist/ itself is unchanged: the package's exports, the
// benchmark and the unit tests use it.
//
// Left out of the bundle: Node built-ins; better-sqlite3 (a native addon); clipboardy, which
// finds its fallback xsel next to its own files. The bundle lives two folders down, like
// dist/cli/, so the paths the code builds from import.meta.url (package.json, node_modules)
// hold.
//
// dist/bundle/modules.json maps each chunk to the modules it holds, relative to the project:
// tests read it to tell which source modules a command line loaded.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, 'dist/bundle');

/**
 * What a command line other than `--version` always loads: main.js and the chunks it imports
 * statically. Kept out of the groups below, so that `--help` loads no more than it did.
 */
const startUp = new Set();

/**
 * The clipboard worker's modules (an entry of its own), but for start-up's: kept out of the
 * groups too, or the worker would load the group's chunk, and the group's modules that import
 * them would load the worker's chunks on every command line.
 */
const worker = new Set();

/** Each module's static imports (ids), recorded by the first pass. */
const staticImports = new Map();
const graphRecorder = {
  name: 'record-static-imports',
  buildEnd() {
    for (const id of this.getModuleIds()) {
      const info = this.getModuleInfo(id);
      // Only bundled files: built-ins and externals (bare ids) load outside the bundle, and
      // `\0` ids are rolldown's own helpers.
      if (info && isAbsolute(id)) staticImports.set(id, info.importedIds);
    }
  },
};

/** The list-path group (LIST_PATH_DIRS), filled in after the first pass. */
const listPath = new Set();

/**
 * The modules of `keys list` over the network (and of most verbs), past start-up: our runtime,
 * output, config, API, wire and core modules, the keys verbs' registrations and the list body.
 * Split by sharing alone they were ~40 chunks, each a file the ES module loader finds, reads,
 * compiles and links (~0.4 ms each on Node 20, more on a loaded box); one chunk is one file.
 * Only our own modules, whose top level does nothing but define, and only those that import
 * nothing else statically (no package, nothing outside the group but start-up): a chunk's
 * static imports load with it, and a package (chalk, ky...) runs code when it loads, so each
 * stays where its first importer loads it. Packages whose top level only defines (chalk;
 * string-width and what it imports, used by the table renderer) are taken in: left out, every
 * module that imports them, and every one importing those, would drop out of the group.
 */
const LIST_PATH_DIRS =
  /^dist\/(core|output|config|api|wire|cli\/runtime|cli\/commands\/keys\/(shared|list|[^/]+\/register\.js|verbs\.js))\/?|(^|\/)node_modules\/(chalk|string-width|get-east-asian-width|strip-ansi|ansi-regex)\//;
const CLIENT = /[\\/]node_modules[\\/](ky|valibot)[\\/]|[\\/]dist[\\/]api[\\/]answer-schemas\.js$/;

/** Bundles dist/ into `dir`, with the groups when `grouped` (else as rolldown splits alone). */
async function bundle(dir, grouped) {
  rmSync(dir, { recursive: true, force: true });
  const groups = [
    // The runtime modules that both start-up and lazy chunks use, kept in one chunk: split by
    // sharing alone they would make start-up load one file more. With them commander, bundled
    // (CommonJS in a wrapper): one file where Node's CommonJS loader resolved and read five.
    {
      name: 'start-up',
      test: /dist\/cli\/runtime\/(commander|global-options|option-parsers|defined|verb-spec)\.js$|[\\/]node_modules[\\/]commander[\\/]/,
      priority: 3,
    },
  ];
  if (grouped) {
    // ky and the answer schemas (valibot) load together, on the first request (src/api/http.ts).
    // Dependencies stay where they are: by default a group also takes in everything its
    // modules import (the error classes, exit codes and io that start-up loads).
    groups.push({
      name: 'client',
      test: (id) => CLIENT.test(id) && !startUp.has(id),
      priority: 2,
      includeDependenciesRecursively: false,
    });
    groups.push({
      name: 'list-path',
      test: (id) => listPath.has(id),
      priority: 1,
      includeDependenciesRecursively: false,
    });
  }
  const { output } = await build({
    cwd: root,
    plugins: grouped ? [] : [graphRecorder],
    input: {
      main: 'dist/cli/main.js',
      // Spawned by path (CLIPBOARD_CLEAR_WORKER), which resolves next to the chunk that names it.
      'clipboard-clear-worker': 'dist/output/secret/clipboard-clear-worker.js',
    },
    platform: 'node',
    external: [/^node:/, /^better-sqlite3(\/|$)/, /^clipboardy(\/|$)/],
    logLevel: 'warn',
    // A group holds a module that one importer loads lazily and another statically: the lazy
    // import then finds it in the chunk already loaded, which is the point, not a mistake.
    onLog(level, log, handler) {
      if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
    },
    // Required by includeDependenciesRecursively: false; the entries' own exports are
    // unchanged (main and the worker export what they did).
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir,
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      codeSplitting: { groups },
      // Maps lead back to dist/; Node reads them only with --debug (bin/helixctl.js).
      sourcemap: true,
    },
  });
  return output;
}

// First pass, to learn the start-up modules; the second one is what ships.
const first = await bundle(out, false);
const byName = new Map(first.filter((item) => item.type === 'chunk').map((c) => [c.fileName, c]));
/** The modules of an entry chunk and of the chunks it imports statically, transitively. */
const staticClosure = (entry) => {
  const ids = new Set();
  const seen = new Set([entry]);
  const pending = [entry];
  while (pending.length > 0) {
    const chunk = byName.get(pending.pop());
    for (const id of chunk?.moduleIds ?? []) ids.add(id);
    for (const next of chunk?.imports ?? []) {
      if (!seen.has(next)) pending.push(next);
      seen.add(next);
    }
  }
  return ids;
};
for (const id of staticClosure('main.js')) startUp.add(id);
for (const id of staticClosure('clipboard-clear-worker.js')) if (!startUp.has(id)) worker.add(id);
// The candidates, less (until none is left to drop) every one that imports statically a
// module that is neither start-up, nor a Node built-in or external, nor a candidate.
for (const id of staticImports.keys()) {
  const path = relative(root, id).split('\\').join('/');
  if (LIST_PATH_DIRS.test(path) && !CLIENT.test(id) && !startUp.has(id) && !worker.has(id)) {
    listPath.add(id);
  }
}
const outside = (dep) => !startUp.has(dep) && !listPath.has(dep) && staticImports.has(dep);
for (let dropped = true; dropped; ) {
  dropped = false;
  for (const id of listPath) {
    if ((staticImports.get(id) ?? []).some(outside)) {
      listPath.delete(id);
      dropped = true;
    }
  }
}
const output = await bundle(out, true);

const modules = {};
for (const item of output) {
  if (item.type !== 'chunk') continue;
  modules[item.fileName] = item.moduleIds
    .filter((id) => !id.startsWith('\0'))
    .map((id) => relative(root, id).split('\\').join('/'));
}
writeFileSync(resolve(out, 'modules.json'), `${JSON.stringify(modules, null, 1)}\n`);

// The build's UTC day, which `helixctl version` and `--version` print (src/core/version-text.ts,
// bin/helixctl.js): taken here, never from the clock at run time. SOURCE_DATE_EPOCH (seconds)
// fixes it for reproducible builds.
const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const builtAt = Number.isInteger(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
const buildInfo = { built: builtAt.toISOString().slice(0, 10) };
writeFileSync(resolve(root, 'dist/build-info.json'), `${JSON.stringify(buildInfo)}\n`);
// And the whole `--version` text, formatted by the same code `helixctl version` uses: the
// fast path in bin/helixctl.js prints this one file (one read, no package.json to require).
const { versionInfo, formatVersion } = await import(
  pathToFileURL(resolve(root, 'dist/core/version-text.js')).href
);
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
writeFileSync(resolve(root, 'dist/version.txt'), `${formatVersion(versionInfo(pkg, buildInfo))}\n`);
