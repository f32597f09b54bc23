import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, startEmulator } from '../lib/emulator.js';
import { adminToken } from '../lib/login.js';
import { stats } from '../lib/measure.js';
import { throughputRow } from '../lib/rows.js';
import { requireWrk, wrk } from '../lib/wrk.js';

const BARE = fileURLToPath(new URL('../lib/bare-server.js', import.meta.url));
const PATH = '/ims/api/v1/access_keys?size=100';
/** Headers Node's HTTP server writes itself, or that depend on the body's framing. */
const NOT_COPIED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
]);

/**
 * The emulator's authenticated `GET /access_keys?size=100` under wrk, 50 connections, against
 * a bare node:http server sending the same bytes with the same headers from a Buffer made
 * once (the honest floor). A bare server that serializes the page per request is a second
 * reference. The uncached emulator (page cache off, a second process on the same database
 * file) is reported beside it: a benchmark of a cache alone would say nothing about the
 * queries behind it. Each round runs every target once, the order rotating; ratios are taken
 * within a round, then their median and range across rounds.
 */
export async function throughputCases({ workspace, emulator, dbPath, tenantId, plan, log }) {
  requireWrk();
  const token = await adminToken(emulator.url, tenantId);
  const headers = { authorization: `Bearer ${token}` };
  const page = await fetch(`${emulator.url}${PATH}`, { headers });
  if (!page.ok) throw new Error(`GET ${PATH}: HTTP ${page.status}`);
  const pageFile = join(workspace.root, 'page.json');
  writeFileSync(pageFile, Buffer.from(await page.arrayBuffer()));
  const sent = Object.fromEntries([...page.headers].filter(([name]) => !NOT_COPIED.has(name)));
  const bare = (mode) => startChild(BARE, [pageFile, mode, JSON.stringify(sent)], `${mode} server`);
  const constant = await bare('constant');
  const stringify = await bare('stringify');
  const uncached = await startEmulator({ db: dbPath, pageCache: false });
  try {
    const targets = [
      { id: 'constant', url: `${constant.url}${PATH}`, connections: 50 },
      { id: 'stringify', url: `${stringify.url}${PATH}`, connections: 50 },
      { id: 'cached', url: `${emulator.url}${PATH}`, connections: 50 },
      { id: 'uncached', url: `${uncached.url}${PATH}`, connections: 50 },
      { id: 'uncached-c10', url: `${uncached.url}${PATH}`, connections: 10 },
    ];
    if (plan.warmupSeconds > 0) {
      for (const t of targets) {
        wrk(t.url, { connections: t.connections, seconds: plan.warmupSeconds, headers });
      }
    }
    const rps = Object.fromEntries(targets.map((t) => [t.id, []]));
    for (let round = 0; round < plan.rounds; round += 1) {
      for (let i = 0; i < targets.length; i += 1) {
        const t = targets[(round + i) % targets.length];
        rps[t.id].push(
          wrk(t.url, { connections: t.connections, seconds: plan.seconds, headers }).rps,
        );
      }
      log(`  wrk round ${round + 1}/${plan.rounds}`);
    }
    const baseline = 'constant bytes, c50';
    const ratio = (id) => stats(rps[id].map((value, round) => value / rps.constant[round]));
    const note = `wrk -t2, ${plan.seconds} s per run, ${plan.rounds} round(s)`;
    const row = (id, name, key) =>
      throughputRow({ id, name, value: stats(rps[key]), ratio: ratio(key), baseline, note });
    return [
      row('http-constant', 'bare node:http, constant bytes (Buffer), 50 conn', 'constant'),
      row(
        'http-stringify',
        'bare node:http, JSON.stringify per request (2nd reference), 50 conn',
        'stringify',
      ),
      row('http-cached', 'emulator GET access_keys?size=100, 50 conn', 'cached'),
      row('http-uncached', 'same, page cache off, 50 conn', 'uncached'),
      row('http-uncached-c10', 'same, page cache off, 10 conn', 'uncached-c10'),
    ];
  } finally {
    await Promise.all([constant.stop(), stringify.stop(), uncached.stop()]);
  }
}
