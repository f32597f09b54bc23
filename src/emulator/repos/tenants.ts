import { randomBytes } from 'node:crypto';
import type { Database } from '../store/sqlite.js';

export interface TenantRow {
  tenant_id: string;
  name: string;
  domain_name: string;
  signing_secret: string;
  created_at: number;
}

export interface NewTenant {
  tenantId: string;
  name: string;
  domainName: string;
  now: number;
}

/** Inserts a tenant with a fresh HS256 signing secret of its own. */
export function insertTenant(db: Database, tenant: NewTenant): void {
  db.prepare(
    'INSERT INTO tenants (tenant_id, name, domain_name, signing_secret, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(
    tenant.tenantId,
    tenant.name,
    tenant.domainName,
    randomBytes(32).toString('base64url'),
    tenant.now,
  );
}

export function getTenant(db: Database, tenantId: string): TenantRow | undefined {
  return db.prepare('SELECT * FROM tenants WHERE tenant_id = ?').get<TenantRow>(tenantId);
}

export function countTenants(db: Database): number {
  return db.prepare('SELECT COUNT(*) AS n FROM tenants').get<{ n: number }>()?.n ?? 0;
}

/** The first tenant created: the one a bootstrap or a seed made first. */
export function firstTenant(db: Database): TenantRow | undefined {
  return db.prepare('SELECT * FROM tenants ORDER BY created_at, rowid LIMIT 1').get<TenantRow>();
}

/**
 * Tenant rows by id, cached: they are read on every authenticated request (signing secret,
 * name) and never change once created. A miss is looked up again, so a tenant created by
 * another process on the same file is found.
 */
export class TenantCache {
  readonly #db: Database;
  readonly #rows = new Map<string, TenantRow>();

  constructor(db: Database) {
    this.#db = db;
  }

  get(tenantId: string): TenantRow | undefined {
    let row = this.#rows.get(tenantId);
    if (!row) {
      row = getTenant(this.#db, tenantId);
      if (row) this.#rows.set(tenantId, row);
    }
    return row;
  }

  secretOf = (tenantId: string): string | undefined => this.get(tenantId)?.signing_secret;
}
