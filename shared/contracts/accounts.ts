// The accounts and contacts API: record shapes, create/update bodies, list queries, bulk
// selections and actions, history, global search, and the fields the filter bar offers. The
// handlers validate with these schemas and the SPA's forms use the same ones.
import { z } from 'zod';
import { cursorPageSchema, pageQueryFields } from './paging';
import {
  CONSENT_STATUS_VALUES,
  EMAIL_STATUS_VALUES,
  EMPLOYEE_RANGES,
  JOB_FUNCTION_SUGGESTIONS,
  REVENUE_RANGES,
  SENIORITY_VALUES,
} from '../template';
import { countryOptions, normalizeCountry } from '../normalize/normalize-country';
import { normalizeDomain } from '../normalize/normalize-domain';
import { isFreeMailDomain } from '../normalize/free-mail';
import { normalizeEmail } from '../normalize/normalize-email';
import { SUPPRESSION_REASONS, SUPPRESSION_TYPES } from './compliance';
import { filterQueryParam, filterSchema, type FieldDefinition } from './filters';

// ── shared pieces ────────────────────────────────────────────────────────────────────────────
const isoDateTime = z.string().datetime({ offset: true });
const optionsOf = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

export const ENRICHMENT_STATUSES = ['none', 'pending', 'enriched', 'failed'] as const;
export type EnrichmentStatus = (typeof ENRICHMENT_STATUSES)[number];

/** Custom fields: columns outside the template, kept per record. */
export const CUSTOM_FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;
export const MAX_CUSTOM_FIELDS = 100;
export const customFieldsSchema = z
  .record(
    z.string().regex(CUSTOM_FIELD_KEY, 'custom field names are letters, digits and _'),
    z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()]),
  )
  .refine((value) => Object.keys(value).length <= MAX_CUSTOM_FIELDS, `at most ${MAX_CUSTOM_FIELDS} custom fields`);
export type CustomFields = z.infer<typeof customFieldsSchema>;

const text = (max = 500) => z.string().trim().max(max);
/** Optional text: an empty string clears the field (stored as null). */
const optText = (max = 500) =>
  text(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
const score = z.number().int().min(0).max(100).nullable().optional();
const count = z.number().int().min(0).max(100_000_000).nullable().optional();
const url = optText(2000).refine((v) => v == null || /^(https?:\/\/)?[^\s/$.?#][^\s]*\.[^\s]+$/i.test(v), 'must be a URL');
const country = optText(100).refine((v) => v == null || normalizeCountry(v) !== null, 'is not a country name or ISO code');
const phone = optText(64);
const digits = (min: number, max: number) =>
  optText(20).refine((v) => v == null || new RegExp(`^\\d{${min},${max}}$`).test(v), `must be ${min === max ? min : `${min}–${max}`} digits`);

/** A record version, as given by GET, for optimistic concurrency. */
export const versionSchema = z.number().int().min(1);

// ── accounts ─────────────────────────────────────────────────────────────────────────────────
const accountFieldsShape = {
  name: text(300).min(1, 'is required'),
  domain: optText(300)
    .refine((v) => v == null || normalizeDomain(v) !== null, 'is not a company domain, URL or email')
    .refine((v) => v == null || !isFreeMailDomain(normalizeDomain(v)), 'is a free-mail domain: it names no company'),
  website: url,
  linkedinUrl: url,
  linkedinCompanyId: digits(1, 20),
  industry: optText(200),
  subIndustry: optText(200),
  sicCode: digits(4, 4),
  naicsCode: digits(2, 6),
  employeeCount: count,
  employeeRange: z.enum(EMPLOYEE_RANGES).nullable().optional(),
  annualRevenue: z.number().min(0).max(1e15).nullable().optional(),
  revenueRange: z.enum(REVENUE_RANGES).nullable().optional(),
  street: optText(300),
  city: optText(200),
  state: optText(200),
  postalCode: optText(40),
  country,
  phone,
  technologies: z.array(text(100).min(1)).max(200).nullable().optional(),
  description: optText(5000),
  customFields: customFieldsSchema.optional(),
  source: optText(200),
};

/** POST /api/accounts: creates an account, or merges into the live one with the same domain. */
export const accountCreateSchema = z.strictObject(accountFieldsShape);
export type AccountCreate = z.input<typeof accountCreateSchema>;
export type AccountCreateParsed = z.output<typeof accountCreateSchema>;

/** PATCH /api/accounts/:id: the fields to change plus the version read (or an If-Match header). */
export const accountUpdateSchema = z.strictObject({
  ...accountFieldsShape,
  name: accountFieldsShape.name.optional(),
  version: versionSchema.optional(),
});
export type AccountUpdate = z.input<typeof accountUpdateSchema>;

export const accountSummarySchema = z.object({ id: z.string().uuid(), name: z.string(), domain: z.string().nullable() });
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  website: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  linkedinCompanyId: z.string().nullable(),
  industry: z.string().nullable(),
  subIndustry: z.string().nullable(),
  sicCode: z.string().nullable(),
  naicsCode: z.string().nullable(),
  employeeCount: z.number().int().nullable(),
  employeeRange: z.enum(EMPLOYEE_RANGES).nullable(),
  annualRevenue: z.number().nullable(),
  revenueRange: z.enum(REVENUE_RANGES).nullable(),
  street: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().nullable(),
  /** E.164 when the number could be read. */
  phone: z.string().nullable(),
  /** The phone number as it was given. */
  phoneRaw: z.string().nullable(),
  technologies: z.array(z.string()),
  description: z.string().nullable(),
  customFields: z.record(z.string(), z.unknown()),
  enrichmentStatus: z.enum(ENRICHMENT_STATUSES),
  enrichedAt: isoDateTime.nullable(),
  /** 0–100: how sure enrichment is of the firmographics. */
  confidence: z.number().int().nullable(),
  source: z.string().nullable(),
  createdBy: z.string().uuid().nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
  /** Live contacts at the account (only on GET /api/accounts/:id). */
  contactCount: z.number().int().optional(),
});
export type Account = z.infer<typeof accountSchema>;

// ── contacts ─────────────────────────────────────────────────────────────────────────────────
const contactFieldsShape = {
  accountId: z.string().uuid().nullable().optional(),
  researchDate: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{4}$/, 'must be a date (YYYY-MM-DD or M/D/YYYY)')
    .refine(isCalendarDate, 'is not a calendar date')
    .nullable()
    .optional(),
  fullName: optText(300),
  firstName: optText(150),
  lastName: optText(150),
  jobTitle: optText(300),
  jobFunction: optText(100),
  seniority: z.enum(SENIORITY_VALUES).nullable().optional(),
  email: optText(254).refine((v) => v == null || normalizeEmail(v) !== null, 'is not an email address'),
  emailConfidence: score,
  emailStatus: z.enum(EMAIL_STATUS_VALUES).nullable().optional(),
  directPhone: phone,
  directPhoneConfidence: score,
  mobilePhone: phone,
  mobilePhoneConfidence: score,
  phoneExtension: digits(1, 10),
  linkedinUrl: url,
  city: optText(200),
  state: optText(200),
  country,
  postalCode: optText(40),
  timezone: optText(64).refine((v) => v == null || isTimeZone(v), 'is not an IANA time zone'),
  monthsInRole: count,
  monthsAtCompany: count,
  consentStatus: z.enum(CONSENT_STATUS_VALUES).nullable().optional(),
  source: optText(200),
  customFields: customFieldsSchema.optional(),
};

/** "2024-02-30" and "13/1/2024" are not dates (M/D/YYYY is the template's US form). */
function isCalendarDate(value: string): boolean {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = us ? [Number(us[3]), Number(us[1]), Number(us[2])] : value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * POST /api/contacts: creates a contact, or merges into the live one with the same email (or,
 * without an email, the same account, full name and phone). A contact needs an email or a name.
 */
export const contactCreateSchema = z.strictObject(contactFieldsShape).superRefine((c, ctx) => {
  if (!c.email && !c.fullName && !c.firstName && !c.lastName) {
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'a contact needs an email or a name' });
  }
});
export type ContactCreate = z.input<typeof contactCreateSchema>;

export const contactUpdateSchema = z.strictObject({ ...contactFieldsShape, version: versionSchema.optional() });
export type ContactUpdate = z.input<typeof contactUpdateSchema>;

/** Why a channel of a contact may not be used: the reason and what matched (address, domain, phone). */
export const channelSuppressionSchema = z.object({
  reason: z.enum(SUPPRESSION_REASONS),
  type: z.enum(SUPPRESSION_TYPES),
});
export type ChannelSuppression = z.infer<typeof channelSuppressionSchema>;

/** A contact's suppression state per channel; null when the channel is not suppressed. */
export const contactSuppressionSchema = z.object({
  email: channelSuppressionSchema.nullable(),
  phone: channelSuppressionSchema.nullable(),
});
export type ContactSuppression = z.infer<typeof contactSuppressionSchema>;

export const contactSchema = z.object({
  id: z.string().uuid(),
  accountId: z.string().uuid().nullable(),
  /** The contact's account (name and domain), embedded in lists and GET. */
  account: accountSummarySchema.nullable(),
  researchDate: z.string().nullable(),
  fullName: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  jobFunction: z.string().nullable(),
  seniority: z.enum(SENIORITY_VALUES).nullable(),
  email: z.string().nullable(),
  emailConfidence: z.number().int().nullable(),
  emailStatus: z.enum(EMAIL_STATUS_VALUES).nullable(),
  directPhone: z.string().nullable(),
  directPhoneRaw: z.string().nullable(),
  directPhoneConfidence: z.number().int().nullable(),
  mobilePhone: z.string().nullable(),
  mobilePhoneRaw: z.string().nullable(),
  mobilePhoneConfidence: z.number().int().nullable(),
  phoneExtension: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  country: z.string().nullable(),
  postalCode: z.string().nullable(),
  timezone: z.string().nullable(),
  monthsInRole: z.number().int().nullable(),
  monthsAtCompany: z.number().int().nullable(),
  consentStatus: z.enum(CONSENT_STATUS_VALUES).nullable(),
  source: z.string().nullable(),
  customFields: z.record(z.string(), z.unknown()),
  createdBy: z.string().uuid().nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
  /** Suppression of the address (itself or its domain) and phones, as of the response. */
  suppression: contactSuppressionSchema.optional(),
});
export type Contact = z.infer<typeof contactSchema>;

// ── fields for the filter bar and sorting ────────────────────────────────────────────────────
const auditFields: FieldDefinition[] = [
  { key: 'source', label: 'Source', type: 'text' },
  { key: 'createdAt', label: 'Created', type: 'date', sortable: true },
  { key: 'updatedAt', label: 'Updated', type: 'date', sortable: true },
];

export const ACCOUNT_FIELDS: FieldDefinition[] = [
  { key: 'name', label: 'Company name', type: 'text', sortable: true },
  { key: 'domain', label: 'Domain', type: 'text', sortable: true, mono: true },
  { key: 'website', label: 'Website', type: 'text', mono: true },
  { key: 'industry', label: 'Industry', type: 'text', sortable: true },
  { key: 'subIndustry', label: 'Sub-industry', type: 'text' },
  { key: 'sicCode', label: 'SIC code', type: 'text', mono: true },
  { key: 'naicsCode', label: 'NAICS code', type: 'text', mono: true },
  { key: 'employeeCount', label: 'Employees', type: 'number', sortable: true, mono: true },
  { key: 'employeeRange', label: 'Employee range', type: 'enum', options: optionsOf(EMPLOYEE_RANGES) },
  { key: 'annualRevenue', label: 'Annual revenue (USD)', type: 'number', sortable: true, mono: true },
  { key: 'revenueRange', label: 'Revenue range', type: 'enum', options: optionsOf(REVENUE_RANGES) },
  { key: 'city', label: 'City', type: 'text', sortable: true },
  { key: 'state', label: 'State', type: 'text' },
  { key: 'country', label: 'Country', type: 'text', sortable: true, options: countryOptions() },
  { key: 'phone', label: 'Phone', type: 'text', mono: true },
  { key: 'technologies', label: 'Technologies', type: 'text' },
  { key: 'description', label: 'Description', type: 'text' },
  { key: 'enrichmentStatus', label: 'Enrichment', type: 'enum', options: optionsOf(ENRICHMENT_STATUSES) },
  { key: 'confidence', label: 'Confidence', type: 'number', mono: true },
  ...auditFields,
];

export const CONTACT_FIELDS: FieldDefinition[] = [
  { key: 'fullName', label: 'Name', type: 'text', sortable: true },
  { key: 'firstName', label: 'First name', type: 'text' },
  { key: 'lastName', label: 'Last name', type: 'text', sortable: true },
  { key: 'email', label: 'Email', type: 'text', sortable: true, mono: true },
  { key: 'emailStatus', label: 'Email status', type: 'enum', options: optionsOf(EMAIL_STATUS_VALUES) },
  { key: 'emailConfidence', label: 'Email confidence', type: 'number', mono: true },
  { key: 'jobTitle', label: 'Job title', type: 'text', sortable: true },
  { key: 'jobFunction', label: 'Job function', type: 'enum', options: optionsOf(JOB_FUNCTION_SUGGESTIONS) },
  { key: 'seniority', label: 'Seniority', type: 'enum', options: optionsOf(SENIORITY_VALUES) },
  { key: 'directPhone', label: 'Direct phone', type: 'text', mono: true },
  { key: 'mobilePhone', label: 'Mobile phone', type: 'text', mono: true },
  { key: 'city', label: 'City', type: 'text' },
  { key: 'state', label: 'State', type: 'text' },
  { key: 'country', label: 'Country', type: 'text', sortable: true, options: countryOptions() },
  { key: 'timezone', label: 'Time zone', type: 'text' },
  { key: 'monthsInRole', label: 'Months in role', type: 'number', mono: true },
  { key: 'monthsAtCompany', label: 'Months at company', type: 'number', mono: true },
  { key: 'consentStatus', label: 'Consent', type: 'enum', options: optionsOf(CONSENT_STATUS_VALUES) },
  { key: 'researchDate', label: 'Research date', type: 'date', sortable: true },
  { key: 'accountId', label: 'Account', type: 'text', mono: true },
  { key: 'accountName', label: 'Company name', type: 'text' },
  { key: 'accountDomain', label: 'Company domain', type: 'text', mono: true },
  ...auditFields,
];

/**
 * Custom fields are filterable as text under `custom.<name>` (e.g. `custom.region`); they are not
 * listed above because each record has its own.
 */
export const CUSTOM_FIELD_PREFIX = 'custom.';

const sortKeysOf = (fields: FieldDefinition[]) => fields.filter((f) => f.sortable).map((f) => f.key) as [string, ...string[]];
export const ACCOUNT_SORT_KEYS = sortKeysOf(ACCOUNT_FIELDS);
export const CONTACT_SORT_KEYS = sortKeysOf(CONTACT_FIELDS);

// ── lists ────────────────────────────────────────────────────────────────────────────────────
export const LIST_LIMIT_MAX = 200;

const listQueryShape = {
  /** Search over name, email, domain and phone. */
  q: z.string().trim().max(200).optional(),
  /** The filter language in URL form (encodeFilter). */
  filter: filterQueryParam.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageQueryFields({ cursorMax: 1000, limitMax: LIST_LIMIT_MAX, limitDefault: 50 }),
  /** `only`: the deleted records (the trash), newest deletion first. */
  deleted: z.enum(['only']).optional(),
};

export const accountListQuerySchema = z.strictObject({
  ...listQueryShape,
  sort: z.enum(ACCOUNT_SORT_KEYS).default('createdAt'),
});
export type AccountListQuery = z.input<typeof accountListQuerySchema>;

export const contactListQuerySchema = z.strictObject({
  ...listQueryShape,
  sort: z.enum(CONTACT_SORT_KEYS).default('createdAt'),
});
export type ContactListQuery = z.input<typeof contactListQuerySchema>;

/** How many records match: exact up to a cap, beyond it the planner's estimate. */
export const listTotalSchema = z.object({ count: z.number().int(), exact: z.boolean() });
/** On the first page only (null on later pages: the first page's figure holds). */
const pageTotalSchema = listTotalSchema.nullable();
export type ListTotal = z.infer<typeof listTotalSchema>;

/**
 * Counted exactly up to this many matches; above, `total.exact` is false and the count is the
 * planner's estimate ("about 82,000"). Counting further costs a scan of every match.
 */
export const EXACT_COUNT_CAP = 1_000;

export const accountListResponseSchema = cursorPageSchema(accountSchema).extend({ total: pageTotalSchema });
export type AccountListResponse = z.infer<typeof accountListResponseSchema>;

export const contactListResponseSchema = cursorPageSchema(contactSchema).extend({ total: pageTotalSchema });
export type ContactListResponse = z.infer<typeof contactListResponseSchema>;

// ── bulk ─────────────────────────────────────────────────────────────────────────────────────
export const BULK_IDS_MAX = 10_000;

/** Which records: explicit ids, or every record matching a filter (across all pages) but some. */
export const bulkSelectionSchema = z.union([
  z.strictObject({ ids: z.array(z.string().uuid()).min(1).max(BULK_IDS_MAX) }),
  z.strictObject({
    filter: filterSchema,
    q: z.string().trim().max(200).optional(),
    except: z.array(z.string().uuid()).max(BULK_IDS_MAX).optional(),
  }),
]);
export type BulkSelection = z.infer<typeof bulkSelectionSchema>;

export const BULK_ACTIONS = ['update', 'delete', 'restore', 'addToList', 'export'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Fields a bulk update may set (natural keys are not: they would collide). */
export const accountBulkSetSchema = z
  .strictObject({
    industry: accountFieldsShape.industry,
    subIndustry: accountFieldsShape.subIndustry,
    employeeRange: accountFieldsShape.employeeRange,
    revenueRange: accountFieldsShape.revenueRange,
    city: accountFieldsShape.city,
    state: accountFieldsShape.state,
    country: accountFieldsShape.country,
    source: accountFieldsShape.source,
  })
  .refine((v) => Object.keys(v).length > 0, 'choose at least one field to set');

export const contactBulkSetSchema = z
  .strictObject({
    accountId: contactFieldsShape.accountId,
    jobFunction: contactFieldsShape.jobFunction,
    seniority: contactFieldsShape.seniority,
    emailStatus: contactFieldsShape.emailStatus,
    city: contactFieldsShape.city,
    state: contactFieldsShape.state,
    country: contactFieldsShape.country,
    timezone: contactFieldsShape.timezone,
    consentStatus: contactFieldsShape.consentStatus,
    source: contactFieldsShape.source,
  })
  .refine((v) => Object.keys(v).length > 0, 'choose at least one field to set');

const bulkBase = { selection: bulkSelectionSchema };
const bulkOthers = [
  z.strictObject({ ...bulkBase, action: z.literal('delete') }),
  z.strictObject({ ...bulkBase, action: z.literal('restore') }),
  z.strictObject({ ...bulkBase, action: z.literal('addToList'), listId: z.string().uuid() }),
  z.strictObject({
    ...bulkBase,
    action: z.literal('export'),
    format: z.enum(['csv']).default('csv'),
    /** Template headers (or API keys) to write, in this order; all template columns by default. */
    columns: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
    /** Start the file with a UTF-8 byte-order mark so Excel reads accents right. */
    bom: z.boolean().default(false),
  }),
] as const;

export const accountBulkRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({ ...bulkBase, action: z.literal('update'), set: accountBulkSetSchema }),
  ...bulkOthers,
]);
export type AccountBulkRequest = z.input<typeof accountBulkRequestSchema>;

export const contactBulkRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({ ...bulkBase, action: z.literal('update'), set: contactBulkSetSchema }),
  ...bulkOthers,
]);
export type ContactBulkRequest = z.input<typeof contactBulkRequestSchema>;

export const bulkResultSchema = z.object({
  /** Undo a bulk delete with POST /api/{accounts|contacts}/bulk/{bulkId}/undo. */
  bulkId: z.string().uuid(),
  action: z.enum([...BULK_ACTIONS, 'undo']),
  /** Records the selection matched. */
  matched: z.number().int(),
  /** Records changed. */
  affected: z.number().int(),
  /** Matched but left alone (already in that state, or a restore that would duplicate a live record). */
  skipped: z.number().int(),
  undoable: z.boolean(),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

// ── history ──────────────────────────────────────────────────────────────────────────────────
export const RECORD_CHANGE_ACTIONS = ['create', 'update', 'merge', 'delete', 'restore'] as const;

export const historyEntrySchema = z.object({
  id: z.string(),
  action: z.enum(RECORD_CHANGE_ACTIONS),
  /** Field (API key) → value before and after. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  actorId: z.string().uuid().nullable(),
  actorName: z.string().nullable(),
  bulkId: z.string().uuid().nullable(),
  at: isoDateTime,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyQuerySchema = z.strictObject({
  ...pageQueryFields({ cursorMax: 100, limitMax: 200, limitDefault: 50 }),
});
export const historyResponseSchema = cursorPageSchema(historyEntrySchema);
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

// ── global search (command palette) ──────────────────────────────────────────────────────────
export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'type something to search for').max(200),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export const searchResponseSchema = z.object({
  accounts: z.array(accountSummarySchema),
  contacts: z.array(
    z.object({
      id: z.string().uuid(),
      fullName: z.string().nullable(),
      email: z.string().nullable(),
      jobTitle: z.string().nullable(),
      account: accountSummarySchema.nullable(),
    }),
  ),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

/** An account's contacts: GET /api/accounts/:id/contacts takes the contact list query. */
export const accountContactsQuerySchema = contactListQuerySchema;
