// Accounts and contacts (the template's 21 + 25 fields, custom fields, enrichment state), the bulk
// operations run on them and the field-level change history. Natural keys are stored normalized
// and unique among live rows only, so a deleted record never blocks a new one; writes upsert on
// those indexes. Sort keys are indexed as (expression, id) for keyset pagination; trigram
// indexes for contains-search are added by a hand-written migration, only where pg_trgm exists.
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { id, softDelete, timestamps } from './columns';
import { contactPersonKeyParts } from './contact-key';

const personKeyIndexParts = contactPersonKeyParts().map((part) => sql.raw(part)) as [SQL, SQL, SQL];

const live = (t: { deletedAt: AnyPgColumn }): SQL => sql`${t.deletedAt} is null`;

/** The shared record columns: where it came from, who made it, its version and soft delete. */
const recordColumns = () => ({
  source: text('source'),
  customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
  createdBy: uuid('created_by'),
  /** Bumped by every write: PATCH sends the version it read and loses on a mismatch. */
  version: integer('version').notNull().default(1),
  ...timestamps(),
  ...softDelete(),
  /** The bulk operation that deleted the row (undo restores exactly these). */
  deletedByBulk: uuid('deleted_by_bulk'),
});

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    name: text('name').notNull(),
    /** Registrable domain, lower-case ASCII: the natural key. */
    domain: text('domain'),
    website: text('website'),
    linkedinUrl: text('linkedin_url'),
    linkedinCompanyId: text('linkedin_company_id'),
    industry: text('industry'),
    subIndustry: text('sub_industry'),
    sicCode: text('sic_code'),
    naicsCode: text('naics_code'),
    employeeCount: integer('employee_count'),
    employeeRange: text('employee_range'),
    annualRevenue: doublePrecision('annual_revenue'),
    revenueRange: text('revenue_range'),
    street: text('street'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    /** E.164, or null when the raw number could not be read. */
    phone: text('phone'),
    phoneRaw: text('phone_raw'),
    technologies: text('technologies').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
    enrichmentStatus: text('enrichment_status').notNull().default('none'),
    enrichedAt: timestamp('enriched_at', { withTimezone: true }),
    confidence: smallint('confidence'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('accounts_domain_live_key').on(t.domain).where(sql`${t.deletedAt} is null and ${t.domain} is not null`),
    // Without a domain an account is matched by name (case-insensitive).
    uniqueIndex('accounts_name_no_domain_live_key')
      .on(sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} is null and ${t.domain} is null`),
    // Keyset pagination: one (sort key, id) index per sortable field, live rows only.
    index('accounts_sort_name_idx').on(sql`lower(${t.name})`, t.id).where(live(t)),
    index('accounts_sort_domain_idx').on(sql`coalesce(${t.domain}, '')`, t.id).where(live(t)),
    index('accounts_sort_industry_idx').on(sql`coalesce(lower(${t.industry}), '')`, t.id).where(live(t)),
    index('accounts_sort_employee_count_idx').on(sql`coalesce(${t.employeeCount}, -1)`, t.id).where(live(t)),
    index('accounts_sort_annual_revenue_idx').on(sql`coalesce(${t.annualRevenue}, -1)`, t.id).where(live(t)),
    index('accounts_sort_city_idx').on(sql`coalesce(lower(${t.city}), '')`, t.id).where(live(t)),
    index('accounts_sort_country_idx').on(sql`coalesce(${t.country}, '')`, t.id).where(live(t)),
    index('accounts_sort_created_at_idx').on(t.createdAt, t.id).where(live(t)),
    index('accounts_sort_updated_at_idx').on(t.updatedAt, t.id).where(live(t)),
    // Filters on the remaining low-cardinality and numeric fields.
    index('accounts_country_idx').on(t.country).where(live(t)),
    index('accounts_employee_range_idx').on(t.employeeRange).where(live(t)),
    index('accounts_revenue_range_idx').on(t.revenueRange).where(live(t)),
    index('accounts_state_idx').on(sql`coalesce(lower(${t.state}), '')`).where(live(t)),
    index('accounts_enrichment_status_idx').on(t.enrichmentStatus).where(live(t)),
    index('accounts_technologies_idx').using('gin', t.technologies),
    index('accounts_deleted_at_idx').on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
    index('accounts_deleted_by_bulk_idx').on(t.deletedByBulk).where(sql`${t.deletedByBulk} is not null`),
    check('accounts_domain_lower_check', sql`${t.domain} = lower(${t.domain})`),
    check('accounts_enrichment_status_check', sql`${t.enrichmentStatus} in ('none', 'pending', 'enriched', 'failed')`),
    check('accounts_confidence_check', sql`${t.confidence} between 0 and 100`),
    check('accounts_version_check', sql`${t.version} >= 1`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    accountId: uuid('account_id').references(() => accounts.id),
    researchDate: date('research_date'),
    fullName: text('full_name'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    jobTitle: text('job_title'),
    jobFunction: text('job_function'),
    seniority: text('seniority'),
    /** Lower-case: the natural key. */
    email: text('email'),
    emailConfidence: smallint('email_confidence'),
    emailStatus: text('email_status'),
    directPhone: text('direct_phone'),
    directPhoneRaw: text('direct_phone_raw'),
    directPhoneConfidence: smallint('direct_phone_confidence'),
    mobilePhone: text('mobile_phone'),
    mobilePhoneRaw: text('mobile_phone_raw'),
    mobilePhoneConfidence: smallint('mobile_phone_confidence'),
    phoneExtension: text('phone_extension'),
    linkedinUrl: text('linkedin_url'),
    city: text('city'),
    state: text('state'),
    country: text('country'),
    postalCode: text('postal_code'),
    timezone: text('timezone'),
    monthsInRole: integer('months_in_role'),
    monthsAtCompany: integer('months_at_company'),
    consentStatus: text('consent_status'),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('contacts_email_live_key').on(t.email).where(sql`${t.deletedAt} is null and ${t.email} is not null`),
    // Without an email a contact is matched by (account, full name, phone): see ADR 0003.
    uniqueIndex('contacts_person_live_key')
      .on(...personKeyIndexParts)
      .where(sql`${t.deletedAt} is null and ${t.email} is null`),
    index('contacts_account_id_idx').on(t.accountId, t.id).where(live(t)),
    index('contacts_sort_full_name_idx').on(sql`coalesce(lower(${t.fullName}), '')`, t.id).where(live(t)),
    index('contacts_sort_last_name_idx').on(sql`coalesce(lower(${t.lastName}), '')`, t.id).where(live(t)),
    index('contacts_sort_email_idx').on(sql`coalesce(${t.email}, '')`, t.id).where(live(t)),
    index('contacts_sort_job_title_idx').on(sql`coalesce(lower(${t.jobTitle}), '')`, t.id).where(live(t)),
    index('contacts_sort_country_idx').on(sql`coalesce(${t.country}, '')`, t.id).where(live(t)),
    index('contacts_sort_research_date_idx').on(sql`coalesce(${t.researchDate}, '0001-01-01'::date)`, t.id).where(live(t)),
    index('contacts_sort_created_at_idx').on(t.createdAt, t.id).where(live(t)),
    index('contacts_sort_updated_at_idx').on(t.updatedAt, t.id).where(live(t)),
    // Plain-column filter indexes allow index-only counts (expression indexes never do).
    index('contacts_country_idx').on(t.country).where(live(t)),
    index('contacts_seniority_idx').on(t.seniority).where(live(t)),
    index('contacts_job_function_idx').on(sql`coalesce(lower(${t.jobFunction}), '')`).where(live(t)),
    index('contacts_email_status_idx').on(t.emailStatus).where(live(t)),
    index('contacts_consent_status_idx').on(t.consentStatus).where(live(t)),
    index('contacts_city_idx').on(sql`coalesce(lower(${t.city}), '')`).where(live(t)),
    index('contacts_state_idx').on(sql`coalesce(lower(${t.state}), '')`).where(live(t)),
    index('contacts_direct_phone_idx').on(t.directPhone).where(live(t)),
    index('contacts_email_confidence_idx').on(t.emailConfidence).where(live(t)),
    index('contacts_deleted_at_idx').on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
    index('contacts_deleted_by_bulk_idx').on(t.deletedByBulk).where(sql`${t.deletedByBulk} is not null`),
    check('contacts_email_lower_check', sql`${t.email} = lower(${t.email})`),
    check('contacts_identity_check', sql`${t.email} is not null or ${t.fullName} is not null`),
    check('contacts_version_check', sql`${t.version} >= 1`),
  ],
);

/** One row per bulk action: what was asked, by whom, how many rows it touched, whether undone. */
export const bulkOperations = pgTable(
  'bulk_operations',
  {
    id: id(),
    entityType: text('entity_type').notNull(),
    action: text('action').notNull(),
    /** The selection and parameters as requested (ids, or filter + except). */
    request: jsonb('request').notNull(),
    matched: integer('matched').notNull().default(0),
    affected: integer('affected').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    status: text('status').notNull().default('running'),
    createdBy: uuid('created_by'),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('bulk_operations_entity_created_idx').on(t.entityType, t.createdAt),
    check('bulk_operations_entity_type_check', sql`${t.entityType} in ('account', 'contact')`),
    check('bulk_operations_status_check', sql`${t.status} in ('running', 'done', 'failed')`),
  ],
);

/**
 * Field history of accounts and contacts: one row per write with the changed fields
 * ({field: {from, to}}, API keys). Written in the same statement or transaction as the change.
 */
export const recordChanges = pgTable(
  'record_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').notNull().default({}),
    actorId: uuid('actor_id'),
    bulkId: uuid('bulk_id'),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('record_changes_entity_idx').on(t.entityType, t.entityId, t.id),
    index('record_changes_bulk_idx').on(t.bulkId).where(sql`${t.bulkId} is not null`),
    check('record_changes_entity_type_check', sql`${t.entityType} in ('account', 'contact')`),
    check('record_changes_action_check', sql`${t.action} in ('create', 'update', 'merge', 'delete', 'restore')`),
  ],
);
