import { resolve } from 'node:path';
import { readEnvValues } from '../../../../config/env-values.js';
import { permissionWarnings } from '../../../../config/load-settings.js';
import { configDir, configFiles, homeDir } from '../../../../config/paths.js';
import { LOCAL_PROFILE, type Profile, parseProxyUrl } from '../../../../config/profile-schema.js';
import { loadProfiles } from '../../../../config/profiles.js';
import { resolveTimeout } from '../../../../config/resolve-timeout.js';
import { UsageError } from '../../../../core/errors.js';
import { isInsecureRemote } from '../../../../core/url-origin.js';
import type { CommandContext } from '../../../runtime/context.js';
import { insecureWarning } from '../../../runtime/insecure-http.js';
import type { NetworkSettings } from '../../../runtime/network.js';
import { resolveIdentity } from './inputs.js';
import type { LoginOptions } from './options.js';
import { reportLogin } from './report.js';
import { saveLogin } from './save.js';
import { resolveSecret } from './secret.js';
import { loginTarget } from './target.js';
import { verifyLogin } from './verify.js';
import { readWholeCredential } from './whole-credential.js';

/**
 * `helixctl login`: gathers URL, tenant, access key and secret; logs in and reads /userinfo;
 * only then saves the profile, the secret and the tokens (all or nothing).
 */
export async function login(options: LoginOptions, ctx: CommandContext): Promise<number> {
  // Every flag and variable is checked before anything is asked or read.
  const target = loginTarget(ctx);
  if (target.name === LOCAL_PROFILE) return (await import('./local-reissue.js')).reissueLocal(ctx);
  const env = readEnvValues(ctx.env);
  const timeoutMs = resolveTimeout({ timeout: ctx.globals.timeout }).value;
  const dir = configDir(ctx.env);
  const file = await loadProfiles(dir);
  const stored = Object.hasOwn(file.profiles, target.name) ? file.profiles[target.name] : undefined;
  const network = loginNetwork(options, stored);
  const whole = await readWholeCredential(options, ctx);
  const identity = await resolveIdentity(ctx, {
    env,
    stored,
    whole,
    accessKeyFlag: options.accessKey,
  });
  const insecure = isInsecureRemote(identity.url);
  if (insecure && !options.insecureHttp) {
    throw new UsageError(
      `refusing plain http to ${new URL(identity.url).host}: the secret would be sent in clear (http is allowed only to loopback)`,
      { hint: 'use https://, or add --insecure-http to accept the risk (saved with the profile)' },
    );
  }
  if (insecure) ctx.printer.warn(insecureWarning(identity.url));
  const { secret, from } = await resolveSecret(ctx, {
    accessKey: identity.accessKey,
    env,
    whole,
    stdin: options.secretStdin,
  });
  ctx.printer.debug(`login: profile ${target.name}, secret from ${from}`);
  const verified = await verifyLogin(ctx, identity, secret, timeoutMs, network);
  // The default changes only when there is none (the first profile saved, or one whose
  // profile was removed): a login to a named profile never moves it (docs/login-and-profiles.md).
  const current =
    file.current_profile === LOCAL_PROFILE ||
    Object.hasOwn(file.profiles, file.current_profile ?? '')
      ? file.current_profile
      : undefined;
  const makeCurrent = current === undefined || current === target.name;
  const report = { target, identity, verified, makeCurrent, previousCurrent: current };
  if (options.dryRun) {
    reportLogin(ctx, { ...report, dryRun: true });
    return 0;
  }
  const profile = {
    url: identity.url,
    tenant_id: identity.tenantId,
    access_key: identity.accessKey,
    ...(stored?.output === undefined ? {} : { output: stored.output }),
    ...(network.proxy === undefined ? {} : { proxy: network.proxy }),
    ...(network.caFile === undefined ? {} : { ca_file: network.caFile }),
    ...(insecure ? { insecure_http: true } : {}),
  };
  await saveLogin(
    dir,
    { name: target.name, profile, secret, tokens: verified.tokens, makeCurrent, previous: stored },
    () => ctx.now(),
  );
  for (const warning of await permissionWarnings(configFiles(dir), homeDir(ctx.env))) {
    ctx.printer.warn(warning);
  }
  reportLogin(ctx, { ...report, dryRun: false });
  return 0;
}

/**
 * The proxy and CA file this login uses and saves: the flag (`""` removes), else what the
 * profile already pinned. A CA file is saved as an absolute path.
 */
function loginNetwork(options: LoginOptions, stored: Profile | undefined): NetworkSettings {
  const proxy =
    options.proxy === undefined
      ? stored?.proxy
      : options.proxy.trim() === ''
        ? undefined
        : parseProxyUrl(options.proxy, '--proxy');
  const caFile =
    options.caFile === undefined
      ? stored?.ca_file
      : options.caFile.trim() === ''
        ? undefined
        : resolve(options.caFile.trim());
  return { proxy, caFile };
}
