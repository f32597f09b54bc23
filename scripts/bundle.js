// `npm run build`, second step: bundles tsc's dist/ into dist/bundle/, which bin/helixctl.js
// runs. On Node 20 start-up is mostly the ES module loader, ~0.4 ms a module: the `keys list`
// path loads ~130 files unbundled and ~45 bundled (docs/performance.md). Dynamic imports stay
// separate chunks, so what is lazy stays lazy. dist/ itself is unchanged: the package's
// exports, the benchmark and the unit tests use it.
//
// Left out of the bundle: Node built-ins; better-sqlite3 (a native addon); clipboardy, which
// finds its fallback xsel next to its own files; commander, which src/cli/commander.ts
// requires as CommonJS. The bundle lives two folders down, like dist/cli/, so the paths the
// code builds from import.meta.url (package.json, node_modules) hold.
//
// dist/bundle/modules.json maps each chunk to the modules it holds, relative to the project:
// tests read it to tell which source modules a command line loaded.
import { rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, 'dist/bundle');

rmSync(out, { recursive: true, force: true });
const { output } = await build({
  cwd: root,
  input: {
    main: 'dist/cli/main.js',
    // Spawned by path (CLIPBOARD_CLEAR_WORKER), which resolves next to the chunk that names it.
    'clipboard-clear-worker': 'dist/output/secret/clipboard-clear-worker.js',
  },
  platform: 'node',
  external: [/^node:/, /^better-sqlite3(\/|$)/, /^clipboardy(\/|$)/, /^commander(\/|$)/],
  logLevel: 'warn',
  output: {
    dir: out,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    // The runtime modules that both start-up and lazy chunks use, kept in one chunk: split by
    // sharing alone they would make start-up load one file more.
    codeSplitting: {
      groups: [
        {
          name: 'start-up',
          test: /dist\/cli\/runtime\/(commander|global-options|option-parsers|defined|verb-spec)\.js$/,
        },
      ],
    },
    // Maps lead back to dist/; Node reads them only with --debug (bin/helixctl.js).
    sourcemap: true,
  },
});

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
writeFileSync(
  resolve(root, 'dist/build-info.json'),
  `${JSON.stringify({ built: builtAt.toISOString().slice(0, 10) })}\n`,
);
