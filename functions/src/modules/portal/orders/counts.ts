// How far orders have come, from their leads (leads.order_id) in one grouped statement: delivered
// (published and kept), returned (ever sent back), replaced, in QA (not yet published), and the
// units still open (ordered − delivered: a return reopens one).
import { sql } from 'drizzle-orm';
import type { OrderCounts } from '@shared/contracts/portal';
import type { Database } from '../../../db/connection';
import { queryRows } from '../../../db/rows';

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** Each order's counts, by order id (an order with no leads counts zero everywhere but open). */
export async function orderCounts(db: Database, orders: readonly { id: string; volume: number }[]): Promise<Map<string, OrderCounts>> {
  const result = new Map<string, OrderCounts>();
  if (!orders.length) return result;
  const rows = await queryRows<{ order_id: string; delivered: number; returned: number; replaced: number; in_qa: number }>(
    db,
    sql`select l.order_id,
        count(*) filter (where l.state = 'published')::int as delivered,
        count(*) filter (where l.returned_at is not null)::int as returned,
        count(*) filter (where l.state = 'replaced')::int as replaced,
        count(*) filter (where l.state in ('new', 'under_review', 'approved'))::int as in_qa
      from leads l
      where l.order_id = any(${uuidArray(orders.map((o) => o.id))}) and l.deleted_at is null
      group by l.order_id`,
  );
  const byOrder = new Map(rows.map((r) => [r.order_id, r]));
  for (const order of orders) {
    const r = byOrder.get(order.id);
    const delivered = Number(r?.delivered ?? 0);
    result.set(order.id, {
      ordered: order.volume,
      delivered,
      returned: Number(r?.returned ?? 0),
      replaced: Number(r?.replaced ?? 0),
      open: Math.max(order.volume - delivered, 0),
      inQa: Number(r?.in_qa ?? 0),
    });
  }
  return result;
}

/** How many target domains each order holds. */
export async function targetCounts(db: Database, orderIds: readonly string[]): Promise<Map<string, number>> {
  if (!orderIds.length) return new Map();
  const rows = await queryRows<{ order_id: string; n: number }>(
    db,
    sql`select order_id, count(*)::int as n from order_target_domains where order_id = any(${uuidArray(orderIds)}) group by order_id`,
  );
  return new Map(rows.map((r) => [r.order_id, Number(r.n)]));
}
