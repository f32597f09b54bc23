import { existsSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { configDir, dataDir, dataFiles } from '../../../../config/paths.js';
import { listProfiles } from '../../../../config/profiles.js';
import type { Io } from '../../../../output/io.js';
import { createPrinter } from '../../../../output/printer.js';
import type { AccessKeyRecord } from '../../../../wire/types.js';
import { createContext } from '../../../runtime/create-context.js';
import type { GlobalOptions } from '../../../runtime/global-options.js';
import { allAccessibleKeys } from '../../../runtime/key-source.js';
import type { Choice, Source } from './values.js';

/** Per request; the whole fetch is also cut off by the caller's deadline. */
const REQUEST_TIMEOUT = '2s';

/** Fetches one source for a Tab press. Throws on any failure: the caller stays quiet. */
export function loadSource(
  source: Source,
  io: Io,
  flags: { profile?: string; url?: string; tenant?: string },
  signal: AbortSignal,
): Promise<readonly Choice[]> {
  if (source === 'profiles') return profileChoices(io);
  return keyChoices(io, flags, signal);
}

async function profileChoices(io: Io): Promise<Choice[]> {
  const entries = await listProfiles(configDir(io.env));
  return entries.map((e) => [e.name, e.builtIn ? 'built-in emulator' : e.current ? 'current' : '']);
}

/**
 * Key names of the active profile (or env credentials), through the normal client, with
 * nothing printed: the context's streams go nowhere. The `local` profile is read only when
 * its database exists: a Tab press must never create the emulator.
 */
async function keyChoices(
  io: Io,
  flags: { profile?: string; url?: string; tenant?: string },
  signal: AbortSignal,
): Promise<Choice[]> {
  const silent: Io = { stdout: sink(), stderr: sink(), stdin: new PassThrough(), env: io.env };
  const printer = createPrinter({ io: silent, mode: 'json', quiet: true });
  const globals: GlobalOptions = {
    ...flags,
    json: true,
    color: false,
    quiet: true,
    debug: false,
    input: false,
    yes: false,
    timeout: REQUEST_TIMEOUT,
  };
  const ctx = createContext({ io: silent, printer, globals });
  const { settings } = await ctx.settings();
  if (settings.mode === 'local' && !existsSync(dataFiles(dataDir(io.env)).localDb)) return [];
  const { connect } = await import('../../../runtime/connect.js');
  const conn = await connect(ctx, { signal });
  try {
    return namesOf(await allAccessibleKeys(conn));
  } finally {
    await conn.close();
  }
}

/** Unique names as themselves; a name several keys share is offered as their access keys. */
function namesOf(records: readonly AccessKeyRecord[]): Choice[] {
  const count = new Map<string, number>();
  for (const r of records) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  return records.map((r) => {
    const what = `${r.type.toLowerCase()} key, ${r.status.toLowerCase()}`;
    return count.get(r.name) === 1 ? [r.name, what] : [r.access_key, `${r.name} (${what})`];
  });
}

function sink(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
