import type { CommandId, CommandOptionsMap } from '../dispatch.js';
import type { CommandContext } from '../runtime/context.js';

/** A command body: typed options in, optional exit code out. It never exits the process. */
export type CommandBody<K extends CommandId> = (
  options: CommandOptionsMap[K],
  ctx: CommandContext,
) => Promise<number | undefined>;

type Loaders = { [K in CommandId]: () => Promise<CommandBody<K>> };

/** Bodies load only when their command runs, so start-up imports none of them. */
const loaders: Loaders = {
  login: () => import('./auth/login/body.js').then((m) => m.login),
  logout: () => import('./auth/logout/body.js').then((m) => m.logout),
  whoami: () => import('./auth/whoami/body.js').then((m) => m.whoami),
  'profiles list': () => import('./profiles/list/body.js').then((m) => m.profilesList),
  'profiles use': () => import('./profiles/use/body.js').then((m) => m.profilesUse),
  'profiles remove': () => import('./profiles/remove/body.js').then((m) => m.profilesRemove),
  'keys add': () => import('./keys/add/body.js').then((m) => m.keysAdd),
  'keys list': () => import('./keys/list/body.js').then((m) => m.keysList),
  'keys show': () => import('./keys/show/body.js').then((m) => m.keysShow),
  'keys rotate': () => import('./keys/rotate/body.js').then((m) => m.keysRotate),
  'keys expire': () => import('./keys/expire/body.js').then((m) => m.keysExpire),
  'keys assign': () => import('./keys/assign/body.js').then((m) => m.keysAssign),
  'keys activate': () => import('./keys/activate/body.js').then((m) => m.keysActivate),
  'keys deactivate': () => import('./keys/activate/body.js').then((m) => m.keysDeactivate),
  'keys delete': () => import('./keys/delete/body.js').then((m) => m.keysDelete),
  'keys copy': () => import('./keys/copy/body.js').then((m) => m.keysCopy),
  'keys permissions': () => import('./keys/permissions/body.js').then((m) => m.keysPermissions),
  'keys check': () => import('./keys/check/body.js').then((m) => m.keysCheck),
  serve: () => import('./serve/serve/body.js').then((m) => m.serveCommand),
  completion: () => import('./completion/completion/body.js').then((m) => m.completion),
};

export function loadCommand<K extends CommandId>(id: K): Promise<CommandBody<K>> {
  return loaders[id]();
}
