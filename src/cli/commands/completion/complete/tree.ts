import type { RootCommand, Command as TabCommand } from '@bomb.sh/tab';
import type { Command, Option } from 'commander';
import { sanitizeInline } from '../../../../output/sanitize.js';
import {
  argumentSource,
  type Choice,
  COMMAND_OPTION_VALUES,
  OPTION_SOURCES,
  OPTION_VALUES,
  type Source,
} from './values.js';

/** Values of the sources, once fetched; and which sources the completion asked for. */
export interface Dynamic {
  values: Map<Source, readonly Choice[]>;
  wanted: Set<Source>;
}

type Complete = (value: string, description: string) => void;

/**
 * Mirrors the commander program as a @bomb.sh/tab tree: every visible command by its full
 * path (`keys list`), its options plus the global ones (accepted after the command too), and
 * value handlers for options and arguments. A handler that needs a source marks it wanted and
 * offers what has been fetched so far (nothing, on the first pass).
 */
export function buildTree(Root: new () => RootCommand, program: Command, dynamic: Dynamic) {
  const root = new Root();
  const globals = visibleOptions(program);
  addOptions(root, '', globals, dynamic);
  const visit = (command: Command, path: string) => {
    for (const sub of command.createHelp().visibleCommands(command)) {
      const full = path === '' ? sub.name() : `${path} ${sub.name()}`;
      const node = root.command(full, sub.description());
      addOptions(node, full, [...visibleOptions(sub), ...globals], dynamic);
      for (const argument of sub.registeredArguments) {
        const source = argumentSource(full, argument.name());
        const choices = (argument.argChoices ?? []).map((c): Choice => [c, '']);
        node.argument(argument.name(), handler(choices, source, dynamic), argument.variadic);
      }
      visit(sub, full);
    }
  };
  visit(program, '');
  return root;
}

function visibleOptions(command: Command): Option[] {
  return command.createHelp().visibleOptions(command);
}

function addOptions(node: TabCommand, path: string, options: Option[], dynamic: Dynamic): void {
  for (const option of options) {
    const long = option.long?.replace(/^--/, '');
    if (long === undefined || node.options.has(long)) continue;
    const short = option.short?.replace(/^-/, '');
    const alias = short !== undefined && !short.startsWith('-') ? short : undefined;
    if (!option.required && !option.optional) {
      node.option(long, option.description, ...(alias === undefined ? [] : [alias]));
      continue;
    }
    const choices =
      COMMAND_OPTION_VALUES[path]?.[long] ??
      OPTION_VALUES[long] ??
      (option.argChoices ?? []).map((c): Choice => [c, '']);
    // A handler (even one offering nothing) is what tells tab that the option takes a value.
    node.option(long, option.description, handler(choices, OPTION_SOURCES[long], dynamic), alias);
  }
}

function handler(choices: readonly Choice[], source: Source | undefined, dynamic: Dynamic) {
  return (complete: Complete) => {
    for (const [value, description] of choices) complete(value, description);
    if (source === undefined) return;
    dynamic.wanted.add(source);
    // Key names and descriptions come from the service: one candidate a line, and a terminal
    // shows an escape sequence or a newline in them as text (docs/security.md).
    for (const [value, description] of dynamic.values.get(source) ?? []) {
      complete(sanitizeInline(value), sanitizeInline(description));
    }
  };
}
