import { Chalk, type ChalkInstance } from 'chalk';
import { type Column, displayCell, renderTsv } from './columns.js';
import { discardsWrites, type Io, safeWrite, settleStream } from './io.js';
import { colorEnabled, isJsonMode, type OutputMode } from './mode.js';
import { sanitizeInline, sanitizeMessage } from './sanitize.js';
import { renderTable } from './table.js';

export interface PrinterOptions {
  io: Io;
  mode: OutputMode;
  /** `--no-color`; NO_COLOR, FORCE_COLOR, TERM and TTY-ness are read from `io`. */
  noColor?: boolean | undefined;
  /** `-q`: drops `info` and `success`; warnings, errors and data still print. */
  quiet?: boolean | undefined;
  /** `--debug`: enables `debug()` lines. */
  debug?: boolean | undefined;
}

export interface ListOptions {
  /** Table mode: said on stderr when there are no rows (json prints `[]`, tsv the header). */
  emptyMessage?: string | undefined;
}

/**
 * The one writer of stdout (data) and stderr (talk). Every human-facing string goes through
 * control-character neutralisation; json modes print exactly what they are given.
 */
export interface Printer {
  readonly io: Io;
  readonly mode: OutputMode;
  readonly quiet: boolean;
  readonly debugEnabled: boolean;
  /** For styling stdout data: level 0 unless table mode on a colour-capable stdout. */
  readonly chalk: ChalkInstance;
  /** For styling stderr messages: level 0 in json modes or when stderr may not have colour. */
  readonly stderrChalk: ChalkInstance;
  /** stderr, plain; dropped by `quiet`. */
  info(message: string): void;
  /** stderr, `✓ ` in green when colour is on; dropped by `quiet`. */
  success(message: string): void;
  /** stderr, `warning: ` prefix; always printed. */
  warn(message: string): void;
  /** stderr, `debug: ` prefix, only with `--debug`; pass a function to skip costly formatting. */
  debug(message: string | (() => string)): void;
  /** One line of data on stdout, made terminal-safe. */
  data(text: string): void;
  /** stdout verbatim, no newline added: for blocks assembled from already-sanitised parts. */
  raw(text: string): void;
  /** Exactly one JSON document on stdout: indented on a TTY, one compact line otherwise. */
  json(value: unknown): void;
  /** Rows per mode: aligned table, JSON array as given, one object a line, or TSV. */
  list<T>(rows: readonly T[], columns: readonly Column<T>[], options?: ListOptions): Promise<void>;
  /** One object: `Label:  value` lines in table mode, the object in json, one row in tsv. */
  record<T>(value: T, fields: readonly Column<T>[]): void;
  /**
   * The one JSON-or-human switch: in json and ndjson modes the document `doc()` (as `json`),
   * otherwise whatever `human()` prints (and its return, e.g. the promise of a `list`).
   * Commands ask here rather than test the mode.
   */
  result<R>(doc: () => unknown, human: () => R): R | undefined;
  /**
   * Says that stdout now carries a new secret (of the key `label`): the run then counts it as
   * delivered only if stdout accepted every byte (`settle`), docs/security.md.
   */
  holdsSecret(label: string): void;
  /** Waits for stdout's pending writes; what failed, and which secrets it carried. */
  settle(): Promise<StdoutOutcome>;
}

export interface StdoutOutcome {
  /** The errno of the first failed write (`EPIPE`, `EBADF`, `ENOSPC`…), or `DISCARDED`. */
  failure?: string | undefined;
  /** The labels given to `holdsSecret`, in order. */
  secrets: readonly string[];
}

/** Builds the printer for one run; colour is decided per stream here, never by callers. */
export function createPrinter(options: PrinterOptions): Printer {
  const { io, mode } = options;
  const quiet = options.quiet === true;
  const debugEnabled = options.debug === true;
  const allowed = (isTTY: boolean | undefined) =>
    colorEnabled({ isTTY, noColorFlag: options.noColor, env: io.env });
  const chalk = new Chalk({ level: mode === 'table' && allowed(io.stdout.isTTY) ? 1 : 0 });
  const stderrChalk = new Chalk({ level: !isJsonMode(mode) && allowed(io.stderr.isTTY) ? 1 : 0 });
  const out = (text: string) => safeWrite(io.stdout, text);
  const err = (line: string) => safeWrite(io.stderr, `${line}\n`);
  const secrets: string[] = [];
  const json = (value: unknown, pretty: boolean) =>
    out(`${JSON.stringify(value ?? null, null, pretty ? 2 : undefined)}\n`);

  const prettyJson = mode === 'json' && io.stdout.isTTY === true;

  return {
    io,
    mode,
    quiet,
    debugEnabled,
    chalk,
    stderrChalk,
    // One message, one line: a newline from a service value (a key name, a principal) must
    // not add a line of its own (a fake `hint:`, a CI workflow command such as `::set-output`).
    info(message) {
      if (!quiet) err(sanitizeInline(message));
    },
    success(message) {
      const mark = stderrChalk.level > 0 ? stderrChalk.green('✓ ') : '';
      if (!quiet) err(`${mark}${sanitizeInline(message)}`);
    },
    warn: (message) => err(`${stderrChalk.yellow('warning:')} ${sanitizeInline(message)}`),
    debug(message) {
      if (!debugEnabled) return;
      const text = typeof message === 'function' ? message() : message;
      err(stderrChalk.dim(`debug: ${sanitizeMessage(text)}`));
    },
    data: (text) => out(`${sanitizeMessage(text)}\n`),
    raw: out,
    json: (value) => json(value, prettyJson),
    async list(rows, columns, listOptions = {}) {
      if (mode === 'json') json(rows, prettyJson);
      else if (mode === 'ndjson') for (const row of rows) json(row, false);
      else if (mode === 'tsv') out(renderTsv(rows, columns));
      else if (rows.length > 0) {
        out(await renderTable(rows, columns, { chalk, maxWidth: io.stdout.columns }));
      } else if (!quiet) err(sanitizeMessage(listOptions.emptyMessage ?? 'nothing to show'));
    },
    record(value, fields) {
      if (isJsonMode(mode)) json(value, prettyJson);
      else if (mode === 'tsv') out(renderTsv([value], fields));
      else out(renderRecord(value, fields, chalk));
    },
    result(doc, human) {
      if (!isJsonMode(mode)) return human();
      json(doc(), prettyJson);
      return undefined;
    },
    holdsSecret(label) {
      secrets.push(label);
    },
    async settle() {
      const error = await settleStream(io.stdout, { wait: secrets.length > 0 });
      const code = error === undefined ? undefined : (error.code ?? 'EIO');
      // A closed stdout is the null device by the time we run (see discardsWrites).
      const discarded = secrets.length > 0 && discardsWrites(io.stdout);
      return { failure: code ?? (discarded ? 'DISCARDED' : undefined), secrets: [...secrets] };
    },
  };
}

/** `Label:  value` lines with the labels aligned. */
function renderRecord<T>(value: T, fields: readonly Column<T>[], chalk: ChalkInstance): string {
  const labels = fields.map((f) => `${sanitizeInline(f.header)}:`);
  const width = Math.max(0, ...labels.map((label) => [...label].length)) + 2;
  return fields
    .map((field, i) => {
      const label = labels[i] ?? '';
      const cell = displayCell(value, field, chalk);
      return cell === '' ? `${chalk.bold(label)}\n` : `${chalk.bold(label.padEnd(width))}${cell}\n`;
    })
    .join('');
}
