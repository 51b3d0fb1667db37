// Client portal tables: orders (what a client organisation buys: channel, volume, price, window,
// pace, criteria, questions, delivery), each order's target accounts and the client's own
// suppression list, the campaigns that work an order (the bridge), its audited state changes and
// the pacing alerts raised to its campaign manager. Leads carry their order (leads.order_id).
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { organisations, users } from './identity';

/**
 * An order. `number` is the short reference both sides quote (ORD-0042). `pace` is
 * {kind: even | front_loaded | weekly_cap, weeklyCap?}; `criteria` {countries, industries, sizes,
 * revenues, titles, seniorities, functions}; `questions` [{id, text, required}]. Once a campaign
 * manager bridges it, `domain_set_id` and `segment_id` name the audience built from it.
 */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    number: integer('number').notNull().generatedByDefaultAsIdentity(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    state: text('state').notNull().default('submitted'),
    channel: text('channel').notNull(),
    volume: integer('volume').notNull(),
    /** In the currency's minor unit (cents). */
    costPerLeadCents: integer('cost_per_lead_cents').notNull(),
    currency: text('currency').notNull().default('USD'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    pace: jsonb('pace').notNull().default(sql`'{"kind":"even"}'::jsonb`),
    criteria: jsonb('criteria').notNull().default(sql`'{}'::jsonb`),
    questions: jsonb('questions').notNull().default(sql`'[]'::jsonb`),
    /** portal (the client downloads), csv or webhook (a lead delivery configuration of the leads module). */
    deliveryMethod: text('delivery_method').notNull().default('portal'),
    deliveryConfigId: uuid('delivery_config_id'),
    /** Days after publication within which the client may return a lead. */
    returnWindowDays: integer('return_window_days').notNull().default(14),
    /** At most this many leads per account in this order (from the contact policy's account caps when bridged). */
    accountCap: integer('account_cap'),
    notes: text('notes'),
    domainSetId: uuid('domain_set_id'),
    segmentId: uuid('segment_id'),
    /** The campaign manager who runs it (pacing alerts go to them). */
    managerId: uuid('manager_id').references(() => users.id, { onDelete: 'set null' }),
    /** on_pace, over or under, as the last pacing run found it. */
    paceStatus: text('pace_status'),
    paceCheckedAt: timestamp('pace_checked_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    index('orders_org_idx').on(t.orgId, t.state),
    index('orders_state_idx').on(t.state, t.endsOn),
    check('orders_state_check', sql`${t.state} in ('submitted', 'in_review', 'approved', 'live', 'paused', 'completed', 'cancelled')`),
    check('orders_channel_check', sql`${t.channel} in ('email', 'telemarketing', 'both')`),
    check('orders_delivery_check', sql`${t.deliveryMethod} in ('portal', 'csv', 'webhook')`),
    check('orders_volume_check', sql`${t.volume} > 0`),
    check('orders_cost_check', sql`${t.costPerLeadCents} >= 0`),
    check('orders_window_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('orders_pace_status_check', sql`${t.paceStatus} is null or ${t.paceStatus} in ('on_pace', 'over', 'under')`),
  ],
);

/** The order's target-account list: registrable domains (lower-cased), as the client gave them. */
export const orderTargetDomains = pgTable(
  'order_target_domains',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    /** The name the client wrote next to it, when the upload had one. */
    label: text('label'),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.domain] }), index('order_target_domains_domain_idx').on(t.domain)],
);

/**
 * The client's own suppression list (its customers, competitors, people it already has), scoped to
 * the client organisation: never used for anyone else's order. kind: email, domain or phone (E.164).
 */
export const clientSuppressions = pgTable(
  'client_suppressions',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    /** The order whose upload brought it (null: added on its own). */
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('client_suppressions_value_key').on(t.orgId, t.kind, t.value),
    check('client_suppressions_kind_check', sql`${t.kind} in ('email', 'domain', 'phone')`),
  ],
);

/** The bridge: the campaigns (call or email) that work an order. A campaign works one order. */
export const orderCampaigns = pgTable(
  'order_campaigns',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id').notNull(),
    campaignKind: text('campaign_kind').notNull(),
    linkedBy: uuid('linked_by').references(() => users.id, { onDelete: 'set null' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignKind, t.campaignId] }),
    index('order_campaigns_order_idx').on(t.orderId),
    check('order_campaigns_kind_check', sql`${t.campaignKind} in ('call', 'email')`),
  ],
);

/** Every state change of an order: who, when, from, to, why. */
export const orderTransitions = pgTable(
  'order_transitions',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_transitions_order_idx').on(t.orderId, t.at)],
);

/** A pacing alert (under pace, over pace) raised once per order and day; the task it opened for the manager. */
export const orderPacingAlerts = pgTable(
  'order_pacing_alerts',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    delivered: integer('delivered').notNull(),
    expected: integer('expected').notNull(),
    taskId: uuid('task_id'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('order_pacing_alerts_day_key').on(t.orderId, t.kind, t.day),
    check('order_pacing_alerts_kind_check', sql`${t.kind} in ('under', 'over')`),
  ],
);
