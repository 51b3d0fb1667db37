// Publication of approved leads to their order, and the replacement loop. A lead that carries an
// order (leads.order_id; the bridge sets it for leads of the order's campaigns) is published when
// QA approves it: at once for an order the client downloads from the portal, through the order's
// delivery configuration (the lead QA delivery: webhook or CSV) otherwise, the lead becoming
// published when that delivery succeeds. Publication is refused, and the lead held (it stays
// approved, the hold's code and why on the lead's reason columns, visible to staff), when the
// order is not approved or live, when the order has what it ordered (its volume), when the
// account already has the order's account cap of leads, or when the client's own suppression list
// names the person (email, their domain, or phone). A held lead is published later when a unit
// reopens (a return) or the order opens. Each publication replaces the order's oldest return not
// yet replaced (returned → replaced, replaced_by_id), in the same transaction. Publications of an
// order run one at a time (the order's row is locked), so the volume and the caps are counted right.
import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { orderReference } from '@shared/contracts/portal';
import { normalizeDomain } from '@shared/normalize/normalize-domain';
import { normalizeEmail } from '@shared/normalize/normalize-email';
import { normalizePhone } from '@shared/normalize/normalize-phone';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { clientSuppressions, leads, orders } from '../../../db/schema';
import type { PortalHooks } from '../hooks';

/** Why an approved lead of an order is not published (the code kept on the lead while it waits). */
export const HOLD_CODES = ['order_not_open', 'order_full', 'account_cap', 'client_suppressed', 'no_delivery_config'] as const;
export type HoldCode = (typeof HOLD_CODES)[number];

/** Holds lifted by something other than the lead itself: a unit reopened, the order opened. */
const WAITING_CODES: HoldCode[] = ['order_full', 'order_not_open'];

/** The order states whose leads are published. */
const OPEN_STATES = ['approved', 'live'];

type Order = typeof orders.$inferSelect;
interface LeadRow {
  id: string;
  state: string;
  orderId: string | null;
  accountId: string | null;
  fields: unknown;
}

interface Hold {
  code: HoldCode;
  note: string;
}

const count = sql<number>`count(*)::int`;

/** Leads that take a unit of the order: published, or approved and handed to its delivery (approved without a hold). */
const takesUnit = or(eq(leads.state, 'published'), and(eq(leads.state, 'approved'), isNull(leads.reasonCode)));

/** The client's suppression entries that name this person (by email, their email's or company's domain, or phone). */
async function suppressedBy(tx: Database, orgId: string, fields: Record<string, unknown>): Promise<string | null> {
  const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : null);
  const email = normalizeEmail(text('email'));
  const domains = [...new Set([normalizeDomain(email), normalizeDomain(text('domain'))].filter((d): d is string => !!d))];
  const phone = normalizePhone(text('phone'), text('country'));
  const wanted = [
    email ? and(eq(clientSuppressions.kind, 'email'), eq(clientSuppressions.value, email)) : undefined,
    domains.length ? and(eq(clientSuppressions.kind, 'domain'), inArray(clientSuppressions.value, domains)) : undefined,
    phone ? and(eq(clientSuppressions.kind, 'phone'), eq(clientSuppressions.value, phone)) : undefined,
  ].filter((c) => c !== undefined);
  if (!wanted.length) return null;
  const [hit] = await tx
    .select({ kind: clientSuppressions.kind, value: clientSuppressions.value })
    .from(clientSuppressions)
    .where(and(eq(clientSuppressions.orgId, orgId), or(...wanted)))
    .orderBy(asc(clientSuppressions.kind))
    .limit(1);
  return hit ? `${hit.kind} ${hit.value}` : null;
}

/** Why this lead may not be published to the order now (null: it may). */
async function holdOf(tx: Database, order: Order, lead: LeadRow): Promise<Hold | null> {
  const ref = orderReference(order.number);
  if (!OPEN_STATES.includes(order.state)) return { code: 'order_not_open', note: `${ref} is ${order.state.replace('_', ' ')}: its leads are published once it is approved or live.` };
  const others = and(eq(leads.orderId, order.id), ne(leads.id, lead.id), isNull(leads.deletedAt), takesUnit);
  const [taken] = await tx.select({ n: count }).from(leads).where(others);
  if ((taken?.n ?? 0) >= order.volume) return { code: 'order_full', note: `${ref} has its ${order.volume} leads: this one waits for a unit to reopen (a return).` };
  if (order.accountCap !== null && lead.accountId) {
    const [same] = await tx.select({ n: count }).from(leads).where(and(others, eq(leads.accountId, lead.accountId)));
    if ((same?.n ?? 0) >= order.accountCap) {
      return { code: 'account_cap', note: `${ref} takes at most ${order.accountCap} lead${order.accountCap === 1 ? '' : 's'} per account; this account has them.` };
    }
  }
  const suppressed = await suppressedBy(tx, order.orgId, (lead.fields ?? {}) as Record<string, unknown>);
  if (suppressed) return { code: 'client_suppressed', note: `On the client's own suppression list (${suppressed}).` };
  if (order.deliveryMethod !== 'portal' && !order.deliveryConfigId) {
    return { code: 'no_delivery_config', note: `${ref} delivers by ${order.deliveryMethod} but names no delivery configuration.` };
  }
  return null;
}

/**
 * The replacement loop: the order's oldest return not yet replaced becomes replaced by this
 * (just published) lead. Runs in the publishing transaction; nothing when the order has none.
 */
export async function replaceReturnedLead(tx: Database, hooks: PortalHooks, input: { leadId: string; at: Date }): Promise<string | null> {
  const [lead] = await tx.select({ orderId: leads.orderId }).from(leads).where(eq(leads.id, input.leadId));
  if (!lead?.orderId) return null;
  const [returned] = await tx
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.orderId, lead.orderId), eq(leads.state, 'returned'), isNull(leads.deletedAt), ne(leads.id, input.leadId)))
    .orderBy(asc(leads.returnedAt), asc(leads.id))
    .limit(1)
    .for('update');
  if (!returned) return null;
  // No note: the lead keeps its return's reason.
  await hooks.leads.transitionLead(tx, { leadId: returned.id, to: 'replaced', actor: { kind: 'system' }, at: input.at, set: { replacedById: input.leadId } });
  return returned.id;
}

export type PublishOutcome = { taken: false } | { taken: true; published: boolean; held: Hold | null; deliverThrough: string | null };

/** Publishes (or holds, or hands to the order's delivery) one approved lead of an order, in one transaction. */
async function publishInTransaction(deps: Deps, hooks: PortalHooks, leadId: string): Promise<PublishOutcome> {
  const at = deps.now();
  return deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const [lead] = await tx
      .select({ id: leads.id, state: leads.state, orderId: leads.orderId, accountId: leads.accountId, fields: leads.fields })
      .from(leads)
      .where(and(eq(leads.id, leadId), isNull(leads.deletedAt)))
      .for('update');
    if (!lead?.orderId) return { taken: false };
    if (lead.state !== 'approved') return { taken: true, published: false, held: null, deliverThrough: null };
    const [order] = await tx.select().from(orders).where(eq(orders.id, lead.orderId)).for('update');
    if (!order) return { taken: false };
    const held = await holdOf(tx, order, lead);
    if (held) {
      await tx.update(leads).set({ reasonCode: held.code, reasonNote: held.note, updatedAt: at }).where(eq(leads.id, leadId));
      deps.logger.info('an approved lead of an order is held', { leadId, orderId: order.id, hold: held.code });
      return { taken: true, published: false, held, deliverThrough: null };
    }
    if (order.deliveryMethod === 'portal') {
      await hooks.leads.transitionLead(tx, { leadId, to: 'published', actor: { kind: 'system' }, at, set: { publishedAt: at, reasonCode: null, reasonNote: null } });
      await replaceReturnedLead(tx, hooks, { leadId, at });
      return { taken: true, published: true, held: null, deliverThrough: null };
    }
    // Handed to the order's delivery: it takes a unit from now on (approved, no hold).
    await tx.update(leads).set({ reasonCode: null, reasonNote: null, updatedAt: at }).where(eq(leads.id, leadId));
    return { taken: true, published: false, held: null, deliverThrough: order.deliveryConfigId };
  });
}

/**
 * After a lead's approval (the leads module's `approved` hook): true when the lead carries an
 * order (the portal took it: published, held, or handed to the order's delivery), false otherwise.
 */
export async function publishApprovedLead(deps: Deps, hooks: PortalHooks, leadId: string, actorId: string | null): Promise<boolean> {
  const outcome = await publishInTransaction(deps, hooks, leadId);
  if (!outcome.taken) return false;
  if (outcome.deliverThrough) await hooks.leads.deliverLead(deps, leadId, actorId, { configIds: [outcome.deliverThrough] });
  return true;
}

/**
 * The order's approved leads waiting for a unit or for the order to open, published oldest first
 * until one is held again (a return reopened a unit; the order went live). Answers how many were
 * published or handed to delivery.
 */
export async function publishWaitingLeads(deps: Deps, hooks: PortalHooks, orderId: string): Promise<number> {
  const waiting = await deps.db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.orderId, orderId), eq(leads.state, 'approved'), inArray(leads.reasonCode, WAITING_CODES), isNull(leads.deletedAt)))
    .orderBy(asc(leads.reviewedAt), asc(leads.id))
    .limit(100);
  let moved = 0;
  for (const { id } of waiting) {
    const outcome = await publishInTransaction(deps, hooks, id);
    if (!outcome.taken) continue;
    if (outcome.held && WAITING_CODES.includes(outcome.held.code)) break;
    if (outcome.deliverThrough) await hooks.leads.deliverLead(deps, id, null, { configIds: [outcome.deliverThrough] });
    if (outcome.published || outcome.deliverThrough) moved++;
  }
  return moved;
}
