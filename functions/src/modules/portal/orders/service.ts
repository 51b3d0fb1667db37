// Orders: a client organisation's purchase of leads. Listed and read through the tenant scope (a
// client user sees its organisation's, staff every organisation's), created submitted with the
// creation audited in order_transitions, edited while submitted (staff while not closed), moved
// only along ORDER_TRANSITIONS by whoever the table names, and given a target-account list that
// replaces the last one whole. Each write is one transaction: a failed request writes nothing.
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { can, type Capability } from '@shared/access';
import {
  ORDER_STATES,
  ORDER_TRANSITIONS,
  nextOrderStates,
  orderReference,
  type Order,
  type OrderCreate,
  type OrderListQuery,
  type OrderPage,
  type OrderState,
  type OrderSummary,
  type OrderTargets,
  type OrderTargetsResult,
  type OrderUpdate,
  type Pace,
  type OrderCriteria,
  type OrderQuestion,
} from '@shared/contracts/portal';
import { AppError, invalid, notFound } from '../../../core/app-error';
import type { Principal } from '../../../core/principal';
import type { Database } from '../../../db/connection';
import { isoOrNull } from '../../../db/rows';
import { callCampaigns, deliveryConfigs, emailCampaigns, orderCampaigns, orders, orderTargetDomains, orderTransitions, organisations, users } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../records/cursor';
import { orderInScope, scoped, type TenantScope } from '../tenant';
import { orderCounts, targetCounts } from './counts';
import { parseTargets } from './parse-lists';

type OrderRow = typeof orders.$inferSelect;
type Tx = Database;

const ACTOR_CAPABILITIES: Capability[] = ['portal.client', 'orders.manage'];
const capabilitiesOf = (principal: Principal) => ACTOR_CAPABILITIES.filter((c) => can(principal.roles, c));
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const CURSOR = { sort: 'created_at', order: 'desc' } as const;
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

function toSummary(row: OrderRow, orgName: string, counts: Map<string, ReturnType<typeof emptyCounts>>, targets: Map<string, number>): OrderSummary {
  return {
    id: row.id,
    number: row.number,
    reference: orderReference(row.number),
    orgId: row.orgId,
    orgName,
    name: row.name,
    state: row.state as OrderState,
    channel: row.channel as OrderSummary['channel'],
    volume: row.volume,
    costPerLeadCents: row.costPerLeadCents,
    currency: row.currency,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    counts: counts.get(row.id) ?? emptyCounts(row.volume),
    paceStatus: (row.paceStatus as OrderSummary['paceStatus']) ?? null,
    targetCount: targets.get(row.id) ?? 0,
    createdAt: isoOrNull(row.createdAt)!,
    updatedAt: isoOrNull(row.updatedAt)!,
  };
}

const emptyCounts = (volume: number) => ({ ordered: volume, delivered: 0, returned: 0, replaced: 0, open: volume, inQa: 0 });

/** The search of a list: an order's name, its reference (ORD-0042 or 42) and, for staff, the organisation's name. */
function searchCondition(scope: TenantScope, q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  const parts: (SQL | undefined)[] = [ilike(orders.name, pattern)];
  const reference = /^(?:ord-?)?0*(\d{1,9})$/i.exec(q.trim());
  if (reference) parts.push(eq(orders.number, Number(reference[1])));
  if (scope.kind === 'staff') parts.push(ilike(organisations.name, pattern));
  return or(...parts)!;
}

/** A page of orders in the scope, newest first, with how many of the filter are in each state. */
export async function listOrders(db: Database, scope: TenantScope, query: OrderListQuery): Promise<OrderPage> {
  const filters: (SQL | undefined)[] = [];
  if (query.orgId && scope.kind === 'staff') filters.push(eq(orders.orgId, query.orgId));
  if (query.q) filters.push(searchCondition(scope, query.q));
  const states = query.state === undefined ? [] : Array.isArray(query.state) ? query.state : [query.state];
  const conditions = [...filters];
  if (states.length) conditions.push(inArray(orders.state, states));
  if (query.cursor) {
    const position = decodeCursor(query.cursor, CURSOR);
    if (!TIMESTAMP_TEXT.test(position.value)) throw invalid('query.cursor', 'is not a cursor this API gave out');
    conditions.push(sql`(${orders.createdAt}, ${orders.id}) < (${position.value}::timestamptz, ${position.id}::uuid)`);
  }
  const rows = await db
    .select({ order: orders, orgName: organisations.name, sortKey: sql<string>`${orders.createdAt}::text` })
    .from(orders)
    .innerJoin(organisations, eq(organisations.id, orders.orgId))
    .where(scoped(scope, orders.orgId, ...conditions))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const [counts, targets, byState] = await Promise.all([
    orderCounts(db, page.map((r) => r.order)),
    targetCounts(db, page.map((r) => r.order.id)),
    db
      .select({ state: orders.state, n: sql<number>`count(*)::int` })
      .from(orders)
      .innerJoin(organisations, eq(organisations.id, orders.orgId))
      .where(scoped(scope, orders.orgId, ...filters))
      .groupBy(orders.state),
  ]);
  const stateCounts = Object.fromEntries(ORDER_STATES.map((s) => [s, 0])) as Record<OrderState, number>;
  for (const r of byState) stateCounts[r.state as OrderState] = Number(r.n);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r.order, r.orgName, counts, targets)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ ...CURSOR, value: last.sortKey, id: last.order.id }) : null,
    counts: stateCounts,
  };
}

/** One order in the scope with its counts, campaigns, history and where the caller may move it next; else 404. */
export async function getOrder(db: Database, scope: TenantScope, principal: Principal, orderId: string): Promise<Order> {
  const row = await orderInScope(db, scope, orderId);
  const [[org], counts, targets, campaigns, history, manager] = await Promise.all([
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.orgId)),
    orderCounts(db, [row]),
    targetCounts(db, [row.id]),
    db
      .select({
        campaignId: orderCampaigns.campaignId,
        campaignKind: orderCampaigns.campaignKind,
        name: sql<string | null>`coalesce(${callCampaigns.name}, ${emailCampaigns.name})`,
        status: sql<string | null>`coalesce(${callCampaigns.status}, ${emailCampaigns.status})`,
      })
      .from(orderCampaigns)
      .leftJoin(callCampaigns, and(eq(orderCampaigns.campaignKind, 'call'), eq(callCampaigns.id, orderCampaigns.campaignId)))
      .leftJoin(emailCampaigns, and(eq(orderCampaigns.campaignKind, 'email'), eq(emailCampaigns.id, orderCampaigns.campaignId)))
      .where(eq(orderCampaigns.orderId, row.id))
      .orderBy(asc(orderCampaigns.linkedAt)),
    db
      .select({
        from: orderTransitions.fromState,
        to: orderTransitions.toState,
        by: sql<string | null>`case when ${users.id} is null then null else ${users.firstName} || ' ' || ${users.lastName} end`,
        note: orderTransitions.note,
        at: orderTransitions.at,
      })
      .from(orderTransitions)
      .leftJoin(users, eq(users.id, orderTransitions.actorId))
      .where(eq(orderTransitions.orderId, row.id))
      .orderBy(asc(orderTransitions.at), asc(orderTransitions.id)),
    row.managerId
      ? db.select({ name: sql<string>`${users.firstName} || ' ' || ${users.lastName}` }).from(users).where(eq(users.id, row.managerId))
      : Promise.resolve([]),
  ]);
  return {
    ...toSummary(row, org?.name ?? '', counts, targets),
    pace: row.pace as Pace,
    criteria: { countries: [], industries: [], sizes: [], revenues: [], titles: [], seniorities: [], functions: [], ...(row.criteria as Partial<OrderCriteria>) },
    questions: row.questions as OrderQuestion[],
    deliveryMethod: row.deliveryMethod as Order['deliveryMethod'],
    deliveryConfigId: row.deliveryConfigId,
    returnWindowDays: row.returnWindowDays,
    accountCap: row.accountCap,
    notes: row.notes,
    domainSetId: row.domainSetId,
    segmentId: row.segmentId,
    managerId: row.managerId,
    managerName: manager[0]?.name ?? null,
    campaigns: campaigns.map((c) => ({ campaignId: c.campaignId, campaignKind: c.campaignKind as 'call' | 'email', name: c.name ?? '(deleted campaign)', status: c.status ?? 'deleted' })),
    nextStates: nextOrderStates(row.state as OrderState, capabilitiesOf(principal)),
    history: history.map((h) => ({ from: (h.from as OrderState | null) ?? null, to: h.to as OrderState, by: h.by, note: h.note, at: isoOrNull(h.at)! })),
  };
}

function assertWindow(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) {
    throw new AppError('unprocessable', { errors: [{ field: 'endsOn', message: 'must not be before the start' }], detail: 'endsOn: must not be before the start' });
  }
}

async function writeTargets(tx: Tx, orderId: string, domains: { domain: string; label: string | null }[]): Promise<void> {
  await tx.delete(orderTargetDomains).where(eq(orderTargetDomains.orderId, orderId));
  if (!domains.length) return;
  // One statement over two bound arrays: 50 000 rows go in without 100 000 bound parameters.
  await tx.execute(
    sql`insert into order_target_domains (order_id, domain, label)
      select ${orderId}::uuid, x.domain, x.label
      from unnest(${sql.param(domains.map((d) => d.domain))}::text[], ${sql.param(domains.map((d) => d.label))}::text[]) as x(domain, label)`,
  );
}

const targetsResult = (parsed: ReturnType<typeof parseTargets>): OrderTargetsResult => ({ kept: parsed.domains.length, duplicates: parsed.duplicates, invalid: parsed.invalid });

/** A new order of `orgId`, submitted, its creation audited; its target list in the same transaction. */
export async function createOrder(db: Database, actorId: string, orgId: string, input: OrderCreate, now: Date): Promise<{ id: string; targets: OrderTargetsResult | null }> {
  assertWindow(input.startsOn, input.endsOn);
  const parsed = input.targets ? parseTargets(input.targets, 'body.targets') : null;
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw invalid('body.orgId', 'is not a client organisation');
  const id = await db.transaction(async (raw) => {
    const tx = raw as unknown as Tx;
    const [order] = await tx
      .insert(orders)
      .values({
        orgId,
        name: input.name,
        state: 'submitted',
        channel: input.channel,
        volume: input.volume,
        costPerLeadCents: input.costPerLeadCents,
        currency: input.currency,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        pace: input.pace,
        criteria: input.criteria,
        questions: input.questions,
        deliveryMethod: input.deliveryMethod,
        returnWindowDays: input.returnWindowDays,
        notes: input.notes,
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: orders.id });
    await tx.insert(orderTransitions).values({ orderId: order!.id, fromState: null, toState: 'submitted', actorId, note: 'Order placed', at: now });
    if (parsed) await writeTargets(tx, order!.id, parsed.domains);
    return order!.id;
  });
  return { id, targets: parsed ? targetsResult(parsed) : null };
}

const STAFF_ONLY: (keyof OrderUpdate)[] = ['managerId', 'deliveryConfigId', 'accountCap'];
const CLOSED: OrderState[] = ['completed', 'cancelled'];

/** Locks the order row for the transaction (after the scope check), so two writes take turns. */
async function lockedOrder(tx: Tx, scope: TenantScope, orderId: string): Promise<OrderRow> {
  const [row] = await tx.select().from(orders).where(scoped(scope, orders.orgId, eq(orders.id, orderId))).for('update');
  if (!row) throw notFound('order');
  return row;
}

/** Edits an order: a client while it is submitted, staff until it is closed (staff also name its manager, delivery and account cap). */
export async function updateOrder(db: Database, scope: TenantScope, orderId: string, patch: OrderUpdate, now: Date): Promise<void> {
  if (scope.kind === 'client') {
    const staffField = STAFF_ONLY.find((f) => patch[f] !== undefined);
    if (staffField) throw invalid(`body.${staffField}`, 'is set by the agency, not in the portal');
  }
  await db.transaction(async (raw) => {
    const tx = raw as unknown as Tx;
    const row = await lockedOrder(tx, scope, orderId);
    if (scope.kind === 'client' && row.state !== 'submitted') {
      throw new AppError('conflict', { detail: `The order is ${row.state.replace('_', ' ')}: it can be changed only while submitted. Ask your account manager.` });
    }
    if (scope.kind === 'staff' && CLOSED.includes(row.state as OrderState)) {
      throw new AppError('conflict', { detail: `The order is ${row.state}: it can no longer be changed.` });
    }
    assertWindow(patch.startsOn ?? row.startsOn, patch.endsOn ?? row.endsOn);
    if (patch.managerId) {
      const [manager] = await tx.select({ id: users.id, orgId: users.orgId, status: users.status }).from(users).where(eq(users.id, patch.managerId));
      if (!manager || manager.orgId !== null || manager.status !== 'active') throw invalid('body.managerId', 'is not an active staff user');
    }
    if (patch.deliveryConfigId) {
      const [config] = await tx.select({ orgId: deliveryConfigs.clientOrgId }).from(deliveryConfigs).where(eq(deliveryConfigs.id, patch.deliveryConfigId));
      if (!config || config.orgId !== row.orgId) throw invalid('body.deliveryConfigId', "is not a delivery configuration of the order's client");
    }
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (!Object.keys(changes).length) return;
    await tx.update(orders).set({ ...changes, updatedAt: now }).where(eq(orders.id, row.id));
  });
}

/**
 * Moves an order along ORDER_TRANSITIONS as the caller: 409 when the table has no such move from
 * the current state (for a client also when the move is only staff's), 403 when it has one but not
 * for the caller. Audited in order_transitions, in the same transaction.
 */
export async function transitionOrder(
  db: Database,
  scope: TenantScope,
  principal: Principal,
  orderId: string,
  input: { to: OrderState; note?: string | undefined },
  now: Date,
): Promise<void> {
  await moveOrder(db, scope, { userId: principal.userId, capabilities: capabilitiesOf(principal) }, orderId, input, now);
}

/** A move the table gives the system (the pacing run: approved → live, live → completed); 409 otherwise. */
export async function transitionOrderBySystem(db: Database, orderId: string, input: { to: OrderState; note?: string | undefined }, now: Date): Promise<void> {
  await moveOrder(db, { kind: 'staff', userId: '' }, { userId: null, capabilities: ['system'] }, orderId, input, now);
}

async function moveOrder(
  db: Database,
  scope: TenantScope,
  actor: { userId: string | null; capabilities: readonly (Capability | 'system')[] },
  orderId: string,
  input: { to: OrderState; note?: string | undefined },
  now: Date,
): Promise<void> {
  await db.transaction(async (raw) => {
    const tx = raw as unknown as Tx;
    const row = await lockedOrder(tx, scope, orderId);
    const from = row.state as OrderState;
    const moves = ORDER_TRANSITIONS.filter((t) => t.from === from && t.to === input.to);
    if (!moves.length) {
      throw new AppError('conflict', { detail: `An order cannot go from ${from.replace('_', ' ')} to ${input.to.replace('_', ' ')}.`, extra: { state: from } });
    }
    const mine = moves.some((t) => actor.capabilities.includes(t.by));
    // A client (or the system) asking for a move that is only staff's from here: the order has simply gone past it.
    if (!mine && (scope.kind === 'client' || actor.userId === null)) {
      throw new AppError('conflict', { detail: `The order is ${from.replace('_', ' ')}: ask your account manager to ${input.to === 'cancelled' ? 'cancel' : 'change'} it.`, extra: { state: from } });
    }
    if (!mine) {
      throw new AppError('forbidden', { detail: `Moving an order from ${from.replace('_', ' ')} to ${input.to.replace('_', ' ')} is not yours to do.` });
    }
    await tx.update(orders).set({ state: input.to, updatedAt: now }).where(eq(orders.id, row.id));
    await tx.insert(orderTransitions).values({ orderId: row.id, fromState: from, toState: input.to, actorId: actor.userId, note: input.note ?? null, at: now });
  });
}

/** Replaces the order's target-account list in one transaction (client: while submitted; staff: while not closed). */
/** Refuses a change of the target list a client may no longer make (after submission) or nobody may (a closed order). */
function assertTargetsEditable(scope: TenantScope, row: OrderRow): void {
  if (scope.kind === 'client' && row.state !== 'submitted') {
    throw new AppError('conflict', { detail: 'The target-account list can be changed only while the order is submitted.' });
  }
  if (CLOSED.includes(row.state as OrderState)) throw new AppError('conflict', { detail: `The order is ${row.state}: its list can no longer be changed.` });
}

/**
 * Replaces the order's target list whole. With `dryRun` nothing is written: the answer says what
 * the list would become (kept, duplicates, the lines that are not domains and why) so the person
 * can confirm first.
 */
export async function replaceTargets(db: Database, scope: TenantScope, orderId: string, input: OrderTargets, now: Date): Promise<OrderTargetsResult> {
  const parsed = parseTargets(input, 'body');
  if (input.dryRun) {
    assertTargetsEditable(scope, await orderInScope(db, scope, orderId));
    return targetsResult(parsed);
  }
  await db.transaction(async (raw) => {
    const tx = raw as unknown as Tx;
    const row = await lockedOrder(tx, scope, orderId);
    assertTargetsEditable(scope, row);
    await writeTargets(tx, row.id, parsed.domains);
    await tx.update(orders).set({ updatedAt: now }).where(eq(orders.id, row.id));
  });
  return targetsResult(parsed);
}
