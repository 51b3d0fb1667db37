// The compliance API's request and response shapes: the global suppression list (emails, email
// domains, do-not-call phones), the bulk suppression check, and per-contact consent.
import { z } from 'zod';
import { cursorPageSchema, pageQueryFields } from './paging';

export const SUPPRESSION_REASONS = ['unsubscribe', 'bounce', 'complaint', 'manual', 'dnc_registry', 'client_request'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export const SUPPRESSION_REASON_LABELS: Record<SuppressionReason, string> = {
  unsubscribe: 'Unsubscribed',
  bounce: 'Bounced',
  complaint: 'Complaint',
  manual: 'Added by hand',
  dnc_registry: 'DNC registry',
  client_request: 'Client request',
};

/** What an entry suppresses: one address, every address at a registrable domain, or one phone. */
export const SUPPRESSION_TYPES = ['email', 'domain', 'phone'] as const;
export type SuppressionType = (typeof SUPPRESSION_TYPES)[number];

/** The two lists users see: the email list holds addresses and domains, the DNC list phones. */
export const SUPPRESSION_LISTS = ['email', 'phone'] as const;
export type SuppressionList = (typeof SUPPRESSION_LISTS)[number];

export const suppressionReasonSchema = z.enum(SUPPRESSION_REASONS);
export const suppressionTypeSchema = z.enum(SUPPRESSION_TYPES);
export const suppressionListSchema = z.enum(SUPPRESSION_LISTS);

const sourceSchema = z.string().trim().min(1).max(200);
const countrySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 country code')
  .transform((c) => c.toUpperCase());

export const suppressionSchema = z.object({
  id: z.string().uuid(),
  type: suppressionTypeSchema,
  /** Normalized: lower-case address, registrable domain, or E.164. */
  value: z.string(),
  reason: suppressionReasonSchema,
  source: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().uuid().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Suppression = z.infer<typeof suppressionSchema>;

export const addSuppressionRequestSchema = z.strictObject({
  type: suppressionTypeSchema,
  value: z.string().trim().min(1).max(320),
  reason: suppressionReasonSchema,
  /** Where the entry came from; "manual" when omitted. */
  source: sourceSchema.optional(),
  note: z.string().trim().max(1000).optional(),
  /** Country of a phone written without an international prefix (default US). */
  defaultCountry: countrySchema.optional(),
});
export type AddSuppressionRequest = z.infer<typeof addSuppressionRequestSchema>;

export const addSuppressionResponseSchema = z.object({
  /** False when the value was already on the list (the existing entry is returned unchanged). */
  added: z.boolean(),
  suppression: suppressionSchema,
});
export type AddSuppressionResponse = z.infer<typeof addSuppressionResponseSchema>;

/** Largest CSV text accepted inline; bigger files go through an uploaded S3 object. */
export const MAX_BULK_CSV_CHARS = 1_500_000;
/** How many invalid or duplicate lines a bulk result lists (the counts are always complete). */
export const MAX_REPORTED_LINES = 1000;

export const bulkSuppressionRequestSchema = z
  .strictObject({
    /** email: each value is an address or a domain; phone: each value is a phone number. */
    list: suppressionListSchema,
    reason: suppressionReasonSchema,
    source: sourceSchema.optional(),
    defaultCountry: countrySchema.optional(),
    /**
     * CSV text: one value per line, or a header row naming an `email`, `domain`, `phone` or
     * `value` column (and optionally a `reason` column that overrides `reason` per row).
     */
    csv: z.string().max(MAX_BULK_CSV_CHARS).optional(),
    /** Key of an uploaded CSV object in the data bucket, in the same format. */
    s3Key: z.string().trim().min(1).max(1024).optional(),
  })
  .refine((r) => (r.csv === undefined) !== (r.s3Key === undefined), { message: 'give exactly one of csv or s3Key', path: ['csv'] });
export type BulkSuppressionRequest = z.infer<typeof bulkSuppressionRequestSchema>;

export const bulkLineSchema = z.object({
  /** 1-based line number in the file (the header is line 1 when there is one). */
  line: z.number().int(),
  value: z.string(),
  reason: z.string().optional(),
});
export type BulkLine = z.infer<typeof bulkLineSchema>;

export const bulkSuppressionResponseSchema = z.object({
  rows: z.number().int(),
  added: z.number().int(),
  /** Already on the list, or repeated in the file. */
  duplicates: z.number().int(),
  invalid: z.number().int(),
  duplicateLines: z.array(bulkLineSchema),
  invalidLines: z.array(bulkLineSchema),
  /** True when more lines were duplicate or invalid than the lists show. */
  truncated: z.boolean(),
});
export type BulkSuppressionResponse = z.infer<typeof bulkSuppressionResponseSchema>;

export const suppressionListQuerySchema = z.strictObject({
  list: suppressionListSchema.default('email'),
  type: suppressionTypeSchema.optional(),
  reason: suppressionReasonSchema.optional(),
  /** Part of an address, domain or number (digits are enough for phones). */
  q: z.string().trim().max(320).optional(),
  ...pageQueryFields({ cursorMax: 100, limitMax: 200, limitDefault: 50 }),
});
export type SuppressionListQuery = z.infer<typeof suppressionListQuerySchema>;

export const suppressionListResponseSchema = cursorPageSchema(suppressionSchema);
export type SuppressionListResponse = z.infer<typeof suppressionListResponseSchema>;

/** The bulk check answers this many values per call in a constant number of queries. */
export const MAX_CHECK_VALUES = 10_000;

export const suppressionCheckRequestSchema = z
  .strictObject({
    emails: z.array(z.string().max(320)).max(MAX_CHECK_VALUES).default([]),
    phones: z.array(z.string().max(64)).max(MAX_CHECK_VALUES).default([]),
    defaultCountry: countrySchema.optional(),
  })
  .refine((r) => r.emails.length + r.phones.length <= MAX_CHECK_VALUES, {
    message: `check at most ${MAX_CHECK_VALUES} emails and phones together`,
    path: ['emails'],
  });
export type SuppressionCheckRequest = z.infer<typeof suppressionCheckRequestSchema>;

export const suppressionMatchSchema = z.object({
  /** The value as given. */
  input: z.string(),
  channel: z.enum(['email', 'phone']),
  normalized: z.string(),
  /** Which entry matched: the address itself, its domain, or the phone. */
  matchedType: suppressionTypeSchema,
  matchedValue: z.string(),
  reason: suppressionReasonSchema,
  source: z.string(),
  since: z.string(),
});
export type SuppressionMatch = z.infer<typeof suppressionMatchSchema>;

export const suppressionCheckResponseSchema = z.object({
  checked: z.number().int(),
  /** Only the suppressed values; an address suppressed both itself and by domain appears once per match. */
  suppressed: z.array(suppressionMatchSchema),
  invalid: z.array(z.object({ input: z.string(), channel: z.enum(['email', 'phone']), reason: z.string() })),
});
export type SuppressionCheckResponse = z.infer<typeof suppressionCheckResponseSchema>;

// ── consent ──────────────────────────────────────────────────────────────────────────────────

export const CONSENT_CHANNELS = ['email', 'phone'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const CONSENT_STATUSES = ['opted_in', 'opted_out', 'unknown'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  opted_in: 'Opted in',
  opted_out: 'Opted out',
  unknown: 'Unknown',
};

export const consentChannelSchema = z.enum(CONSENT_CHANNELS);
export const consentStatusSchema = z.enum(CONSENT_STATUSES);

export const consentStateSchema = z.object({
  channel: consentChannelSchema,
  status: consentStatusSchema,
  /** Null when nothing was ever recorded for the channel (status unknown). */
  source: z.string().nullable(),
  evidence: z.string().nullable(),
  /** When the consent was given or withdrawn. */
  recordedAt: z.string().nullable(),
  recordedBy: z.string().uuid().nullable(),
  recordedByName: z.string().nullable(),
});
export type ConsentState = z.infer<typeof consentStateSchema>;

export const consentEventSchema = z.object({
  id: z.string(),
  channel: consentChannelSchema,
  status: consentStatusSchema,
  source: z.string(),
  evidence: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().uuid().nullable(),
  recordedByName: z.string().nullable(),
  /** When the change was entered (recordedAt may be earlier, e.g. a signed form scanned later). */
  createdAt: z.string(),
});
export type ConsentEvent = z.infer<typeof consentEventSchema>;

export const contactConsentQuerySchema = z.strictObject({
  ...pageQueryFields({ cursorMax: 30, limitMax: 200, limitDefault: 50 }),
});
export type ContactConsentQuery = z.infer<typeof contactConsentQuerySchema>;

export const contactConsentResponseSchema = z.object({
  contactId: z.string().uuid(),
  current: z.object({ email: consentStateSchema, phone: consentStateSchema }),
  /** Newest first. */
  history: z.array(consentEventSchema),
  nextCursor: z.string().nullable(),
});
export type ContactConsentResponse = z.infer<typeof contactConsentResponseSchema>;

export const recordConsentRequestSchema = z.strictObject({
  channel: consentChannelSchema,
  status: consentStatusSchema,
  source: sourceSchema,
  /** What proves it: a note, or the URL of a form, recording or document. */
  evidence: z.string().trim().min(1).max(2000).optional(),
  /** When the consent was given or withdrawn; now when omitted; never in the future. */
  recordedAt: z.iso.datetime({ offset: true }).optional(),
});
export type RecordConsentRequest = z.infer<typeof recordConsentRequestSchema>;

// ── the compliance guard's answer (campaign previews show it) ───────────────────────────────

export const EXCLUSION_REASONS = [
  'no_email',
  'no_phone',
  'phone_unverified',
  'suppressed_email',
  'suppressed_domain',
  'suppressed_phone',
  'opted_out',
  'unknown_time_zone',
  'outside_calling_window',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  no_email: 'No email address',
  no_phone: 'No phone number',
  phone_unverified: 'Phone number unverified (no country to read it in, so never checked against the do-not-call list)',
  suppressed_email: 'Email address suppressed',
  suppressed_domain: 'Email domain suppressed',
  suppressed_phone: 'Phone on the do-not-call list',
  opted_out: 'Opted out',
  unknown_time_zone: 'Time zone unknown',
  outside_calling_window: 'Outside calling hours',
};
