import type { Command } from 'commander';

/**
 * The words as typed, in the form the tree matches: `--flag=value` split in two (tab would
 * take it for an unknown flag and skip the next word), and command aliases replaced by their
 * names (`keys ls` -> `keys list`). The last word, the one being completed, is left alone.
 */
export function canonicalWords(program: Command, words: readonly string[]): string[] {
  const typed = words.slice(0, -1).flatMap((w) => (/^--[^=]+=/.test(w) ? splitFlag(w) : [w]));
  let command = program;
  const out = typed.map((word) => {
    if (word.startsWith('-')) return word;
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (sub === undefined) return word;
    command = sub;
    return sub.name();
  });
  return [...out, words.at(-1) ?? ''];
}

function splitFlag(word: string): string[] {
  const at = word.indexOf('=');
  return [word.slice(0, at), word.slice(at + 1)];
}

/** `--profile`, `--url` and `--tenant` as typed before the word being completed. */
export function connectionFlags(words: readonly string[]): {
  profile?: string;
  url?: string;
  tenant?: string;
} {
  const out: Record<string, string> = {};
  const typed = words.slice(0, -1);
  typed.forEach((word, index) => {
    const match = /^--(profile|url|tenant)(?:=(.*))?$/.exec(word);
    if (match === null) return;
    const value = match[2] ?? typed[index + 1];
    if (value !== undefined && value !== '') out[match[1] as string] = value;
  });
  return out;
}
