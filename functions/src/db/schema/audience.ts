// Audience tables: saved segments (a filter in the shared filter language), static lists and their
// members, and domain sets (ABM target account lists) with one row per pasted entry and the
// account it matched. Lists and segments are soft-deleted; members and entries go with their list
// or set only when it is purged.
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FilterGroup } from '@shared/contracts/filters';
import { accounts, contacts } from './accounts';
import { id, softDelete, timestamps } from './columns';

export interface DomainSetIssues {
  invalid: Array<{ lineNo: number; raw: string; reason: string }>;
  duplicates: Array<{ lineNo: number; raw: string; sameAs: number }>;
}

export const segments = pgTable(
  'segments',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    filter: jsonb('filter').$type<FilterGroup>().notNull(),
    createdBy: uuid('created_by'),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [uniqueIndex('segments_name_live_key').on(sql`lower(${t.name})`).where(sql`${t.deletedAt} is null`)],
);

export const staticLists = pgTable(
  'static_lists',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    /** How the list began: by hand, a segment snapshot, a domain set, an import. */
    origin: text('origin').notNull().default('manual'),
    /** The segment or domain set it was made from. */
    originId: uuid('origin_id'),
    createdBy: uuid('created_by'),
    ...timestamps(),
    ...softDelete(),
  },
  (t) => [
    uniqueIndex('static_lists_name_live_key').on(sql`lower(${t.name})`).where(sql`${t.deletedAt} is null`),
    check('static_lists_origin_check', sql`${t.origin} in ('manual', 'segment', 'domain_set', 'import')`),
  ],
);

export const staticListMembers = pgTable(
  'static_list_members',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => staticLists.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.contactId], name: 'static_list_members_pkey' }),
    // "Is in list" criteria probe by contact.
    index('static_list_members_contact_idx').on(t.contactId, t.listId),
  ],
);

export const domainSets = pgTable('domain_sets', {
  id: id(),
  name: text('name').notNull(),
  description: text('description'),
  /** The pasted lines that were not used: unreadable ones and repeats of earlier lines. */
  issues: jsonb('issues').$type<DomainSetIssues>().notNull().default({ invalid: [], duplicates: [] }),
  createdBy: uuid('created_by'),
  ...timestamps(),
  ...softDelete(),
});

/**
 * One row per distinct entry of a set: what was pasted, its normalized form (a registrable domain
 * or a company-name key) and the account it matched, how and how surely. Review confirms or
 * rejects a match; rejected matches count as unmatched everywhere.
 */
export const domainSetEntries = pgTable(
  'domain_set_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    setId: uuid('set_id')
      .notNull()
      .references(() => domainSets.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    raw: text('raw').notNull(),
    kind: text('kind').notNull(),
    /** Registrable domain (kind = domain). */
    domain: text('domain'),
    /** The host as given (a subdomain of `domain`, or `domain` itself). */
    host: text('host'),
    /** Company name without legal suffix, lower-case, accents and punctuation dropped (kind = name). */
    nameKey: text('name_key'),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    matchMethod: text('match_method'),
    confidence: real('confidence'),
    reviewStatus: text('review_status').notNull().default('suggested'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('domain_set_entries_set_idx').on(t.setId, t.lineNo),
    // "Account is in domain set" criteria probe by account.
    index('domain_set_entries_account_idx').on(t.accountId, t.setId).where(sql`${t.accountId} is not null and ${t.reviewStatus} <> 'rejected'`),
    check('domain_set_entries_kind_check', sql`${t.kind} in ('domain', 'name')`),
    check(
      'domain_set_entries_method_check',
      sql`${t.matchMethod} in ('domain_exact', 'domain_parent', 'name_exact', 'name_similar')`,
    ),
    check('domain_set_entries_review_check', sql`${t.reviewStatus} in ('suggested', 'confirmed', 'rejected')`),
  ],
);
