import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage, runBlocks, stats } from '../lib/measure.js';

const BIN = fileURLToPath(new URL('../../bin/helixctl.js', import.meta.url));
const NODE = process.execPath;

/** A `helixctl ...` command as an installed user runs it (through the bin shim). */
export function helixctl(id, label, args, env) {
  return { id, label, cmd: NODE, args: [BIN, ...args], env };
}

/** Runs a command once with its output captured, for the checks before measuring. */
export function capture(command, extraArgs = []) {
  const [bin, ...rest] = command.args;
  const result = spawnSync(command.cmd, [bin, ...extraArgs, ...rest], {
    env: command.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${command.label}: exit ${result.status}\n${result.stderr.trim()}`);
  }
  return result;
}

/** The number of keys a `keys list --json` printed; throws unless it is `expected`. */
export function checkListed(command, expected) {
  const listed = JSON.parse(capture(command).stdout);
  if (!Array.isArray(listed) || listed.length !== expected) {
    throw new Error(`${command.label}: listed ${listed.length} keys, expected ${expected}`);
  }
}

/** HTTP requests a command makes, counted from its `--debug` trace. */
export function countRequests(command) {
  const { stderr } = capture(command, ['--debug']);
  return stderr.split('\n').filter((line) => /\bhttp (GET|POST|PUT|PATCH|DELETE) /.test(line))
    .length;
}

/** A curl command that lists the keys with a bearer token kept in a header file. */
export function curlList(workspace, url, token, env = workspace.env) {
  const headerFile = join(workspace.root, 'curl-auth-header');
  writeFileSync(headerFile, `authorization: Bearer ${token}\n`, { mode: 0o600 });
  return {
    id: 'curl-list-100',
    label: 'curl, same list, cached token',
    cmd: 'curl',
    args: ['-sf', '-H', `@${headerFile}`, `${url}/ims/api/v1/access_keys?page=0`],
    env,
  };
}

/** Whether `cmd` runs here (aws, curl: reference rows are skipped when absent). */
export function available(cmd, args = ['--version']) {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/**
 * Measures `sets` of commands in blocks (runBlocks) and sums each command up: `ms` (and
 * `rssMb`) is the median and min-max across blocks of the command's median in each block,
 * with `n` the number of runs and `blocks` the block medians; use `ratio` for ratios.
 */
export function measure(sets, plan, log) {
  const samples = runBlocks(sets, {
    ...plan,
    onBlock: (n) => log(`  block ${n}/${plan.blocks}, load average ${loadAverage().join(' ')}`),
  });
  const sum = (blocks, key) => {
    const medians = blocks.map((block) => stats(block.map((s) => s[key])).median);
    return { ...stats(medians), n: blocks.flat().length, blocks: medians };
  };
  return Object.fromEntries(
    Object.entries(samples).map(([id, blocks]) => {
      const out = { ms: sum(blocks, 'ms') };
      if (blocks[0]?.[0]?.rssMb !== undefined) out.rssMb = sum(blocks, 'rssMb');
      return [id, out];
    }),
  );
}

/**
 * The ratio of two commands' wall times, block by block (each block's median of `id` over
 * that of `baseId`, measured minutes apart at most): median and min-max across blocks.
 */
export function ratio(m, id, baseId) {
  return stats(m[id].ms.blocks.map((value, block) => value / m[baseId].ms.blocks[block]));
}
