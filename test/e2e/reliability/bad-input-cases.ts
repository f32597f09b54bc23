/**
 * The bad-input battery's table: what a user or a script may get wrong, and what
 * docs/cli-contract.md §8 says comes back. Every case is run by bad-input.test.ts through the
 * built binary, plain and with `--json`.
 */

/** Keys the battery's service holds (made in beforeAll). */
export interface Fixture {
  tenantId: string;
  /** A TENANT key to aim changes at (none must happen). */
  target: string;
  /** A user-level key (takes no groups or roles). */
  userKey: string;
  /** The tenant's `<tenant id>@<epoch>` onboarding key (non-deletable, never rotated). */
  onboarding: string;
  /** A name two keys share. */
  twin: string;
  /** A file that exists (for --secret-file without --force). */
  existingFile: string;
}

export interface BadInput {
  name: string;
  argv: (f: Fixture) => string[];
  exit: number;
  /** The error message (after `error: `). */
  message: RegExp;
  /** Environment on top of the run's (HELIX_URL and HELIX_CREDENTIAL of the admin). */
  env?: (f: Fixture) => Record<string, string>;
  input?: string;
  /** An input the output must not echo in full (a 10,000-character value). */
  long?: string;
}

const LONG = 'a'.repeat(10_000);
const ESC = '\u001b';
const future = '2099-01-01';

const usage = (name: string, argv: BadInput['argv'], message: RegExp): BadInput => ({
  name,
  argv,
  exit: 2,
  message,
});

export const BAD_INPUTS: BadInput[] = [
  // Commands, flags and their values.
  usage('unknown command', () => ['keys', 'frobnicate'], /^unknown command 'frobnicate'$/),
  usage('unknown flag', () => ['keys', 'list', '--colour'], /^unknown option '--colour'$/),
  usage('a flag without its value', () => ['keys', 'add', 'x', '--expires'], /argument missing/),
  usage('--limit not a number', () => ['keys', 'list', '--limit', 'ten'], /--limit/),
  usage('--limit zero', () => ['keys', 'list', '--limit', '0'], /--limit/),
  usage('--sort unknown field', () => ['keys', 'list', '--sort', 'size'], /expected one of/),
  usage('--status unknown', () => ['keys', 'list', '--status', 'maybe'], /expected one of/),
  usage('--type unknown', () => ['keys', 'add', 'x', '--type', 'root'], /expected one of/),
  usage(
    '--output unknown',
    () => ['-o', 'yaml', 'keys', 'list'],
    /^(invalid --output value|--json conflicts with --output) "yaml"/,
  ),
  usage(
    '--concurrency out of range',
    () => ['keys', 'rotate', '--all', '--concurrency', '0'],
    /1 to 64/,
  ),
  usage(
    'a --secret flag does not exist',
    () => ['login', '--secret', 'Hunter2Hunter2'],
    /^unknown option '--secret'$/,
  ),
  // Durations and dates.
  usage(
    '--expires unknown unit',
    () => ['keys', 'add', 'x', '--expires', '30x'],
    /unknown unit "x"/,
  ),
  usage('--expires zero', () => ['keys', 'add', 'x', '--expires', '0d'], /longer than zero/),
  usage('--expires negative', () => ['keys', 'add', 'x', '--expires', '-5d'], /cannot be negative/),
  usage(
    '--expires a date in the past',
    () => ['keys', 'add', 'x', '--expires', '2020-01-01'],
    /not in the future/,
  ),
  usage(
    '--expires an impossible date',
    () => ['keys', 'add', 'x', '--expires', '2027-02-30'],
    /expected a date/,
  ),
  usage(
    '--expires a time out of range',
    () => ['keys', 'add', 'x', '--expires', '2027-01-31T25:00:00Z'],
    /expected a date/,
  ),
  usage(
    '--expires beyond 100 years',
    () => ['keys', 'add', 'x', '--expires', '1000000d'],
    /longer than 100 years/,
  ),
  usage(
    'expire --on in the past',
    (f) => ['keys', 'expire', f.target, '--on', '2001-01-01'],
    /not in the future/,
  ),
  usage(
    'expire with two choices',
    (f) => ['keys', 'expire', f.target, '--in', '5d', '--on', future],
    /exactly one of/,
  ),
  usage(
    '--timeout not a duration',
    () => ['--timeout', 'soon', 'keys', 'list'],
    /invalid --timeout "soon"/,
  ),
  usage('--timeout zero', () => ['--timeout', '0s', 'keys', 'list'], /longer than zero/),
  usage(
    '--grace not a duration',
    (f) => ['keys', 'rotate', f.target, '--grace', 'later'],
    /invalid duration "later"/,
  ),
  usage(
    '--expiring-within not a duration',
    () => ['keys', 'list', '--expiring-within', 'forever'],
    /invalid duration "forever"/,
  ),
  // Names and free text.
  usage(
    'a name with a control character',
    () => ['keys', 'add', 'bell\u0007', '--expires', '30d'],
    /control character \(U\+0007\)/,
  ),
  usage(
    'a name with an ANSI escape',
    () => ['keys', 'add', `${ESC}[31mred`, '--expires', '30d'],
    /control character \(U\+001B\)/,
  ),
  usage(
    'a name with a newline',
    () => ['keys', 'add', 'two\nlines', '--expires', '30d'],
    /control character \(U\+000A\)/,
  ),
  usage(
    'a description with an ANSI escape',
    () => ['keys', 'add', 'x', '--expires', '30d', '--description', `${ESC}]0;pwned${ESC}\\`],
    /description contains a control character/,
  ),
  {
    ...usage(
      'a 10,000-character name',
      () => ['keys', 'add', LONG, '--expires', '30d'],
      /too long: 10000 characters/,
    ),
    long: LONG,
  },
  {
    ...usage(
      'a 10,000-character description',
      () => ['keys', 'add', 'x', '--expires', '30d', '--description', LONG],
      /too long: 10000 characters/,
    ),
    long: LONG,
  },
  {
    ...usage(
      'a 10,000-character expiry',
      () => ['keys', 'add', 'x', '--expires', LONG],
      /invalid expiry "a+…" \(10000 characters\)/,
    ),
    long: LONG,
  },
  {
    ...usage(
      'a 10,000-character --profile',
      () => ['--profile', LONG, 'keys', 'list'],
      /\(10000 characters\)/,
    ),
    long: LONG,
  },
  {
    ...usage(
      'a 10,000-character group',
      () => ['keys', 'add', 'x', '--expires', '30d', '--group', LONG],
      /unknown group "a+…" \(10000 characters\)/,
    ),
    long: LONG,
  },
  usage(
    'an ANSI escape as --profile',
    () => ['--profile', `${ESC}[2J`, 'keys', 'list'],
    /invalid --profile value "\\x1b\[2J"/,
  ),
  // Keys that are not there, or not one.
  {
    name: 'an unknown key',
    argv: () => ['keys', 'show', 'no-such-key'],
    exit: 5,
    message: /^no key with access key or name "no-such-key"$/,
  },
  {
    name: 'an unknown key with escapes',
    argv: () => ['keys', 'show', `${ESC}[2J${ESC}[H`],
    exit: 5,
    message: /"\\x1b\[2J\\x1b\[H"/,
  },
  {
    name: 'a 10,000-character key',
    argv: () => ['keys', 'delete', LONG, '--yes'],
    exit: 5,
    message: /\(10000 characters\)/,
    long: LONG,
  },
  usage('an ambiguous name (show)', (f) => ['keys', 'show', f.twin], /matches 2 keys/),
  usage('an ambiguous name (delete)', (f) => ['keys', 'delete', f.twin, '--yes'], /matches 2 keys/),
  usage(
    'an unknown group',
    () => ['keys', 'add', 'x', '--expires', '30d', '--group', 'Nobody'],
    /^unknown group "Nobody"$/,
  ),
  usage(
    'an unknown role (assign)',
    (f) => ['keys', 'assign', f.target, '--role', 'Emperor'],
    /^unknown role "Emperor"$/,
  ),
  // Rules the service (or the CLI before it) enforces.
  {
    name: 'groups on a user key',
    argv: (f) => ['keys', 'assign', f.userKey, '--role', 'Viewer'],
    exit: 6,
    message: /user key/,
  },
  {
    name: 'rotating the onboarding key',
    argv: (f) => ['keys', 'rotate', f.onboarding],
    exit: 6,
    message: /must never get a new secret/,
  },
  {
    name: 'deleting the onboarding key',
    argv: (f) => ['keys', 'delete', f.onboarding, '--yes'],
    exit: 6,
    message: /non-deletable/,
  },
  // Input needed without a terminal.
  {
    name: 'delete without --yes',
    argv: (f) => ['keys', 'delete', f.target],
    exit: 8,
    message: /pass --yes/,
  },
  {
    name: 'add without a name',
    argv: () => ['keys', 'add', '--expires', '30d'],
    exit: 8,
    message: /name is required/,
  },
  {
    // On a terminal it offers a choice (docs/cli-contract.md §9); without one it names the flags.
    name: 'expire with no choice',
    argv: (f) => ['keys', 'expire', f.target],
    exit: 8,
    message: /a new expiry is required: pass --in/,
  },
  {
    name: 'add without an expiry',
    argv: () => ['keys', 'add', 'x'],
    exit: 8,
    message: /--expires/,
  },
  // Secret sinks, refused before anything is created.
  usage(
    '--secret-file onto an existing file',
    (f) => ['keys', 'add', 'x', '--expires', '30d', '--secret-file', f.existingFile],
    /refusing to overwrite/,
  ),
  usage(
    '--secret-file in a missing folder',
    () => ['keys', 'add', 'x', '--expires', '30d', '--secret-file', '/nonexistent/dir/x.cred'],
    /folder does not exist/,
  ),
  usage(
    '--exec without a command',
    () => ['keys', 'add', 'x', '--expires', '30d', '--exec'],
    /--exec needs a command/,
  ),
  usage(
    '--exec of a missing command',
    () => ['keys', 'add', 'x', '--expires', '30d', '--exec', '--', '/nonexistent/cmd'],
    /command not found/,
  ),
];
