/** The administrator key of {@link bulkSeed}'s tenant. */
export const BULK_ADMIN = {
  accessKey: 'BULKADMIN000000000000000000000',
  secretKey: 'Secret0BulkAdmin'.padEnd(50, 'x'),
  tenantId: '3000000003',
};

/**
 * A tenant with an administrator key and `count` more keys named `bulk-00001`…, for
 * pagination: 2,500 keys are three pages of 1,000. Every tenth key has expired.
 */
export function bulkSeed(count: number): unknown {
  const keys = Array.from({ length: count }, (_, i) => ({
    name: `bulk-${String(i + 1).padStart(5, '0')}`,
    type: i % 3 === 0 ? 'API' : 'TENANT',
    ...(i % 10 === 0 ? { expiry_time: '2021-01-31T23:59:59' } : {}),
  }));
  return {
    tenants: [
      {
        tenant_id: BULK_ADMIN.tenantId,
        name: 'Bulk',
        onboarding_key: false,
        keys: [
          {
            name: 'bulk-admin',
            access_key: BULK_ADMIN.accessKey,
            secret: BULK_ADMIN.secretKey,
            groups: ['Administrators'],
          },
          ...keys,
        ],
      },
    ],
  };
}
