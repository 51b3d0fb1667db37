// The client portal's API shapes: orders (what a client organisation buys), their states and who
// may move them, the target-account list and the client's own suppressions, and the match preview
// at intake. Pacing: ./portal-pacing.ts; the portal's leads, returns and users: ./portal-leads.ts.
//
// Two faces of one module. Client users (portal.client) see only their own organisation: every
// such route answers 404 for another organisation's id (never 403, never data). Staff use
// /api/orders (orders.read, orders.manage) and may act for any organisation.
//
// Client routes (under /api/portal):
//   orders                      GET (mine: filters, cursor), POST (a new order, submitted)        portal.client
//   orders/:orderId             GET (with counts and pacing summary); PATCH (while submitted)     portal.client
//   orders/:orderId/cancel      POST (while submitted or in review)                               portal.client
//   orders/:orderId/targets     PUT {csv | domains, dryRun?} (replace the target-account list)    portal.client
//   orders/:orderId/targets/unmatched.csv   GET (the domains we hold no account for)             portal.client
//   orders/:orderId/match       GET (the match preview)                                           portal.client
//   orders/:orderId/pacing      GET (./portal-pacing.ts)                                          portal.client
//   orders/:orderId/leads       GET (delivered, returned, replaced leads of the order; ./portal-leads.ts) portal.client
//   orders/:orderId/leads.csv   GET (the same as CSV, formulas neutralised)                       portal.client
//   leads                       GET (every order's leads, or one's: states, search, dates, sort, cursor) portal.client
//   leads/:leadId               GET                                                               portal.client
//   leads/:leadId/return        POST {reasonCode, note?} (within the return window)               portal.client
//   return-reasons              GET (the active return reason codes)                              portal.client
//   suppressions                GET (cursor), POST {csv | entries}, DELETE {ids}                  portal.client
//   users                       GET; POST (invite; client admins)                                 portal.client
//   users/:userId/deactivate    POST (client admins)                                              portal.client
//   users/:userId/reactivate    POST (client admins)                                              portal.client
//   me                          GET (the user, their organisation, whether a client admin)        portal.client
//
// Staff routes (under /api/orders):
//   (root)                      GET (all organisations: filters, cursor), POST {orgId, …}         orders.read; orders.manage
//   :orderId                    GET; PATCH                                                        orders.read; orders.manage
//   :orderId/transition         POST {to, note?} (per ORDER_TRANSITIONS)                          orders.manage
//   :orderId/targets            PUT {csv | domains, dryRun?}                                      orders.manage
//   :orderId/match              GET                                                               orders.read
//   :orderId/targets/unmatched.csv  GET                                                           orders.read
//   :orderId/bridge             POST {…} (domain set + segment from the order; ./portal-pacing.ts) orders.manage
//   :orderId/campaigns          GET; POST {campaignId, campaignKind}; DELETE {campaignId, campaignKind}  orders.read; orders.manage
//   :orderId/pacing             GET                                                               orders.read
//   :orderId/leads              GET (every lead of the order, in QA too, with why one waits)      orders.read
//   pacing                      GET (every live order's pace, for the dashboard)                  orders.read
import { z } from 'zod';
import type { Capability } from '../access';

const uuid = z.string().uuid();

// ---------------------------------------------------------------- states

export const ORDER_STATES = ['submitted', 'in_review', 'approved', 'live', 'paused', 'completed', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  submitted: 'Submitted',
  in_review: 'In review',
  approved: 'Approved',
  live: 'Live',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/**
 * Every move an order may make and who may make it. `system`: the pacing run (live → completed
 * when the volume is delivered or the window has ended). Anything else answers 409.
 */
export const ORDER_TRANSITIONS: readonly { from: OrderState; to: OrderState; by: Capability | 'system' }[] = [
  { from: 'submitted', to: 'in_review', by: 'orders.manage' },
  { from: 'in_review', to: 'approved', by: 'orders.manage' },
  { from: 'in_review', to: 'submitted', by: 'orders.manage' },
  // A campaign linked and the start date reached: the order goes live.
  { from: 'approved', to: 'live', by: 'orders.manage' },
  { from: 'approved', to: 'live', by: 'system' },
  { from: 'live', to: 'paused', by: 'orders.manage' },
  { from: 'paused', to: 'live', by: 'orders.manage' },
  { from: 'live', to: 'completed', by: 'orders.manage' },
  { from: 'live', to: 'completed', by: 'system' },
  { from: 'paused', to: 'completed', by: 'orders.manage' },
  { from: 'submitted', to: 'cancelled', by: 'portal.client' },
  { from: 'in_review', to: 'cancelled', by: 'portal.client' },
  { from: 'submitted', to: 'cancelled', by: 'orders.manage' },
  { from: 'in_review', to: 'cancelled', by: 'orders.manage' },
  { from: 'approved', to: 'cancelled', by: 'orders.manage' },
  { from: 'live', to: 'cancelled', by: 'orders.manage' },
  { from: 'paused', to: 'cancelled', by: 'orders.manage' },
];

/** The states a person may move an order to from `from` (holding any of `capabilities`). */
export function nextOrderStates(from: OrderState, capabilities: readonly (Capability | 'system')[]): OrderState[] {
  return [...new Set(ORDER_TRANSITIONS.filter((t) => t.from === from && capabilities.includes(t.by)).map((t) => t.to))];
}

/** Orders whose campaigns may produce leads for them (and whose leads are published). */
export const ORDER_WORKING_STATES: readonly OrderState[] = ['approved', 'live'];

// ---------------------------------------------------------------- the order

export const ORDER_CHANNELS = ['email', 'telemarketing', 'both'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
export const ORDER_CHANNEL_LABELS: Record<OrderChannel, string> = { email: 'Email', telemarketing: 'Telemarketing', both: 'Email and telemarketing' };

export const DELIVERY_METHODS = ['portal', 'csv', 'webhook'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  portal: 'In the portal (download as CSV)',
  csv: 'CSV file delivered',
  webhook: 'Webhook to our system',
};

/** even: the same every day of the window; front_loaded: more early on; weekly_cap: at most N a week. */
export const paceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('even') }),
  z.strictObject({ kind: z.literal('front_loaded') }),
  z.strictObject({ kind: z.literal('weekly_cap'), weeklyCap: z.number().int().min(1).max(100_000) }),
]);
export type Pace = z.infer<typeof paceSchema>;

const term = z.string().trim().min(1).max(120);
/** Who the client wants. Empty lists accept anything. Sizes and revenues are the template's bands. */
export const orderCriteriaSchema = z.strictObject({
  /** ISO 3166-1 alpha-2 codes. */
  countries: z.array(z.string().trim().toUpperCase().length(2)).max(250).default([]),
  industries: z.array(term).max(200).default([]),
  /** Employee-count bands ('1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001-10000', '10001+'). */
  sizes: z.array(term).max(20).default([]),
  /** Revenue bands ('<1M', '1M-10M', '10M-50M', '50M-100M', '100M-500M', '500M-1B', '1B+'). */
  revenues: z.array(term).max(20).default([]),
  /** Job titles, matched as words in the contact's title. */
  titles: z.array(term).max(200).default([]),
  seniorities: z.array(term).max(20).default([]),
  functions: z.array(term).max(50).default([]),
});
export type OrderCriteria = z.infer<typeof orderCriteriaSchema>;

export const orderQuestionSchema = z.strictObject({
  id: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 lower-case letters, digits, - or _'),
  text: z.string().trim().min(1, 'must not be empty').max(500),
  required: z.boolean().default(true),
});
export type OrderQuestion = z.infer<typeof orderQuestionSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');

const orderFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200),
  channel: z.enum(ORDER_CHANNELS),
  volume: z.number().int().min(1).max(1_000_000),
  costPerLeadCents: z.number().int().min(0).max(100_000_00),
  currency: z.string().trim().toUpperCase().length(3).default('USD'),
  startsOn: isoDate,
  endsOn: isoDate,
  pace: paceSchema.default({ kind: 'even' }),
  criteria: orderCriteriaSchema.default({ countries: [], industries: [], sizes: [], revenues: [], titles: [], seniorities: [], functions: [] }),
  questions: z.array(orderQuestionSchema).max(20).default([]),
  deliveryMethod: z.enum(DELIVERY_METHODS).default('portal'),
  returnWindowDays: z.number().int().min(0).max(90).default(14),
  notes: z.string().trim().max(4000).nullable().default(null),
};

const targetsInput = z.strictObject({ csv: z.string().max(5_000_000).optional(), domains: z.array(z.string().max(500)).max(50_000).optional() });
const endsAfterStart = (o: { startsOn: string; endsOn: string }) => o.endsOn >= o.startsOn;
const windowMessage = () => ({ path: ['endsOn'], message: 'must not be before the start' });

/**
 * A new order from the portal (for the caller's organisation), its fields only: the API checks
 * the window itself (an end before the start answers 422 on endsOn), forms use orderCreateSchema.
 */
export const orderCreateFieldsSchema = z.strictObject({
  ...orderFields,
  /** The target-account list, optional at creation: domains one per line or a CSV with a domain column. */
  targets: targetsInput.optional(),
});
/** A new order from the portal. The end may not precede the start. */
export const orderCreateSchema = orderCreateFieldsSchema.refine(endsAfterStart, windowMessage());
export type OrderCreate = z.infer<typeof orderCreateFieldsSchema>;

/** Staff create on a client's behalf: the same with the organisation named. */
export const staffOrderCreateFieldsSchema = orderCreateFieldsSchema.extend({ orgId: uuid });
export const staffOrderCreateSchema = staffOrderCreateFieldsSchema.refine(endsAfterStart, windowMessage());
export type StaffOrderCreate = z.infer<typeof staffOrderCreateFieldsSchema>;

export const orderUpdateSchema = z.strictObject({
  name: orderFields.name.optional(),
  channel: orderFields.channel.optional(),
  volume: orderFields.volume.optional(),
  costPerLeadCents: orderFields.costPerLeadCents.optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  pace: paceSchema.optional(),
  criteria: orderCriteriaSchema.optional(),
  questions: orderFields.questions.optional(),
  deliveryMethod: orderFields.deliveryMethod.optional(),
  returnWindowDays: orderFields.returnWindowDays.optional(),
  notes: orderFields.notes.optional(),
  /** Staff only: the campaign manager, the lead delivery configuration, the per-account cap. */
  managerId: uuid.nullable().optional(),
  deliveryConfigId: uuid.nullable().optional(),
  accountCap: z.number().int().min(1).max(1000).nullable().optional(),
});
export type OrderUpdate = z.infer<typeof orderUpdateSchema>;

export const orderTransitionSchema = z.strictObject({ to: z.enum(ORDER_STATES), note: z.string().trim().max(2000).optional() });

/** How far the order has come: ordered, delivered (published and kept), returned, replaced, open units. */
export const orderCountsSchema = z.object({
  ordered: z.number().int(),
  delivered: z.number().int(),
  returned: z.number().int(),
  replaced: z.number().int(),
  /** Units still to deliver: ordered − delivered (a return reopens one). */
  open: z.number().int(),
  /** Approved or in QA for this order, not yet published. */
  inQa: z.number().int(),
});
export type OrderCounts = z.infer<typeof orderCountsSchema>;

export const orderSummarySchema = z.object({
  id: uuid,
  number: z.number().int(),
  /** ORD-0042 */
  reference: z.string(),
  orgId: uuid,
  orgName: z.string(),
  name: z.string(),
  state: z.enum(ORDER_STATES),
  channel: z.enum(ORDER_CHANNELS),
  volume: z.number().int(),
  costPerLeadCents: z.number().int(),
  currency: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  counts: orderCountsSchema,
  paceStatus: z.enum(['on_pace', 'over', 'under']).nullable(),
  targetCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const orderSchema = orderSummarySchema.extend({
  pace: paceSchema,
  criteria: orderCriteriaSchema,
  questions: z.array(orderQuestionSchema),
  deliveryMethod: z.enum(DELIVERY_METHODS),
  deliveryConfigId: uuid.nullable(),
  returnWindowDays: z.number().int(),
  accountCap: z.number().int().nullable(),
  notes: z.string().nullable(),
  domainSetId: uuid.nullable(),
  segmentId: uuid.nullable(),
  managerId: uuid.nullable(),
  managerName: z.string().nullable(),
  campaigns: z.array(z.object({ campaignId: uuid, campaignKind: z.enum(['call', 'email']), name: z.string(), status: z.string() })),
  /** Where the caller may move it next. */
  nextStates: z.array(z.enum(ORDER_STATES)),
  history: z.array(z.object({ from: z.enum(ORDER_STATES).nullable(), to: z.enum(ORDER_STATES), by: z.string().nullable(), note: z.string().nullable(), at: z.string() })),
});
export type Order = z.infer<typeof orderSchema>;

export const orderListQuerySchema = z.strictObject({
  /** One state, several (repeated, or comma-separated as a query string carries them). */
  state: z
    .preprocess((v) => (typeof v === 'string' && v.includes(',') ? v.split(',') : v), z.union([z.enum(ORDER_STATES), z.array(z.enum(ORDER_STATES))]))
    .optional(),
  /** Staff only: one organisation's orders. */
  orgId: uuid.optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of orders; `counts`: how many orders of the filter (without the state filter) are in each state. */
export const orderPageSchema = z.object({
  items: z.array(orderSummarySchema),
  nextCursor: z.string().nullable(),
  counts: z.record(z.enum(ORDER_STATES), z.number().int()),
});
export type OrderPage = z.infer<typeof orderPageSchema>;

/** Order reference as both sides quote it. */
export function orderReference(number: number): string {
  return `ORD-${String(number).padStart(4, '0')}`;
}

// ---------------------------------------------------------------- targets and suppressions

export const ORDER_TARGETS_MAX = 50_000;

/**
 * Replace the target-account list: a CSV (a `domain` or `website` column, else the first) or a
 * pasted list. `dryRun`: check it and answer what it would become, writing nothing.
 */
export const orderTargetsSchema = z
  .strictObject({
    csv: z.string().max(5_000_000).optional(),
    domains: z.array(z.string().max(500)).max(ORDER_TARGETS_MAX).optional(),
    dryRun: z.boolean().optional(),
  })
  .refine((t) => (t.csv === undefined) !== (t.domains === undefined), { message: 'give either csv or domains', path: ['csv'] });

/** What the upload made of the list: kept, duplicates and lines that are not domains (with why). */
export const orderTargetsResultSchema = z.object({
  kept: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.array(z.object({ line: z.number().int(), value: z.string(), reason: z.string() })),
});
export type OrderTargetsResult = z.infer<typeof orderTargetsResultSchema>;

export const CLIENT_SUPPRESSION_KINDS = ['email', 'domain', 'phone'] as const;
export const clientSuppressionSchema = z.object({
  id: uuid,
  kind: z.enum(CLIENT_SUPPRESSION_KINDS),
  value: z.string(),
  orderId: uuid.nullable(),
  createdAt: z.string(),
});
export type ClientSuppression = z.infer<typeof clientSuppressionSchema>;

export const clientSuppressionAddSchema = z
  .strictObject({
    /** A CSV with email, domain or phone columns (any of them). */
    csv: z.string().max(5_000_000).optional(),
    entries: z.array(z.strictObject({ kind: z.enum(CLIENT_SUPPRESSION_KINDS), value: z.string().trim().min(1).max(320) })).max(50_000).optional(),
    orderId: uuid.optional(),
  })
  .refine((t) => (t.csv === undefined) !== (t.entries === undefined), { message: 'give either csv or entries', path: ['csv'] });

export const clientSuppressionListQuerySchema = z.strictObject({
  kind: z.enum(CLIENT_SUPPRESSION_KINDS).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const clientSuppressionPageSchema = z.object({ items: z.array(clientSuppressionSchema), nextCursor: z.string().nullable(), total: z.number().int() });
export type ClientSuppressionPage = z.infer<typeof clientSuppressionPageSchema>;

export const clientSuppressionDeleteSchema = z.strictObject({ ids: z.array(uuid).min(1).max(1000) });

export const clientSuppressionAddResultSchema = z.object({
  added: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.array(z.object({ line: z.number().int(), value: z.string(), reason: z.string() })),
});

// ---------------------------------------------------------------- match preview

/**
 * How much of the target-account list we can work, as the client uploads it: domains we hold an
 * account for, contacts at them fitting the criteria, and those reachable now by email and by
 * phone after suppressions (global and the client's own), consent and the contact policy.
 */
export const matchPreviewSchema = z.object({
  targets: z.number().int(),
  matchedDomains: z.number().int(),
  unmatchedDomains: z.number().int(),
  /** The first unmatched domains (all of them: unmatched.csv). */
  unmatchedSample: z.array(z.string()),
  accounts: z.number().int(),
  contacts: z.number().int(),
  reachableEmail: z.number().int(),
  reachablePhone: z.number().int(),
  /**
   * On the order's channel: email, phone, or for both the larger of the two (a floor: the gate
   * counts per channel, so a contact reachable both ways is not told apart).
   */
  reachable: z.number().int(),
  /** Contacts at matched accounts that do not fit the criteria. */
  notFitting: z.number().int(),
  /**
   * Why the others are not reachable now, by reason and channel: `client_suppressed` (the client's
   * own list, both channels), then the contact gate's reasons per channel (no_email, suppressed_email,
   * opted_out, contact_frequency, account_cap…).
   */
  excluded: z.array(z.object({ reason: z.string(), channel: z.enum(['email', 'phone', 'both']), count: z.number().int() })),
  computedAt: z.string(),
});
export type MatchPreview = z.infer<typeof matchPreviewSchema>;

export type OrderListQuery = z.infer<typeof orderListQuerySchema>;
export type OrderTargets = z.infer<typeof orderTargetsSchema>;
export type ClientSuppressionAdd = z.infer<typeof clientSuppressionAddSchema>;
export type ClientSuppressionAddResult = z.infer<typeof clientSuppressionAddResultSchema>;
export type ClientSuppressionListQuery = z.infer<typeof clientSuppressionListQuerySchema>;

/** A new order as the API answers it: the order, and what became of its target list when one was given. */
export const orderCreateResultSchema = orderSchema.extend({ targetsResult: orderTargetsResultSchema.nullable() });
export type OrderCreateResult = z.infer<typeof orderCreateResultSchema>;
