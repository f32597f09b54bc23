import { ApiError } from '../model/api-error.js';
import { shown } from '../model/text-rules.js';

const JSON_TYPE = /^application\/(?:json|[a-z0-9!#$&^_.-]+\+json)$/;

/**
 * Refuses (415) a body that is not declared as JSON: `application/json` or an
 * `application/*+json` type, with no charset or `charset=utf-8` (any case, quoted or not).
 * A missing Content-Type is refused too, as Spring does: a body must say what it is.
 */
export function requireJsonContentType(header: string | undefined): void {
  const [type = '', ...params] = (header ?? '').split(';').map((part) => part.trim());
  const charset = params
    .map((p) => /^charset\s*=\s*"?([^"]*)"?$/i.exec(p)?.[1])
    .find((v) => v !== undefined);
  const typeOk = JSON_TYPE.test(type.toLowerCase());
  const charsetOk = charset === undefined || /^utf-?8$/i.test(charset);
  if (typeOk && charsetOk) return;
  const given = header === undefined || header.trim() === '' ? 'none' : shown(header);
  throw new ApiError(415, `Content type ${given} is not supported; send application/json`);
}
