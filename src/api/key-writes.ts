import { imsPaths } from '../wire/paths.js';
import type {
  AccessKeyRecord,
  CreatedAccessKey,
  CreateKeyRequest,
  CreateUserKeyRequest,
  RegeneratedSecret,
  RotationUpdateRequest,
  UpdateKeyRequest,
} from '../wire/types.js';
import type { OutcomeContext } from './errors.js';
import type { HttpRequest } from './http.js';
import { type Call, type MutationOptions, requireFields } from './list-call.js';

/** Calls that change a key. POST and PATCH are never retried; see OUTCOME_UNKNOWN. */
export interface KeyWritesApi {
  createKey(body: CreateKeyRequest, options?: MutationOptions): Promise<CreatedAccessKey>;
  createUserKey(
    userId: string,
    body: CreateUserKeyRequest,
    options?: MutationOptions,
  ): Promise<CreatedAccessKey>;
  updateKey(
    key: string,
    body: UpdateKeyRequest,
    options?: MutationOptions,
  ): Promise<AccessKeyRecord>;
  deleteKey(key: string): Promise<void>;
  regenerateSecret(key: string, options?: MutationOptions): Promise<RegeneratedSecret>;
  rotateApiKey(key: string, options?: MutationOptions): Promise<CreatedAccessKey>;
  updateRotation(
    key: string,
    body: RotationUpdateRequest,
    options?: MutationOptions,
  ): Promise<AccessKeyRecord>;
}

const ONE_TIME = ['access_key', 'access_secret_key'] as const;
type Write = Omit<HttpRequest, 'token'>;

function outcome(what: string, checkHint: string, options?: MutationOptions): OutcomeContext {
  return { what, checkHint: options?.checkHint ?? checkHint };
}

function creating(name: string, options?: MutationOptions): OutcomeContext {
  const quoted = JSON.stringify(name);
  return outcome(
    `creating key ${quoted}`,
    `check with \`helixctl keys list --name ${quoted}\` before creating it again`,
    options,
  );
}

/** A secret shown once and lost with the answer: say so, and how to get another. */
function secretLost(what: string, key: string, options?: MutationOptions): OutcomeContext {
  return outcome(
    `${what} ${key}`,
    `if it did, the new secret is lost: check with \`helixctl keys show ${key}\` and rotate again`,
    options,
  );
}

function shown(key: string, what: string, options?: MutationOptions): OutcomeContext {
  return outcome(`${what} ${key}`, `check with \`helixctl keys show ${key}\``, options);
}

export function keyWrites(call: Call): KeyWritesApi {
  const oneTime = async <T extends object>(request: Write): Promise<T> =>
    requireFields(await call<T>(request), ONE_TIME, request);
  return {
    createKey: (body, options) =>
      oneTime({
        method: 'POST',
        path: imsPaths.keys,
        json: body,
        answer: 'createdKey',
        outcome: creating(body.name, options),
      }),
    createUserKey: (userId, body, options) =>
      oneTime({
        method: 'POST',
        path: imsPaths.userKeys(userId),
        json: body,
        answer: 'createdKey',
        outcome: creating(body.name, options),
      }),
    updateKey: (key, body, options) =>
      call({
        method: 'PATCH',
        path: imsPaths.key(key),
        json: body,
        answer: 'accessKey',
        outcome: shown(key, 'updating key', options),
      }),
    deleteKey: (key) => call({ method: 'DELETE', path: imsPaths.key(key), expect: 'none' }),
    regenerateSecret: (key, options) =>
      oneTime({
        method: 'POST',
        path: imsPaths.keySecret(key),
        answer: 'regenerated',
        outcome: secretLost('generating a new secret for key', key, options),
      }),
    rotateApiKey: (key, options) =>
      oneTime({
        method: 'POST',
        path: imsPaths.keyRotate(key),
        answer: 'createdKey',
        outcome: secretLost('rotating API key', key, options),
      }),
    updateRotation: (key, body, options) =>
      call({
        method: 'PATCH',
        path: imsPaths.keyRotation(key),
        json: body,
        answer: 'accessKey',
        outcome: shown(key, 'updating the rotation schedule of key', options),
      }),
  };
}
