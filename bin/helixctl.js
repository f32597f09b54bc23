#!/usr/bin/env node
// Shim: the CLI lives in dist/. Setting exitCode (not calling exit) lets piped stdout drain.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
