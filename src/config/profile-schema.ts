import { accessKeyProblem, isTenantIdShaped } from '../core/credential.js';
import { UsageError } from '../core/errors.js';
import { isOutputFormat, type OutputFormat } from '../core/output-format.js';
import { parsePortalUrl } from '../core/portal-url.js';
import { quoteForMessage } from '../core/quote.js';
import { badFileError } from './file-errors.js';

/** The built-in profile: the in-process emulator. It has no URL. */
export const LOCAL_PROFILE = 'local';

/** A stored profile: no secret here (those live in credentials.json). */
export interface Profile {
  /** The portal URL; absent only for `local`. */
  url?: string;
  tenant_id: string;
  access_key: string;
  output?: OutputFormat;
  /** A proxy pinned by `login --proxy` (no credentials: those stay in the environment). */
  proxy?: string;
  /** A CA file (absolute path, PEM) trusted for this portal, from `login --ca-file`. */
  ca_file?: string;
  /** Saved by `login --insecure-http`: plain http to a host that is not loopback is allowed. */
  insecure_http?: boolean;
}

/** What config.json holds. `profiles` has a null prototype (see {@link emptyProfiles}). */
export interface ProfilesFile {
  current_profile?: string;
  profiles: Record<string, Profile>;
}

/** A profile map with no prototype: no name can reach Object.prototype through it. */
export function emptyProfiles(): Record<string, Profile> {
  return Object.create(null) as Record<string, Profile>;
}

const PROFILE_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Names that are object machinery in JavaScript: as a key they could reach a prototype
 * instead of a profile, so they are never profile names (whatever their case).
 */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** True when `name` is 1–64 of `[A-Za-z0-9._-]`, not `.`/`..`, and not a reserved name. */
export function isProfileName(name: string): boolean {
  return (
    PROFILE_NAME.test(name) &&
    name !== '.' &&
    name !== '..' &&
    !RESERVED_NAMES.has(name.toLowerCase())
  );
}

/** @throws UsageError unless {@link isProfileName}. */
export function validateProfileName(name: string, what = 'profile name'): string {
  if (isProfileName(name)) return name;
  if (RESERVED_NAMES.has(name.toLowerCase())) {
    throw new UsageError(`invalid ${what} ${quoteForMessage(name)}: it is a reserved name`, {
      hint: 'pick another name, e.g. prod',
    });
  }
  throw new UsageError(
    `invalid ${what} ${quoteForMessage(name)}: use 1-64 letters, digits, ".", "_" or "-"`,
  );
}

/**
 * Checks a profile before it is saved and returns it normalised. `local` must not have a URL;
 * every other profile must.
 *
 * @throws UsageError naming the bad field.
 */
export function validateProfile(name: string, profile: Profile): Profile {
  validateProfileName(name);
  checkFieldTypes(name, profile);
  if (name === LOCAL_PROFILE && profile.url !== undefined) {
    throw new UsageError('the local profile is built in and has no URL', {
      hint: 'pick another profile name for a portal, e.g. --profile prod',
    });
  }
  if (name !== LOCAL_PROFILE && profile.url === undefined)
    throw new UsageError(`profile ${name} needs a URL`);
  const accessProblem = accessKeyProblem(profile.access_key);
  if (accessProblem) throw new UsageError(`profile ${name}: the access key ${accessProblem}`);
  if (!isTenantIdShaped(profile.tenant_id))
    throw new UsageError(`profile ${name}: the tenant id must be digits only`);
  if (profile.output !== undefined && !isOutputFormat(profile.output)) {
    throw new UsageError(
      `profile ${name}: unknown output format ${quoteForMessage(profile.output)}`,
    );
  }
  const url =
    profile.url === undefined ? {} : { url: parsePortalUrl(profile.url, `profile ${name} URL`) };
  const output = profile.output === undefined ? {} : { output: profile.output };
  const proxy =
    profile.proxy === undefined
      ? {}
      : { proxy: parseProxyUrl(profile.proxy, `profile ${name} proxy`) };
  const caFile = profile.ca_file === undefined ? {} : { ca_file: profile.ca_file };
  const insecure = profile.insecure_http === true ? { insecure_http: true } : {};
  return {
    ...url,
    tenant_id: profile.tenant_id,
    access_key: profile.access_key,
    ...output,
    ...proxy,
    ...caFile,
    ...insecure,
  };
}

/**
 * A proxy URL a profile may pin: http:// or https://, a host, and no user or password (a
 * password in config.json or in argv would leak; HTTPS_PROXY in the environment carries them).
 *
 * @throws UsageError naming `what`.
 */
export function parseProxyUrl(text: string, what: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UsageError(`${what} is not a URL: use http://host:port`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${what} must start with http:// or https://`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new UsageError(`${what} must not hold a user or password`, {
      hint: 'set them in the environment instead: HTTPS_PROXY=http://user:password@host:port',
    });
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new UsageError(`${what} must be scheme, host and port only (http://host:port)`);
  }
  return `${url.protocol}//${url.host}`;
}

function checkFieldTypes(name: string, profile: Profile): void {
  const record = profile as unknown as Record<string, unknown>;
  for (const field of ['tenant_id', 'access_key']) {
    if (record[field] === undefined) throw new UsageError(`profile ${name} has no ${field}`);
  }
  for (const field of ['url', 'tenant_id', 'access_key', 'output', 'proxy', 'ca_file']) {
    const value = record[field];
    if (value !== undefined && typeof value !== 'string') {
      throw new UsageError(`profile ${name}: ${field} must be a string`);
    }
  }
  const insecure = record.insecure_http;
  if (insecure !== undefined && typeof insecure !== 'boolean')
    throw new UsageError(`profile ${name}: insecure_http must be true or false`);
}

/**
 * Reads config.json's parsed content (undefined when absent) into a {@link ProfilesFile},
 * checking every profile, so a hand-edited file fails once, clearly, naming the file.
 */
export function parseProfilesFile(data: unknown, path: string): ProfilesFile {
  if (data === undefined) return { profiles: emptyProfiles() };
  const fail = (problem: string) =>
    badFileError(
      'config file',
      path,
      problem,
      'fix it in an editor, or remove it and log in again',
    );
  if (!isRecord(data)) throw fail('is not a JSON object');
  const { current_profile: current, profiles = {} } = data;
  if (!isRecord(profiles)) throw fail('has "profiles" that is not an object');
  const result: ProfilesFile = { profiles: emptyProfiles() };
  try {
    if (current !== undefined)
      result.current_profile = validateProfileName(String(current), 'current_profile');
    for (const [name, value] of Object.entries(profiles)) {
      if (!isRecord(value))
        throw new UsageError(`profile ${quoteForMessage(name)} is not an object`);
      result.profiles[name] = validateProfile(name, value as unknown as Profile);
    }
  } catch (error) {
    throw fail(`is invalid: ${(error as Error).message}`);
  }
  return result;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
