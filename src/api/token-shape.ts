/**
 * What a token must look like before it goes into an Authorization header: a CR or LF in a
 * token from the service (or a damaged cache) would otherwise fail deep in fetch (exit 1) or
 * forge a header.
 */

/** A JWT: three base64url segments (docs/ims-api.md §3.3); the signature may be empty. */
export const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** An opaque bearer token (RFC 6750 b64token): no space, no CR or LF, nothing a header refuses. */
export const TOKEN_SHAPE = /^[A-Za-z0-9._~+/=-]+$/;
