// The pacing run (every 15 minutes): recomputes the pace of every approved, live and paused order
// and stores it; an approved order with a linked campaign goes live on its start date; a live
// order is completed when its volume is delivered or its window has ended (system moves, audited);
// an order under pace raises one alert a day, with a task for its campaign manager. Over pace
// needs no step here: the throttle is read live by the dialer and the sender (./order-gate.ts).
// Idempotent: a run twice in a row changes nothing more.
import { and, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { ORDER_TRANSITIONS, orderReference, type OrderState } from '@shared/contracts/portal';
import type { Deps, ScheduledJob } from '../../../core/deps';
import { AppError } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { orderCampaigns, orderPacingAlerts, orders, orderTransitions } from '../../../db/schema';
import type { PortalHooks } from '../hooks';
import { deliveriesOf, figuresOf } from './pacing-read';
import type { DeliveryDay } from './pacing';

export const PACING_JOB = 'portal.pacing';

/** Local time (UTC) an under-pace task is due on the day it is raised. */
const TASK_DUE_TIME = '17:00';

/**
 * A move the system makes (ORDER_TRANSITIONS `by: 'system'`), only from the state it was read in,
 * with its history row in the same transaction. False when the order had moved on meanwhile.
 */
export async function transitionOrderSystem(db: Database, input: { orderId: string; from: OrderState; to: OrderState; note: string; at: Date }): Promise<boolean> {
  if (!ORDER_TRANSITIONS.some((t) => t.from === input.from && t.to === input.to && t.by === 'system')) {
    throw new AppError('conflict', { detail: `An order does not move from ${input.from} to ${input.to} by itself.` });
  }
  return db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const moved = await tx
      .update(orders)
      .set({ state: input.to, updatedAt: input.at })
      .where(and(eq(orders.id, input.orderId), eq(orders.state, input.from)))
      .returning({ id: orders.id });
    if (!moved.length) return false;
    await tx.insert(orderTransitions).values({ orderId: input.orderId, fromState: input.from, toState: input.to, actorId: null, note: input.note, at: input.at });
    return true;
  });
}

export interface PacingRunResult {
  checked: number;
  wentLive: string[];
  completed: string[];
  alerts: string[];
}

export async function runPacing(deps: Pick<Deps, 'db' | 'now' | 'logger'>, hooks: PortalHooks): Promise<PacingRunResult> {
  const now = deps.now();
  const today = DateTime.fromJSDate(now, { zone: 'utc' }).toISODate()!;
  const result: PacingRunResult = { checked: 0, wentLive: [], completed: [], alerts: [] };
  const rows = await deps.db.select().from(orders).where(inArray(orders.state, ['approved', 'live', 'paused']));
  if (!rows.length) return result;
  const deliveries = await deliveriesOf(deps.db, rows.map((o) => o.id));
  const linked = new Set(
    (await deps.db.selectDistinct({ orderId: orderCampaigns.orderId }).from(orderCampaigns).where(inArray(orderCampaigns.orderId, rows.map((o) => o.id)))).map((r) => r.orderId),
  );

  for (const order of rows) {
    result.checked++;
    try {
      await paceOrder(deps, hooks, order, { now, today, linked: linked.has(order.id), deliveries: deliveries.get(order.id) ?? [] }, result);
    } catch (error) {
      // One order's failure (its manager deactivated, a database hiccup) must not stop the others; the next run tries again.
      deps.logger.error('order pacing failed', { orderId: order.id, error: (error as Error).message });
    }
  }
  return result;
}

async function paceOrder(
  deps: Pick<Deps, 'db' | 'now' | 'logger'>,
  hooks: PortalHooks,
  order: typeof orders.$inferSelect,
  input: { now: Date; today: string; linked: boolean; deliveries: DeliveryDay[] },
  result: PacingRunResult,
): Promise<void> {
  const { now, today } = input;
  const figures = figuresOf(order, input.deliveries, now);
  await deps.db.update(orders).set({ paceStatus: figures.status, paceCheckedAt: now }).where(eq(orders.id, order.id));
  let state = order.state as OrderState;
  if (state === 'approved' && input.linked && today >= order.startsOn && today <= order.endsOn) {
    if (await transitionOrderSystem(deps.db, { orderId: order.id, from: 'approved', to: 'live', note: 'Its start date came with a campaign linked.', at: now })) {
      result.wentLive.push(order.id);
      state = 'live';
    }
  }
  if (state === 'live' && (figures.delivered >= order.volume || today > order.endsOn)) {
    const note =
      figures.delivered >= order.volume
        ? `The volume is delivered (${figures.delivered} of ${order.volume}).`
        : `The window ended on ${order.endsOn} (${figures.delivered} of ${order.volume} delivered).`;
    if (await transitionOrderSystem(deps.db, { orderId: order.id, from: 'live', to: 'completed', note, at: now })) {
      result.completed.push(order.id);
      return;
    }
  }
  if (state === 'live' && figures.status === 'under') {
    if (await raiseUnderPace(deps, hooks, order, { day: today, delivered: figures.delivered, expected: figures.expectedToDate, at: now })) result.alerts.push(order.id);
  }
}

/** One under-pace alert per order and day (the unique key decides), with a task for the manager when the order has one. */
async function raiseUnderPace(
  deps: Pick<Deps, 'db'>,
  hooks: PortalHooks,
  order: typeof orders.$inferSelect,
  figures: { day: string; delivered: number; expected: number; at: Date },
): Promise<boolean> {
  // Alert and task together: a task that cannot be made leaves no alert, so the next run tries again.
  return deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const [alert] = await tx
      .insert(orderPacingAlerts)
      .values({ orderId: order.id, kind: 'under', day: figures.day, delivered: figures.delivered, expected: figures.expected, createdAt: figures.at, updatedAt: figures.at })
      .onConflictDoNothing()
      .returning({ id: orderPacingAlerts.id });
    if (!alert) return false;
    if (order.managerId && hooks.bridge) {
      const reference = orderReference(order.number);
      const task = await hooks.bridge.createTask(tx, {
        title: `${reference} is under pace: ${figures.delivered} delivered, ${figures.expected} expected`.slice(0, 200),
        assigneeId: order.managerId,
        dueLocal: `${figures.day}T${TASK_DUE_TIME}`,
        note: `Order ${reference} (${order.name}) has ${figures.delivered} leads delivered of ${figures.expected} expected by today, of ${order.volume} ordered by ${order.endsOn}.`,
        at: figures.at,
      });
      await tx.update(orderPacingAlerts).set({ taskId: task.id }).where(eq(orderPacingAlerts.id, alert.id));
    }
    return true;
  });
}

export function createPacingJob(hooks: PortalHooks): ScheduledJob {
  return {
    name: PACING_JOB,
    everySeconds: 900,
    runAtStartup: true,
    run: async (deps) => {
      const result = await runPacing(deps, hooks);
      if (result.wentLive.length || result.completed.length || result.alerts.length) deps.logger.info('order pacing', { ...result });
    },
  };
}
