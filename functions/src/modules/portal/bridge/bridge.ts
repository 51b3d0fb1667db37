// The bridge from an order to its audience: a domain set of the order's target accounts and a
// segment of its criteria within that set, made through the audience module (hooks) and kept on
// the order. Bridging again brings the same set and segment up to date (no second set or
// segment). The order's per-account cap defaults from the contact policy when bridged.
import { asc, eq } from 'drizzle-orm';
import type { AccountCap } from '@shared/contracts/activity';
import type { FilterCondition, FilterGroup } from '@shared/contracts/filters';
import { orderCriteriaSchema, orderReference, type OrderCriteria } from '@shared/contracts/portal';
import type { OrderBridgeResult } from '@shared/contracts/portal-pacing';
import type { Deps } from '../../../core/deps';
import { AppError } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { orders, orderTargetDomains } from '../../../db/schema';
import type { BridgeHooks, PortalHooks } from '../hooks';
import { orderInScope, type TenantScope } from '../tenant';

type Order = typeof orders.$inferSelect;

/** Orders a campaign manager may bridge: approved, or already live. */
export const BRIDGEABLE_STATES: readonly string[] = ['approved', 'live'];

export function bridgeHooksOf(hooks: PortalHooks): BridgeHooks {
  if (!hooks.bridge) throw new AppError('unavailable', { detail: 'The bridge to audiences and campaigns is not available.' });
  return hooks.bridge;
}

/** The order's criteria as stored (a damaged value reads as no criteria). */
export function criteriaOf(order: Pick<Order, 'criteria'>): OrderCriteria {
  const parsed = orderCriteriaSchema.safeParse(order.criteria ?? {});
  return parsed.success ? parsed.data : orderCriteriaSchema.parse({});
}

const anyOf = (conditions: FilterCondition[]): FilterGroup => ({ type: 'or', conditions });

/**
 * The segment filter of an order: contacts at the domain set's matched accounts that fit every
 * criterion given (an empty criterion accepts anyone). Countries are the contact's (its
 * account's when it has none); titles match as words in the job title; the bands are the account's.
 */
export function criteriaFilter(criteria: OrderCriteria, domainSetId: string): FilterGroup {
  const conditions: Array<FilterCondition | FilterGroup> = [{ field: 'accountInDomainSet', op: 'eq', value: domainSetId }];
  if (criteria.countries.length) {
    // The contact's own country; the account's when the contact has none.
    conditions.push({
      type: 'or',
      conditions: [
        { field: 'country', op: 'in', value: criteria.countries },
        { type: 'and', conditions: [{ field: 'country', op: 'is_empty' }, { field: 'account.country', op: 'in', value: criteria.countries }] },
      ],
    });
  }
  if (criteria.industries.length) conditions.push({ field: 'account.industry', op: 'in', value: criteria.industries });
  if (criteria.sizes.length) conditions.push({ field: 'account.employeeRange', op: 'in', value: criteria.sizes });
  if (criteria.revenues.length) conditions.push({ field: 'account.revenueRange', op: 'in', value: criteria.revenues });
  if (criteria.titles.length) conditions.push(anyOf(criteria.titles.map((title) => ({ field: 'jobTitle', op: 'contains' as const, value: title }))));
  if (criteria.seniorities.length) conditions.push({ field: 'seniority', op: 'in', value: criteria.seniorities });
  if (criteria.functions.length) conditions.push({ field: 'jobFunction', op: 'in', value: criteria.functions });
  return { type: 'and', conditions };
}

/**
 * At most this many leads an account in the order: the order's own cap, else the strictest
 * positive-outcome cap of the contact policy, else none.
 */
export function accountCapOf(order: Pick<Order, 'accountCap'>, policyCaps: readonly AccountCap[] = []): number | null {
  if (order.accountCap !== null && order.accountCap !== undefined) return order.accountCap;
  const positive = policyCaps.filter((c) => c.mode === 'positive').map((c) => c.max);
  return positive.length ? Math.min(...positive) : null;
}

export async function bridgeOrder(
  deps: Deps,
  hooks: PortalHooks,
  input: { scope: TenantScope; orderId: string; domainSetName?: string; segmentName?: string },
): Promise<OrderBridgeResult> {
  const bridge = bridgeHooksOf(hooks);
  const order = await orderInScope(deps.db, input.scope, input.orderId);
  if (!BRIDGEABLE_STATES.includes(order.state)) {
    throw new AppError('conflict', { detail: `Only an approved or live order can be bridged; this one is ${order.state.replace('_', ' ')}.` });
  }
  const targets = await deps.db.select({ domain: orderTargetDomains.domain }).from(orderTargetDomains).where(eq(orderTargetDomains.orderId, order.id)).orderBy(asc(orderTargetDomains.domain));
  if (!targets.length) throw new AppError('unprocessable', { detail: 'The order has no target accounts to bridge: upload its target-account list first.' });

  const reference = orderReference(order.number);
  const setName = input.domainSetName ?? `${reference} targets: ${order.name}`.slice(0, 200);
  const segmentName = input.segmentName ?? `${reference} audience: ${order.name}`.slice(0, 200);
  const text = targets.map((t) => t.domain).join('\n');
  const userId = input.scope.userId;

  // One transaction: a failure (a segment name taken) leaves no set behind for the next try to duplicate.
  const done = await deps.db.transaction(async (raw) => {
    const tx = { ...deps, db: raw as unknown as Database };
    // Two bridges of one order at once take turns, so the second sees the first's set and segment.
    const [current] = await tx.db.select({ domainSetId: orders.domainSetId, segmentId: orders.segmentId }).from(orders).where(eq(orders.id, order.id)).for('update');
    // Bridged before: the same set and segment brought up to date, whatever changed since.
    const set = current?.domainSetId
      ? await bridge.replaceDomainSet(tx, { id: current.domainSetId, name: setName, text })
      : await bridge.createDomainSet(tx, { name: setName, text, userId });
    const filter = criteriaFilter(criteriaOf(order), set.id);
    const description = `The audience of order ${reference}: its target accounts that fit its criteria.`;
    const segment = current?.segmentId
      ? await bridge.updateSegment(tx, { id: current.segmentId, name: segmentName, description, filter })
      : await bridge.createSegment(tx, { name: segmentName, description, filter, userId });
    const accountCap = accountCapOf(order, await bridge.accountCaps(tx.db));
    await tx.db.update(orders).set({ domainSetId: set.id, segmentId: segment.id, accountCap, updatedAt: deps.now() }).where(eq(orders.id, order.id));
    return { set, filter, segment };
  });
  const { set, filter, segment } = done;
  return { domainSetId: set.id, segmentId: segment.id, matchedDomains: set.matched, contacts: await bridge.countSegment(deps, filter) };
}
