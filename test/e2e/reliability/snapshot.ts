import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { imsPaths } from '../../../src/wire/paths.js';
import type { World } from './world.js';

/**
 * Node's compile cache (Node 22.1+, enabled by bin/helixctl.js): compiled code of helixctl's
 * own modules, written on the first run of each module whatever the command line. It holds no
 * user data, so a snapshot of what a command changed leaves it out (test/e2e/perf covers it).
 */
const COMPILE_CACHE = join('.cache', 'helixctl', 'compile-cache');

/** Every file and folder under `root`: path, mode and (for files) content. */
export function snapshotFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const key = relative(root, path);
      if (key === COMPILE_CACHE) continue;
      const stat = lstatSync(path);
      const mode = (stat.mode & 0o777).toString(8);
      if (stat.isDirectory()) {
        // Folders made only to hold the compile cache are not recorded; what else they hold is.
        if (!COMPILE_CACHE.startsWith(`${key}/`)) out[`${key}/`] = mode;
        visit(path);
      } else {
        out[key] = `${mode} ${stat.isFile() ? readFileSync(path, 'utf8') : '<special>'}`;
      }
    }
  };
  visit(root);
  return out;
}

/**
 * What the service holds for the admin's tenant: every key (without `last_access`, which a
 * mere login moves), with its groups and roles.
 */
export async function snapshotService(world: World): Promise<unknown[]> {
  const keys = await world.keys();
  const out: unknown[] = [];
  for (const { last_access: _seen, ...key } of keys.sort((a, b) =>
    a.access_key.localeCompare(b.access_key),
  )) {
    const groups = await world.api('GET', imsPaths.keyGroups(key.access_key));
    const roles = await world.api('GET', imsPaths.keyRoles(key.access_key));
    out.push({ ...key, groups: groups.body?.records, roles: roles.body?.records });
  }
  return out;
}
