import type { Context } from 'hono';
import { readCapped } from '../../core/read-capped.js';
import { ApiError, badRequest } from '../model/api-error.js';
import type { JsonObject } from '../model/fields.js';
import { requireJsonContentType } from './media-type.js';
import { type BodySchema, validateBody } from './schema.js';

/** Request bodies are small JSON objects: anything larger is a client bug or an attack. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Deepest nesting accepted; the schemas need 2 levels, garbage may need thousands. */
export const MAX_JSON_DEPTH = 16;

const tooLarge = () => new ApiError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request's JSON object body, checked against `schema`. In order: size (413, from
 * Content-Length before reading, then while reading), an empty body reads as `{}`, media type
 * (415), UTF-8 (400), JSON syntax (400), nesting depth (400), an object (400), the schema (400).
 */
export async function readBody(c: Context, schema: BodySchema): Promise<JsonObject> {
  const body = await readJsonObject(c);
  validateBody(body, schema);
  return body;
}

async function readJsonObject(c: Context): Promise<JsonObject> {
  const bytes = await readRequestBytes(c.req.raw);
  if (bytes.byteLength === 0) return {};
  requireJsonContentType(c.req.header('content-type'));
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw badRequest('Request body is not valid UTF-8');
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('Malformed JSON in request body');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('Request body must be a JSON object');
  }
  if (depthOf(value) > MAX_JSON_DEPTH) {
    throw badRequest(`Request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return value as JsonObject;
}

async function readRequestBytes(request: Request): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  return readCapped(request.body, MAX_BODY_BYTES, tooLarge);
}

/** Nesting depth of a parsed JSON value, without recursion (a deep value must not blow the stack). */
function depthOf(root: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}
