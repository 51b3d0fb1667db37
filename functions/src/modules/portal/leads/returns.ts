// A client returns a lead: only a lead delivered to an order of its own organisation (404
// otherwise), only while published and within the order's return window since publication (409
// with the date it closed), with an active return reason of the catalogue (422). The return is
// the leads module's transition (published → returned by a person with portal.client, audited,
// returned_at set): the lead is back in QA, the order has a unit open again, and a lead waiting
// for that unit is published at once (it replaces this one: the replacement loop).
import { eq, inArray, isNull } from 'drizzle-orm';
import { PORTAL_LEAD_STATES } from '@shared/contracts/portal-leads';
import { orderReference } from '@shared/contracts/portal';
import { AppError, notFound } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Principal } from '../../../core/principal';
import type { Database } from '../../../db/connection';
import { leads, orders } from '../../../db/schema';
import type { PortalHooks } from '../hooks';
import { clientScope, scoped } from '../tenant';
import { publishWaitingLeads } from './publish';
import { returnableUntil } from './views';

export async function returnLead(deps: Deps, hooks: PortalHooks, principal: Principal, leadId: string, input: { reasonCode: string; note?: string | undefined }): Promise<void> {
  const scope = clientScope(principal);
  const at = deps.now();
  const orderId = await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const [row] = await tx
      .select({ state: leads.state, publishedAt: leads.publishedAt, returnedAt: leads.returnedAt, orderId: orders.id, orderNumber: orders.number, returnWindowDays: orders.returnWindowDays })
      .from(leads)
      .innerJoin(orders, eq(orders.id, leads.orderId))
      .where(scoped(scope, orders.orgId, eq(leads.id, leadId), isNull(leads.deletedAt), inArray(leads.state, [...PORTAL_LEAD_STATES])));
    if (!row) throw notFound('lead');
    if (row.state !== 'published') {
      throw new AppError('conflict', { detail: `This lead was already returned${row.returnedAt ? ` on ${row.returnedAt.toISOString().slice(0, 10)}` : ''}.` });
    }
    if (!returnableUntil(row, at)) {
      const closed = row.publishedAt ? new Date(row.publishedAt.getTime() + row.returnWindowDays * 86_400_000) : null;
      throw new AppError('conflict', {
        detail: `The return window of ${orderReference(row.orderNumber)} (${row.returnWindowDays} days from delivery) closed${closed ? ` on ${closed.toISOString().slice(0, 10)}` : ''}: this lead can no longer be returned.`,
      });
    }
    await hooks.leads.transitionLead(tx, {
      leadId,
      to: 'returned',
      actor: { kind: 'person', userId: principal.userId, roles: principal.roles },
      reasonCode: input.reasonCode,
      note: input.note?.trim() || null,
      at,
      set: { returnedAt: at },
    });
    return row.orderId;
  });
  deps.logger.info('a client returned a lead', { leadId, orderId, actorId: principal.userId, reasonCode: input.reasonCode });
  try {
    await publishWaitingLeads(deps, hooks, orderId);
  } catch (error) {
    deps.logger.error('leads waiting for a unit were not published after a return', { orderId, error: (error as Error).message });
  }
}
