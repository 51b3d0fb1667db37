// What the bridge means to the campaigns working an order, answered for the other modules through
// the root: the order a campaign's new lead is for; the share of its usual speed a campaign may
// dial or send at (the order's pacing throttle; 0 while the order is paused or done); and which
// contacts the order's client suppressed (its own list: email, domain or phone), who are never
// dialled or sent to for that order — and only for that order.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import { orderCampaigns, orders } from '../../../db/schema';
import { deliveriesOf, figuresOf } from './pacing-read';

export type CampaignKind = 'call' | 'email';

/** The order a lead of this campaign is for, with its client; null when the campaign works none (or a cancelled one). */
export async function orderForCampaign(db: Database, campaignId: string, kind: CampaignKind): Promise<{ orderId: string; clientOrgId: string } | null> {
  const row = await queryOne<{ order_id: string; org_id: string }>(
    db,
    sql`select o.id::text as order_id, o.org_id::text from order_campaigns oc join orders o on o.id = oc.order_id
        where oc.campaign_kind = ${kind} and oc.campaign_id = ${campaignId}::uuid and o.state <> 'cancelled'`,
  );
  return row ? { orderId: row.order_id, clientOrgId: row.org_id } : null;
}

/**
 * The share (0–1) of its usual speed each of these campaigns may work at now. Campaigns that work
 * no order are left out (full speed). Approved and live orders run at their pacing throttle;
 * paused, completed and cancelled ones stop their campaigns.
 */
export async function campaignShares(db: Database, kind: CampaignKind, campaignIds: readonly string[], now: Date): Promise<Map<string, number>> {
  const shares = new Map<string, number>();
  if (!campaignIds.length) return shares;
  const rows = await db
    .select({ campaignId: orderCampaigns.campaignId, order: orders })
    .from(orderCampaigns)
    .innerJoin(orders, eq(orders.id, orderCampaigns.orderId))
    .where(and(eq(orderCampaigns.campaignKind, kind), inArray(orderCampaigns.campaignId, [...campaignIds])));
  const working = rows.filter((r) => r.order.state === 'approved' || r.order.state === 'live');
  const deliveries = await deliveriesOf(db, [...new Set(working.map((r) => r.order.id))]);
  for (const { campaignId, order } of rows) {
    shares.set(campaignId, working.some((w) => w.order.id === order.id) ? figuresOf(order, deliveries.get(order.id) ?? [], now).throttle : 0);
  }
  return shares;
}

/**
 * Of these contacts, those the client of the campaign's order suppressed: by email address, by the
 * domain of their address or of their account, or by either of their numbers. Empty when the
 * campaign works no order. One statement.
 */
export async function clientSuppressedContacts(db: Database, kind: CampaignKind, campaignId: string, contactIds: readonly string[]): Promise<Set<string>> {
  if (!contactIds.length) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with client as (
          select o.org_id from order_campaigns oc join orders o on o.id = oc.order_id
          where oc.campaign_kind = ${kind} and oc.campaign_id = ${campaignId}::uuid
        )
        select c.id::text from contacts c
        left join accounts a on a.id = c.account_id
        where c.id = any(${sql.param([...contactIds])}::uuid[])
          and exists (
            select 1 from client_suppressions s
            where s.org_id in (select org_id from client)
              and ((s.kind = 'email' and s.value = lower(btrim(c.email)))
                or (s.kind = 'domain' and s.value in (split_part(lower(btrim(c.email)), '@', 2), a.domain))
                or (s.kind = 'phone' and s.value in (c.direct_phone, c.mobile_phone)))
          )`,
  );
  return new Set(rows.map((r) => r.id));
}
