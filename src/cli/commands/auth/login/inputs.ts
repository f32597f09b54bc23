import { checkTenantId, type EnvValues } from '../../../../config/env-values.js';
import type { Profile } from '../../../../config/profile-schema.js';
import { accessKeyProblem, isTenantIdShaped } from '../../../../core/credential.js';
import { UsageError } from '../../../../core/errors.js';
import { parsePortalUrl } from '../../../../core/portal-url.js';
import type { CommandContext } from '../../../runtime/context.js';
import { promptProblem } from './prompt-problem.js';
import type { WholeCredential } from './whole-credential.js';

/** Where login's URL, tenant and access key come from, in order of precedence. */
export interface LoginSources {
  env: EnvValues;
  /** The profile being logged in again, if it exists: its values spare the prompts. */
  stored: Profile | undefined;
  whole: WholeCredential | undefined;
  /** `login --access-key`. */
  accessKeyFlag: string | undefined;
}

/** Login's target, every part checked. */
export interface LoginIdentity {
  url: string;
  tenantId: string;
  accessKey: string;
}

/**
 * Flags, then a whole credential, then the environment, then the stored profile, then a
 * prompt (on a terminal; otherwise exit 8 naming the flag).
 *
 * @throws UsageError when a flag contradicts the whole credential, or a value is malformed.
 */
export async function resolveIdentity(
  ctx: CommandContext,
  sources: LoginSources,
): Promise<LoginIdentity> {
  const { env, stored, whole } = sources;
  const flagUrl = ctx.globals.url;
  const url =
    (flagUrl === undefined ? undefined : parsePortalUrl(flagUrl, '--url')) ??
    env.url ??
    stored?.url ??
    parsePortalUrl(await askUrl(ctx), 'the portal URL');
  const tenantFlag = ctx.globals.tenant;
  const tenantFromFlag =
    tenantFlag === undefined ? undefined : checkTenantId(tenantFlag.trim(), '--tenant');
  agree(tenantFromFlag, whole?.tenantId, '--tenant', 'tenant id', whole);
  const tenantId =
    tenantFromFlag ??
    whole?.tenantId ??
    env.tenantId ??
    stored?.tenant_id ??
    (await askTenant(ctx)).trim();
  const keyFlag = checkedKey(sources.accessKeyFlag);
  agree(keyFlag, whole?.accessKey, '--access-key', 'access key', whole);
  const accessKey =
    keyFlag ?? whole?.accessKey ?? env.accessKey ?? stored?.access_key ?? (await askKey(ctx));
  return { url, tenantId, accessKey: accessKey.trim() };
}

function agree(
  flag: string | undefined,
  fromCredential: string | undefined,
  flagName: string,
  what: string,
  whole: WholeCredential | undefined,
): void {
  if (flag === undefined || fromCredential === undefined || flag === fromCredential) return;
  throw new UsageError(
    `${flagName} does not match the ${what} of the credential from ${whole?.from}`,
    {
      hint: `drop ${flagName}: the credential carries the ${what}`,
    },
  );
}

function checkedKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const problem = accessKeyProblem(value.trim());
  if (problem) throw new UsageError(`--access-key ${problem}`);
  return value.trim();
}

function askUrl(ctx: CommandContext): Promise<string> {
  return ctx.prompter.input({
    message: 'Portal URL (e.g. https://mycompany.onbmc.com):',
    what: 'the portal URL',
    flag: '--url (or set HELIX_URL)',
    validate: (value) => promptProblem(() => parsePortalUrl(value, 'the URL')),
  });
}

function askTenant(ctx: CommandContext): Promise<string> {
  return ctx.prompter.input({
    message: 'Tenant id:',
    what: 'the tenant id',
    flag: '--tenant (or set HELIX_TENANT_ID)',
    validate: (value) => isTenantIdShaped(value.trim()) || 'the tenant id is digits only',
  });
}

function askKey(ctx: CommandContext): Promise<string> {
  return ctx.prompter.input({
    message: 'Access key:',
    what: 'the access key',
    flag: '--access-key (or set HELIX_ACCESS_KEY)',
    validate: (value) => {
      const problem = accessKeyProblem(value.trim());
      return problem === undefined || `the access key ${problem}`;
    },
  });
}
