#!/usr/bin/env node
// Shim: the CLI lives in dist/bundle (ES modules). This file is CommonJS (bin/package.json) so that
// a bare `--version`, the most common probe of an installed CLI, answers without starting the
// ES module loader; every other command line imports the bundle. Setting exitCode (not calling
// exit) lets piped stdout drain.
'use strict';

const argv = process.argv.slice(2);
const versionText =
  argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V' || argv[0] === 'version')
    ? builtVersionText()
    : undefined;
if (versionText !== undefined) {
  // As in dist/output/io.js: a reader that went away (`| head -0`) is not our failure.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(versionText);
} else {
  enableCompileCache();
  // dist/bundle is dist/ bundled (scripts/bundle.js); its source maps lead stack traces, which
  // only --debug prints, back to dist/.
  if (argv.includes('--debug') || process.env.HELIXCTL_DEBUG === '1') {
    process.setSourceMapsEnabled(true);
  }
  import('../dist/bundle/main.js').then(async ({ main }) => {
    process.exitCode = await main(argv);
  });
}

/**
 * Node 22.1+ keeps compiled code between runs (Node 20 has no such API). In the user's own
 * cache folder, not the shared temp folder Node picks by default, where another account could
 * plant code; NODE_DISABLE_COMPILE_CACHE=1 turns it off. As in dist/config/paths.js, an empty
 * or relative HOME names no folder: the cache would land under the current folder, so there
 * is none (the command itself then refuses to run).
 */
function enableCompileCache() {
  const { enableCompileCache: enable } = require('node:module');
  if (!enable) return;
  const { homedir } = require('node:os');
  const { isAbsolute, join } = require('node:path');
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(process.env.HOME || homedir(), '.cache');
  if (isAbsolute(base)) enable(join(base, 'helixctl', 'compile-cache'));
}

/**
 * The `--version` text the build wrote (scripts/bundle.js: dist/version.txt, formatted by
 * src/core/version-text.ts, as `helixctl version` prints it): one file read, no package.json
 * to require, no ES module loader. Without it the bundle answers.
 */
function builtVersionText() {
  try {
    return require('node:fs').readFileSync(`${__dirname}/../dist/version.txt`, 'utf8');
  } catch {
    return undefined;
  }
}
