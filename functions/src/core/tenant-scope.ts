// Tenant scope: which client organisation's rows a caller may see. Every client-facing query
// filters through `scopeToTenant` (or checks a loaded row with `assertInTenant`), so a client
// user reads only their own organisation's data. The organisation comes from the principal, which
// the authenticator builds from the user's stored row behind a verified token, never from the
// request. Another organisation's record answers 404 exactly like a missing one: a 403 would
// confirm that the id exists.
import { eq, type Column, type SQL } from 'drizzle-orm';
import { CLIENT_ROLES, type Role } from '@shared/roles';
import { AppError, notFound } from './app-error';

/** The part of the acting principal that decides its tenant. */
export interface TenantActor {
  roles: readonly Role[];
  /** The client organisation of a client user; null for staff. */
  orgId: string | null;
}

const isClient = (actor: TenantActor) => actor.orgId !== null || actor.roles.some((role) => (CLIENT_ROLES as readonly Role[]).includes(role));

/**
 * The organisation a query must filter by, or null for every organisation. A client user always
 * gets their own (asking for another is a 404); staff get the one they ask for, or all.
 */
export function tenantOrgId(actor: TenantActor, requestedOrgId?: string | null): string | null {
  if (!isClient(actor)) return requestedOrgId ?? null;
  // A client account without an organisation is broken data: see nothing rather than everything.
  if (actor.orgId === null) throw new AppError('forbidden', { detail: 'This account belongs to no organisation.' });
  if (requestedOrgId != null && requestedOrgId !== actor.orgId) throw notFound('organisation');
  return actor.orgId;
}

/**
 * The condition that keeps a query to the caller's tenant, for `where(and(..., scope))`: equality
 * on the table's organisation column, or undefined (no condition) for staff over all organisations.
 */
export function scopeToTenant(actor: TenantActor, orgColumn: Column, requestedOrgId?: string | null): SQL | undefined {
  const orgId = tenantOrgId(actor, requestedOrgId);
  return orgId === null ? undefined : eq(orgColumn, orgId);
}

/** For a row already loaded: another organisation's record is not found, never forbidden. */
export function assertInTenant(actor: TenantActor, recordOrgId: string | null, what = 'record'): void {
  const orgId = tenantOrgId(actor);
  if (orgId !== null && recordOrgId !== orgId) throw notFound(what);
}
