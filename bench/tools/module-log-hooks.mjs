// Module customization hooks for tools/modules.js: appends the URL of every module loaded
// through the ES module loader to the file named by MODULE_LOG.
import { appendFileSync } from 'node:fs';

export async function load(url, context, next) {
  if (process.env.MODULE_LOG) appendFileSync(process.env.MODULE_LOG, `${url}\n`);
  return next(url, context);
}
