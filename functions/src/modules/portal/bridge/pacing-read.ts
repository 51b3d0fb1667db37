// Reading an order's pace: its deliveries (published leads, kept by the client, by UTC day of
// publication) read in one statement for any number of orders, fed to the pure pacing function.
import { asc, eq, sql } from 'drizzle-orm';
import { paceSchema, orderReference } from '@shared/contracts/portal';
import type { OrderPacing, PacingOverview } from '@shared/contracts/portal-pacing';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { queryRows } from '../../../db/rows';
import { orders, organisations } from '../../../db/schema';
import { orderInScope, type TenantScope } from '../tenant';
import { computePacing, type DeliveryDay, type PacingFigures } from './pacing';

type Order = typeof orders.$inferSelect;

/** Each order's delivered leads by day, in one statement for all of them. */
export async function deliveriesOf(db: Database, orderIds: readonly string[]): Promise<Map<string, DeliveryDay[]>> {
  const found = new Map<string, DeliveryDay[]>(orderIds.map((id) => [id, []]));
  if (!orderIds.length) return found;
  const rows = await queryRows<{ order_id: string; day: string; n: number }>(
    db,
    sql`select order_id::text, to_char(coalesce(published_at, updated_at) at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n
        from leads
        where order_id = any(${sql.param([...orderIds])}::uuid[]) and state = 'published' and deleted_at is null
        group by 1, 2 order by 2`,
  );
  for (const r of rows) found.get(r.order_id)?.push({ day: r.day, count: Number(r.n) });
  return found;
}

export function paceOf(order: Pick<Order, 'pace'>) {
  const parsed = paceSchema.safeParse(order.pace);
  return parsed.success ? parsed.data : ({ kind: 'even' } as const);
}

export function figuresOf(order: Order, deliveries: readonly DeliveryDay[], now: Date): PacingFigures {
  return computePacing({ volume: order.volume, startsOn: order.startsOn, endsOn: order.endsOn, pace: paceOf(order) }, deliveries, now);
}

/** The pace of one order the scope reaches (another organisation's: 404). */
export async function orderPacing(deps: Pick<Deps, 'db' | 'now'>, scope: TenantScope, orderId: string): Promise<OrderPacing> {
  const order = await orderInScope(deps.db, scope, orderId);
  const deliveries = (await deliveriesOf(deps.db, [order.id])).get(order.id) ?? [];
  return { orderId: order.id, ...figuresOf(order, deliveries, deps.now()) };
}

/** Every live order's pace, soonest end first (the staff dashboard). */
export async function pacingOverview(deps: Pick<Deps, 'db' | 'now'>): Promise<PacingOverview> {
  const rows = await deps.db
    .select({ order: orders, orgName: organisations.name })
    .from(orders)
    .innerJoin(organisations, eq(organisations.id, orders.orgId))
    .where(eq(orders.state, 'live'))
    .orderBy(asc(orders.endsOn), asc(orders.number));
  const deliveries = await deliveriesOf(deps.db, rows.map((r) => r.order.id));
  const now = deps.now();
  return {
    items: rows.map(({ order, orgName }) => {
      const figures = figuresOf(order, deliveries.get(order.id) ?? [], now);
      return {
        orderId: order.id,
        reference: orderReference(order.number),
        name: order.name,
        orgName,
        ordered: figures.ordered,
        delivered: figures.delivered,
        expectedToDate: figures.expectedToDate,
        status: figures.status,
        endsOn: order.endsOn,
      };
    }),
  };
}
