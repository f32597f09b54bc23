import { adminCredential } from './seed.js';

/** Logs in as a bench tenant's administrator over HTTP; returns the access token. */
export async function adminToken(url, tenantId) {
  const admin = adminCredential(tenantId);
  const response = await fetch(`${url}/ims/api/v1/access_keys/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      access_key: admin.accessKey,
      access_secret_key: admin.secretKey,
      tenant_id: tenantId,
    }),
  });
  if (!response.ok) throw new Error(`login to ${url} failed: HTTP ${response.status}`);
  return (await response.json()).json_web_token;
}
