// Delivery of approved leads to clients: configurations (per client, for one campaign or all the
// client's), the deliveries with their receipts, and the dead-letter list.
//
// Routes (under /api/leads):
//   delivery-configs                 GET ?clientOrgId; POST                       leads.configure
//   delivery-configs/:id             GET, PATCH, DELETE                            leads.configure
//   delivery-configs/:id/test        POST (sends a sample lead, answers the receipt)   leads.configure
//   delivery-configs/:id/secret      POST (rotates the signing secret; answered once)   leads.configure
//   :id/deliver                      POST (one-click: publish to every matching configuration)   leads.review
//   deliveries                       GET ?status&clientOrgId&leadId (dead letters: status=dead)  leads.review
//   deliveries/:id                   GET (with its receipts)                        leads.review
//   deliveries/:id/retry             POST (a dead or failed delivery, now)          leads.review
//   delivery-configs/:id/file        GET (a CSV configuration's delivered leads: a short-lived link)   leads.review
//
// The client's contract (at least once, with a key): a webhook or form post carries
// `Idempotency-Key: <delivery id>` and `x-pivotal-signature: t=<unix>,v1=<hex HMAC-SHA256 of
// "<t>.<raw body>">` keyed with the configuration's secret (its text, UTF-8). A 2xx answer is
// delivered. 408, 429, 5xx, timeouts (10 s) and network errors are retried with exponential
// backoff up to the configured attempts, then the delivery is dead; any other answer (3xx, 4xx)
// and a refused target (private, loopback or link-local after DNS) are dead at once, since sending
// the same again cannot succeed. A send interrupted by a crash is sent again with the same key:
// the client keeps the first and ignores the repeats.
import { z } from 'zod';

const uuid = z.string().uuid();

export const DELIVERY_KINDS = ['webhook', 'form_post', 'csv'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The lead fields a field map can send (the lead's fields, its answers as `answers.<id>`, and these). */
export const DELIVERABLE_FIELDS = [
  'id',
  'firstName',
  'lastName',
  'email',
  'phone',
  'title',
  'company',
  'domain',
  'country',
  'campaignName',
  'approvedAt',
] as const;

export const fieldMapEntrySchema = z.strictObject({
  from: z
    .string()
    .trim()
    .regex(/^([a-zA-Z]+|answers\.[a-z0-9_-]{1,40})$/, 'must be a lead field or answers.<question id>'),
  to: z.string().trim().min(1, 'must not be empty').max(100),
});

const deliveryConfigFields = {
  clientOrgId: uuid,
  /** null: every campaign of the client. */
  campaignId: uuid.nullable().default(null),
  name: z.string().trim().min(1, 'must not be empty').max(120),
  kind: z.enum(DELIVERY_KINDS),
  /** https only (http allowed for loopback on the local stack); private and link-local targets are refused when sending. */
  url: z.string().trim().url('must be a URL').max(2000).nullable().default(null),
  fieldMap: z.array(fieldMapEntrySchema).max(100).default([]),
  active: z.boolean().default(true),
};

export const deliveryConfigListQuerySchema = z.strictObject({
  clientOrgId: uuid.optional(),
});

export const deliveryConfigInputSchema = z.strictObject(deliveryConfigFields).superRefine((v, ctx) => {
  if (v.kind !== 'csv' && !v.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'is required for a webhook or a form post' });
  if (v.kind === 'form_post' && !v.fieldMap.length) ctx.addIssue({ code: 'custom', path: ['fieldMap'], message: 'must map at least one field for a form post' });
});
export type DeliveryConfigInput = z.infer<typeof deliveryConfigInputSchema>;

export const deliveryConfigUpdateSchema = z.strictObject({
  campaignId: deliveryConfigFields.campaignId.optional(),
  name: deliveryConfigFields.name.optional(),
  url: deliveryConfigFields.url.optional(),
  fieldMap: deliveryConfigFields.fieldMap.optional(),
  active: z.boolean().optional(),
});

export interface DeliveryConfig {
  id: string;
  clientOrgId: string;
  clientName: string;
  campaignId: string | null;
  campaignName: string | null;
  name: string;
  kind: DeliveryKind;
  url: string | null;
  fieldMap: { from: string; to: string }[];
  active: boolean;
  /** Whether a signing secret is set (the secret itself is shown only when created or rotated). */
  hasSecret: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A configuration as created or with its secret rotated: the signing secret, shown this once (null for CSV). */
export interface DeliveryConfigWithSecret extends DeliveryConfig {
  secret: string | null;
}

export interface DeliveryReceipt {
  attempt: number;
  at: string;
  httpStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number | null;
}

export interface Delivery {
  id: string;
  leadId: string;
  leadName: string | null;
  configId: string;
  configName: string;
  kind: DeliveryKind;
  clientName: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  receipts?: DeliveryReceipt[];
}

export const deliveryListQuerySchema = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  clientOrgId: uuid.optional(),
  leadId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** The signature header a webhook carries: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const DELIVERY_SIGNATURE_HEADER = 'x-pivotal-signature';

/** The header naming the delivery, the same on every attempt: the client's key to ignore repeats. */
export const DELIVERY_IDEMPOTENCY_HEADER = 'idempotency-key';

/** The JSON body of a webhook (a form post sends the field map's fields instead). */
export interface LeadDeliveryPayload {
  event: 'lead.delivered' | 'lead.test';
  deliveryId: string;
  lead: {
    id: string;
    contactId: string | null;
    accountId: string | null;
    source: string;
    approvedAt: string | null;
    fields: Record<string, string | null>;
    answers: Record<string, unknown>;
  };
  campaign: { id: string | null; kind: 'call' | 'email' | null; name: string | null };
  client: { id: string; name: string };
  /** The field map applied (empty object when the configuration has none). */
  mapped: Record<string, string>;
}

/** What `delivery-configs/:id/test` answers: one attempt's receipt (no delivery is kept). */
export interface DeliveryTestResult extends DeliveryReceipt {
  delivered: boolean;
}

/** A short-lived link to a CSV file. */
export interface DeliveryFileLink {
  url: string;
  expiresAt: string;
  rows: number;
}
