/**
 * An inquirer theme with no ANSI styling, for `--no-color` / NO_COLOR. Inquirer colours its
 * prompts through `util.styleText`, which knows nothing of our flags; this overrides the
 * shared style hooks (prefixes, answers, errors, hints) so a colourless run stays colourless
 * apart from the cursor movement a prompt needs.
 */
export const PLAIN_THEME = {
  prefix: { idle: '?', done: '✔' },
  style: {
    answer: (text: string) => text,
    message: (text: string) => text,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: (text: string) => text,
    highlight: (text: string) => text,
    key: (text: string) => `<${text}>`,
    description: (text: string) => text,
    disabled: (text: string) => text,
  },
};
