import { formatVersion } from '../../../../core/version-text.js';
import { readVersionInfo } from '../../../../output/build-info.js';
import type { CommandContext } from '../../../runtime/context.js';

/** The `--version` text, or with `--json` `{name, version, built, url}` (null when unknown). */
export async function version(
  _options: Record<string, never>,
  ctx: CommandContext,
): Promise<number> {
  const info = readVersionInfo();
  ctx.printer.result(
    () => ({
      name: info.name,
      version: info.version,
      built: info.built ?? null,
      url: info.url ?? null,
    }),
    () => ctx.printer.raw(`${formatVersion(info)}\n`),
  );
  return 0;
}
