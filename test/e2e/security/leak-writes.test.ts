import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { uniqueName, type World } from '../reliability/world.js';
import {
  addWithSecretFile,
  describeLeaks,
  type LeakCounts,
  type LeakScenario,
  type Prepared,
} from './leak-suite.js';

/**
 * Secret-leak battery, part 2: the commands that make secrets (add, rotate in its four forms)
 * and the other changing verbs, to each sink: stdout when nothing else was chosen, a secret
 * file, a secret folder, a child process's environment.
 */

const key = async (world: World, type: 'TENANT' | 'API' = 'TENANT'): Promise<Prepared> => {
  const name = uniqueName('leak');
  const cred = await world.createKey(name, type);
  return { vars: { key: cred.accessKey, name }, secrets: [cred.secretKey] };
};
/** A folder of the user's own, for --secret-file targets. */
const sinkFolder = (world: World) => {
  const dir = join(world.box.home, 'sinks');
  mkdirSync(dir, { recursive: true });
  return dir;
};
const fresh = async (world: World): Promise<Prepared> => {
  const name = uniqueName('leak');
  sinkFolder(world);
  return {
    vars: {
      name,
      file: join(world.box.home, 'sinks', `${name}.cred`),
      dir: join(world.box.home, 'sinks', name),
    },
  };
};
const withFile = async (world: World): Promise<Prepared> => {
  const made = await key(world);
  sinkFolder(world);
  return {
    ...made,
    vars: { ...made.vars, file: join(world.box.home, 'sinks', `${made.vars.name}.cred`) },
  };
};
const bulk = async (world: World): Promise<Prepared> => {
  const prefix = uniqueName('bulk');
  const secrets: string[] = [];
  for (const n of ['a', 'b', 'c'])
    secrets.push((await world.createKey(`${prefix}-${n}`)).secretKey);
  return { vars: { prefix, dir: join(sinkFolder(world), prefix) }, secrets };
};
const CHILD = ['--exec', '--', process.execPath, '-e', 'process.exit(0)'];

const WRITES: LeakScenario[] = [
  {
    name: 'keys add (stdout is the sink)',
    prepare: fresh,
    argv: (v) => ['keys', 'add', v.name as string, '--expires', '30d'],
    exit: 0,
    stdoutSink: true,
  },
  {
    name: 'keys add --secret-file',
    prepare: fresh,
    argv: addWithSecretFile,
    exit: 0,
    sinks: (v) => [v.file as string],
  },
  {
    name: 'keys add --exec',
    prepare: fresh,
    argv: (v) => ['keys', 'add', v.name as string, '--expires', '30d', ...CHILD],
    exit: 0,
  },
  {
    name: 'keys rotate (stdout is the sink)',
    prepare: key,
    argv: (v) => ['keys', 'rotate', v.key as string],
    exit: 0,
    stdoutSink: true,
  },
  {
    name: 'keys rotate --secret-file',
    prepare: withFile,
    argv: (v) => ['keys', 'rotate', v.key as string, '--secret-file', v.file as string],
    exit: 0,
    sinks: (v) => [v.file as string],
  },
  {
    name: 'keys rotate --exec',
    prepare: key,
    argv: (v) => ['keys', 'rotate', v.key as string, ...CHILD],
    exit: 0,
  },
  {
    name: 'keys rotate --grace --verify (a clone)',
    prepare: key,
    argv: (v) => ['keys', 'rotate', v.key as string, '--grace', '1d', '--verify'],
    exit: 0,
    stdoutSink: true,
  },
  {
    name: 'keys rotate of an API key',
    prepare: (w) => key(w, 'API'),
    argv: (v) => ['keys', 'rotate', v.key as string],
    exit: 0,
    stdoutSink: true,
  },
  {
    name: 'keys rotate --all --secret-dir',
    prepare: bulk,
    argv: (v) => [
      'keys',
      'rotate',
      '--all',
      '--name',
      `${v.prefix}-*`,
      '--secret-dir',
      v.dir as string,
    ],
    exit: 0,
    sinks: (v) => [v.dir as string],
  },
  {
    // JSON on stdout is a sink; a table of many secrets is refused (exit 2) before rotating.
    name: 'keys rotate --all (stdout is the sink)',
    prepare: bulk,
    argv: (v) => ['keys', 'rotate', '--all', '--name', `${v.prefix}-*`],
    exit: (json) => (json ? 0 : 2),
    stdoutSink: true,
  },
  {
    name: 'keys expire',
    prepare: key,
    argv: (v) => ['keys', 'expire', v.key as string, '--in', '10d'],
    exit: 0,
  },
  {
    name: 'keys assign',
    prepare: key,
    argv: (v) => ['keys', 'assign', v.key as string, '--role', 'Viewer'],
    exit: 0,
  },
  {
    name: 'keys deactivate',
    prepare: key,
    argv: (v) => ['keys', 'deactivate', v.key as string],
    exit: 0,
  },
  {
    name: 'keys activate',
    prepare: key,
    argv: (v) => ['keys', 'activate', v.key as string],
    exit: 0,
  },
  {
    name: 'keys delete',
    prepare: key,
    argv: (v) => ['keys', 'delete', v.key as string, '--yes'],
    exit: 0,
  },
];

const counts: LeakCounts = { runs: 0, files: 0 };
describeLeaks('secret leaks: writes and their sinks', WRITES, counts);
afterAll(() => {
  console.log(`leak battery (writes): ${counts.runs} runs, ${counts.files} file scans`);
});
