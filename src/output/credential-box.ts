import type { ChalkInstance } from 'chalk';
import type { NewCredential } from '../core/credential.js';
import type { Printer } from './printer.js';
import { sanitizeInline } from './sanitize.js';

export interface CredentialBoxOptions {
  /** Title verb: "New access key" by default, e.g. "Rotated access key". */
  title?: string | undefined;
  /** One extra line under the title, e.g. that this is the local emulator. */
  note?: string | undefined;
}

export const SHOWN_ONCE = 'The secret key is shown only once: store it now.';

/**
 * The human rendering of a new credential: title, aligned label/value lines (access key,
 * secret key, tenant id, copy-format credential) and the shown-once warning. The same lines
 * with and without colour (a level-0 chalk gives plain text), so the output stays
 * grep-friendly; colour only adds weight to the secret and the warning.
 */
export function renderCredentialBox(
  value: NewCredential,
  chalk: ChalkInstance,
  options: CredentialBoxOptions = {},
): string {
  const safe = (text: string) => sanitizeInline(text);
  const title = options.title ?? 'New access key';
  const rows: [string, string][] = [
    ['Access key:', chalk.bold(safe(value.accessKey))],
    ['Secret key:', chalk.bold.yellow(safe(value.secretKey))],
    ['Tenant id:', safe(value.tenantId)],
    ['Credential:', safe(value.credential)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = [chalk.bold(value.name ? `${title}: ${safe(value.name)}` : title)];
  if (options.note) lines.push(chalk.dim(safe(options.note)));
  for (const [label, text] of rows) lines.push(`${chalk.dim(label.padEnd(width))}${text}`);
  lines.push(chalk.yellow(`${chalk.level > 0 ? '⚠ ' : ''}${SHOWN_ONCE}`));
  return `${lines.join('\n')}\n`;
}

/** Writes the rendering to stdout through the printer (its stdout colour decides styling). */
export function printCredentialBox(
  printer: Pick<Printer, 'raw' | 'chalk'>,
  value: NewCredential,
  options: CredentialBoxOptions = {},
): void {
  printer.raw(renderCredentialBox(value, printer.chalk, options));
}
