#!/usr/bin/env node
// Shim: the CLI lives in dist/. Setting exitCode (not calling exit) lets piped stdout drain.
import module from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

// Node 22.1+ keeps compiled code between runs (Node 20 has no such API). In the user's own
// cache folder, not the shared temp folder Node picks by default, where another account could
// plant code; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
if (module.enableCompileCache) {
  const xdg = process.env.XDG_CACHE_HOME;
  const cache = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache');
  module.enableCompileCache(join(cache, 'helixctl', 'compile-cache'));
}
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
