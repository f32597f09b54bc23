import type { CommandContext } from '../context.js';
import type { CommandId, CommandOptionsMap } from '../dispatch.js';

/** A command body: typed options in, optional exit code out. It never exits the process. */
export type CommandBody<K extends CommandId> = (
  options: CommandOptionsMap[K],
  ctx: CommandContext,
) => Promise<number | undefined>;

type Loaders = { [K in CommandId]: () => Promise<CommandBody<K>> };

/** Bodies load only when their command runs, so start-up imports none of them. */
const loaders: Loaders = {
  login: () => import('./auth/login.js').then((m) => m.login),
  logout: () => import('./auth/logout.js').then((m) => m.logout),
  whoami: () => import('./auth/whoami.js').then((m) => m.whoami),
  'profiles list': () => import('./profiles/profiles-list.js').then((m) => m.profilesList),
  'profiles use': () => import('./profiles/profiles-use.js').then((m) => m.profilesUse),
  'profiles remove': () => import('./profiles/profiles-remove.js').then((m) => m.profilesRemove),
  'keys add': () => import('./keys/keys-add.js').then((m) => m.keysAdd),
  'keys list': () => import('./keys/keys-list.js').then((m) => m.keysList),
  'keys show': () => import('./keys/keys-show.js').then((m) => m.keysShow),
  'keys rotate': () => import('./keys/keys-rotate.js').then((m) => m.keysRotate),
  'keys expire': () => import('./keys/keys-expire.js').then((m) => m.keysExpire),
  'keys assign': () => import('./keys/keys-assign.js').then((m) => m.keysAssign),
  'keys activate': () => import('./keys/keys-state.js').then((m) => m.keysActivate),
  'keys deactivate': () => import('./keys/keys-state.js').then((m) => m.keysDeactivate),
  'keys delete': () => import('./keys/keys-delete.js').then((m) => m.keysDelete),
  'keys copy': () => import('./keys/keys-copy.js').then((m) => m.keysCopy),
  'keys permissions': () => import('./keys/keys-permissions.js').then((m) => m.keysPermissions),
  'keys check': () => import('./keys/keys-check.js').then((m) => m.keysCheck),
  serve: () => import('./serve/serve-command.js').then((m) => m.serveCommand),
  completion: () => import('./completion/completion.js').then((m) => m.completion),
};

export function loadCommand<K extends CommandId>(id: K): Promise<CommandBody<K>> {
  return loaders[id]();
}
