// API shapes of the audience module: dynamic segments (a saved filter over contact and account
// fields plus audience criteria), static lists and their members, and domain sets (ABM target
// account lists) with their match report.
import { z } from 'zod';
import { ACCOUNT_FIELDS, bulkSelectionSchema, contactListQuerySchema, contactListResponseSchema } from './accounts';
import { filterSchema, type FieldDefinition } from './filters';

const CONSENT_OPTIONS = [
  { value: 'opted_in', label: 'Opted in' },
  { value: 'opted_out', label: 'Opted out' },
  { value: 'unknown', label: 'Unknown' },
];

/**
 * Audience criteria a segment may use besides the contact fields. List and domain-set criteria
 * take list / set ids (eq, neq, in, not_in; is_empty = in none); suppression takes true/false;
 * consent takes opted_in / opted_out / unknown (the recorded consent of the channel, else the
 * template's Consent Status).
 */
export const AUDIENCE_FIELDS: FieldDefinition[] = [
  { key: 'inList', label: 'In static list', type: 'text', mono: true },
  { key: 'accountInDomainSet', label: 'Account in domain set', type: 'text', mono: true },
  { key: 'emailSuppressed', label: 'Email suppressed', type: 'boolean' },
  { key: 'phoneSuppressed', label: 'Phone suppressed', type: 'boolean' },
  {
    key: 'emailConsent',
    label: 'Email consent',
    type: 'enum',
    options: CONSENT_OPTIONS,
  },
  {
    key: 'phoneConsent',
    label: 'Phone consent',
    type: 'enum',
    options: CONSENT_OPTIONS,
  },
];

/** The account fields a segment offers (ABM: firmographics, place, technologies) under `account.<key>`. */
export const ACCOUNT_SEGMENT_FIELD_KEYS = [
  'industry',
  'subIndustry',
  'employeeCount',
  'employeeRange',
  'annualRevenue',
  'revenueRange',
  'country',
  'state',
  'city',
  'technologies',
] as const;
export const ACCOUNT_FIELD_PREFIX = 'account.';

/**
 * A contact matches an account condition through its account (a contact without one has none of
 * its values). Labels name the account, since contacts have a country, city and state of their own.
 */
export const ACCOUNT_SEGMENT_FIELDS: FieldDefinition[] = ACCOUNT_SEGMENT_FIELD_KEYS.map((key) => {
  const field = ACCOUNT_FIELDS.find((f) => f.key === key)!;
  const label = key === 'country' || key === 'state' || key === 'city' ? `Account ${field.label.toLowerCase()}` : field.label;
  return { ...field, key: `${ACCOUNT_FIELD_PREFIX}${key}`, label, sortable: false, group: 'Account' };
});

const name = z.string().trim().min(1).max(200);
const description = z.string().trim().max(2000).nullable().optional();
const isoDate = z.string();

// ── segments ─────────────────────────────────────────────────────────────────────────────────
export const segmentSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string().nullable(),
  filter: filterSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Segment = z.infer<typeof segmentSchema>;

export const segmentCreateSchema = z.strictObject({ name, description, filter: filterSchema });
export const segmentUpdateSchema = z.strictObject({ name: name.optional(), description, filter: filterSchema.optional() });

export const segmentPreviewRequestSchema = z.strictObject({
  filter: filterSchema,
  limit: z.number().int().min(1).max(200).default(50),
});

export const segmentPreviewSchema = z.object({
  /** Exact up to the list count cap, the planner's estimate above it (`exact` says which). */
  count: z.number().int(),
  exact: z.boolean(),
  rows: contactListResponseSchema.shape.items,
});
export type SegmentPreview = z.infer<typeof segmentPreviewSchema>;

export const segmentToListRequestSchema = z.strictObject({
  name,
  description,
  /** Leave out members who are opted out (either channel) or suppressed (address, domain or phone). */
  excludeUnreachable: z.boolean().optional(),
});

/**
 * Who a list made from the segment would hold that may not be contacted: `unreachable` members are
 * opted out of a channel or suppressed by address, domain or phone (each counted once); the rest
 * is the compliance guard's breakdown per channel, each member under its first reason there.
 */
export const segmentReachabilitySchema = z.object({
  members: z.number().int(),
  unreachable: z.number().int(),
  suppressedEmail: z.number().int(),
  suppressedDomain: z.number().int(),
  suppressedPhone: z.number().int(),
  optedOutEmail: z.number().int(),
  optedOutPhone: z.number().int(),
});
export type SegmentReachability = z.infer<typeof segmentReachabilitySchema>;

// ── static lists ─────────────────────────────────────────────────────────────────────────────
export const LIST_ORIGINS = ['manual', 'segment', 'domain_set', 'import'] as const;

export const staticListSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string().nullable(),
  origin: z.enum(LIST_ORIGINS),
  originId: z.string().uuid().nullable(),
  memberCount: z.number().int(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type StaticList = z.infer<typeof staticListSchema>;

/** The list made from a segment, and how many members were left out as unreachable. */
export const segmentToListResultSchema = staticListSchema.extend({ leftOut: z.number().int() });
export type SegmentToListResult = z.infer<typeof segmentToListResultSchema>;

export const listCreateSchema = z.strictObject({ name, description });
export const listUpdateSchema = z.strictObject({ name: name.optional(), description });
/**
 * Members to add or remove: contact ids, or every contact matching a filter (the segment
 * language: contact fields and audience criteria) but some.
 */
export const listMembersRequestSchema = z.strictObject({ selection: bulkSelectionSchema });
export const listMembersResultSchema = z.object({ listId: z.string().uuid(), changed: z.number().int(), memberCount: z.number().int() });
export type ListMembersResult = z.infer<typeof listMembersResultSchema>;
export const listMembersQuerySchema = contactListQuerySchema.omit({ deleted: true });

// ── domain sets ──────────────────────────────────────────────────────────────────────────────
export const DOMAIN_SET_MAX_LINES = 20_000;
export const MATCH_METHODS = ['domain_exact', 'domain_parent', 'name_exact', 'name_similar'] as const;
export const REVIEW_STATUSES = ['suggested', 'confirmed', 'rejected'] as const;

export const domainSetCreateSchema = z.strictObject({
  name,
  description,
  /** Pasted lines or CSV text: domains, URLs, emails or company names (first column of a CSV). */
  text: z.string().min(1).max(2_000_000),
});

export const domainSetEntrySchema = z.object({
  id: z.number().int(),
  lineNo: z.number().int(),
  raw: z.string(),
  kind: z.enum(['domain', 'name']),
  domain: z.string().nullable(),
  accountId: z.string().uuid().nullable(),
  accountName: z.string().nullable(),
  accountDomain: z.string().nullable(),
  matchMethod: z.enum(MATCH_METHODS).nullable(),
  confidence: z.number().nullable(),
  reviewStatus: z.enum(REVIEW_STATUSES),
});
export type DomainSetEntry = z.infer<typeof domainSetEntrySchema>;

export const domainSetSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string().nullable(),
  entryCount: z.number().int(),
  matchedCount: z.number().int(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type DomainSet = z.infer<typeof domainSetSchema>;

export const domainSetReportSchema = z.object({
  set: domainSetSchema,
  /** Lines that are neither a domain nor a usable company name. */
  invalid: z.array(z.object({ lineNo: z.number().int(), raw: z.string(), reason: z.string() })),
  /** Lines whose normalized form repeats an earlier line. */
  duplicates: z.array(z.object({ lineNo: z.number().int(), raw: z.string(), sameAs: z.number().int() })),
  matched: z.array(domainSetEntrySchema),
  unmatched: z.array(domainSetEntrySchema),
  /** Live contacts at the matched (not rejected) accounts. */
  contactCount: z.number().int(),
});
export type DomainSetReport = z.infer<typeof domainSetReportSchema>;

export const domainSetReviewSchema = z.strictObject({
  decisions: z
    .array(z.strictObject({ entryId: z.number().int(), status: z.enum(['confirmed', 'rejected']) }))
    .min(1)
    .max(DOMAIN_SET_MAX_LINES),
});

export const domainSetToListSchema = z.strictObject({ name, description });
export const domainSetCreateAccountsResultSchema = z.object({ created: z.number().int(), matched: z.number().int() });
