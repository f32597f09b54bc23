/** The help text of a key argument that also takes a name. */
export const KEY_ARG = 'access key, or a name that matches exactly one key';

/** An `Examples:` block for the end of a verb's help. */
export const examples = (lines: string[]) =>
  `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
