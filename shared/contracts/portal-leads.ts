// The portal's leads: what a client sees of the leads delivered to its orders (published and
// returned ones; never those still in QA), returns within the order's window (a return reopens one
// unit of the order and sends the lead back to QA, where its replacement is found), and the users
// of the client's organisation (a client admin invites and deactivates them).
import { z } from 'zod';
import { LEAD_STATES } from './leads';
import { pageQueryFields } from './paging';

const uuid = z.string().uuid();

export const PORTAL_LEAD_STATES = ['published', 'returned', 'replaced'] as const;
export type PortalLeadState = (typeof PORTAL_LEAD_STATES)[number];
export const PORTAL_LEAD_STATE_LABELS: Record<PortalLeadState, string> = { published: 'Delivered', returned: 'Returned', replaced: 'Returned, replaced' };

export const portalLeadSchema = z.object({
  id: uuid,
  orderId: uuid,
  orderReference: z.string(),
  state: z.enum(PORTAL_LEAD_STATES),
  /** The lead's own copy of the person's details (first/last name, email, phone, title, company, domain, country…). */
  fields: z.record(z.string(), z.string().nullable()),
  /** Answers to the order's custom questions, by question id. */
  answers: z.record(z.string(), z.unknown()),
  publishedAt: z.string().nullable(),
  /** Until when it may be returned (null: no longer). */
  returnableUntil: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnReason: z.object({ code: z.string(), label: z.string(), note: z.string().nullable() }).nullable(),
  /** The lead that replaced this one. */
  replacedById: uuid.nullable(),
});
export type PortalLead = z.infer<typeof portalLeadSchema>;

export const portalLeadQuerySchema = z.strictObject({
  state: z.union([z.enum(PORTAL_LEAD_STATES), z.array(z.enum(PORTAL_LEAD_STATES))]).optional(),
  q: z.string().trim().max(200).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** One state or several (repeated, or comma-separated as a query string carries them). */
const portalLeadStates = z
  .preprocess((v) => (typeof v === 'string' && v.includes(',') ? v.split(',') : v), z.union([z.enum(PORTAL_LEAD_STATES), z.array(z.enum(PORTAL_LEAD_STATES))]))
  .optional();

/** The orders of the list across orders: by delivery date or by return date, newest (`-`) or oldest first. */
export const PORTAL_LEAD_SORTS = ['-published_at', 'published_at', '-returned_at', 'returned_at'] as const;
export type PortalLeadSort = (typeof PORTAL_LEAD_SORTS)[number];

/**
 * The client's list of leads across all the orders of its organisation (GET /api/portal/leads):
 * one order or all, states, a search on name, company and email, a delivery date range
 * (`from` inclusive, `to` exclusive), a sort and a cursor. Sorting by return date lists only the
 * leads that were returned.
 */
export const portalLeadListQuerySchema = z
  .strictObject({
    orderId: z.string().uuid('is not an order id').optional(),
    state: portalLeadStates,
    q: z.string().trim().max(200).optional(),
    from: z.string().datetime({ offset: true, message: 'is not a date-time with an offset (2026-01-31T00:00:00Z)' }).optional(),
    to: z.string().datetime({ offset: true, message: 'is not a date-time with an offset (2026-01-31T00:00:00Z)' }).optional(),
    sort: z.enum(PORTAL_LEAD_SORTS).default('-published_at'),
    ...pageQueryFields({ cursorMax: 500, limitMax: 200, limitDefault: 50 }),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });
export type PortalLeadListQuery = z.infer<typeof portalLeadListQuerySchema>;

export const portalLeadPageSchema = z.object({ items: z.array(portalLeadSchema), nextCursor: z.string().nullable(), total: z.number().int() });
export type PortalLeadPage = z.infer<typeof portalLeadPageSchema>;

/**
 * The staff view of an order's leads: every lead of the order, in QA too. `hold` says why an
 * approved lead waits instead of being published (order_not_open, order_full, account_cap,
 * client_suppressed, no_delivery_config) with the reason in words.
 */
export const staffOrderLeadSchema = portalLeadSchema.extend({
  state: z.enum(LEAD_STATES),
  hold: z.object({ code: z.string(), note: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});
export type StaffOrderLead = z.infer<typeof staffOrderLeadSchema>;

export const staffOrderLeadQuerySchema = z.strictObject({
  state: z.union([z.enum(LEAD_STATES), z.array(z.enum(LEAD_STATES))]).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const staffOrderLeadPageSchema = z.object({ items: z.array(staffOrderLeadSchema), nextCursor: z.string().nullable(), total: z.number().int() });
export type StaffOrderLeadPage = z.infer<typeof staffOrderLeadPageSchema>;

export const leadReturnSchema = z.strictObject({
  reasonCode: z.string().trim().min(1, 'is required').max(40),
  note: z.string().trim().max(2000).optional(),
});

export const returnReasonSchema = z.object({ code: z.string(), label: z.string() });
export type ReturnReason = z.infer<typeof returnReasonSchema>;

// ---------------------------------------------------------------- users of my organisation

export const portalUserSchema = z.object({
  id: uuid,
  username: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(['active', 'inactive']),
  clientAdmin: z.boolean(),
  lastSignInAt: z.string().nullable(),
});
export type PortalUser = z.infer<typeof portalUserSchema>;

export const portalUserInviteSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an email address').max(320),
  firstName: z.string().trim().min(1, 'must not be empty').max(100),
  lastName: z.string().trim().min(1, 'must not be empty').max(100),
  clientAdmin: z.boolean().default(false),
});

/**
 * The invite's answer: the user, and the temporary password the admin hands over (the user must
 * change it at first sign-in; Cognito sends no invitation email either).
 */
export const portalInviteResultSchema = z.object({ user: portalUserSchema, temporaryPassword: z.string().nullable() });
export type PortalInviteResult = z.infer<typeof portalInviteResultSchema>;

export const portalMeSchema = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  orgId: uuid,
  orgName: z.string(),
  clientAdmin: z.boolean(),
});
export type PortalMe = z.infer<typeof portalMeSchema>;
