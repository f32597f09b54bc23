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

/**
 * The emulator's authenticated `GET /access_keys?size=100` under wrk, 50 connections, against
 * a bare node:http server answering the same page. The uncached emulator (page cache off, a
 * second process on the same database file) is reported beside it: a benchmark of a cache
 * alone would say nothing about the queries behind it.
 */
export async function throughputCases({ workspace, emulator, dbPath, tenantId, plan, log }) {
  requireWrk();
  const token = await adminToken(emulator.url, tenantId);
  const headers = { authorization: `Bearer ${token}` };
  const page = await fetch(`${emulator.url}${PATH}`, { headers });
  if (!page.ok) throw new Error(`GET ${PATH}: HTTP ${page.status}`);
  const pageFile = join(workspace.root, 'page.json');
  writeFileSync(pageFile, await page.text());
  const bare = await startChild(BARE, [pageFile], 'bare server');
  const uncached = await startEmulator({ db: dbPath, pageCache: false });
  try {
    const targets = [
      { id: 'bare', url: `${bare.url}${PATH}`, connections: 50 },
      { id: 'cached', url: `${emulator.url}${PATH}`, connections: 50 },
      { id: 'uncached', url: `${uncached.url}${PATH}`, connections: 50 },
      { id: 'uncached-c10', url: `${uncached.url}${PATH}`, connections: 10 },
    ];
    for (const t of targets) wrk(t.url, { connections: t.connections, seconds: 1, headers });
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
    const base = { name: 'bare node:http, c50', ...stats(rps.bare) };
    const note = `wrk -t2, ${plan.seconds} s per run`;
    return [
      throughputRow({
        id: 'http-bare',
        name: 'bare node:http JSON server, 50 conn',
        value: stats(rps.bare),
        baseline: base,
        note,
      }),
      throughputRow({
        id: 'http-cached',
        name: 'emulator GET access_keys?size=100, 50 conn',
        value: stats(rps.cached),
        baseline: base,
        share: 0.5,
        floor: 2000,
        note,
      }),
      throughputRow({
        id: 'http-uncached',
        name: 'same, page cache off, 50 conn',
        value: stats(rps.uncached),
        baseline: base,
        note,
      }),
      throughputRow({
        id: 'http-uncached-c10',
        name: 'same, page cache off, 10 conn',
        value: stats(rps['uncached-c10']),
        baseline: base,
        note,
      }),
    ];
  } finally {
    await Promise.all([bare.stop(), uncached.stop()]);
  }
}
