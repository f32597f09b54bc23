import type Conf from 'conf';
import { badFileError, fileAccessError } from './file-errors.js';
import { configFiles } from './paths.js';
import { ensureSecureDir } from './secure-file.js';

/** config.json as conf sees it: a plain JSON object. */
export type ConfigStore = Conf<Record<string, unknown>>;

/**
 * Opens config.json through conf 15 (imported lazily: it costs ~50-80 ms at start-up), in a
 * folder created 0700 first (conf would create it 0755), writing atomically with mode 0600.
 */
export async function openConfigStore(dir: string): Promise<ConfigStore> {
  await ensureSecureDir(dir);
  const { default: ConfClass } = await import('conf');
  try {
    return new ConfClass<Record<string, unknown>>({
      cwd: dir,
      configName: 'config',
      projectSuffix: '',
      configFileMode: 0o600,
      // Profile names may hold dots: keys are names, not paths.
      accessPropertiesByDotNotation: false,
    });
  } catch (error) {
    throw confError(error, configFiles(dir).config);
  }
}

/** The parsed content; conf throws a SyntaxError on a corrupt file, mapped to a one-liner. */
export function readConfigStore(store: ConfigStore): unknown {
  try {
    return store.store;
  } catch (error) {
    throw confError(error, store.path);
  }
}

function confError(error: unknown, path: string): Error {
  if (error instanceof SyntaxError) {
    return badFileError(
      'config file',
      path,
      'is not valid JSON',
      'fix it in an editor, or remove it and log in again',
    );
  }
  return fileAccessError(error, 'write', path);
}
