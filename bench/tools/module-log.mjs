// `node --import ./module-log.mjs app.js`: logs every module app.js loads (ES modules through
// the hooks, CommonJS files through Module._load, which the hooks do not see on Node 20).
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url);
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  const file = process.env.MODULE_LOG;
  if (file && parent?.filename) {
    try {
      appendFileSync(file, `cjs:${Module._resolveFilename(request, parent, isMain)}\n`);
    } catch {
      // unresolvable: the real load reports it
    }
  }
  return originalLoad.call(this, request, parent, isMain);
};
