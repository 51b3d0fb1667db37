// The one tenant scope of the portal: every query a client user's request makes goes through it, so
// a client sees and touches only its own organisation's rows. Another organisation's id answers
// 404 exactly like an id that does not exist (never 403: that would confirm it exists). Staff
// (orders.read / orders.manage) get a scope over every organisation, or over one they name.
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '../../core/app-error';
import type { Principal } from '../../core/principal';
import type { Database } from '../../db/connection';
import { orders } from '../../db/schema';

/** Whose rows a request may reach: one organisation (a client user) or all of them (staff). */
export type TenantScope = { kind: 'client'; orgId: string; userId: string } | { kind: 'staff'; userId: string };

/** A client user's scope: their organisation. A client user without one is refused (it cannot happen: identity forbids it). */
export function clientScope(principal: Principal): TenantScope & { kind: 'client' } {
  if (!principal.orgId || !principal.roles.includes('client_user')) {
    throw new AppError('forbidden', { detail: 'The portal is for client users.' });
  }
  return { kind: 'client', orgId: principal.orgId, userId: principal.userId };
}

export function staffScope(principal: Principal): TenantScope & { kind: 'staff' } {
  return { kind: 'staff', userId: principal.userId };
}

/** The condition that keeps a query inside the scope, on the table's organisation column (undefined for staff). */
export function inScope(scope: TenantScope, orgColumn: PgColumn): SQL | undefined {
  return scope.kind === 'client' ? eq(orgColumn, scope.orgId) : undefined;
}

/** `where` with the scope's condition added. */
export function scoped(scope: TenantScope, orgColumn: PgColumn, ...conditions: (SQL | undefined)[]): SQL | undefined {
  return and(inScope(scope, orgColumn), ...conditions);
}

/** The order, if the scope reaches it; else 404 (whether it does not exist or is another organisation's). */
export async function orderInScope(db: Database, scope: TenantScope, orderId: string): Promise<typeof orders.$inferSelect> {
  const [order] = await db.select().from(orders).where(scoped(scope, orders.orgId, eq(orders.id, orderId)));
  if (!order) throw notFound('order');
  return order;
}
