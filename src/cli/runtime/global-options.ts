import type { Command } from 'commander';
import type { GlobalFlags } from '../../config/settings.js';

/**
 * Options every command accepts, as commander parsed them (docs/cli-contract.md §2): those settings
 * resolution reads are `GlobalFlags` (one spelling for both), plus those only the cli reads.
 * `login --access-key` is no global flag.
 */
export interface GlobalOptions extends Omit<GlobalFlags, 'accessKey' | 'json'> {
  json: boolean;
  color: boolean;
  quiet: boolean;
  debug: boolean;
  input: boolean;
  yes: boolean;
}

export function addGlobalOptions(program: Command): Command {
  return program
    .option(
      '--profile <name>',
      'stored profile to use; "local" is the built-in emulator (env: HELIXCTL_PROFILE)',
    )
    .option('--json', 'machine output: one JSON document on stdout')
    .option('-o, --output <format>', 'table, json, ndjson (lists) or tsv (env: HELIXCTL_OUTPUT)')
    .option('--no-color', 'no colour (env: NO_COLOR); always off when not a terminal')
    .option('-q, --quiet', 'no informational messages on stderr')
    .option('--debug', 'HTTP trace on stderr, secrets redacted (env: HELIXCTL_DEBUG=1)')
    .option('--no-input', 'never prompt (also when CI=true or not a terminal)')
    .option('-y, --yes', 'answer yes to confirmations')
    .option('--url <url>', "override the profile's portal URL (env: HELIX_URL)")
    .option('--tenant <id>', "override the profile's tenant id (env: HELIX_TENANT_ID)")
    .option('--timeout <duration>', 'per-request timeout, e.g. 30s');
}

export function readGlobalOptions(command: Command): GlobalOptions {
  const o = command.optsWithGlobals<Record<string, unknown>>();
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const globals: GlobalOptions = {
    json: o.json === true,
    color: o.color !== false,
    quiet: o.quiet === true,
    debug: o.debug === true,
    input: o.input !== false,
    yes: o.yes === true,
  };
  for (const key of ['profile', 'output', 'url', 'tenant', 'timeout'] as const) {
    const value = text(o[key]);
    if (value !== undefined) globals[key] = value;
  }
  return globals;
}
