/** A completion: the value, and a description some shells show beside it. */
export type Choice = readonly [value: string, description: string];

/** Values fetched at Tab time, only when the word being completed needs them. */
export type Source = 'keys' | 'profiles';

const DURATIONS: readonly Choice[] = [
  ['7d', ''],
  ['14d', ''],
  ['30d', ''],
];

/** Values of options that take one, by long name (`--type`, `-o, --output`...). */
export const OPTION_VALUES: Readonly<Record<string, readonly Choice[]>> = {
  type: [
    ['access', 'access keys (TENANT)'],
    ['api', 'API keys'],
    ['user', 'user-level keys'],
  ],
  status: [
    ['active', ''],
    ['inactive', ''],
  ],
  sort: ['name', 'created', 'expires', 'status', 'type'].map((v) => [v, ''] as const),
  output: [
    ['table', 'aligned columns'],
    ['json', 'one JSON document'],
    ['ndjson', 'one JSON object a line'],
    ['tsv', 'tab-separated, for scripts'],
  ],
  expires: [
    ['30d', ''],
    ['60d', ''],
    ['90d', ''],
    ['never', 'not recommended'],
  ],
  'expiring-within': DURATIONS,
  within: DURATIONS,
  in: [
    ['30d', ''],
    ['60d', ''],
    ['90d', ''],
  ],
  'clear-after': [
    ['45s', 'the default'],
    ['0', 'keep the clipboard'],
  ],
  timeout: [
    ['10s', ''],
    ['30s', 'the default'],
    ['60s', ''],
  ],
};

/** Where a command's option differs from the common list. */
export const COMMAND_OPTION_VALUES: Readonly<Record<string, Record<string, readonly Choice[]>>> = {
  'keys add': {
    type: [
      ['access', 'access key (TENANT), the default'],
      ['api', 'API key'],
    ],
  },
};

/** Options whose values come from a source. */
export const OPTION_SOURCES: Readonly<Record<string, Source>> = { profile: 'profiles' };

/** Positional arguments whose values come from a source, by command and argument name. */
export function argumentSource(command: string, argument: string): Source | undefined {
  if (command.startsWith('keys ') && (argument === 'key' || argument === 'keys')) return 'keys';
  if (command === 'profiles use' || command === 'profiles remove') return 'profiles';
  return undefined;
}
