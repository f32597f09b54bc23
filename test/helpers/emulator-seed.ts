import type { TestCredential } from './emulator-server.js';

/** Credentials and ids of test/fixtures/seed-basic.json, so tests do not repeat literals. */
const key = (prefix: string) => prefix.padEnd(30, '0');
const secret = (name: string) => `Secret0${name}`.padEnd(50, 'x');

function cred(prefix: string, name: string, tenantId: string): TestCredential {
  return { accessKey: key(prefix), secretKey: secret(name), tenantId };
}

export const ACME = '1000000001';
export const GLOBEX = '2000000002';

export const basic = {
  acmeAdmin: cred('ACMEADMIN', 'AcmeAdmin', ACME),
  acmeAuditor: cred('ACMEAUDITOR', 'AcmeAuditor', ACME),
  acmePlain: cred('ACMEPLAIN', 'AcmePlain', ACME),
  bobLaptop: cred('BOBLAPTOP', 'BobLaptop', ACME),
  ingest: cred('ACMEINGEST', 'AcmeIngest', ACME),
  expired: cred('ACMEEXPIRED', 'AcmeExpired', ACME),
  inactive: cred('ACMEINACTIVE', 'AcmeInactive', ACME),
  onboarding: cred('ACMEONBOARD', 'AcmeOnboard', ACME),
  globexAdmin: cred('GLOBEXADMIN', 'GlobexAdmin', GLOBEX),
  users: {
    alice: '100000000000001',
    bob: '100000000000002',
    carol: '100000000000003',
    gina: '200000000000001',
  },
  keyIds: {
    acmeAdmin: '100000000000101',
    acmeAuditor: '100000000000102',
    acmePlain: '100000000000103',
    bobLaptop: '100000000000104',
    ingest: '100000000000105',
    expired: '100000000000106',
    inactive: '100000000000107',
    onboarding: '100000000000108',
    globexAdmin: '200000000000101',
  },
  acmeKeyCount: 8,
  onboardingName: '1000000001@1700000000000',
} as const;
