// `node bench/tools/markdown.js [results.json]`: a run's table in Markdown (for
// docs/performance.md), with the machine line above it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { header } from '../lib/header.js';
import { formatMarkdown } from '../lib/table.js';

const file = process.argv[2] ?? fileURLToPath(new URL('../results.json', import.meta.url));
const run = JSON.parse(readFileSync(file, 'utf8'));
const lines = header(run.machine, run.tiny).split('\n');
process.stdout.write(`${lines.slice(1).join('; ')} (${run.date.slice(0, 10)})\n\n`);
process.stdout.write(`${formatMarkdown(run.rows)}\n`);
